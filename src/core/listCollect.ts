import { descending } from "./_lib/compare";
import type { CreditFlag } from "./computeReceivables";
import { TIERS, type Tier } from "./options";

/**
 * The action list's 催收 / Collect part: every customer with a credit flag, by tier (A
 * first) then overdue amount descending, then customer number (a stable order for ties).
 * @example listCollect(["B", "A", "A"], ["Overdue", null, "OverLimit"], [50, 0, 10]) → [2, 0]
 */
export function listCollect(
  tiers: readonly Tier[],
  flags: readonly (CreditFlag | null)[],
  overdue: ArrayLike<number>,
): number[] {
  const buckets: number[][] = TIERS.map(() => []);
  for (let c = 0; c < tiers.length; c++) if (flags[c] !== null) buckets[TIERS.indexOf(tiers[c])].push(c);
  return buckets.flatMap((b) => b.sort((x, y) => descending(overdue[x], overdue[y]) || x - y));
}
