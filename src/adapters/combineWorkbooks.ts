import { dayToSerial, serialToDay, type DateSystem } from "../core/_lib/dates";
import { sanitizeSheetName } from "../core/_lib/sheetName";
import { WorkbookMerger, type MergedWorkbook } from "../core/mergeWorkbooks";
import type { WritePlan } from "../core/output";
import { planOutput } from "../core/planOutput";
import { RECORD_VERSION, type WorkbookRecord } from "../core/record";
import { runReview, type RunOptions } from "../core/runReview";
import type { Role } from "../core/columns";
import type { MappingOverride } from "../core/types";
import type { Lang } from "../i18n";
import type { WorkbookPort } from "./port";
import { startInputGrids, type InputGrids } from "./readInputGrids";
import { parseMonthOption, type ReviewWorkbookResult } from "./reviewWorkbook";
import { CombineInputError } from "./combineInputError";

export { CombineInputError } from "./combineInputError";

type OpenedInput = WorkbookPort & { close(): Promise<void> };

/** One workbook of a team review: its name as shown (file name) and how to open it. */
export interface CombineInput {
  name: string;
  open(): Promise<OpenedInput>;
  /**
   * The mapping the user chose for this input only (the pane's Team view), replacing the overrides
   * its own record saves: the whole set, as `buildOverrides` gives it.
   */
  overrides?: Partial<Record<Role, MappingOverride>>;
}

export interface CombineOptions {
  lang: Lang;
  /** Review month `YYYY-MM`; default: the latest order month of the combined rows. */
  month?: string;
  generatedAt: string;
  /**
   * The sheets of the workbook the combined sheets go into, when it is not a new one (the pane's
   * open workbook): a combined sheet takes a free name beside them (`客户表 (2)`), never a user's sheet.
   */
  sheetNames?: readonly string[];
  /**
   * The date system of the workbook the combined sheets go into (the pane's open workbook; a new
   * workbook is 1900): the combined sheets' dates are written in it, and the review reads them so.
   */
  dateSystem?: DateSystem;
  /**
   * Hears of each input as its merge begins (0-based): after the next input's read has begun, so
   * a progress display that shows the latest step shows the merge while it runs. The review follows the last one's.
   */
  onMerge?: (index: number, name: string) => void;
}

export interface CombineResult extends ReviewWorkbookResult {
  merged: MergedWorkbook;
}

/**
 * The team review: reads every input (each as a single workbook is read, letting its grids go
 * once merged; see mergeInputs), merges them (WorkbookMerger), runs the review on
 * the combined grids and plans the new workbook's writes: the combined sheets with their
 * owned columns, the analysis sheet and the record. Nothing is written here: the caller
 * writes `plan` and `record` into a workbook holding `merged.grids` (a new one, or the pane's).
 * The review's data issues are the inputs' own (naming their files) and the merge's.
 */
export async function combineWorkbooks(
  inputs: readonly CombineInput[],
  options: CombineOptions,
): Promise<CombineResult> {
  const merged = await mergeInputs(inputs, options);
  const taken = new Set(options.sheetNames ?? []);
  for (const grid of merged.grids) taken.add((grid.sheet = sanitizeSheetName(grid.sheet, taken)));
  const dateSystem = options.dateSystem ?? 1900;
  if (dateSystem === 1904) toDateSystem1904(merged);
  const run: RunOptions = { dateSystem };
  if (options.month !== undefined) run.month = parseMonthOption(options.month);
  const review = runReview(merged.grids, run);
  // The combined rows are all readable: every issue is an input's own or the merge's.
  review.issues.splice(0, review.issues.length, ...merged.issues);
  review.inputs.dateOrders.splice(0, review.inputs.dateOrders.length, ...merged.dateOrders);
  for (const role of Object.keys(merged.skipped) as Role[]) {
    const m = review.detection[role];
    if (m) m.rowCount += merged.skipped[role];
  }
  const sheetNames = merged.grids.map((g) => g.sheet);
  const plan: WritePlan = planOutput(review, {
    lang: options.lang,
    owned: [],
    sheetNames: [...(options.sheetNames ?? []), ...sheetNames],
    ownedSheets: [],
    generatedAt: options.generatedAt,
  });
  const settings: WorkbookRecord["settings"] = { lang: options.lang };
  if (options.month) settings.month = options.month;
  const record: WorkbookRecord = {
    version: RECORD_VERSION,
    settings,
    owned: plan.owned,
    ownedSheets: [
      ...sheetNames.map((sheet) => ({ sheet, kind: "combined" as const })),
      ...(plan.created ? [{ sheet: plan.created.sheet, kind: "customers" as const }] : []),
      { sheet: plan.report.sheet, kind: "review" },
    ],
  };
  return { review, plan, record, recordDamaged: false, merged };
}

/**
 * Every input merged in the order given, read one after another, but the next one's read begins
 * before this one is merged: on the command line its largest sheet part is then read on its worker
 * thread while this thread merges (at most two inputs' grids alive). An unreadable input fails the
 * run as CombineInputError; the first failure in the inputs' order is the one thrown.
 */
async function mergeInputs(inputs: readonly CombineInput[], options: CombineOptions): Promise<MergedWorkbook> {
  const merger = new WorkbookMerger(options.lang);
  const start = (i: number) => startReading(inputs[i], options.lang);
  let reading = inputs.length > 0 ? await start(0) : undefined;
  for (let i = 0; reading; i++) {
    const read = await reading.grids;
    reading = i + 1 < inputs.length ? await start(i + 1) : undefined;
    try {
      options.onMerge?.(i, inputs[i].name);
      merger.add(inputs[i].name, read.grids, read.run);
    } catch (e) {
      // This input's failure comes first in order: the next one's read is let end (its port closed), its result unused.
      await reading?.grids.catch(() => undefined);
      throw e;
    }
  }
  return merger.finish();
}

/** An input whose grids are being read: they come with its overrides, or fail as CombineInputError naming it. */
interface Reading {
  grids: Promise<InputGrids>;
}

/**
 * Opens `input` and begins reading its grids; resolves once the read has begun or failed, never
 * rejects (a failure is `grids`', in the caller's order). The port is closed before `grids` settles.
 */
async function startReading(input: CombineInput, lang: Lang): Promise<Reading> {
  let port: OpenedInput | undefined;
  let grids: Promise<InputGrids>;
  try {
    port = await input.open();
    grids = (await startInputGrids(port, lang)).grids;
  } catch (e) {
    grids = Promise.reject(e);
  }
  const read = finishReading(input, grids, port);
  // Awaited in the inputs' order by the caller; this handler only keeps it from being unhandled meanwhile.
  read.catch(() => undefined);
  return { grids: read };
}

async function finishReading(input: CombineInput, grids: Promise<InputGrids>, port?: OpenedInput): Promise<InputGrids> {
  try {
    const read = await grids;
    if (input.overrides) read.run.overrides = input.overrides;
    return read;
  } catch (e) {
    throw new CombineInputError(input.name, e);
  } finally {
    await port?.close();
  }
}

/**
 * The combined grids' dates (1900 serials, as the merge writes them) as the 1904 date system's
 * serials of the same calendar days: each date column's numbers below the header row.
 */
function toDateSystem1904(merged: MergedWorkbook): void {
  merged.grids.forEach((grid, i) => {
    const dateColumns = merged.formats[i].flatMap((f, c) => (f === "date" ? [c] : []));
    for (let r = 1; r < grid.values.length; r++) {
      const row = grid.values[r];
      for (const c of dateColumns) {
        const day = typeof row[c] === "number" ? serialToDay(row[c] as number) : null;
        if (day !== null) row[c] = dayToSerial(day, 1904);
      }
    }
  });
}
