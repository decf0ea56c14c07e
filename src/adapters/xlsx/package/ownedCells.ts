import { columnLetters } from "../../../core/_lib/a1";
import type { Cell } from "../../../core/_lib/cells";
import type { ColumnPlan, Highlight, NumberFormat, SheetPlan } from "../../../core/output";
import type { CellBytes } from "./cellBytes";
import type { PartBytes } from "./partBytes";

/** Style indices the package writer resolves in the styles part (engineer C's styles.ts). */
export interface SheetStyles {
  /** cellXfs index for an owned column's header (bold). */
  header: number;
  /** cellXfs index for a body cell in that number format. */
  body(format: NumberFormat): number;
  /** dxfs index for a highlight's fill and font. */
  dxf(h: Highlight): number;
}

interface OwnedColumn {
  plan: ColumnPlan;
  col: number;
  letters: string;
  style: number;
}

const NON_ASCII = /[^\x00-\x7F]/;

/**
 * The UTF-8 bytes of `s` as a string of one char per byte: the patcher edits the small parts
 * before and after sheetData as latin1 text of their bytes, so that what it keeps stays byte
 * for byte, and inserts text converted by this.
 * @example toByteString("é") === "\u00C3\u00A9"
 */
export function toByteString(s: string): string {
  return NON_ASCII.test(s) ? Buffer.from(s, "utf8").toString("latin1") : s;
}

/**
 * The cells a sheet plan writes, row by row, with their styles resolved once.
 * Rows are 0-based as in `SheetPlan`. A row receives a cell in a column when it is the
 * header row or `firstRow + k` with `k < values.length` of that column.
 */
export class OwnedCells {
  /** Owned columns in column order. */
  readonly columns: readonly OwnedColumn[];
  readonly headerRow: number;
  /** Last row that receives a cell, -1 when none does. */
  readonly lastRow: number;
  private readonly firstRow: number;
  private readonly bodyEnd: number;
  private readonly headerStyle: number;
  private readonly formatStyle: Partial<Record<NumberFormat, number>> = {};

  constructor(
    plan: SheetPlan,
    private readonly styles: SheetStyles,
  ) {
    const seen = new Set<number>();
    for (const c of plan.columns) {
      if (!Number.isInteger(c.col) || c.col < 0 || c.col > 16383)
        throw new Error(`patchSheet: column ${c.col} of ${plan.sheet} is outside the sheet`);
      if (seen.has(c.col))
        throw new Error(`patchSheet: column ${columnLetters(c.col)} of ${plan.sheet} is planned twice`);
      seen.add(c.col);
    }
    this.headerStyle = styles.header;
    this.columns = [...plan.columns]
      .sort((a, b) => a.col - b.col)
      .map((c) => ({
        plan: c,
        col: c.col,
        letters: columnLetters(c.col),
        style: this.styleOf(c.format),
      }));
    this.headerRow = plan.headerRow;
    this.firstRow = plan.firstRow;
    this.bodyEnd = plan.firstRow + Math.max(0, ...plan.columns.map((c) => c.values.length));
    this.lastRow =
      plan.columns.length === 0
        ? -1
        : this.bodyEnd > this.firstRow
          ? Math.max(plan.headerRow, this.bodyEnd - 1)
          : plan.headerRow;
    if (this.lastRow > 1048575)
      throw new Error(`patchSheet: ${plan.sheet} would reach row ${this.lastRow + 1}, past Excel's 1,048,576`);
  }

  private styleOf(format: NumberFormat): number {
    return (this.formatStyle[format] ??= this.styles.body(format));
  }

  /** True when row `row` receives at least one cell (body rows are a prefix of each column, so their union is one block). */
  has(row: number): boolean {
    if (this.columns.length === 0) return false;
    return row === this.headerRow || (row >= this.firstRow && row < this.bodyEnd);
  }

  /** The first row at or after `row` that receives a cell, or -1. */
  nextFrom(row: number): number {
    if (this.columns.length === 0) return -1;
    const body = Math.max(row, this.firstRow);
    const header = row <= this.headerRow ? this.headerRow : -1;
    if (body < this.bodyEnd) return header >= 0 ? Math.min(header, body) : body;
    return header;
  }

  /**
   * The cells of row `row` in column order: column `cols[i]`, cellXfs style `styles[i]` and
   * value `values[i]`, written into the three (reused) arrays. Returns how many.
   */
  valuesOf(row: number, cols: number[], styles: number[], values: Cell[]): number {
    let n = 0;
    if (row === this.headerRow) {
      for (const c of this.columns) {
        cols[n] = c.col;
        styles[n] = this.headerStyle;
        values[n++] = c.plan.header;
      }
      return n;
    }
    const k = row - this.firstRow;
    if (k < 0) return 0;
    for (const c of this.columns) {
      const planned = c.plan.values;
      if (k >= planned.length) continue;
      const f = c.plan.cellFormats?.[k];
      cols[n] = c.col;
      styles[n] = f ? this.styleOf(f) : c.style;
      values[n++] = planned[k];
    }
    return n;
  }
}

/**
 * One row's owned cells (`load`), written as bytes (`write`) by the writer of the part they go
 * into, new (newSheetPart) or patched (patchSheet): every owned cell is written by `CellBytes`.
 */
export class OwnedRow {
  /** The loaded row's cells' columns, ascending: `cols[k]` for k below `n`. */
  readonly cols: number[] = [];
  n = 0;
  private row = -1;
  private readonly styles: number[] = [];
  private readonly values: Cell[] = [];

  constructor(
    private readonly cells: OwnedCells,
    private readonly bytes: CellBytes,
  ) {}

  /** Loads row `row`'s cells (0-based); returns how many it has. */
  load(row: number): number {
    this.row = row;
    return (this.n = this.cells.has(row) ? this.cells.valuesOf(row, this.cols, this.styles, this.values) : 0);
  }

  /** Writes cells `from`…`to - 1` of the loaded row. */
  write(out: PartBytes, from: number, to: number): void {
    for (let k = from; k < to; k++) this.bytes.cell(out, this.row, this.cols[k], this.values[k], this.styles[k]);
  }

  /** Writes the loaded row's cells from `k` on that lie left of column `col`; returns the next k. */
  writeBefore(out: PartBytes, col: number, k: number): number {
    let to = k;
    while (to < this.n && this.cols[to] < col) to++;
    this.write(out, k, to);
    return to;
  }
}
