import { combineSummary } from "../../adapters/combineSummary";
import {
  combineWorkbooks,
  type CombineInput,
  type CombineOptions,
  type CombineResult,
} from "../../adapters/combineWorkbooks";
import type { Role } from "../../core/columns";
import type { CombinedReview } from "../../adapters/excel/combineInExcel";
import { summarize } from "../../adapters/excel/excelHost";
import { withWrittenHeaders } from "../../adapters/excel/inspectionOf";

/**
 * The team review as the pane writes it: the command line's combineWorkbooks, then the pane's
 * summary of it (summarize, combineSummary) and what it detected worked out beside the review,
 * which stays where it ran (its customer table and interned names are objects a message would
 * not carry whole).
 */
export async function combineForExcel(
  inputs: readonly CombineInput[],
  options: CombineOptions,
): Promise<CombinedReview> {
  const result = await combineWorkbooks(inputs, options);
  const { grids, formats } = result.merged;
  return {
    plan: result.plan,
    record: result.record,
    combined: grids.map((g, i) => ({ sheet: g.sheet, rows: g.values, formats: formats[i] })),
    summary: { ...summarize(result.review, result.plan, options.lang), combined: combineSummary(result, options.lang) },
    found: foundInCombined(result),
  };
}

/**
 * What the review detected in the combined sheets, as reading them from the workbook finds it:
 * their owned columns' headers in place, and each sheet's own rows counted (the review's counts
 * add the rows the merge took as the same, for the analysis sheet's "rows read").
 */
export function foundInCombined(result: CombineResult): CombinedReview["found"] {
  const detection = { ...withWrittenHeaders(result.review, result.plan).detection };
  for (const role of Object.keys(result.merged.skipped) as Role[]) {
    const m = detection[role];
    if (m) detection[role] = { ...m, rowCount: m.rowCount - result.merged.skipped[role] };
  }
  return { detection, month: result.review.month };
}
