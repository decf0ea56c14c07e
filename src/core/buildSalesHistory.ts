import { monthLocator } from "./_lib/months";
import type { OrderRows } from "./readInputs";

/** Months kept per customer, back from M: enough for any window the settings allow (lost check of M−5 with k = 6 reaches M−22). */
export const HISTORY_MONTHS = 36;

/** Net order amount per customer and month, for months [first, first + months). */
export interface SalesHistory {
  first: number;
  months: number;
  /** sales[c × months + (m − first)] */
  sales: Float64Array;
  /** Gross margin per customer, summed over the months [marginFrom, M] (those the history holds). */
  margin: Float64Array;
  /** Earliest order day per customer (any order on or before the as-of date), NaN when none. */
  firstOrder: Float64Array;
  /** Orders dated after the as-of date, ignored in this review. */
  ignoredAfterAsOf: number;
}

/**
 * Sums each customer's orders by month in one pass over the orders, and its gross margin
 * from month `marginFrom` on (the only margin any rule reads: the tier window's).
 * @example buildSalesHistory(orders, 3, monthIndex(2026, 10), asOf, monthIndex(2025, 11)).sales[c * 36 + 35] — customer c's net sales in M
 */
export function buildSalesHistory(orders: OrderRows, customerCount: number, month: number, asOf: number, marginFrom: number): SalesHistory {
  const first = month - HISTORY_MONTHS + 1;
  const sales = new Float64Array(customerCount * HISTORY_MONTHS);
  const margin = new Float64Array(customerCount);
  const marginAt = Math.max(0, marginFrom - first);
  const firstOrder = new Float64Array(customerCount).fill(NaN);
  const locate = monthLocator(first, HISTORY_MONTHS);
  let ignored = 0;
  for (let i = 0; i < orders.n; i++) {
    const day = orders.day[i];
    if (day > asOf) {
      ignored++;
      continue;
    }
    const c = orders.customer[i];
    if (!(firstOrder[c] <= day)) firstOrder[c] = day;
    const m = locate(day);
    if (m < 0) continue;
    sales[c * HISTORY_MONTHS + m] += orders.amount[i];
    if (m >= marginAt) margin[c] += orders.margin[i];
  }
  return { first, months: HISTORY_MONTHS, sales, margin, firstOrder, ignoredAfterAsOf: ignored };
}

/** Net sales of customer c in months [from, to] (inclusive month indexes). */
export function sumMonths(h: SalesHistory, values: Float64Array, c: number, from: number, to: number): number {
  let s = 0;
  const lo = Math.max(from, h.first);
  const hi = Math.min(to, h.first + h.months - 1);
  const base = c * h.months - h.first;
  for (let m = lo; m <= hi; m++) s += values[base + m];
  return s;
}
