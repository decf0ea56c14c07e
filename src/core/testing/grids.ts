/**
 * Small builders for the core's unit tests: grids as Office.js gives them, typed
 * order and visit rows, a sales history and the activity inputs of the monthly tables.
 * Dates are written `yyyy-mm-dd` so that a test reads like the workbook it stands for.
 */
import { dayToSerial, monthEnd, monthIndex, monthOfDay, ymdToDay } from "../_lib/dates";
import { textHash } from "../_lib/intern";
import type { ActivityInputs } from "../activityInputs";
import { buildSalesHistory, HISTORY_MONTHS, type SalesHistory } from "../buildSalesHistory";
import type { CostRow, OrderRows, VisitRows } from "../readInputs";
import type { Cell, Grid } from "../types";

/** Epoch day of a `yyyy-mm-dd` text. @example day("2024-01-01") === 19723 */
export function day(text: string): number {
  const [y, m, d] = text.split("-").map(Number);
  const v = ymdToDay(y, m, d);
  if (v === null) throw new Error(`Not a date: ${text}`);
  return v;
}

/** Excel serial of a `yyyy-mm-dd` text. @example serial("2024-01-01") === 45292 */
export function serial(text: string): number {
  return dayToSerial(day(text));
}

/** Month index of a `yyyy-mm` text. @example month("2026-10") === monthIndex(2026, 10) */
export function month(text: string): number {
  const [y, m] = text.split("-").map(Number);
  return monthIndex(y, m);
}

/** A grid at the top-left of its sheet unless `origin` says otherwise. */
export function grid(sheet: string, values: Cell[][], origin = { row: 0, col: 0 }, table?: string): Grid {
  return table === undefined ? { sheet, origin, values } : { sheet, origin, values, table };
}

export interface OrderSpec {
  day: string;
  customer: number;
  amount: number;
  margin?: number;
  rep?: number;
  /** Interned order id; −1 (the default) for a row without one. */
  orderId?: number;
  /** The paid cell and the due-date cell (epoch day, or `yyyy-mm-dd`); absent: blank. */
  paid?: number;
  due?: number | string;
}

/** Typed order rows; `row` is the position in the list. */
export function orderRows(specs: readonly OrderSpec[]): OrderRows {
  const n = specs.length;
  return {
    n,
    row: Int32Array.from(specs, (_, i) => i),
    day: Int32Array.from(specs, (s) => day(s.day)),
    amount: Float64Array.from(specs, (s) => s.amount),
    margin: Float64Array.from(specs, (s) => s.margin ?? 0),
    paid: Float64Array.from(specs, (s) => s.paid ?? NaN),
    dueCell: Float64Array.from(specs, (s) =>
      s.due === undefined ? NaN : typeof s.due === "number" ? s.due : day(s.due),
    ),
    customer: Int32Array.from(specs, (s) => s.customer),
    rep: Int32Array.from(specs, (s) => s.rep ?? -1),
    orderId: Int32Array.from(specs, (s) => s.orderId ?? -1),
    orderIdHash: Int32Array.from(specs, (s) => (s.orderId === undefined ? 0 : textHash(`SO${s.orderId}`))),
    orderIdText: (i) => (specs[i].orderId === undefined ? null : `SO${specs[i].orderId}`),
  };
}

export interface VisitSpec {
  day: string;
  customer: number;
  rep?: number;
  cost?: number;
}

/** Typed visit rows; `row` is the position in the list. */
export function visitRows(specs: readonly VisitSpec[]): VisitRows {
  return {
    n: specs.length,
    row: Int32Array.from(specs, (_, i) => i),
    day: Int32Array.from(specs, (s) => day(s.day)),
    customer: Int32Array.from(specs, (s) => s.customer),
    rep: Int32Array.from(specs, (s) => s.rep ?? -1),
    cost: Float64Array.from(specs, (s) => s.cost ?? 0),
  };
}

/**
 * A sales history for review month `m` from net sales per customer and `yyyy-mm`.
 * @example salesHistory("2026-10", [{ "2026-09": 100 }]) — customer 0 sold 100 in 2026-09
 */
export function salesHistory(m: string, perCustomer: readonly Record<string, number>[]): SalesHistory {
  const first = month(m) - HISTORY_MONTHS + 1;
  const sales = new Float64Array(perCustomer.length * HISTORY_MONTHS);
  perCustomer.forEach((months, c) => {
    for (const [ym, amount] of Object.entries(months)) {
      const k = month(ym) - first;
      if (k < 0 || k >= HISTORY_MONTHS) throw new Error(`Month outside the history: ${ym}`);
      sales[c * HISTORY_MONTHS + k] += amount;
    }
  });
  return {
    first,
    months: HISTORY_MONTHS,
    sales,
    margin: new Float64Array(sales.length),
    firstOrder: new Float64Array(perCustomer.length).fill(NaN),
    ignoredAfterAsOf: 0,
  };
}

export interface ActivitySpec {
  /** Review month `yyyy-mm`; the as-of date is its last day. */
  month: string;
  customers: number;
  orders?: readonly OrderSpec[];
  visits?: readonly VisitSpec[];
  /** f per customer (`yyyy-mm-dd`, or null for none); by default the customer's earliest order. */
  firstDay?: readonly (string | null)[];
  monthlyCosts?: readonly Omit<CostRow, "row">[];
}

/** What runReview hands the monthly and salesperson tables, built from plain rows. */
export function activityInputs(spec: ActivitySpec): {
  a: ActivityInputs;
  history: SalesHistory;
  firstDay: Float64Array;
} {
  const m = month(spec.month);
  const end = monthEnd(m);
  const orders = orderRows(spec.orders ?? []);
  const visits = visitRows(spec.visits ?? []);
  const history = buildSalesHistory(orders, spec.customers, m, end, m - 11); // margin is not read by these tables
  const firstDay = new Float64Array(spec.customers);
  for (let c = 0; c < spec.customers; c++) {
    const given = spec.firstDay?.[c];
    firstDay[c] = given === undefined ? history.firstOrder[c] : given === null ? NaN : day(given);
  }
  const monthlyByMonth = new Map<number, number>();
  const monthlyByRepMonth = new Map<string, number>();
  for (const row of spec.monthlyCosts ?? []) {
    monthlyByMonth.set(row.month, (monthlyByMonth.get(row.month) ?? 0) + row.amount);
    const key = `${row.rep}|${row.month}`;
    monthlyByRepMonth.set(key, (monthlyByRepMonth.get(key) ?? 0) + row.amount);
  }
  const a: ActivityInputs = {
    orders,
    orderMonth: Int32Array.from(orders.day, (d) => (d > end ? -1 : monthOfDay(d))),
    visits,
    visitMonth: Int32Array.from(visits.day, (d) => (d > end ? -1 : monthOfDay(d))),
    visitDirect: Float64Array.from(visits.cost),
    firstMonth: Float64Array.from(firstDay, (f) => (Number.isNaN(f) ? NaN : monthOfDay(f))),
    monthlyByMonth,
    monthlyByRepMonth,
  };
  return { a, history, firstDay };
}
