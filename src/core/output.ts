import type { Cell } from "./_lib/cells";
import type { OwnedColumn } from "./types";
import type { NextMonthPlan } from "./plan/planNextMonth";

/** Number formats the review writes (SPEC: money `#,##0.00`, ratios `0.0%`, dates `yyyy-mm-dd`). */
export const NUMBER_FORMATS = {
  money: "#,##0.00",
  percent: "0.0%",
  date: "yyyy-mm-dd",
  integer: "0",
  decimal: "0.00",
  oneDecimal: "0.0",
  general: "General",
} as const;
export type NumberFormat = keyof typeof NUMBER_FORMATS;

/** An output column before placement: id, header and a value per customer, order or visit (planColumns places it). */
export interface ColumnSpec {
  output: string;
  header: string;
  format: NumberFormat;
  value: (index: number) => Cell;
  cellFormat?: (index: number) => NumberFormat | null;
  highlights?: Highlight[];
}

/** One owned column to write into an input sheet. */
export interface ColumnPlan {
  /** Stable id of the output, e.g. "customer.tier". */
  output: string;
  header: string;
  /** 0-based sheet column. */
  col: number;
  format: NumberFormat;
  /** One value per sheet row from firstRow to lastRow; dates are Excel serials. */
  values: Cell[];
  /** Per-row format where a column mixes kinds (the visit-due column holds dates and text). */
  cellFormats?: (NumberFormat | null)[];
  /** Fills for exact text values (native conditional formats, so they show without the add-in). */
  highlights?: Highlight[];
}

export interface Highlight {
  text: string;
  /** Fill and font colours as #RRGGBB. */
  fill: string;
  font: string;
}

/** Everything written into one input sheet. */
export interface SheetPlan {
  sheet: string;
  table?: string;
  /** 0-based sheet row of the header. */
  headerRow: number;
  firstRow: number;
  lastRow: number;
  columns: ColumnPlan[];
  /**
   * The sheet's columns the review read (0-based): ids, names, dates, amounts. They hold what
   * the user typed, not formulas over the results, so they tell its rows apart steadily.
   */
  inputColumns?: number[];
}

/** A sheet the review creates from scratch (the customer sheet of an order-only workbook). */
export interface CreatedSheetPlan {
  sheet: string;
  header: string[];
  rows: Cell[][];
}

export type RowStyle = "title" | "section" | "header" | "total" | "note" | "body";

export interface ReportRow {
  cells: Cell[];
  formats?: (NumberFormat | null)[];
  style: RowStyle;
}

/** A block of the report sheet in 0-based cells. */
export interface RangeRef {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

/**
 * A native chart over a block of the report: its first row holds the categories and its
 * first column the series names (seriesBy "rows"), or the other way round ("columns"),
 * which is how Excel reads a source range in both Office.js and the file format.
 */
export interface ChartPlan {
  kind: "stackedColumn" | "clusteredColumn";
  title: string;
  /** Where the chart stands, in cells. */
  anchor: RangeRef;
  source: RangeRef;
  seriesBy: "rows" | "columns";
  /** Number format of the value axis. */
  axisFormat: string;
}

export interface ReportPlan {
  sheet: string;
  rows: ReportRow[];
  columnWidths: number[];
  charts: ChartPlan[];
  /** Where the data-issue table starts, so the pane can link to it. */
  issuesRow: number;
}

/** A combined sheet of a team review written into an open workbook (issue 17): its grid at A1, header first, and each column's format. */
export interface CombinedSheetPlan {
  sheet: string;
  rows: Cell[][];
  formats: (NumberFormat | null)[];
}

export interface WritePlan {
  /** The team review's combined sheets, made before everything else (the pane; the command line writes them into a new package). */
  combined?: CombinedSheetPlan[];
  created?: CreatedSheetPlan;
  sheets: SheetPlan[];
  report: ReportPlan;
  /** Next month's plan sheet `拜访计划 YYYY-MM` / `Plan YYYY-MM` (issue 16), a sheet the run makes like the report. */
  planSheet?: ReportPlan;
  /** The plan the sheet shows, as data, for the pane's Plan view (not written). */
  nextMonth?: NextMonthPlan;
  /** Every column this run owns (to be recorded in the workbook). */
  owned: OwnedColumn[];
}
