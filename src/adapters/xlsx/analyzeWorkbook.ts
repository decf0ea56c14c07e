import type ExcelJS from "exceljs";
import { monthIndex } from "../../core/_lib/dates";
import { planOutput } from "../../core/planOutput";
import { decodeRecord, RECORD_SHEET, type WorkbookRecord } from "../../core/record";
import { runReview, type Review, type RunOptions } from "../../core/runReview";
import type { WritePlan } from "../../core/output";
import type { Lang } from "../../i18n";
import { workbookGrids } from "./readWorkbook";
import { writePlan } from "./writePlan";

export interface AnalyzeOptions {
  lang: Lang;
  /** Review month `YYYY-MM`; default: the record's, else the latest order month. */
  month?: string;
  /** Shown in the analysis sheet's title block. */
  generatedAt: string;
  settings?: Partial<RunOptions>;
}

export interface AnalyzeResult {
  review: Review;
  plan: WritePlan;
  record: WorkbookRecord;
  /** The record sheet held something unreadable and was started afresh. */
  recordDamaged: boolean;
}

/**
 * The whole job on a loaded workbook: read the record of earlier runs, review the
 * input sheets, and write the owned columns, the analysis sheet and the new record.
 */
export function analyzeWorkbook(workbook: ExcelJS.Workbook, options: AnalyzeOptions): AnalyzeResult {
  const previous = readRecord(workbook);
  const reviewSheets = previous.ownedSheets.filter((s) => s.kind === "review").map((s) => s.sheet);
  const grids = workbookGrids(workbook, new Set([RECORD_SHEET, ...reviewSheets]));
  const { month: savedMonth, lang: _savedLang, ...savedSettings } = previous.settings;
  const monthText = options.month ?? savedMonth;
  const run: RunOptions = { ...(savedSettings as Partial<RunOptions>), ...options.settings, owned: previous.owned };
  if (monthText !== undefined) run.month = parseMonthOption(monthText);
  const review = runReview(grids, run);
  const plan = planOutput(review, {
    lang: options.lang,
    owned: previous.owned,
    sheetNames: workbook.worksheets.map((w) => w.name),
    ownedSheets: previous.ownedSheets.map((s) => s.sheet),
    generatedAt: options.generatedAt,
  });
  const stillThere = previous.ownedSheets.filter((s) => workbook.getWorksheet(s.sheet) && s.sheet !== plan.report.sheet);
  const record: WorkbookRecord = {
    version: previous.version,
    settings: { ...previous.settings, ...(options.month ? { month: options.month } : {}), lang: options.lang },
    owned: plan.owned,
    ownedSheets: [
      ...stillThere,
      { sheet: plan.report.sheet, kind: "review" },
      ...(plan.created ? [{ sheet: plan.created.sheet, kind: "customers" as const }] : []),
    ],
  };
  const replace = previous.ownedSheets.some((s) => s.sheet === plan.report.sheet) ? [plan.report.sheet] : [];
  writePlan(workbook, plan, record, replace);
  return { review, plan, record, recordDamaged: previous.damaged === true };
}

function readRecord(workbook: ExcelJS.Workbook): WorkbookRecord {
  const ws = workbook.getWorksheet(RECORD_SHEET);
  if (!ws) return decodeRecord([]);
  const cells: unknown[] = [];
  for (let r = 1; r <= ws.rowCount; r++) cells.push(ws.getCell(r, 1).value);
  return decodeRecord(cells);
}

/** `2026-10` → month index; throws a plain message for anything else (a user typo, not a crash). */
export function parseMonthOption(text: string): number {
  const m = /^(\d{4})-(\d{1,2})$/.exec(text.trim());
  if (!m || +m[2] < 1 || +m[2] > 12) throw new RangeError(`--month must look like 2026-10, not "${text}"`);
  return monthIndex(+m[1], +m[2]);
}
