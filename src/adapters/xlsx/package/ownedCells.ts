import { columnLetters } from "../../../core/_lib/a1";
import type { ColumnPlan, Highlight, NumberFormat, SheetPlan } from "../../../core/output";
import { cellXml } from "./xmlText";

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

/**
 * The cells a sheet plan writes, row by row, as `<c>` XML with their styles resolved once.
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

  constructor(plan: SheetPlan, private readonly styles: SheetStyles) {
    const seen = new Set<number>();
    for (const c of plan.columns) {
      if (!Number.isInteger(c.col) || c.col < 0 || c.col > 16383) throw new Error(`patchSheet: column ${c.col} of ${plan.sheet} is outside the sheet`);
      if (seen.has(c.col)) throw new Error(`patchSheet: column ${columnLetters(c.col)} of ${plan.sheet} is planned twice`);
      seen.add(c.col);
    }
    this.headerStyle = styles.header;
    this.columns = [...plan.columns].sort((a, b) => a.col - b.col).map((c) => ({ plan: c, col: c.col, letters: columnLetters(c.col), style: this.styleOf(c.format) }));
    this.headerRow = plan.headerRow;
    this.firstRow = plan.firstRow;
    this.bodyEnd = plan.firstRow + Math.max(0, ...plan.columns.map((c) => c.values.length));
    this.lastRow = plan.columns.length === 0 ? -1 : this.bodyEnd > this.firstRow ? Math.max(plan.headerRow, this.bodyEnd - 1) : plan.headerRow;
    if (this.lastRow > 1048575) throw new Error(`patchSheet: ${plan.sheet} would reach row ${this.lastRow + 1}, past Excel's 1,048,576`);
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
   * The cells of row `row` in column order: `cols[i]` is the 0-based column of `xml[i]`.
   * Returns how many were written into the two (reused) arrays. `prefix` is the part's
   * spreadsheetml prefix with its colon.
   */
  cellsOf(row: number, cols: number[], xml: string[], prefix: string): number {
    let n = 0;
    const num = row + 1;
    if (row === this.headerRow) {
      for (const c of this.columns) {
        cols[n] = c.col;
        xml[n++] = cellXml(`${c.letters}${num}`, c.plan.header, this.headerStyle, prefix);
      }
      return n;
    }
    const k = row - this.firstRow;
    if (k < 0) return 0;
    for (const c of this.columns) {
      const values = c.plan.values;
      if (k >= values.length) continue;
      const f = c.plan.cellFormats?.[k];
      cols[n] = c.col;
      xml[n++] = cellXml(`${c.letters}${num}`, values[k], f ? this.styleOf(f) : c.style, prefix);
    }
    return n;
  }
}
