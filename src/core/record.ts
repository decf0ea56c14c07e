import type { ReviewOptions } from "./options";
import type { OwnedColumn } from "./types";

/** Name of the very hidden sheet that keeps the settings and the record of owned columns. */
export const RECORD_SHEET = "_SalesReview";
/** Very hidden sheet with the last Office.js run's undo data: the cells it overwrote, as they were. */
export const UNDO_SHEET = "_SalesReviewUndo";
/** Very hidden sheet holding the review sheet the last Office.js run replaced, until the next run. */
export const BACKUP_SHEET = "_SalesReviewPrev";
/** Very hidden sheet holding the plan sheet the last Office.js run replaced, until the next run. */
export const BACKUP_PLAN_SHEET = "_SalesReviewPrevPlan";
/** Sheets that only keep the add-in's own bookkeeping: never read as input. */
export const BOOKKEEPING_SHEETS: readonly string[] = [RECORD_SHEET, UNDO_SHEET, BACKUP_SHEET, BACKUP_PLAN_SHEET];
export const RECORD_VERSION = 1;

/** The analysis and plan sheets earlier runs wrote (a run replaces its month's). */
export function reportSheets(record: Pick<WorkbookRecord, "ownedSheets">): string[] {
  return record.ownedSheets.filter((s) => s.kind === "review" || s.kind === "plan").map((s) => s.sheet);
}

/** The sheets of a workbook that are never its data: our bookkeeping, and the analysis and plan sheets. */
export function sheetsNeverRead(record: Pick<WorkbookRecord, "ownedSheets">): Set<string> {
  return new Set([...BOOKKEEPING_SHEETS, ...reportSheets(record)]);
}

/**
 * The sheets a review leaves unread. Once a team review has combined sheets into the workbook,
 * those are the review's data and the workbook's other sheets are not read: they took part in
 * the combined sheets or were left out of them on purpose, and a second copy of their rows would
 * count them twice. A customer sheet a run created (no input had one) stays read with them.
 * Once the combined sheets are gone (Undo, or deleted by hand), the workbook's own sheets are
 * the data again.
 * @example sheetsNotReviewed({ ownedSheets: [{ sheet: "订单表 (2)", kind: "combined" }] }, ["订单表", "订单表 (2)"]) has "订单表"
 */
export function sheetsNotReviewed(
  record: Pick<WorkbookRecord, "ownedSheets">,
  sheetNames: readonly string[],
): Set<string> {
  const skip = sheetsNeverRead(record);
  const present = (kind: string) => record.ownedSheets.filter((s) => s.kind === kind && sheetNames.includes(s.sheet));
  const combined = present("combined");
  if (combined.length === 0) return skip;
  const data = new Set([...combined, ...present("customers")].map((s) => s.sheet));
  for (const name of sheetNames) if (!data.has(name)) skip.add(name);
  return skip;
}

/** Record JSON is split over cells of this many characters (Excel allows 32,767 a cell). */
export const RECORD_CHUNK = 30_000;

/**
 * What a workbook remembers between runs, for every copy of the add-in and the
 * command line alike: the settings used, the columns and sheets it owns.
 */
export interface WorkbookRecord {
  version: number;
  settings: Partial<Omit<ReviewOptions, "month">> & { lang?: string; month?: string };
  owned: OwnedColumn[];
  /** Sheets a run created: review sheets, plan sheets, a created customer sheet and a team review's combined sheets. */
  ownedSheets: { sheet: string; kind: "review" | "customers" | "combined" | "plan" }[];
  /** Set when the record sheet held something unreadable; the caller warns the user. */
  damaged?: boolean;
  /** The last Office.js run, for "Undo last run" and for repairing a run cut short. */
  run?: RunLog;
}

/**
 * What the Office.js path writes into the record before its first change to the workbook
 * (state "inProgress"), and marks "complete" after its last: enough to take the run back.
 */
export interface RunLog {
  /** Matches the undo sheet's first cell, so a stale or half-written snapshot is never used. */
  id: string;
  state: "inProgress" | "complete";
  /** When the run started, `yyyy-mm-dd hh:mm`. */
  at: string;
  /** The record before this run, which undo puts back. */
  previous: Omit<WorkbookRecord, "run" | "damaged">;
  /** Whether the record sheet existed before the run (undoing the first run removes it). */
  hadRecord: boolean;
  /** Sheets the run adds (undo deletes them). */
  added: string[];
  /** The review sheet the run replaced, kept very hidden as BACKUP_SHEET (undo puts it back). */
  replaced?: ReplacedSheet;
  /** The plan sheet the run replaced, kept very hidden as BACKUP_PLAN_SHEET (undo puts it back). */
  replacedPlan?: ReplacedSheet;
  /** Tables the run widens, with their address before (undo narrows them back). */
  tables: { sheet: string; table: string; address: string }[];
  reportSheet: string;
  /** Owned columns the run writes in the user's sheets. */
  columns: number;
}

/** A sheet a run replaced: where and how it was, to put it back. */
export interface ReplacedSheet {
  sheet: string;
  id: string;
  position: number;
  visibility: string;
}

export const EMPTY_RECORD: WorkbookRecord = { version: RECORD_VERSION, settings: {}, owned: [], ownedSheets: [] };

/** The record as cell texts, first cell a marker. */
export function encodeRecord(record: WorkbookRecord): string[] {
  const json = JSON.stringify(record);
  const out = ["Sales Review record (do not edit)"];
  for (let i = 0; i < json.length; i += RECORD_CHUNK) out.push(json.slice(i, i + RECORD_CHUNK));
  return out;
}

/**
 * Reads a record back from its cell texts; a damaged or foreign record reads as empty,
 * so a hand-edited sheet can never stop a run (the run then owns nothing and appends anew).
 */
export function decodeRecord(cells: readonly unknown[]): WorkbookRecord {
  const json = cells
    .slice(1)
    .filter((c): c is string => typeof c === "string")
    .join("");
  if (json === "") return { ...EMPTY_RECORD };
  try {
    const parsed = JSON.parse(json) as Partial<WorkbookRecord>;
    if (parsed.version !== RECORD_VERSION || !Array.isArray(parsed.owned) || !Array.isArray(parsed.ownedSheets))
      return { ...EMPTY_RECORD, damaged: true };
    const record: WorkbookRecord = {
      version: RECORD_VERSION,
      settings: parsed.settings ?? {},
      owned: parsed.owned,
      ownedSheets: parsed.ownedSheets,
    };
    if (isRunLog(parsed.run)) record.run = parsed.run;
    return record;
  } catch {
    // Not JSON: somebody typed in the sheet. Reported through `damaged`, as documented above.
    return { ...EMPTY_RECORD, damaged: true };
  }
}

/** A run log as the Office.js path writes it; anything else (an older add-in, a hand edit) is left out. */
function isRunLog(x: unknown): x is RunLog {
  if (typeof x !== "object" || x === null) return false;
  const r = x as Partial<RunLog>;
  return (
    typeof r.id === "string" &&
    (r.state === "inProgress" || r.state === "complete") &&
    typeof r.previous === "object" &&
    r.previous !== null &&
    Array.isArray(r.added) &&
    Array.isArray(r.tables)
  );
}
