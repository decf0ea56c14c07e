import type { Criterion, Score, ScreeningOptions } from "./screeningOptions";

/** 淘汰候选 Drop candidate · 重点保持 Key · 关注 Watch · 维持 Maintain. */
export type Recommendation = "Drop" | "Key" | "Watch" | "Maintain";
export const RECOMMENDATIONS: readonly Recommendation[] = ["Key", "Maintain", "Watch", "Drop"];

/**
 * The screening recommendation, first that holds: Drop candidate when profitability
 * (purchase when profitability is not available) ≤ dropProfit (1) and future ≤
 * dropFuture (2); Key when the score (as written, rounded to one decimal) ≥ keyScore
 * (70); Watch when safety is available and ≤ watchSafety (2); else Maintain.
 * @example recommendCustomer({ purchase: 1, profit: null, safety: 5, future: 2, cooperation: 3 }, 35, opts) === "Drop"
 */
export function recommendCustomer(
  scores: Readonly<Record<Criterion, Score | null>>,
  total: number | null,
  opts: Pick<ScreeningOptions, "dropProfit" | "dropFuture" | "keyScore" | "watchSafety">,
): Recommendation {
  const worth = scores.profit ?? scores.purchase;
  const future = scores.future;
  if (worth !== null && future !== null && worth <= opts.dropProfit && future <= opts.dropFuture) return "Drop";
  if (total !== null && total >= opts.keyScore) return "Key";
  if (scores.safety !== null && scores.safety <= opts.watchSafety) return "Watch";
  return "Maintain";
}
