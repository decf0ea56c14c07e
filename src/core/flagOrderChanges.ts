import { isAbove, isBelow, isPositive } from "./_lib/compare";
import { monthEnd, monthStart } from "./_lib/dates";
import { sumMonths, type SalesHistory } from "./buildSalesHistory";

export type ChangeFlag = "New" | "Lost" | "Returning" | "Down" | "Up" | "Stable" | "Inactive";
export const CHANGE_FLAGS: readonly ChangeFlag[] = ["New", "Up", "Stable", "Down", "Lost", "Returning", "Inactive"];

export interface ChangeSettings {
  /** k: months in the change window, ending with the review month. */
  window: number;
  baseline: "previous" | "lastYear";
  /** t: Down below b × (1 − t), Up above b × (1 + t). */
  threshold: number;
}

export interface ChangeResult {
  flag: ChangeFlag;
  /** r: net sales in the change window. */
  recent: number;
  /** b: net sales in the baseline. */
  prior: number;
  /** (r − b) / b; null when b ≤ 0. */
  changePct: number | null;
}

/**
 * A customer's order change for review month `month` (SPEC: first rule that holds):
 * New (f in the window), Lost (r ≤ 0 after positive sales in the 12 months before the
 * window), Returning (b ≤ 0 < r), Down, Up, Stable (r > 0), else Inactive.
 * @example flagOrderChange(h, c, monthIndex(2026, 10), NaN, { window: 3, baseline: "previous", threshold: 0.3 }).flag
 */
export function flagOrderChange(
  h: SalesHistory,
  c: number,
  month: number,
  firstDay: number,
  s: ChangeSettings,
): ChangeResult {
  const k = s.window;
  const from = month - k + 1;
  const r = sumMonths(h, h.sales, c, from, month);
  const b =
    s.baseline === "previous"
      ? sumMonths(h, h.sales, c, from - k, month - k)
      : sumMonths(h, h.sales, c, from - 12, month - 12);
  const changePct = isPositive(b) ? (r - b) / b : null;
  // An if-chain, not a closure per call: this runs for every customer, and up to 6 times more for the monthly table.
  let flag: ChangeFlag;
  if (firstDay >= monthStart(from) && firstDay <= monthEnd(month)) flag = "New";
  else if (!isPositive(r) && isPositive(sumMonths(h, h.sales, c, from - 12, from - 1))) flag = "Lost";
  else if (!isPositive(b) && isPositive(r)) flag = "Returning";
  else if (isPositive(b) && isBelow(r, b * (1 - s.threshold))) flag = "Down";
  else if (isPositive(b) && isAbove(r, b * (1 + s.threshold))) flag = "Up";
  else if (isPositive(r)) flag = "Stable";
  else flag = "Inactive";
  return { flag, recent: r, prior: b, changePct };
}
