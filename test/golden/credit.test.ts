import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main";
import { dayToSerial, ymdToDay } from "../../src/core/_lib/dates";
import { t, type Lang } from "../../src/i18n";
import { SAMPLE_EN, SAMPLE_ZH } from "../fixtures/paths";
import { columnOf, dumpWorkbook, type SheetDump } from "../support/readBack";

/**
 * Golden receivables and screening figures on both samples (issue 15): the command line's
 * written columns against figures computed here, independently of the core — from the order
 * sheet as written (paid column, 30 days' default terms, as the samples have no due dates or
 * terms), with SPEC's rules spelled out plainly: credits against the earliest due first,
 * overdue = due before the as-of date, the flag's order; and the purchase score from the
 * written net sales by counting the customers strictly above.
 */
type Case = { lang: Lang; input: string; asOf: string; headerRow: number; sheets: { customers: string; orders: string }; cols: Record<string, string> };
const cases: Case[] = [
  {
    lang: "zh-CN",
    input: SAMPLE_ZH,
    asOf: "2026-10-31",
    headerRow: 0,
    sheets: { customers: "客户表", orders: "订单表" },
    cols: { id: "客户编号", limit: "信用额度", date: "订单日期", customer: "客户编号", amount: "金额", paid: "已回款" },
  },
  {
    lang: "en-US",
    input: SAMPLE_EN,
    asOf: "2026-06-30",
    headerRow: 2,
    sheets: { customers: "Customers", orders: "Orders" },
    cols: { id: "Customer ID", limit: "Credit Limit", date: "Order Date", customer: "Customer ID", amount: "Amount", paid: "Paid" },
  },
];

function serialOf(iso: string): number {
  const [y, m, d] = iso.split("-").map(Number);
  return dayToSerial(ymdToDay(y, m, d)!);
}

function readDate(v: unknown): number {
  if (typeof v === "number") return Math.floor(v);
  if (typeof v !== "string") return NaN;
  const s = v.normalize("NFKC").trim();
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})/.exec(s) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  return m ? serialOf(`${m[1]}-${m[2]}-${m[3]}`) : NaN;
}

function readMoney(v: unknown): number {
  if (typeof v === "number") return v;
  if (typeof v !== "string") return NaN;
  let s = v.normalize("NFKC").replace(/[¥$,\s]|元|RMB/g, "");
  const negative = /^\(.*\)$/.test(s);
  s = s.replace(/[()]/g, "");
  const wan = s.endsWith("万");
  const x = Number(wan ? s.slice(0, -1) : s);
  return s === "" ? NaN : (negative ? -1 : 1) * x * (wan ? 10_000 : 1);
}

interface Expected {
  receivable: number;
  overdue: number;
  days: number;
  flag: string | null;
}

/** SPEC "Receivables and credit", in whole cents, one customer at a time. */
function expectedReceivables(orders: SheetDump, c: Case, asOf: number, limits: Map<string, number>): Map<string, Expected> {
  const col = (h: string) => columnOf(orders, c.headerRow, h);
  const [dateCol, customerCol, amountCol, paidCol] = [col(c.cols.date), col(c.cols.customer), col(c.cols.amount), col(c.cols.paid)];
  const byCustomer = new Map<string, { due: number; row: number; cents: number }[]>();
  orders.rows.forEach((r, row) => {
    if (row <= c.headerRow) return;
    const day = readDate(r[dateCol]);
    const amount = readMoney(r[amountCol]);
    const key = typeof r[customerCol] === "string" ? (r[customerCol] as string).normalize("NFKC").trim().toUpperCase() : null;
    if (Number.isNaN(day) || Number.isNaN(amount) || key === null || day > asOf) return;
    const paid = readMoney(r[paidCol]);
    const cents = Math.round(amount * 100) - (Number.isNaN(paid) ? 0 : Math.round(paid * 100));
    byCustomer.set(key, [...(byCustomer.get(key) ?? []), { due: day + 30, row, cents }]);
  });
  const out = new Map<string, Expected>();
  for (const [key, list] of byCustomer) {
    let credit = list.filter((o) => o.cents < 0).reduce((a, o) => a - o.cents, 0);
    let receivable = 0;
    let overdue = 0;
    let earliest = Infinity;
    for (const o of list.filter((x) => x.cents > 0).sort((x, y) => x.due - y.due || x.row - y.row)) {
      const used = Math.min(credit, o.cents);
      credit -= used;
      const open = o.cents - used;
      if (open === 0) continue;
      receivable += open;
      if (o.due < asOf) {
        overdue += open;
        earliest = Math.min(earliest, o.due);
      }
    }
    const days = earliest === Infinity ? 0 : asOf - earliest;
    const limit = Math.round((limits.get(key) ?? 0) * 100);
    const flag = limit > 0 && receivable > limit ? "OverLimit" : days > 90 ? "Overdue90" : overdue > 0 ? "Overdue" : null;
    out.set(key, { receivable: receivable / 100, overdue: overdue / 100, days, flag });
  }
  return out;
}

describe.each(cases)("golden receivables and screening: $lang sample", (c) => {
  let dump: Map<string, SheetDump>;
  const L = (key: Parameters<typeof t>[1], p?: Record<string, string | number>) => t(c.lang, key, p);

  beforeAll(async () => {
    const out = join(mkdtempSync(join(tmpdir(), "golden-credit-")), "out.xlsx");
    expect(await main([c.input, "--out", out, "--lang", c.lang], () => undefined, () => undefined)).toBe(0);
    dump = await dumpWorkbook(out);
  });

  it("writes each customer's receivable, overdue, days overdue and credit flag", () => {
    const ws = dump.get(c.sheets.customers)!;
    const col = (h: string) => columnOf(ws, c.headerRow, h);
    const limits = new Map<string, number>();
    const rows = ws.rows.slice(c.headerRow + 1).filter((r) => typeof r[col(c.cols.id)] === "string");
    for (const r of rows) limits.set(String(r[col(c.cols.id)]).trim().toUpperCase(), readMoney(r[col(c.cols.limit)]));
    const want = expectedReceivables(dump.get(c.sheets.orders)!, c, serialOf(c.asOf), limits);
    let flagged = 0;
    for (const r of rows) {
      const key = String(r[col(c.cols.id)]).trim().toUpperCase();
      const e = want.get(key) ?? { receivable: 0, overdue: 0, days: 0, flag: null };
      const got = {
        key,
        receivable: Math.round((r[col(L("header.customer.receivable"))] as number) * 100) / 100,
        overdue: Math.round((r[col(L("header.customer.overdue"))] as number) * 100) / 100,
        days: r[col(L("header.customer.daysOverdue"))],
        flag: r[col(L("header.customer.creditFlag"))],
      };
      expect(got).toEqual({ key, ...e, flag: e.flag === null ? null : L(`creditFlag.${e.flag}` as Parameters<typeof t>[1]) });
      if (e.flag) flagged++;
    }
    expect(flagged).toBeGreaterThan(10);
  });

  it("writes the purchase score from the ranks of net sales", () => {
    const ws = dump.get(c.sheets.customers)!;
    const col = (h: string) => columnOf(ws, c.headerRow, h);
    const rows = ws.rows.slice(c.headerRow + 1).filter((r) => typeof r[col(c.cols.id)] === "string");
    const cents = (v: unknown) => Math.round((v as number) * 100);
    const sales = rows.map((r) => cents(r[col(L("header.customer.sales", { n: 12 }))]));
    // Every customer analysed counts, as for tiers: the customer sheet's and the unmatched ones the analysis sheet lists.
    const report = dump.get(L("sheet.review", { month: c.asOf.slice(0, 7) }))!;
    const unmatchedAt = report.rows.findIndex((r) => r[0] === L("report.section.unmatched"));
    const unmatched: number[] = [];
    for (let k = unmatchedAt + 2; k < report.rows.length && report.rows[k].some((x) => x !== null); k++) unmatched.push(cents(report.rows[k][2]));
    const unique = new Map<string, number>();
    rows.forEach((r, i) => unique.set(String(r[col(c.cols.id)]), sales[i]));
    const all = [...unique.values(), ...unmatched].filter((s) => s > 0);
    expect(unmatched.length).toBeGreaterThan(0);
    rows.forEach((r, i) => {
      const s = sales[i];
      const p = s <= 0 ? 1 : all.filter((x) => x > s).length / all.length;
      const want = s <= 0 ? 1 : p < 0.2 ? 5 : p < 0.4 ? 4 : p < 0.6 ? 3 : p < 0.8 ? 2 : 1;
      expect({ id: r[0], purchase: r[col(L("header.customer.scorePurchase"))] }).toEqual({ id: r[0], purchase: want });
    });
  });

  it("writes the ageing and screening sections and the Collect part", () => {
    const ws = dump.get(L("sheet.review", { month: c.asOf.slice(0, 7) }))!;
    const firstCells = ws.rows.map((r) => r[0]);
    expect(firstCells).toContain(L("report.section.ageing"));
    expect(firstCells).toContain(L("report.section.screening"));
    expect(firstCells).toContain(L("report.section.collect"));
    expect(firstCells.filter((x) => x === L("reason.Collect")).length).toBeGreaterThan(10);
  });
});
