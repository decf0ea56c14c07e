import type { Cell, CellProblem } from "./_lib/cells";
import type { Field, Role } from "./columns";

export type { Cell, CellProblem, Field, Role };

/**
 * A rectangle of cell values and where it stands: what both Office.js `range.values`
 * and the .xlsx reader give. `origin` is the 0-based sheet row and column of values[0][0].
 */
export interface Grid {
  sheet: string;
  origin: { row: number; col: number };
  values: Cell[][];
  /** The Excel table (ListObject) this grid is the whole of, header row included. */
  table?: string;
}

/** A column the add-in wrote in an earlier run, as recorded in the workbook. */
export interface OwnedColumn {
  sheet: string;
  /** 0-based sheet column where it was written. */
  col: number;
  /** The header as written (to find the column again if the user moved it). */
  header: string;
  /** Which output it holds, e.g. "customer.tier". */
  output: string;
}

/** A cell that could not be read, or another fact about a row the user should fix. */
export interface CellIssue {
  sheet: string;
  /** A1 address within the sheet, e.g. "C17". */
  address: string;
  field: Field | "customer";
  code: CellProblem | "duplicateCustomer" | "unknownCustomer" | "conflict";
  value: Cell;
}

/** How one input sheet was read: its role, header row and the column chosen for each field. */
export interface SheetMapping {
  sheet: string;
  role: Role;
  table?: string;
  /** 0-based sheet row of the header. */
  headerRow: number;
  /** 0-based sheet column of each mapped field. */
  columns: Partial<Record<Field, number>>;
  /** Columns summed as monthly costs (cost sheet). */
  monthlyCostColumns: number[];
  /** The header text of every column of the header row, by 0-based sheet column. */
  headers: string[];
  /** Non-blank data rows below the header. */
  rowCount: number;
  /** 0-based sheet row of the last row of the range (or table body). */
  lastRow: number;
}

/** What was found in a workbook. */
export interface Detection {
  payments?: SheetMapping;
  orders?: SheetMapping;
  visits?: SheetMapping;
  costs?: SheetMapping;
  customers?: SheetMapping;
  /** Sheets looked at and not taken, with the role they lost to another sheet, if any. */
  ignored: { sheet: string; reason: "noRole" | "lostTo"; role?: Role; winner?: string }[];
}

/** A user's choice in the pane that overrides detection for one role. */
export interface MappingOverride {
  sheet: string;
  /**
   * The table (ListObject) on the sheet it is for, as a sheet may hold several; absent
   * for a plain range, and in overrides saved before tables were told apart (the table
   * detected for the role on that sheet is then taken).
   */
  table?: string;
  /** 0-based sheet row of the header; detected when absent. */
  headerRow?: number;
  /** 0-based sheet column per field; null unmaps a field. */
  columns?: Partial<Record<Field, number | null>>;
}
