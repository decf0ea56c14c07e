import { TIERS, type Tier } from "./options";
import { RECOMMENDATIONS, type Recommendation } from "./recommendCustomer";

/** Customers and their net sales in the tier window for one recommendation and tier. */
export interface ScreeningCell {
  recommendation: Recommendation;
  tier: Tier;
  customers: number;
  sales: number;
}

/**
 * The analysis sheet's 客户筛选 / Screening section: customers and sales per recommendation
 * (Key, Maintain, Watch, Drop) and tier (A–D), every pair listed (zeros included) so the
 * table keeps its shape from month to month.
 * @example summarizeScreening(["Key", "Drop"], ["A", "D"], [900, -5])[0] → { recommendation: "Key", tier: "A", customers: 1, sales: 900 }
 */
export function summarizeScreening(
  recommendation: readonly Recommendation[],
  tiers: readonly Tier[],
  sales: ArrayLike<number>,
): ScreeningCell[] {
  const cells = RECOMMENDATIONS.flatMap((r) =>
    TIERS.map((tier): ScreeningCell => ({ recommendation: r, tier, customers: 0, sales: 0 })),
  );
  for (let c = 0; c < tiers.length; c++) {
    const cell = cells[RECOMMENDATIONS.indexOf(recommendation[c]) * TIERS.length + TIERS.indexOf(tiers[c])];
    cell.customers++;
    cell.sales += sales[c];
  }
  return cells;
}
