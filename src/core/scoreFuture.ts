import type { ChangeFlag } from "./flagOrderChanges";
import type { Score, ScreeningOptions } from "./screeningOptions";

/**
 * Future score (未来性) from the order change; by default Up 5, New 4, Returning 4,
 * Stable 3, Down 2, Lost 1, Inactive 1.
 * @example scoreFuture("Returning", DEFAULT_SCREENING_OPTIONS.futureScores) === 4
 */
export function scoreFuture(change: ChangeFlag, scores: ScreeningOptions["futureScores"]): Score {
  return scores[change];
}
