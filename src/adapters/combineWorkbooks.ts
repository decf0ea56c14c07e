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
import { readInputGrids, type InputGrids } from "./readInputGrids";
import { parseMonthOption, type ReviewWorkbookResult } from "./reviewWorkbook";

/** One workbook of a team review: its name as shown (file name) and how to open it. */
export interface CombineInput {
  name: string;
  open(): Promise<WorkbookPort & { close(): Promise<void> }>;
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
  /** Hears of each input as it starts being read (0-based). */
  onInput?: (index: number, name: string) => void;
}

export interface CombineResult extends ReviewWorkbookResult {
  merged: MergedWorkbook;
}

/** An input that could not be opened or read: the run stops before anything is written, naming it. */
export class CombineInputError extends Error {
  constructor(
    readonly input: string,
    readonly reason: unknown,
  ) {
    super(`${input}: ${reason instanceof Error ? reason.message : String(reason)}`);
    this.name = "CombineInputError";
  }
}

/**
 * The team review: reads every input (one at a time, each as a single workbook is read,
 * letting its grids go before the next), merges them (WorkbookMerger), runs the review on
 * the combined grids and plans the new workbook's writes: the combined sheets with their
 * owned columns, the analysis sheet and the record. Nothing is written here: the caller
 * writes `plan` and `record` into a workbook holding `merged.grids` (a new one, or the pane's).
 * The review's data issues are the inputs' own (naming their files) and the merge's.
 */
export async function combineWorkbooks(
  inputs: readonly CombineInput[],
  options: CombineOptions,
): Promise<CombineResult> {
  const merger = new WorkbookMerger(options.lang);
  for (let i = 0; i < inputs.length; i++) {
    options.onInput?.(i, inputs[i].name);
    await readInput(inputs[i], merger, options.lang);
  }
  const merged = merger.finish();
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

async function readInput(input: CombineInput, merger: WorkbookMerger, lang: Lang): Promise<void> {
  let port: (WorkbookPort & { close(): Promise<void> }) | undefined;
  let read: InputGrids;
  try {
    port = await input.open();
    read = await readInputGrids(port, lang);
  } catch (e) {
    throw new CombineInputError(input.name, e);
  } finally {
    await port?.close();
  }
  if (input.overrides) read.run.overrides = input.overrides;
  merger.add(input.name, read.grids, read.run);
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
