import { dayToSerial, ymdToDay } from "../../src/core/_lib/dates";
import { columnOf, type SheetDump } from "./readBack";

/**
 * SPEC "Receivables and credit" computed independently of the core, for the golden tests:
 * from an order sheet as read back (a paid column, 30 days' default terms, as the samples
 * have no due dates or terms), in whole cents, one customer at a time, the rules spelled
 * out plainly: credits against the earliest due first, overdue = due before the as-of date,
 * the flag's order. Customers are keyed by their id, trimmed and upper-cased.
 */
export interface ExpectedReceivable {
  receivable: number;
  overdue: number;
  days: number;
  flag: "OverLimit" | "Overdue90" | "Overdue" | null;
}

/** The order sheet's header row and the headers of the columns read. */
export interface OrderColumns {
  headerRow: number;
  date: string;
  customer: string;
  amount: string;
  paid: string;
}

export const customerKeyOf = (v: unknown): string | null =>
  typeof v === "string" ? v.normalize("NFKC").trim().toUpperCase() : null;

export function serialOf(iso: string): number {
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

export function readMoney(v: unknown): number {
  if (typeof v === "number") return v;
  if (typeof v !== "string") return NaN;
  let s = v.normalize("NFKC").replace(/[¥$,\s]|元|RMB/g, "");
  const negative = /^\(.*\)$/.test(s);
  s = s.replace(/[()]/g, "");
  const wan = s.endsWith("万");
  const x = Number(wan ? s.slice(0, -1) : s);
  return s === "" ? NaN : (negative ? -1 : 1) * x * (wan ? 10_000 : 1);
}

/** Each customer's credit limit from the customer sheet, by key. */
export function creditLimits(
  customers: SheetDump,
  headerRow: number,
  idHeader: string,
  limitHeader: string,
): Map<string, number> {
  const [id, limit] = [columnOf(customers, headerRow, idHeader), columnOf(customers, headerRow, limitHeader)];
  const out = new Map<string, number>();
  for (const r of customers.rows.slice(headerRow + 1)) {
    const key = customerKeyOf(r[id]);
    if (key !== null) out.set(key, readMoney(r[limit]));
  }
  return out;
}

/** Every customer's receivables on `asOf` (a 1900 serial), by key. */
export function expectedReceivables(
  orders: SheetDump,
  c: OrderColumns,
  asOf: number,
  limits: Map<string, number>,
): Map<string, ExpectedReceivable> {
  const col = (h: string) => columnOf(orders, c.headerRow, h);
  const [dateCol, customerCol, amountCol, paidCol] = [col(c.date), col(c.customer), col(c.amount), col(c.paid)];
  const byCustomer = new Map<string, { due: number; row: number; cents: number }[]>();
  orders.rows.forEach((r, row) => {
    if (row <= c.headerRow) return;
    const day = readDate(r[dateCol]);
    const amount = readMoney(r[amountCol]);
    const key = customerKeyOf(r[customerCol]);
    if (Number.isNaN(day) || Number.isNaN(amount) || key === null || day > asOf) return;
    const paid = readMoney(r[paidCol]);
    const cents = Math.round(amount * 100) - (Number.isNaN(paid) ? 0 : Math.round(paid * 100));
    byCustomer.set(key, [...(byCustomer.get(key) ?? []), { due: day + 30, row, cents }]);
  });
  const out = new Map<string, ExpectedReceivable>();
  for (const [key, list] of byCustomer) out.set(key, oneCustomer(list, asOf, Math.round((limits.get(key) ?? 0) * 100)));
  return out;
}

function oneCustomer(
  list: { due: number; row: number; cents: number }[],
  asOf: number,
  limit: number,
): ExpectedReceivable {
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
  const flag = limit > 0 && receivable > limit ? "OverLimit" : days > 90 ? "Overdue90" : overdue > 0 ? "Overdue" : null;
  return { receivable: receivable / 100, overdue: overdue / 100, days, flag };
}
