import { TIERS, type Tier } from "./options";

export interface TierSummary {
  tier: Tier;
  customers: number;
  customerShare: number | null;
  sales: number;
  salesShare: number | null;
  averageSales: number | null;
}

/**
 * Customers and sales per tier, with shares of all customers and of total positive sales.
 * @example summarizeTiers(["A", "B"], [80, 20])[0] → { tier: "A", customers: 1, customerShare: 0.5, sales: 80, salesShare: 0.8, averageSales: 80 }
 */
export function summarizeTiers(tiers: readonly Tier[], sales: ArrayLike<number>): TierSummary[] {
  const count = new Map<Tier, number>();
  const sum = new Map<Tier, number>();
  let positive = 0;
  tiers.forEach((t, c) => {
    count.set(t, (count.get(t) ?? 0) + 1);
    sum.set(t, (sum.get(t) ?? 0) + sales[c]);
    if (t !== "D") positive += sales[c];
  });
  return TIERS.map((tier) => {
    const customers = count.get(tier) ?? 0;
    const s = sum.get(tier) ?? 0;
    return {
      tier,
      customers,
      customerShare: tiers.length === 0 ? null : customers / tiers.length,
      sales: s,
      salesShare: positive === 0 ? null : s / positive,
      averageSales: customers === 0 ? null : s / customers,
    };
  });
}
