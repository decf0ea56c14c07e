import type { Inspection } from "./host";
import { normalizeMonth } from "./settingsState";

/** The review sheet a run would replace, and its month. */
export interface ReplaceTarget {
  month: string;
  sheet: string;
}

/**
 * The month a run reviews: the one typed in the form, else the month saved in the workbook,
 * else the latest order's month (as the host decides when the request names none).
 * @example reviewMonth("2026-9", inspection) === "2026-09"
 */
export function reviewMonth(typed: string, inspection: Inspection | undefined): string | undefined {
  return normalizeMonth(typed) ?? inspection?.settings.month ?? inspection?.latestMonth;
}

/**
 * The analysis sheet an earlier run made for the month this run reviews, which the run
 * would replace: the pane asks first. Undefined when there is none (nothing to ask).
 * @example replaceTarget("2026-10", { ...inspection, reviewSheets: [{ sheet: "Review 2026-10", month: "2026-10" }] })
 *   → { month: "2026-10", sheet: "Review 2026-10" }
 */
export function replaceTarget(typed: string, inspection: Inspection | undefined): ReplaceTarget | undefined {
  const month = reviewMonth(typed, inspection);
  if (month === undefined) return undefined;
  const hit = inspection?.reviewSheets?.find((s) => s.month === month);
  return hit ? { month, sheet: hit.sheet } : undefined;
}
