import { combineSummary } from "../../adapters/combineSummary";
import { combineWorkbooks, type CombineInput, type CombineOptions } from "../../adapters/combineWorkbooks";
import type { CombinedReview } from "../../adapters/excel/combineInExcel";
import { summarize } from "../../adapters/excel/excelHost";

/**
 * The team review as the pane writes it: the command line's combineWorkbooks, then the pane's
 * summary of it (summarize, combineSummary) worked out beside the review, which stays where it ran
 * (its customer table and interned names are objects a message would not carry whole).
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
  };
}
