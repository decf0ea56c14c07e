import type { CombinedSheetPlan, WritePlan } from "../../core/output";
import type { Review } from "../../core/runReview";
import { sheetsNeverRead, type WorkbookRecord } from "../../core/record";
import type { Grid } from "../../core/types";
import type { Lang } from "../../i18n";
import type { AfterRun, RunSummary } from "../../taskpane/host";
import { CombineInputError, type CombineOptions } from "../combineWorkbooks";
import type { Progress, WorkbookPort } from "../port";
import { inspectionOf } from "./inspectionOf";
import { excelPort, type ExcelPortOptions } from "./excelPort";
import type { ExcelMeta } from "./readExcel";

/** What the pane's Combine asks: the output language and month, and whether the open workbook's own sheets take part. */
export interface CombineRequest {
  lang: Lang;
  month?: string;
  includeOwn: boolean;
  /** How the open workbook is named in the Source column and data issues. */
  ownName: string;
}

/** The open workbook's own sheets as a combine input: read by the pane (only its thread reaches Excel), merged elsewhere. */
export interface OwnSheets {
  name: string;
  meta: Awaited<ReturnType<WorkbookPort["readMeta"]>>;
  grids: Grid[];
}

/** What the writer needs of a team review: its plan and record, the combined sheets, and the pane's summary of it. */
export interface CombinedReview {
  plan: WritePlan;
  record: WorkbookRecord;
  combined: CombinedSheetPlan[];
  summary: RunSummary;
  /** What the review detected in the combined sheets (their owned columns' headers in place) and its month. */
  found: Pick<Review, "detection" | "month">;
}

/**
 * The team review (combineWorkbooks) over the picked files, `own` first when given: run where the
 * picked files are, the pane's read worker (combineInWorker), so that the merge and the review
 * never hold the pane's thread.
 */
export type CombineRun = (
  own: OwnSheets | undefined,
  options: Omit<CombineOptions, "onMerge">,
) => Promise<CombinedReview>;

export interface CombineInExcelOptions {
  port?: ExcelPortOptions;
  signal?: AbortSignal;
  runAt: string;
  canResizeTables: boolean;
  /** The workbook's sheets and record, as read (or repaired) at the run's start. */
  meta?: ExcelMeta;
}

/**
 * The team review into the open workbook (issue 17): the picked files (and, when asked, the
 * workbook's own sheets, read as a single run reads them but for earlier combined sheets) are
 * combined as the command line combines them; the combined sheets are new sheets beside the
 * user's (never over one: `客户表 (2)`), written by the run's writer with the owned columns and
 * the analysis sheet, and recorded as owned (`kind: "combined"`), so Undo takes them away.
 * What the workbook then holds (`after`) comes from the combine's own review where a reading of
 * the workbook would find the same (afterCombine), so the pane need not review it again.
 */
export async function combineInExcel(
  context: Excel.RequestContext,
  request: CombineRequest,
  run: CombineRun,
  options: CombineInExcelOptions,
  generatedAt: string,
  onProgress?: (p: Progress) => void,
): Promise<{ plan: WritePlan; record: WorkbookRecord; summary: RunSummary; after?: AfterRun }> {
  const { signal, runAt, canResizeTables } = options;
  const port = excelPort(context, options.port, {
    signal,
    runAt,
    canResizeTables,
    ...(options.meta ? { meta: options.meta } : {}),
  });
  const meta = await port.readMeta();
  const own = request.includeOwn ? await readOwn(context, request.ownName, meta.record, options) : undefined;
  const result = await run(own, {
    lang: request.lang,
    ...(request.month ? { month: request.month } : {}),
    generatedAt,
    sheetNames: meta.sheetNames,
    dateSystem: meta.dateSystem,
  });
  onProgress?.({ stage: "compute", done: 0, total: 1 });
  const plan: WritePlan = { ...result.plan, combined: result.combined };
  const record = keptRecord(meta.record, result.record);
  await port.write(plan, record, [], onProgress);
  const after = afterCombine(port, plan, record, result.found);
  return { plan, record, summary: result.summary, ...(after ? { after } : {}) };
}

/**
 * What the workbook holds after a combine, as reading it again would find it: the combined sheets
 * are then its data (sheetsNotReviewed), reviewed with its saved settings, the owned columns left
 * out of the detection. The combine's review saw the same sheets without those columns, so it
 * detected the same, unless the workbook saves a month or a mapping of its own (a reading would
 * take them) or the combine created a customer sheet (a reading detects it): then undefined, and
 * the pane reads the workbook again.
 */
function afterCombine(
  port: ReturnType<typeof excelPort>,
  plan: WritePlan,
  record: WorkbookRecord,
  found: Pick<Review, "detection" | "month">,
): AfterRun | undefined {
  const log = port.written();
  const { month, overrides } = record.settings;
  if (!log || plan.created || month !== undefined || overrides !== undefined) return undefined;
  return {
    inspection: inspectionOf(port.sheetNamesAfter(), record, found),
    lastRun: { reportSheet: log.reportSheet, at: log.at, columns: log.columns },
  };
}

/**
 * The workbook's record after a combine: what earlier runs own stays owned (their columns and
 * sheets), the combine's columns and sheets join it; the workbook's saved settings stay its own.
 */
function keptRecord(previous: WorkbookRecord, combined: WorkbookRecord): WorkbookRecord {
  return {
    ...previous,
    version: combined.version,
    owned: [...previous.owned, ...combined.owned],
    ownedSheets: [...previous.ownedSheets, ...combined.ownedSheets],
  };
}

/**
 * The open workbook as an input, read through its own port as a team review reads an input
 * (readInputGrids' sheets), earlier combined sheets left out (they are our output, not the
 * user's data). A failure is the input's, as a picked file's is.
 */
async function readOwn(
  context: Excel.RequestContext,
  name: string,
  record: WorkbookRecord,
  options: CombineInExcelOptions,
): Promise<OwnSheets> {
  const combined = record.ownedSheets.filter((s) => s.kind === "combined").map((s) => s.sheet);
  try {
    const port = excelPort(context, options.port, {
      signal: options.signal,
      ...(options.meta ? { meta: options.meta } : {}),
    });
    const { sheetNames, record: own, dateSystem } = await port.readMeta();
    const grids = await port.readGrids(new Set([...sheetsNeverRead(own), ...combined]));
    return { name, meta: { sheetNames, record: own, dateSystem }, grids };
  } catch (e) {
    throw new CombineInputError(name, e);
  }
}
