import type { Score, ScreeningOptions } from "./screeningOptions";

/**
 * Safety score (安全性), from computeReceivables: 5 with nothing overdue and not over
 * limit; over limit 1; else by days overdue: ≤ days[0] (30) 4, ≤ days[1] (60) 3,
 * ≤ days[2] (90) 2, more 1. Days overdue is 0 exactly when nothing is overdue.
 * @example scoreSafety(45, false, [30, 60, 90]) === 3; scoreSafety(0, true, [30, 60, 90]) === 1
 */
export function scoreSafety(daysOverdue: number, overLimit: boolean, days: ScreeningOptions["safetyDays"]): Score {
  if (overLimit) return 1;
  if (daysOverdue <= 0) return 5;
  return daysOverdue <= days[0] ? 4 : daysOverdue <= days[1] ? 3 : daysOverdue <= days[2] ? 2 : 1;
}
