import { formatMonth } from "../../core/_lib/dates";
import type { WritePlan } from "../../core/output";
import type { WorkbookRecord } from "../../core/record";
import type { Review } from "../../core/runReview";
import type { Inspection } from "../../taskpane/host";

/** The review as a reading after its run sees it: the owned columns' headers in each input sheet's header row. */
export function withWrittenHeaders(review: Review, plan: WritePlan): Review {
  const detection = { ...review.detection };
  for (const role of ["customers", "orders", "visits", "costs"] as const) {
    const m = detection[role];
    const s = m && plan.sheets.find((p) => p.sheet === m.sheet);
    if (!m || !s) continue;
    const headers = [...m.headers];
    for (const c of s.columns) headers[c.col] = c.header;
    for (let c = 0; c < headers.length; c++) headers[c] ??= "";
    detection[role] = { ...m, headers };
  }
  return { ...review, detection };
}

/** What the pane shows of a workbook: its sheets, saved settings and review sheets, and what the review (if it ran) detected. */
export function inspectionOf(
  sheetNames: string[],
  record: WorkbookRecord,
  review?: Pick<Review, "detection" | "month">,
): Inspection {
  const { month, lang: _lang, ...saved } = record.settings;
  const reviewSheets = record.ownedSheets.filter((s) => s.kind === "review").map((s) => s.sheet);
  const inspection: Inspection = {
    sheetNames,
    headers: {},
    settings: { ...saved, month },
    reviewSheets: reviewSheetMonths(reviewSheets, sheetNames),
  };
  if (!review) return inspection;
  inspection.detection = review.detection;
  inspection.latestMonth = formatMonth(review.month);
  for (const m of [
    review.detection.customers,
    review.detection.orders,
    review.detection.visits,
    review.detection.costs,
  ]) {
    if (m) inspection.headers[m.sheet] = m.headers;
  }
  return inspection;
}

/** Review sheets earlier runs made that still exist, with the month in their name. */
function reviewSheetMonths(
  reviewSheets: readonly string[],
  sheetNames: readonly string[],
): { sheet: string; month: string }[] {
  return reviewSheets.flatMap((sheet) => {
    const month = /(\d{4}-\d{2})/.exec(sheet)?.[1];
    return month && sheetNames.includes(sheet) ? [{ sheet, month }] : [];
  });
}
