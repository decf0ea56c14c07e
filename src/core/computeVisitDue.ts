import type { Tier } from "./options";

export interface VisitDue {
  /** Epoch day the next visit is due; null for tiers without an interval. */
  due: number | null;
  /** Days past due on the as-of date (0 when not overdue); null for tiers without an interval. */
  overdueDays: number | null;
}

/**
 * Due = last visit + the tier's interval, or the as-of date when never visited;
 * overdue days = as-of − due when positive.
 * @example computeVisitDue("A", day("2026-09-01"), day("2026-10-31"), intervals) → { due: day("2026-10-01"), overdueDays: 30 }
 */
export function computeVisitDue(
  tier: Tier,
  lastVisit: number | null,
  asOf: number,
  intervals: Record<Tier, number | null>,
): VisitDue {
  const interval = intervals[tier];
  if (interval === null) return { due: null, overdueDays: null };
  const due = lastVisit === null ? asOf : lastVisit + interval;
  return { due, overdueDays: Math.max(0, asOf - due) };
}
