import { formatMonth } from "./_lib/dates";
import { sanitizeSheetName } from "./_lib/sheetName";
import { checkLimits } from "./checkLimits";
import { fitPlanCells } from "./fitPlanCells";
import { t, type Lang } from "../i18n";
import { buildReportSheet } from "./buildReportSheet";
import type { ReportPlan, SheetPlan, WritePlan } from "./output";
import { planColumns } from "./planColumns";
import { placeOutsideBlockedTables, type BlockedTable } from "./placeOutsideBlockedTables";
import type { Review } from "./runReview";
import type { OwnedColumn } from "./types";
import { buildPlanSheet } from "./plan/buildPlanSheet";
import { planNextMonth, type NextMonthPlan } from "./plan/planNextMonth";
import { planProspectColumns } from "./plan/planProspectColumns";

export interface PlanOptions {
  lang: Lang;
  /** Columns recorded as owned by earlier runs. */
  owned: readonly OwnedColumn[];
  /** Names of every sheet in the workbook now. */
  sheetNames: readonly string[];
  /** Sheets an earlier run created (they may be replaced; a user's sheet never is). */
  ownedSheets: readonly string[];
  /** Shown in the title block; the core has no clock. */
  generatedAt: string;
  /** Tables that cannot widen without moving the user's cells beside them (none by default). */
  blocked?: readonly BlockedTable[];
}

/**
 * Everything a run writes: the owned columns of the input sheets, the created customer
 * sheet (order-only workbooks) and the analysis sheet, named `月度分析 YYYY-MM` /
 * `Review YYYY-MM` — or with a suffix when a user's sheet has that name. A blocked
 * table's new columns go outside it (placeOutsideBlockedTables). Texts are cut
 * to 32,767 characters, non-finite numbers left blank; a plan that does not fit in Excel
 * throws ExcelLimitError.
 */
export function planOutput(review: Review, options: PlanOptions): WritePlan {
  const { sheets, created } = planColumns(review, options.lang, options.owned);
  placeOutsideBlockedTables(sheets, options.owned, options.blocked ?? []);
  const taken = new Set(options.sheetNames.filter((s) => !options.ownedSheets.includes(s)));
  if (created) {
    created.sheet = sanitizeSheetName(created.sheet, taken);
    sheets[0].sheet = created.sheet;
    taken.add(created.sheet);
  }
  const reportName = sanitizeSheetName(t(options.lang, "sheet.review", { month: formatMonth(review.month) }), taken);
  const report = buildReportSheet(
    review,
    options.lang,
    reportName,
    options.generatedAt,
    created && { sheet: created.sheet, rows: created.rows.length },
  );
  // Next month's plan (issue 16), when chosen: its sheet, and the owned columns of the prospect sheet.
  const next = review.options.plan
    ? planNextMonthSheets(review, options, sheets, new Set([...taken, reportName]))
    : undefined;
  const owned: OwnedColumn[] = sheets.flatMap((s) =>
    s.columns.map((c) => ({ sheet: s.sheet, col: c.col, header: c.header, output: c.output })),
  );
  const plan: WritePlan = { sheets, report, owned };
  if (next) {
    plan.planSheet = next.planSheet;
    plan.nextMonth = next.nextMonth;
  }
  if (created) plan.created = created;
  fitPlanCells(plan);
  checkLimits(plan, options.lang);
  return plan;
}

/** The plan of the month after the review's and its sheet; the prospect sheet's owned columns join `sheets`. */
function planNextMonthSheets(
  review: Review,
  options: PlanOptions,
  sheets: SheetPlan[],
  taken: ReadonlySet<string>,
): { planSheet: ReportPlan; nextMonth: NextMonthPlan } {
  const next = planNextMonth(review, options.lang);
  const prospects = review.planInputs?.prospects;
  if (prospects && next.prospects)
    sheets.push(planProspectColumns(prospects, next.prospects, options.lang, options.owned, review.options.dateSystem));
  const name = sanitizeSheetName(t(options.lang, "sheet.plan", { month: formatMonth(next.month) }), taken);
  return { planSheet: buildPlanSheet(review, next, options.lang, name, options.generatedAt), nextMonth: next };
}
