import { isBelow, isPositive } from "./_lib/compare";
import type { TierColumns } from "./assignTiers";

/**
 * "To next tier" (距上一等级) of every customer: the smallest increase of its net sales in
 * the tier window, in whole cents (so rounded up to the cent), that gives it a better
 * tier with every other customer unchanged — B to A, C to B (or A), D to any; NaN for A
 * (and where no increase can help: a cut of 0). Exactly as tierColumns would tier the
 * raised sales, from its ranks, without sorting again:
 * - D: the first cent that makes the sales positive.
 * - B or C at position r (0-based), cut = `a` for B, `b` for C. Raised by k cents, it stands
 *   at the position q ≤ r of the first customer it does not pass; those above it are then
 *   ranked[0..q), summing to P[q], and it is better off when P[q] < cut × (T + k/100). Passing
 *   ranked[q] takes entry(q) = its cents − ours (+1 unless our key wins the tie). entry
 *   falls and P rises with q, so "better off on reaching q" holds up to some q* and no
 *   further: one binary search finds q*, and the answer is entry(q*) unless the cut is
 *   already met before passing ranked[q*], at position q* + 1 (one division, checked).
 * `tiers` is tierColumns(sales, keys, cuts); sales rank at their cents, as there, and the
 * comparisons are tierColumns' own (isBelow, isPositive), so a customer exactly on a cut
 * is one cent away. O(n) plus O(log n) a customer.
 * @example
 * // tiers A A B C D; B needs 85 < 80% × (100 + k): k = 6.26
 * computeToNextTier([55, 30, 10, 5, -20], keys, cuts, tierColumns([55, 30, 10, 5, -20], keys, cuts)) → [NaN, NaN, 6.26, 0.01, 20.01]
 */
export function computeToNextTier(
  sales: ArrayLike<number>,
  keys: readonly string[],
  cuts: { a: number; b: number },
  tiers: TierColumns,
): Float64Array {
  const n = sales.length;
  let m = 0;
  for (let c = 0; c < n; c++) if (tiers.tier[c] !== "D") m++;
  const ranked = new Int32Array(m);
  for (let c = 0; c < n; c++) if (tiers.tier[c] !== "D") ranked[tiers.rank[c] - 1] = c;
  const cents = new Float64Array(m);
  const before = new Float64Array(m + 1); // before[q]: the sales of ranked[0..q), added in tierColumns' order
  for (let i = 0; i < m; i++) {
    cents[i] = Math.round(sales[ranked[i]] * 100);
    before[i + 1] = before[i] + sales[ranked[i]];
  }
  const total = before[m];
  const out = new Float64Array(n).fill(NaN);
  for (let c = 0; c < n; c++) {
    const tier = tiers.tier[c];
    if (tier === "D") out[c] = firstPositive(sales[c]) / 100;
    else if (tier !== "A") {
      const k = raise(c, tiers.rank[c] - 1, tier === "B" ? cuts.a : cuts.b);
      if (k !== Infinity) out[c] = k / 100;
    }
  }
  return out;

  /** Whether the customer, raised by k cents and standing below ranked[0..q), meets the cut. */
  function meets(k: number, q: number, cut: number): boolean {
    return isBelow(before[q], (total + k / 100) * cut);
  }

  /** Cents to pass ranked[q] (to stand above it), for customer c at position r > q. */
  function entry(c: number, r: number, q: number): number {
    if (q === r) return 1;
    const other = ranked[q];
    const wins = keys[c] < keys[other] || (keys[c] === keys[other] && c < other);
    return cents[q] - cents[r] + (wins ? 0 : 1);
  }

  /**
   * meets(entry(q), q): entry is base or base + 1, so the keys are compared only when the
   * cut is met at base + 1 and not at base — string comparisons were half the time.
   */
  function metOnReaching(c: number, r: number, q: number, cut: number): boolean {
    if (q === r) return meets(1, q, cut);
    const base = cents[q] - cents[r];
    if (meets(base, q, cut)) return true;
    return meets(base + 1, q, cut) && meets(entry(c, r, q), q, cut);
  }

  function raise(c: number, r: number, cut: number): number {
    if (!(cut > 0)) return Infinity;
    // q*: the last position whose cut is met on reaching it, −1 when none (not even the top)
    let lo = 0;
    let hi = r + 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (metOnReaching(c, r, mid, cut)) lo = mid + 1;
      else hi = mid;
    }
    const q = lo - 1;
    if (q < 0) return solve(0, entry(c, r, 0), cut);
    const reach = entry(c, r, q);
    return q === r ? reach : Math.min(reach, solve(q + 1, entry(c, r, q + 1), cut));
  }

  /** The fewest cents k ≥ from that meet the cut at position q: k > 100 × (P[q] / cut − T), then checked. */
  function solve(q: number, from: number, cut: number): number {
    let k = Math.max(from, Math.floor(100 * (before[q] / cut - total)) + 1);
    while (k > from && meets(k - 1, q, cut)) k--;
    if (meets(k, q, cut)) return k;
    // The estimate fell short (only a cut so small that its product is lost in the tolerance does):
    // gallop up, then halve down to the first k that meets it.
    let fail = k;
    let step = 1;
    while (!meets(fail + step, q, cut)) {
      fail += step;
      step *= 2;
    }
    let hit = fail + step;
    while (hit - fail > 1) {
      const mid = Math.floor((fail + hit) / 2);
      if (meets(mid, q, cut)) hit = mid;
      else fail = mid;
    }
    return hit;
  }
}

/** The fewest whole cents that make sales ≤ 0 positive. */
function firstPositive(s: number): number {
  let k = Math.max(1, Math.floor(-s * 100) + 1);
  while (k > 1 && isPositive(s + (k - 1) / 100)) k--;
  while (!isPositive(s + k / 100)) k++;
  return k;
}
