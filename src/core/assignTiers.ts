import { descending, isBelow, isPositive, toCents } from "./_lib/compare";
import type { Tier } from "./options";

/** Every customer's tier figures as columns: share, cum NaN and rank 0 for D. */
export interface TierColumns {
  tier: Tier[];
  share: Float64Array;
  cum: Float64Array;
  rank: Int32Array;
}

/**
 * Pareto ABC tiers. Customers with sales ≤ 0 are D; the rest, sorted by sales
 * descending (ties by key ascending), are A while the share of those ranked above
 * is below `cuts.a`, B below `cuts.b`, else C — so the customer that crosses 80% is still A.
 * Columns, not an object per customer: such objects, living until every result is made,
 * are ~6 MB of a 50,000-customer review's heap, kept past young collections.
 * @example tierColumns([50, 30, 20], ["x", "y", "z"], { a: 0.8, b: 0.95 }).tier → ["A", "A", "B"]
 */
export function tierColumns(
  sales: ArrayLike<number>,
  keys: readonly string[],
  cuts: { a: number; b: number },
): TierColumns {
  const n = sales.length;
  let positive = 0;
  for (let c = 0; c < n; c++) if (isPositive(sales[c])) positive++;
  const ranked = new Int32Array(positive);
  // Rank on sales to the cent, so that equal sums that differ only by float noise are a tie.
  const cents = new Float64Array(n);
  for (let c = 0, i = 0; c < n; c++) {
    if (!isPositive(sales[c])) continue;
    ranked[i++] = c;
    cents[c] = toCents(sales[c]);
  }
  ranked.sort((x, y) => descending(cents[x], cents[y]) || (keys[x] < keys[y] ? -1 : keys[x] > keys[y] ? 1 : x - y));
  let total = 0;
  for (const c of ranked) total += sales[c];
  const out: TierColumns = {
    tier: new Array<Tier>(n).fill("D"),
    share: new Float64Array(n).fill(NaN),
    cum: new Float64Array(n).fill(NaN),
    rank: new Int32Array(n),
  };
  let before = 0;
  for (let i = 0; i < ranked.length; i++) {
    const c = ranked[i];
    out.tier[c] = isBelow(before, total * cuts.a) ? "A" : isBelow(before, total * cuts.b) ? "B" : "C";
    before += sales[c];
    out.share[c] = sales[c] / total;
    out.cum[c] = before / total;
    out.rank[c] = i + 1;
  }
  return out;
}
