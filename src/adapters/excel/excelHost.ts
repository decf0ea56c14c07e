import { toA1 } from "../../core/_lib/a1";
import { formatDay, formatMonth } from "../../core/_lib/dates";
import { MissingColumnError, NoReadableRowsError } from "../../core/errors";
import { describeMissingColumn, describeNoRows } from "../describeErrors";
import { runReview, type Review } from "../../core/runReview";
import { RECORD_SHEET } from "../../core/record";
import type { WritePlan } from "../../core/output";
import { t, type Lang } from "../../i18n";
import type { Inspection, IssueView, ReviewHost, RunSummary } from "../../taskpane/host";
import { localTimestamp, parseMonthOption, reviewWorkbook } from "../reviewWorkbook";
import { excelPort, type ExcelPortOptions } from "./excelPort";
import { describeOfficeError } from "./officeError";

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
 * there, with `mergeUndoGroup` so one Ctrl+Z takes the whole run back.
 */
export function createExcelHost(excel: ExcelApi, env: HostEnvironment): ReviewHost {
  return {
    async inspect(lang) {
      return excel.run(async (context) => {
        const port = excelPort(context, env.port);
        const { sheetNames, record } = await port.readMeta();
        const reviewSheets = record.ownedSheets.filter((s) => s.kind === "review").map((s) => s.sheet);
        const grids = await port.readGrids(new Set([RECORD_SHEET, ...reviewSheets]));
        const headers: Record<string, string[]> = {};
        const { month: savedMonth, lang: _lang, ...saved } = record.settings;
        const inspection: Inspection = { sheetNames, headers, settings: { ...saved, month: savedMonth } };
        try {
          const review = runReview(grids, { ...saved, owned: record.owned, ...(savedMonth ? { month: parseMonthOption(savedMonth) } : {}) });
          inspection.detection = review.detection;
          inspection.latestMonth = formatMonth(review.month);
          for (const m of [review.detection.customers, review.detection.orders, review.detection.visits, review.detection.costs]) {
            if (m) headers[m.sheet] = m.headers;
          }
        } catch (e) {
          if (!(e instanceof MissingColumnError)) throw e;
          inspection.missing = describeMissingColumn(e, lang);
        }
        return inspection;
      });
    },

    async run(request, onProgress) {
      const batch = async (context: Excel.RequestContext) => {
        const result = await reviewWorkbook(excelPort(context, env.port), {
          lang: request.lang,
          month: request.month,
          settings: request.settings,
          generatedAt: localTimestamp(env.now()),
          onProgress,
        });
        return summarize(result.review, result.plan, request.lang);
      };
      try {
        const summary = env.isSetSupported("ExcelApi", "1.20") ? await excel.run({ mergeUndoGroup: true } as Excel.RunOptions, batch) : await excel.run(batch);
        return { ok: true, summary };
      } catch (e) {
        if (e instanceof MissingColumnError) return { ok: false, code: "MissingColumn", message: describeMissingColumn(e, request.lang) };
        if (e instanceof NoReadableRowsError) return { ok: false, code: "NoReadableRows", message: describeNoRows(e, request.lang) };
        if (e instanceof RangeError) return { ok: false, code: "BadSetting", message: e.message };
        const problem = describeOfficeError(e, request.lang);
        return { ok: false, code: problem.code, message: problem.message };
      }
    },

    async lastRun() {
      throw new Error("not implemented");
    },

    async undoLastRun() {
      throw new Error("not implemented");
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

/** What the pane shows after a run: tier counts, the action list with where each customer is, the data issues. */
export function summarize(review: Review, plan: WritePlan, lang: Lang): RunSummary {
  const c = review.customers;
  const cm = review.detection.customers;
  const keyCol = cm ? (cm.columns.customerId ?? cm.columns.customerName ?? 0) : 0;
  const target = (i: number): { sheet: string; address: string } | undefined => {
    if (plan.created) return { sheet: plan.created.sheet, address: toA1(i + 1, 0) };
    const row = c.sheetRows[i][0];
    return cm && row !== undefined ? { sheet: cm.sheet, address: toA1(row, keyCol) } : undefined;
  };
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
      const view = { reason: t(lang, `reason.${a.reason}`), customer: c.key(a.customer), name: c.names[a.customer], tier: a.tier };
      const where = target(a.customer);
      return where ? { ...view, target: where } : view;
    }),
    issues,
    issueCount: review.issues.length,
  };
  if (plan.created) summary.createdSheet = plan.created.sheet;
  return summary;
}
