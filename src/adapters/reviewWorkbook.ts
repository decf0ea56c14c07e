import { monthIndex } from "../core/_lib/dates";
import { checkGrids } from "../core/checkGrids";
import type { WritePlan } from "../core/output";
import { planOutput } from "../core/planOutput";
import { reportSheets, sheetsNotReviewed, type WorkbookRecord } from "../core/record";
import { runReview, type Review, type RunOptions } from "../core/runReview";
import type { Lang } from "../i18n";
import type { Progress, WorkbookPort } from "./port";

export interface ReviewWorkbookOptions {
  lang: Lang;
  /** Review month `YYYY-MM`; default: the record's, else the latest order month. */
  month?: string;
  /** Shown in the analysis sheet's title block. */
  generatedAt: string;
  /** Settings chosen now; they override the record's and are saved in it. */
  settings?: Partial<RunOptions>;
  onProgress?: (p: Progress) => void;
}

export interface ReviewWorkbookResult {
  review: Review;
  plan: WritePlan;
  record: WorkbookRecord;
  /** The record sheet held something unreadable and was started afresh. */
  recordDamaged: boolean;
}

/**
 * The whole job through a port, the same for the command line and the add-in: read
 * the record of earlier runs and the input sheets, review them, then write the owned
 * columns, the analysis sheet and the new record. Everything is computed before the
 * first write.
 */
export async function reviewWorkbook(
  port: WorkbookPort,
  options: ReviewWorkbookOptions,
): Promise<ReviewWorkbookResult> {
  const { sheetNames, record: previous, dateSystem } = await port.readMeta();
  const grids = await port.readGrids(sheetsNotReviewed(previous, sheetNames), options.onProgress);
  checkGrids(grids, options.lang);
  options.onProgress?.({ stage: "compute", done: 0, total: 1 });
  const { month: savedMonth, lang: _savedLang, ...savedSettings } = previous.settings;
  const monthText = options.month ?? savedMonth;
  // The date system is the workbook's, whatever a record or the caller says.
  const run: RunOptions = {
    ...(savedSettings as Partial<RunOptions>),
    ...options.settings,
    owned: previous.owned,
    dateSystem,
  };
  if (monthText !== undefined) run.month = parseMonthOption(monthText);
  const review = runReview(grids, run);
  const plan = planOutput(review, {
    lang: options.lang,
    owned: previous.owned,
    sheetNames,
    ownedSheets: previous.ownedSheets.map((s) => s.sheet),
    generatedAt: options.generatedAt,
    blocked: port.blockedTables?.() ?? [],
  });
  options.onProgress?.({ stage: "compute", done: 1, total: 1 });
  const made: WorkbookRecord["ownedSheets"] = [
    { sheet: plan.report.sheet, kind: "review" },
    ...(plan.planSheet ? [{ sheet: plan.planSheet.sheet, kind: "plan" as const }] : []),
    ...(plan.created ? [{ sheet: plan.created.sheet, kind: "customers" as const }] : []),
  ];
  const same = (a: WorkbookRecord["ownedSheets"][number], b: WorkbookRecord["ownedSheets"][number]) =>
    a.sheet === b.sheet && a.kind === b.kind;
  // Sheets keep their place in the record and this run's new ones come last, so that re-running keeps the record as it was.
  const ownedSheets = [
    ...previous.ownedSheets.filter(
      (s) => (sheetNames.includes(s.sheet) && !made.some((m) => m.sheet === s.sheet)) || made.some((m) => same(m, s)),
    ),
    ...made.filter((m) => !previous.ownedSheets.some((s) => same(m, s))),
  ];
  const settings: WorkbookRecord["settings"] = {
    ...previous.settings,
    ...stripRunOnly(options.settings),
    lang: options.lang,
  };
  if (options.month) settings.month = options.month;
  const record: WorkbookRecord = {
    version: previous.version,
    settings,
    owned: plan.owned,
    ownedSheets,
  };
  const written = reportSheets(previous);
  const replace = [plan.report.sheet, ...(plan.planSheet ? [plan.planSheet.sheet] : [])].filter((s) =>
    written.includes(s),
  );
  await port.write(plan, record, replace, options.onProgress);
  return { review, plan, record, recordDamaged: previous.damaged === true };
}

/** Settings worth saving in the workbook (not the owned-column list, which the record keeps apart). */
function stripRunOnly(settings: Partial<RunOptions> | undefined): WorkbookRecord["settings"] {
  if (!settings) return {};
  const { owned: _owned, month: _month, dateSystem: _dateSystem, ...rest } = settings;
  return rest;
}

/** `2026-10` → month index; a RangeError with a plain message for anything else (a typo, not a crash). */
export function parseMonthOption(text: string): number {
  const m = /^(\d{4})-(\d{1,2})$/.exec(text.trim());
  if (!m || +m[2] < 1 || +m[2] > 12) throw new RangeError(`--month must look like 2026-10, not "${text}"`);
  return monthIndex(+m[1], +m[2]);
}

/** `yyyy-mm-dd hh:mm` in local time, for the analysis sheet's "generated" line. */
export function localTimestamp(d: Date): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}
