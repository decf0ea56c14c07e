/// <reference types="office-js" />
import { CHART_SERIES_BY, CHART_TYPES } from "./chart";
import { RequestContextDouble } from "./context";
import { type DoubleErrorCode, DoubleError, notImplemented, officeError } from "./errors";
import { EventRegistry } from "./events";
import { type DoubleOptions, DoubleStats, isSetSupported } from "./host";
import type { WorkbookModel } from "./model";

/**
 * A strict stand-in for the `Excel` namespace of Office.js, over an in-memory
 * WorkbookModel. It is as unforgiving as Excel: unloaded properties throw
 * PropertyNotLoaded, missing items fail the sync with ItemNotFound, oversized
 * requests fail whole, text that looks like a formula becomes one. Every sync is
 * counted and measured in `stats`. Pure TypeScript, so a browser page can install
 * it as `window.Excel` for end-to-end tests.
 */

export type { DoubleOptions, SyncRecord, RunRecord } from "./host";
export { DoubleStats } from "./host";
export { DoubleError } from "./errors";
export type { RequestContextDouble } from "./context";

/** Excel.RunOptions as the double reads them. */
export interface RunOptionsDouble {
  mergeUndoGroup?: boolean;
  delayForCellEdit?: boolean;
}

type Batch<T> = (context: RequestContextDouble) => Promise<T>;

export interface ExcelDouble {
  run<T>(batch: Batch<T>): Promise<T>;
  run<T>(options: RunOptionsDouble, batch: Batch<T>): Promise<T>;
  readonly model: WorkbookModel;
  /** Live options: tests may flip `editMode` or `failOnSync` between runs. */
  readonly options: DoubleOptions;
  readonly stats: DoubleStats;
  /** Event handlers registered through `worksheets.onChanged.add(…)` and the like, and the events raised (`events.ts`). */
  readonly events: EventRegistry;
  /**
   * Fault hook: makes the n-th `context.sync()` (1-based, counted over the double's
   * lifetime as `stats.syncCount`) reject before running anything, with `code`
   * (default GeneralException). Replaces any earlier `options.failOnSync`.
   */
  failOnSync(n: number, code?: DoubleErrorCode): void;
  /** Office.context.requirements.isSetSupported for this host (see `options.apiSets`), for the adapter's environment. */
  isSetSupported(name: string, version?: string): boolean;
  readonly ConditionalFormatType: { custom: "Custom" };
  readonly ChartType: typeof CHART_TYPES;
  readonly ChartSeriesBy: typeof CHART_SERIES_BY;
  readonly SheetVisibility: { visible: "Visible"; hidden: "Hidden"; veryHidden: "VeryHidden" };
  readonly ClearApplyTo: {
    all: "All";
    formats: "Formats";
    contents: "Contents";
    hyperlinks: "Hyperlinks";
    removeHyperlinks: "RemoveHyperlinks";
  };
  readonly ErrorCodes: Record<string, string>;
  readonly Error: typeof DoubleError;
}

/**
 * Builds the double. `Excel.run` makes a fresh context, runs the batch, and then
 * flushes anything still queued in one last sync, as Office's run does.
 * @example
 * const excel = createExcelDouble(model);
 * await excel.run(async (ctx) => { const r = ctx.workbook.worksheets.getItem("订单表").getRange("A1"); r.load("values"); await ctx.sync(); });
 * excel.stats.syncCount === 1
 */
export function createExcelDouble(model: WorkbookModel, options: DoubleOptions = {}): ExcelDouble {
  const stats = new DoubleStats();
  const events = new EventRegistry();
  const host = { model, options, stats, events };
  // What seeding did is the workbook as opened, not a change; what the user does later is (userEdits.ts).
  events.flush(model, "Unknown");
  model.watch(() => events.flush(model, "Unknown"));

  async function run<T>(a: RunOptionsDouble | Batch<T>, b?: Batch<T>): Promise<T> {
    if (typeof a === "object" && a !== null && "_path" in a) throw notImplemented("Excel.run(object, batch)");
    const batch = typeof a === "function" ? a : b;
    const runOptions: RunOptionsDouble = typeof a === "function" ? {} : (a ?? {});
    stats.runs.push({
      ...(runOptions.mergeUndoGroup !== undefined ? { mergeUndoGroup: runOptions.mergeUndoGroup } : {}),
      ...(runOptions.delayForCellEdit !== undefined ? { delayForCellEdit: runOptions.delayForCellEdit } : {}),
    });
    if (typeof batch !== "function")
      throw officeError("InvalidArgument", "Excel.run", "Excel.run needs a batch function");
    // A test that changed the model since the last request did what a user does in Excel: tell the handlers first.
    events.flush(model, "Unknown");
    const context = new RequestContextDouble(host);
    try {
      const pending = batch(context) as unknown;
      if (pending === null || typeof pending !== "object" || typeof (pending as Promise<T>).then !== "function")
        throw officeError("RunMustReturnPromise", "Excel.run");
      const result = await (pending as Promise<T>);
      if (context._pending > 0) await context._sync(true);
      return result;
    } finally {
      context._close();
    }
  }

  return {
    run: run as ExcelDouble["run"],
    model,
    options,
    stats,
    events,
    failOnSync(n: number, code: DoubleErrorCode = "GeneralException"): void {
      options.failOnSync = (k) => (k === n ? code : false);
    },
    isSetSupported: (name: string, version?: string) => isSetSupported(options, name, version),
    ConditionalFormatType: { custom: "Custom" },
    ChartType: CHART_TYPES,
    ChartSeriesBy: CHART_SERIES_BY,
    SheetVisibility: { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" },
    ClearApplyTo: {
      all: "All",
      formats: "Formats",
      contents: "Contents",
      hyperlinks: "Hyperlinks",
      removeHyperlinks: "RemoveHyperlinks",
    },
    ErrorCodes: {
      accessDenied: "AccessDenied",
      generalException: "GeneralException",
      invalidArgument: "InvalidArgument",
      invalidOperation: "InvalidOperation",
      invalidOperationInCellEditMode: "InvalidOperationInCellEditMode",
      itemAlreadyExists: "ItemAlreadyExists",
      itemNotFound: "ItemNotFound",
      apiNotFound: "ApiNotFound",
      rangeExceedsLimit: "RangeExceedsLimit",
      responsePayloadSizeLimitExceeded: "ResponsePayloadSizeLimitExceeded",
    },
    Error: DoubleError,
  };
}

/**
 * The double typed as Office's `Excel` namespace, for code written against
 * @types/office-js. Only the subset this folder models exists; the rest throws
 * "not implemented in the Excel double".
 */
export function asExcel(double: ExcelDouble): typeof Excel {
  return double as unknown as typeof Excel;
}
