import { isAbove, isPositive } from "./_lib/compare";
import { median } from "./_lib/median";

export type CostFlag = "VisitsNoOrders" | "LossMaking" | "HighCost";

export interface CostInput {
  visits: number;
  visitCost: number;
  sales: number;
  /** Gross margin in the tier window; null when the order sheet has no margin column. */
  margin: number | null;
}

/**
 * Cost flags, first that holds: visits but no sales; visit cost above the margin
 * (when margin is known); cost ratio above twice the median cost ratio of the
 * customers with visits and sales > 0.
 * @example flagCosts([{ visits: 2, visitCost: 300, sales: 0, margin: null }]) → ["VisitsNoOrders"]
 */
export function flagCosts(customers: readonly CostInput[]): (CostFlag | null)[] {
  const ratios: number[] = [];
  for (const c of customers) if (c.visits > 0 && isPositive(c.sales)) ratios.push(c.visitCost / c.sales);
  const limit = 2 * median(ratios);
  return customers.map((c) => {
    if (c.visits > 0 && !isPositive(c.sales)) return "VisitsNoOrders";
    if (c.margin !== null && isAbove(c.visitCost, c.margin)) return "LossMaking";
    if (ratios.length > 0 && isPositive(c.sales) && c.visitCost / c.sales > limit) return "HighCost";
    return null;
  });
}
