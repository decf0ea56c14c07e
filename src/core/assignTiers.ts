import { descending, isBelow, isPositive, toCents } from "./_lib/compare";
import type { Tier } from "./options";

export interface TierResult {
  tier: Tier;
  /** Share of total positive sales; null for D. */
  share: number | null;
  /** Cumulative share in rank order, this customer included; null for D. */
  cum: number | null;
  /** 1 = largest; null for D. */
  rank: number | null;
}

/** The result of every customer with sales ≤ 0, shared: results are read, never changed. */
const NOT_RANKED: TierResult = Object.freeze({ tier: "D", share: null, cum: null, rank: null });

/**
 * Pareto ABC tiers. Customers with sales ≤ 0 are D; the rest, sorted by sales
 * descending (ties by key ascending), are A while the share of those ranked above
 * is below `cuts.a`, B below `cuts.b`, else C — so the customer that crosses 80% is still A.
 * @example assignTiers([50, 30, 20], ["x", "y", "z"], { a: 0.8, b: 0.95 }).map((t) => t.tier) → ["A", "A", "B"]
 */
export function assignTiers(sales: ArrayLike<number>, keys: readonly string[], cuts: { a: number; b: number }): TierResult[] {
  const ranked: number[] = [];
  for (let c = 0; c < sales.length; c++) if (isPositive(sales[c])) ranked.push(c);
  // Rank on sales to the cent, so that equal sums that differ only by float noise are a tie.
  const cents = new Float64Array(sales.length);
  for (const c of ranked) cents[c] = toCents(sales[c]);
  ranked.sort((x, y) => descending(cents[x], cents[y]) || (keys[x] < keys[y] ? -1 : keys[x] > keys[y] ? 1 : x - y));
  let total = 0;
  for (const c of ranked) total += sales[c];
  const out: TierResult[] = [];
  for (let c = 0; c < sales.length; c++) out.push(NOT_RANKED);
  let before = 0;
  ranked.forEach((c, i) => {
    const tier: Tier = isBelow(before, total * cuts.a) ? "A" : isBelow(before, total * cuts.b) ? "B" : "C";
    before += sales[c];
    out[c] = { tier, share: sales[c] / total, cum: before / total, rank: i + 1 };
  });
  return out;
}
