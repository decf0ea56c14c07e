import type { Cell } from "../../src/core/_lib/cells";
import type { SheetDump } from "../support/readBack";

/**
 * An independent reading of the raw input rows, written from SPEC.md alone (no
 * engine code): text dates and amounts, per-customer sums over a month window,
 * and the Pareto tier rule. The variants check the written figures against it.
 */

const FULL_WIDTH = /[\uFF01-\uFF5E]/g;
const halfWidth = (s: string) =>
  s.replace(FULL_WIDTH, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, " ");

/** Excel serial of a calendar day. */
export function serialOf(y: number, m: number, d: number): number {
  return Date.UTC(y, m - 1, d) / 86_400_000 + 25_569;
}

/** `YYYY-MM` of an Excel serial. */
export function monthOfSerial(serial: number): string {
  const d = new Date((Math.floor(serial) - 25_569) * 86_400_000);
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, "0")}`;
}

/** A date cell as an Excel serial day, or undefined when it is no date. */
export function readDate(v: Cell): number | undefined {
  if (typeof v === "number") return Math.floor(v);
  if (typeof v !== "string") return undefined;
  const s = halfWidth(v)
    .trim()
    .replace(/\s+\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?$/, "");
  const m =
    /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(s) ??
    /^(\d{4})年(\d{1,2})月(\d{1,2})日$/.exec(s) ??
    /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  return m ? serialOf(Number(m[1]), Number(m[2]), Number(m[3])) : undefined;
}

/** An amount cell as a number of cents, or undefined when it is no amount. */
export function readCents(v: Cell): number | undefined {
  if (typeof v === "number") return Math.round(v * 100);
  if (typeof v !== "string") return undefined;
  let s = halfWidth(v).trim();
  let sign = 1;
  const paren = /^\((.*)\)$/.exec(s);
  if (paren) {
    s = paren[1];
    sign = -1;
  }
  s = s
    .replace(/^(RMB|¥|￥|\$)\s*/i, "")
    .replace(/元$/, "")
    .trim();
  let scale = 1;
  if (s.endsWith("万")) {
    s = s.slice(0, -1);
    scale = 10_000;
  }
  s = s.replace(/,/g, "");
  if (!/^-?\d+(\.\d+)?$/.test(s)) return undefined;
  return sign * Math.round(Number(s) * scale * 100);
}

export interface RawOrder {
  /** 1-based sheet row. */
  row: number;
  date: number;
  month: string;
  key: string;
  cents: number;
  marginCents: number | undefined;
}

/** The readable order rows of a sheet dump, located by header names. */
export function rawOrders(
  ws: SheetDump,
  headers: { date: string; key: string; amount: string; margin?: string },
): RawOrder[] {
  const h = ws.rows.findIndex((r) => r.includes(headers.date) && r.includes(headers.key) && r.includes(headers.amount));
  if (h < 0) throw new Error("no order header row");
  const at = (name: string) => ws.rows[h].indexOf(name);
  const [dc, kc, ac] = [at(headers.date), at(headers.key), at(headers.amount)];
  const mc = headers.margin ? at(headers.margin) : -1;
  const out: RawOrder[] = [];
  ws.rows.slice(h + 1).forEach((r, i) => {
    const date = readDate(r[dc]);
    const cents = readCents(r[ac]);
    const key = r[kc];
    if (date === undefined || cents === undefined || key === null || key === "") return;
    out.push({
      row: h + i + 2,
      date,
      month: monthOfSerial(date),
      key: String(key).trim().toUpperCase(),
      cents,
      marginCents: mc < 0 ? undefined : readCents(r[mc]),
    });
  });
  return out;
}

/** The `n` months ending with `month`, oldest first. */
export function monthsEnding(month: string, n: number): string[] {
  const [y, m] = month.split("-").map(Number);
  return Array.from({ length: n }, (_, k) => {
    const d = new Date(Date.UTC(y, m - 1 - (n - 1 - k), 1));
    return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, "0")}`;
  });
}

/** Net cents per customer key over the months given. */
export function centsByCustomer(
  orders: RawOrder[],
  months: string[],
  pick: (o: RawOrder) => number | undefined = (o) => o.cents,
): Map<string, number> {
  const inWindow = new Set(months);
  const out = new Map<string, number>();
  for (const o of orders) if (inWindow.has(o.month)) out.set(o.key, (out.get(o.key) ?? 0) + (pick(o) ?? 0));
  return out;
}

export type Tier = "A" | "B" | "C" | "D";

/** SPEC's Pareto rule on integer cents (exact): D when s ≤ 0, else by the share of the customers ranked above. */
export function paretoTiers(keys: Iterable<string>, sales: Map<string, number>): Map<string, Tier> {
  const tiers = new Map<string, Tier>();
  const ranked: [string, number][] = [];
  for (const k of new Set(keys)) {
    const s = sales.get(k) ?? 0;
    if (s <= 0) tiers.set(k, "D");
    else ranked.push([k, s]);
  }
  ranked.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const total = ranked.reduce((t, [, s]) => t + s, 0);
  let before = 0;
  for (const [k, s] of ranked) {
    tiers.set(k, before * 100 < 80 * total ? "A" : before * 100 < 95 * total ? "B" : "C");
    before += s;
  }
  return tiers;
}

export function countTiers(tiers: Map<string, Tier>): Record<Tier, number> {
  const out: Record<Tier, number> = { A: 0, B: 0, C: 0, D: 0 };
  for (const t of tiers.values()) out[t] += 1;
  return out;
}
