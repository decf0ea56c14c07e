import type { ReviewOptions } from "./options";
import type { OwnedColumn } from "./types";

/** Name of the very hidden sheet that keeps the settings and the record of owned columns. */
export const RECORD_SHEET = "_SalesReview";
export const RECORD_VERSION = 1;
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
  /** Sheets a run created: review sheets and a created customer sheet. */
  ownedSheets: { sheet: string; kind: "review" | "customers" }[];
  /** Set when the record sheet held something unreadable; the caller warns the user. */
  damaged?: boolean;
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
  const json = cells.slice(1).filter((c): c is string => typeof c === "string").join("");
  if (json === "") return { ...EMPTY_RECORD };
  try {
    const parsed = JSON.parse(json) as Partial<WorkbookRecord>;
    if (parsed.version !== RECORD_VERSION || !Array.isArray(parsed.owned) || !Array.isArray(parsed.ownedSheets)) return { ...EMPTY_RECORD, damaged: true };
    return { version: RECORD_VERSION, settings: parsed.settings ?? {}, owned: parsed.owned, ownedSheets: parsed.ownedSheets };
  } catch {
    // Not JSON: somebody typed in the sheet. Reported through `damaged`, as documented above.
    return { ...EMPTY_RECORD, damaged: true };
  }
}
