import type { CombineRequest, CombineRun } from "../adapters/excel/combineInExcel";
import type { Progress } from "../adapters/port";
import type { ReviewOptions, Tier } from "../core/options";
import type { Detection } from "../core/types";
import type { Role } from "../core/columns";
import type { Lang } from "../i18n";

/** A row of the action list as the pane shows it; clicking selects the customer's row. */
export interface ActionView {
  reason: string;
  customer: string;
  name: string | null;
  tier: Tier;
  /** Where the customer's row is (its first copy), if it is listed in the customer sheet. */
  target?: { sheet: string; address: string };
}

/** A row of the Collect list: a customer with a credit flag (`reason` is the flag) and its overdue amount, formatted. */
export interface CollectView extends ActionView {
  overdue: string;
}

/** A data issue as the pane shows it; clicking selects the bad cell. */
export interface IssueView {
  sheet: string;
  address: string;
  field: string;
  value: string;
  reason: string;
}

/** A customer to visit in the Plan view; clicking selects the customer's row, like an action. */
export interface PlanVisitView {
  customer: string;
  name: string | null;
  tier: Tier;
  /** Every reason, in words (`Overdue 5 days, Down`). */
  reasons: string;
  target?: { sheet: string; address: string };
}

/** One day of a salesperson's plan: its date `yyyy-mm-dd` and region; date null for the rows that did not fit. */
export interface PlanDayView {
  date: string | null;
  region: string | null;
  visits: PlanVisitView[];
}

/**
 * Next month's plan as the Plan view shows it (issue 16), from the run that wrote the plan
 * sheet: each salesperson's days, the greetings and the prospect pools, in the run's language.
 */
export interface PlanSummary {
  /** Plan month `YYYY-MM`. */
  month: string;
  /** The plan sheet the run wrote. */
  sheet: string;
  /** Which working days, and how many (`Monday–Friday: 21 working days`). */
  calendar: string;
  /** By salesperson in the sheet's order; "" names the customers without one. */
  reps: { salesperson: string; days: PlanDayView[] }[];
  /**
   * `yyyy-mm-dd`, the occasion, the customer (or for a festival the number of customers), the
   * salesperson; a birthday's or anniversary's customer also as a row to select (`customer`).
   */
  greetings: {
    date: string;
    occasion: string;
    who: string;
    salesperson: string;
    customer?: Omit<PlanVisitView, "reasons">;
  }[];
  /** Absent when the workbook has no prospect sheet. */
  prospects?: { salesperson: string; total: number; target: number; shortfall: number }[];
}

export interface RunSummary {
  month: string;
  asOf: string;
  reportSheet: string;
  createdSheet?: string;
  tiers: Record<Tier, number>;
  actions: ActionView[];
  /**
   * Customers over their credit limit and with overdue amounts; null when the workbook has no
   * paid data (no receivables: the pane says why). Optional only so older fakes still typecheck.
   */
  credit?: { overLimit: number; overdue: number } | null;
  /** The Collect list: customers with a credit flag, by tier then overdue amount. */
  collect?: CollectView[];
  issues: IssueView[];
  issueCount: number;
  /** Rows dated after the as-of date, not counted (SPEC: "counted in the pane"), per sheet that has any. */
  afterAsOf: { sheet: string; rows: number }[];
  /** How text dates like 3/5/2024 were read, per sheet that has them (SPEC: "the pane says which"). */
  dateOrders: { sheet: string; order: "dayFirst" | "monthFirst" }[];
  /** Next month's plan, when the run wrote it. */
  plan?: PlanSummary;
  /** After a Combine: per input, the sheets read, then the combined sheets, in words (as the command line prints them). */
  combined?: string[];
}

/** What the workbook holds before a run: the detected inputs and the saved settings. */
export interface Inspection {
  sheetNames: string[];
  detection?: Detection;
  /** Set when no order sheet is found: what is missing, in words. */
  missing?: string;
  /** Headers of every sheet's header row, for the mapping dropdowns. */
  headers: Record<string, string[]>;
  settings: Omit<Partial<ReviewOptions>, "month"> & { month?: string; lang?: string };
  /** Month of the latest order (the default review month), `YYYY-MM`. */
  latestMonth?: string;
  /**
   * Review sheets earlier runs made, with their month `YYYY-MM`, so the pane can ask before
   * replacing one. Optional only so older fakes still typecheck; the Office.js host always sets it.
   */
  reviewSheets?: { sheet: string; month: string }[];
  /** Data issues in each detected role's sheet, where known (a picked file in the Team view). */
  issueCounts?: Partial<Record<Role, number>>;
}

export interface RunRequest {
  lang: Lang;
  month?: string;
  settings: Partial<ReviewOptions>;
}

/**
 * A run's result. A failure's `code` is an Office error code, one of ours (`MissingColumn`,
 * `NoReadableRows`, `BadSetting`) or `Cancelled`. When a failure came after some writes,
 * `written` says in words (the request's language) what was and was not written; the next
 * run repairs it.
 */
export type RunOutcome =
  | { ok: true; summary: RunSummary; after?: AfterRun }
  | { ok: false; message: string; code: string; written?: string[] };

/**
 * What the workbook holds after a run that finished, from what the run read and wrote, so the
 * pane need not read the workbook again (issue 14). Optional only so older fakes still typecheck.
 */
export interface AfterRun {
  inspection: Inspection;
  /** What "Undo last run" now takes back: this run. */
  lastRun: LastRun;
}

/** What "Undo last run" would take back. */
export interface LastRun {
  /** The analysis sheet the run made (undo removes it, or restores the one it replaced). */
  reportSheet: string;
  /** When the run started, `yyyy-mm-dd hh:mm` local time. */
  at: string;
  /** Owned columns the run wrote (undo restores their previous values). */
  columns: number;
}

export type UndoOutcome = { ok: true } | { ok: false; code: string; message: string };

/**
 * Everything the task pane asks of Excel. The pane gets it as a prop, so its tests
 * pass fakes; only index.tsx builds the real one over Office.js.
 */
export interface ReviewHost {
  inspect(lang: Lang): Promise<Inspection>;
  /**
   * Runs the review. Aborting `signal` stops the run between chunks (reads or writes); writes
   * already made are rolled back, so the workbook is as before the run, and the outcome is
   * `{ ok: false, code: "Cancelled" }`.
   */
  run(request: RunRequest, onProgress: (p: Progress) => void, signal?: AbortSignal): Promise<RunOutcome>;
  select(sheet: string, address: string): Promise<void>;
  /**
   * Combine workbooks (issue 17): the picked files and, when asked, the open workbook's own sheets,
   * combined by `combine` (in the pane's read worker) into new sheets of the open workbook, then
   * the review on them. Cancel and failures as `run`'s. Optional: only the Office.js host has it.
   */
  combine?(
    request: CombineRequest,
    combine: CombineRun,
    onProgress: (p: Progress) => void,
    signal?: AbortSignal,
  ): Promise<RunOutcome>;
  /**
   * What "Undo last run" would take back, or undefined when there is nothing to undo.
   * Optional only so older fakes still typecheck; the Office.js host implements it.
   */
  lastRun?(): Promise<LastRun | undefined>;
  /**
   * Takes the last run back: owned columns get their previous values and formats, columns and
   * sheets the run added are removed, the record is the previous run's. Works after a failed
   * or cancelled run too. Optional only so older fakes still typecheck.
   */
  undoLastRun?(lang: Lang): Promise<UndoOutcome>;
}
