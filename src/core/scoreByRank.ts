import { isPositive } from "./_lib/compare";
import type { ScreeningOptions } from "./screeningOptions";

/**
 * Purchase and profitability scores (1–5) of every customer analysed, from its net sales
 * or its contribution (margin − visit cost) in the tier window. A value ≤ 0 scores 1.
 * Among the positive values, p = (number strictly greater) / (their count), values equal
 * to the cent (Math.round of cents, as tierColumns ranks) being a tie: 5 when p < cuts[0] (20%), 4 < cuts[1] (40%),
 * 3 < cuts[2] (60%), 2 < cuts[3] (80%), else 1. One sort, then a binary search each.
 * @example scoreByRank([500, 400, 300, 200, 100, 0], [0.2, 0.4, 0.6, 0.8]) → [5, 4, 3, 2, 1, 1]
 */
export function scoreByRank(values: ArrayLike<number>, cuts: ScreeningOptions["rankCuts"]): Int8Array {
  const n = values.length;
  let count = 0;
  for (let c = 0; c < n; c++) if (isPositive(values[c])) count++;
  const sorted = new Float64Array(count);
  for (let c = 0, i = 0; c < n; c++) if (isPositive(values[c])) sorted[i++] = Math.round(values[c] * 100);
  sorted.sort();
  const scores = new Int8Array(n);
  for (let c = 0; c < n; c++) {
    if (!isPositive(values[c])) {
      scores[c] = 1;
      continue;
    }
    const p = (count - upperBound(sorted, Math.round(values[c] * 100))) / count;
    scores[c] = p < cuts[0] ? 5 : p < cuts[1] ? 4 : p < cuts[2] ? 3 : p < cuts[3] ? 2 : 1;
  }
  return scores;
}

/** The number of entries of an ascending array that are ≤ v. */
function upperBound(sorted: Float64Array, v: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] <= v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
