import type { Field, Role } from "./columns";
import type { CellIssue } from "./types";

/** What a sheet's header row held when a required column was not found. */
export interface SheetSeen {
  sheet: string;
  headerRow: number;
  headers: string[];
}

/**
 * The one error a review throws for the user: a required input column was not found.
 * `missing` names the fields (one of each group is needed); `seen` lists where it looked.
 */
export class MissingColumnError extends Error {
  constructor(
    readonly role: Role,
    readonly missing: Field[][],
    readonly seen: SheetSeen[],
  ) {
    super(
      `No ${role} sheet: missing ${missing.map((g) => g.join(" or ")).join(", ")} (looked in ${seen.map((s) => s.sheet).join(", ") || "no sheets"})`,
    );
    this.name = "MissingColumnError";
  }
}

/**
 * No row of the order sheet could be read and nothing else dates the review, so there is
 * no month to review. Carries the data issues that say why each row was skipped.
 */
export class NoReadableRowsError extends Error {
  constructor(
    readonly sheet: string,
    readonly issues: readonly CellIssue[],
  ) {
    super(`No row of the order sheet ${sheet} could be read (${issues.length} data issues)`);
    this.name = "NoReadableRowsError";
  }
}

/** Which of Excel's limits a workbook or a run would break. */
export type ExcelLimit = "noFreeColumn" | "tooManyColumns" | "tooManyRows";

/**
 * The workbook is beyond what Excel allows, or the results would not fit in it (no column
 * left after XFD for the owned columns). Thrown before anything is written, with the
 * message already in the user's language. A RangeError, so that every caller that shows
 * a bad setting's message (the pane's host, the command line: exit code 2) shows this one.
 */
export class ExcelLimitError extends RangeError {
  constructor(
    readonly limit: ExcelLimit,
    readonly sheet: string,
    message: string,
  ) {
    super(message);
    this.name = "ExcelLimitError";
  }
}
