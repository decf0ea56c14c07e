import { countCredit } from "../../core/countCredit";
import { toA1 } from "../../core/_lib/a1";
import { formatDay, formatMonth } from "../../core/_lib/dates";
import { MissingColumnError, NoReadableRowsError } from "../../core/errors";
import { describeMissingColumn, describeNoRows } from "../describeErrors";
import { runReview, type Review } from "../../core/runReview";
import { sheetsNotReviewed, type RunLog } from "../../core/record";
import type { WritePlan } from "../../core/output";
import { t, type Lang } from "../../i18n";
import type { IssueView, ReviewHost, RunOutcome, RunSummary, UndoOutcome } from "../../taskpane/host";
import { localTimestamp, parseMonthOption, reviewWorkbook } from "../reviewWorkbook";
import { RunCancelledError } from "./cancel";
import { combineInExcel } from "./combineInExcel";
import { inspectionOf, withWrittenHeaders } from "./inspectionOf";
import { CombineInputError } from "../combineWorkbooks";
import { describeRunError } from "../describeRunError";
import { DEFAULT_LIMIT_BYTES } from "./chunking";
import { excelPort, type ExcelPortOptions } from "./excelPort";
import { describeOfficeError } from "./officeError";
import { readMetaFromExcel, type ExcelMeta } from "./readExcel";
import { RollbackBlockedError, rollbackRun } from "./rollback";
import { readUndoMarker, readUndoSheet } from "./undoSheet";
import { ColumnTakenError, ProtectedSheetError, WriteInterruptedError, type TargetStatus } from "./writeExcel";
import { summarizePlan, type CustomerTarget } from "./summarizePlan";
import { workbookWatch } from "./workbookWatch";

/** The part of the `Excel` namespace the host uses: the real one, or the strict double in tests. */
export interface ExcelApi {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  run<T>(options: Excel.RunOptions, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
}

export interface HostEnvironment {
  /** Office.context.requirements.isSetSupported */
  isSetSupported(name: string, version: string): boolean;
  now(): Date;
  port?: ExcelPortOptions;
}

/** Pane's data issues shown at most (the analysis sheet lists 200 and the total). */
const ISSUES_IN_PANE = 200;

/**
 * The task pane's host over Office.js. A run is one `Excel.run`; where ExcelApi 1.20 is
 * there, with `mergeUndoGroup` so one Ctrl+Z takes the whole run back. A run reuses the grids
 * the pane read on opening while no change event came since and the sheets look the same
 * (`workbookWatch.ts`), so opening and running read the workbook once.
 */
export function createExcelHost(excel: ExcelApi, env: HostEnvironment): ReviewHost {
  /** One Excel.run; where ExcelApi 1.20 is there, merged into one undo group, so one Ctrl+Z takes it back. */
  const runBatch = <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> =>
    env.isSetSupported("ExcelApi", "1.20")
      ? excel.run({ mergeUndoGroup: true } as Excel.RunOptions, batch)
      : excel.run(batch);
  const watch = workbookWatch(env.isSetSupported);
  return {
    async inspect(lang) {
      return excel.run(async (context) => {
        const state = watch.begin(context);
        const port = excelPort(context, env.port);
        const { sheetNames, record } = await port.readMeta();
        watch.listening();
        const grids = await port.readGrids(sheetsNotReviewed(record, sheetNames));
        watch.keep(state, port.lastRead());
        const { month: savedMonth, lang: _lang, ...saved } = record.settings;
        try {
          const review = runReview(grids, {
            ...saved,
            owned: record.owned,
            ...(savedMonth ? { month: parseMonthOption(savedMonth) } : {}),
          });
          return inspectionOf(sheetNames, record, review);
        } catch (e) {
          if (!(e instanceof MissingColumnError)) throw e;
          return { ...inspectionOf(sheetNames, record), missing: describeMissingColumn(e, lang) };
        }
      });
    },

    async run(request, onProgress, signal) {
      const limit = env.port?.limitBytes ?? DEFAULT_LIMIT_BYTES;
      // A read serves one run at most: the run's own writes change the workbook.
      const reuse = watch.take();
      const batch = async (context: Excel.RequestContext) => {
        const canResizeTables = env.isSetSupported("ExcelApi", "1.13");
        const meta = await repairInterruptedRun(context, limit, canResizeTables);
        // A repaired run changed the workbook (meta undefined): read it again.
        const port = excelPort(context, env.port, {
          signal,
          runAt: localTimestamp(env.now()),
          meta,
          canResizeTables,
          ...(meta ? { reuse } : {}),
        });
        const result = await reviewWorkbook(port, {
          lang: request.lang,
          month: request.month,
          settings: request.settings,
          generatedAt: localTimestamp(env.now()),
          onProgress,
        });
        // What the workbook now holds comes from what the run read and wrote, and the sheet list its last request loaded.
        const log = port.written();
        // A customer sheet the run created is an input the next reading detects: that case reads the workbook again.
        const after =
          log && !result.plan.created
            ? {
                inspection: inspectionOf(
                  port.sheetNamesAfter(),
                  result.record,
                  withWrittenHeaders(result.review, result.plan),
                ),
                lastRun: { reportSheet: log.reportSheet, at: log.at, columns: log.columns },
              }
            : undefined;
        return { summary: summarize(result.review, result.plan, request.lang), after };
      };
      try {
        const { summary, after } = await runBatch(batch);
        return after ? { ok: true, summary, after } : { ok: true, summary };
      } catch (e) {
        return failure(e, request.lang);
      }
    },

    async combine(request, combine, onProgress, signal) {
      watch.drop();
      try {
        const { summary, after } = await runBatch(async (context) => {
          const canResizeTables = env.isSetSupported("ExcelApi", "1.13");
          const meta = await repairInterruptedRun(
            context,
            env.port?.limitBytes ?? DEFAULT_LIMIT_BYTES,
            canResizeTables,
          );
          const options = {
            port: env.port,
            signal,
            runAt: localTimestamp(env.now()),
            canResizeTables,
            ...(meta ? { meta } : {}),
          };
          const at = localTimestamp(env.now());
          return combineInExcel(context, request, combine, options, at, onProgress);
        });
        return after ? { ok: true, summary, after } : { ok: true, summary };
      } catch (e) {
        return failure(e, request.lang);
      }
    },

    async lastRun() {
      return excel.run(async (context) => {
        const { record } = await readMetaFromExcel(context);
        const marker = record.run ? await readUndoMarker(context) : undefined;
        if (!record.run || marker?.id !== record.run.id) return undefined;
        return { reportSheet: record.run.reportSheet, at: record.run.at, columns: record.run.columns };
      });
    },

    async undoLastRun(lang) {
      const limit = env.port?.limitBytes ?? DEFAULT_LIMIT_BYTES;
      watch.drop();
      try {
        return await runBatch(async (context): Promise<UndoOutcome> => {
          const { record } = await readMetaFromExcel(context);
          const snapshot = record.run ? await readUndoSheet(context, record.run.id, limit) : undefined;
          if (!record.run || !snapshot) return { ok: false, code: "NothingToUndo", message: t(lang, "undo.nothing") };
          await rollbackRun(context, record.run, snapshot, limit, {
            canResizeTables: env.isSetSupported("ExcelApi", "1.13"),
          });
          return { ok: true };
        });
      } catch (e) {
        if (e instanceof RollbackBlockedError) return { ok: false, code: e.code, message: describeBlocked(e, lang) };
        // The rollback changes the record and the undo data in its last request only: undoing again finishes it.
        const problem = describeOfficeError(e, lang);
        return { ok: false, code: problem.code, message: t(lang, "undo.stopped", { reason: problem.message }) };
      }
    },

    async select(sheet, address) {
      await excel.run(async (context) => {
        const ws = context.workbook.worksheets.getItem(sheet);
        ws.activate();
        ws.getRange(address).select();
        await context.sync();
      });
    },
  };
}

/**
 * Rolls back a run that a failure or a closed workbook cut short (its record still says
 * "in progress"), so the run that follows starts from the workbook as it was before it.
 * Returns the sheets and record as read when nothing needed repair (the run then reads them again otherwise).
 */
async function repairInterruptedRun(
  context: Excel.RequestContext,
  limit: number,
  canResizeTables: boolean,
): Promise<ExcelMeta | undefined> {
  const meta = await readMetaFromExcel(context);
  const log: RunLog | undefined = meta.record.run;
  if (!log || log.state !== "inProgress") return meta;
  await rollbackRun(context, log, await readUndoSheet(context, log.id, limit), limit, { canResizeTables });
  return undefined;
}

/** A failed run in words: ours, Office's, and after a write that stopped midway, what was and was not written. */
function failure(e: unknown, lang: Lang): RunOutcome {
  if (e instanceof CombineInputError) {
    // A picked file (or the workbook's own sheets) that cannot be read: the command line's words for it.
    const words = e.reason instanceof RunCancelledError ? undefined : describeRunError(e.reason, e.input, lang);
    return words ? { ok: false, code: "Unreadable", message: words } : failure(e.reason, lang);
  }
  if (e instanceof RunCancelledError) return { ok: false, code: "Cancelled", message: t(lang, "office.cancelled") };
  if (e instanceof MissingColumnError)
    return { ok: false, code: "MissingColumn", message: describeMissingColumn(e, lang) };
  if (e instanceof NoReadableRowsError) return { ok: false, code: "NoReadableRows", message: describeNoRows(e, lang) };
  if (e instanceof RangeError) return { ok: false, code: "BadSetting", message: e.message };
  if (e instanceof RollbackBlockedError) return { ok: false, code: e.code, message: describeBlocked(e, lang) };
  if (e instanceof ProtectedSheetError)
    return { ok: false, code: e.code, message: t(lang, "office.protectedSheet", { sheet: e.sheet }) };
  if (e instanceof ColumnTakenError)
    return {
      ok: false,
      code: e.code,
      message: t(lang, "office.columnTaken", { sheet: e.sheet, address: e.address, found: e.found }),
    };
  if (e instanceof WriteInterruptedError) {
    const problem = describeOfficeError(e.cause, lang);
    return {
      ok: false,
      code: problem.code,
      message: `${problem.message} ${t(lang, "run.repair")}`,
      written: describeWritten(e.targets, lang),
    };
  }
  const problem = describeOfficeError(e, lang);
  return { ok: false, code: problem.code, message: problem.message };
}

/** Why a rollback was refused before its first change, naming the sheet (and table). */
function describeBlocked(e: RollbackBlockedError, lang: Lang): string {
  return t(lang, `rollback.${e.reason}`, { sheet: e.sheet, table: e.table ?? "" });
}

/**
 * What a write that stopped had done, one line a target.
 * @example describeWritten([{ kind: "report", sheet: "Review 2026-10", columns: 0, status: "partly" }], "en-US")
 *   → ['the analysis sheet "Review 2026-10": partly written']
 */
export function describeWritten(targets: readonly TargetStatus[], lang: Lang): string[] {
  return targets.map((x) =>
    t(lang, `run.written.${x.status}`, { what: t(lang, `run.target.${x.kind}`, { sheet: x.sheet, n: x.columns }) }),
  );
}

/** The order and visit sheets' rows dated after the as-of date, where there are any. */
function afterAsOf(review: Review): RunSummary["afterAsOf"] {
  const { orders, visits } = review.ignoredAfterAsOf;
  const out: RunSummary["afterAsOf"] = [];
  if (orders > 0 && review.detection.orders) out.push({ sheet: review.detection.orders.sheet, rows: orders });
  if (visits > 0 && review.detection.visits) out.push({ sheet: review.detection.visits.sheet, rows: visits });
  return out;
}

/** An amount as the money format shows it: thousands separators, two decimals. */
function formatMoney(x: number): string {
  return x.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

/** What the pane shows after a run: tier counts, the action list with where each customer is, the data issues. */
export function summarize(review: Review, plan: WritePlan, lang: Lang): RunSummary {
  const c = review.customers;
  const target = customerTarget(review, plan);
  const tiers = { A: 0, B: 0, C: 0, D: 0 };
  for (const s of review.tiers) tiers[s.tier] = s.customers;
  const issues: IssueView[] = review.issues.slice(0, ISSUES_IN_PANE).map((i) => ({
    sheet: i.sheet,
    address: i.address,
    field: t(lang, `field.${i.field}`),
    value: i.value === null ? "" : String(i.value),
    reason: t(lang, `issue.${i.code}`),
  }));
  const summary: RunSummary = {
    month: formatMonth(review.month),
    asOf: formatDay(review.asOf),
    reportSheet: plan.report.sheet,
    tiers,
    actions: review.actions.map((a) => {
      const view = {
        reason: t(lang, `reason.${a.reason}`),
        customer: c.key(a.customer),
        name: c.names[a.customer],
        tier: a.tier,
      };
      const where = target(a.customer);
      return where ? { ...view, target: where } : view;
    }),
    credit: review.credit ? countCredit(review.credit.receivables) : null,
    collect: review.collect.map((k) => {
      const r = review.credit!.receivables;
      const view = {
        reason: t(lang, `creditFlag.${r.flag[k]!}`),
        customer: c.key(k),
        name: c.names[k],
        tier: review.results[k].tier,
        overdue: formatMoney(r.overdue[k]),
      };
      const where = target(k);
      return where ? { ...view, target: where } : view;
    }),
    issues,
    issueCount: review.issues.length,
    afterAsOf: afterAsOf(review),
    dateOrders: review.inputs.dateOrders.map((d) => ({ sheet: d.sheet, order: d.order })),
  };
  if (plan.created) summary.createdSheet = plan.created.sheet;
  const next = summarizePlan(review, plan, lang, target);
  if (next) summary.plan = next;
  return summary;
}

/** Where each customer's row is: its first copy in the customer sheet (the key cell), or its row in the sheet the run created. */
function customerTarget(review: Review, plan: WritePlan): CustomerTarget {
  const c = review.customers;
  const cm = review.detection.customers;
  const keyCol = cm ? (cm.columns.customerId ?? cm.columns.customerName ?? 0) : 0;
  return (i) => {
    if (plan.created) return { sheet: plan.created.sheet, address: toA1(i + 1, 0) };
    const row = c.sheetRows[i][0];
    return cm && row !== undefined ? { sheet: cm.sheet, address: toA1(row, keyCol) } : undefined;
  };
}
