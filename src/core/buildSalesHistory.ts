import { monthLocator } from "./_lib/months";
import type { OrderRows } from "./readInputs";

/** Months kept per customer by default, back from M: more than any setting reads (see historyMonths). */
export const HISTORY_MONTHS = 36;

/**
 * The months back from M that the rules read with change window k: the monthly table
 * flags months down to M−5, and their Lost check and last-year baseline reach 12 months
 * before their window, to M−5−(k−1)−12 (M−22 with k = 6); the tier window (≤ 12) and
 * the previous-period baseline (down to M−5−2k+1) lie within. Fewer months than 36 keep
 * 6 MB of a review's memory untouched at 50,000 customers.
 * @example historyMonths(3, 6, 12) === 20
 */
export function historyMonths(changeWindow: number, tableMonths: number, tierWindow: number): number {
  return Math.max(tableMonths - 1 + changeWindow - 1 + 12 + 1, tierWindow);
}

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
 * Sums each customer's orders by month (the `months` months ending with M) in one pass
 * over the orders, and its gross margin from month `marginFrom` on (the only margin any
 * rule reads: the tier window's).
 * @example buildSalesHistory(orders, 3, monthIndex(2026, 10), asOf, monthIndex(2025, 11)).sales[c * 36 + 35] — customer c's net sales in M
 */
export function buildSalesHistory(
  orders: OrderRows,
  customerCount: number,
  month: number,
  asOf: number,
  marginFrom: number,
  months = HISTORY_MONTHS,
): SalesHistory {
  const first = month - months + 1;
  const sales = new Float64Array(customerCount * months);
  const margin = new Float64Array(customerCount);
  const marginAt = Math.max(0, marginFrom - first);
  const firstOrder = new Float64Array(customerCount).fill(NaN);
  const locate = monthLocator(first, months);
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
    sales[c * months + m] += orders.amount[i];
    if (m >= marginAt) margin[c] += orders.margin[i];
  }
  return { first, months, sales, margin, firstOrder, ignoredAfterAsOf: ignored };
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
