import type { Cell } from "../../../core/_lib/cells";
import { EXCEL_LIMITS } from "../../../core/_lib/excelLimits";

/** The widest a new row is made before its cells arrive; wider rows grow as cells come. */
const MAX_WIDTH_HINT = 256;

/** A 1-based box of cells, corners included. */
export interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/**
 * A sheet's valued cells as they stream in, row by row: each row one dense array starting
 * at its first valued column, sized like the row before it. A million-row sheet is then a
 * million small arrays (no Map per row, no object per cell), and cutting a grid out of it
 * hands most rows over as they are instead of copying them.
 */
export class SheetRows {
  private rows: (Cell[] | undefined)[] = [];
  /** The column (1-based) of each row's first slot. */
  private starts: number[] = [];
  /** The row number (1-based) of `rows[0]`; 0 until a cell arrives. */
  private base = 0;
  /** Start column and width for the next new row (those of the last row). */
  private start = 1;
  private width = 1;
  private claimed: Uint8Array | undefined;
  private top = Infinity;
  private left = Infinity;
  private bottom = 0;
  private right = 0;
  /** The highest row a cell came in so far. */
  private last = 0;
  /** The first cell that came in a row above an earlier cell's (rows stored out of order), if any. */
  outOfOrder: { row: number; after: number } | undefined;

  /** Stores a value; `""` is kept (tables show it) but, as in Excel's used range, does not widen `used`. */
  set(row: number, col: number, value: Cell): void {
    if (row > EXCEL_LIMITS.rows || col > EXCEL_LIMITS.cols) return this.outside(row, col, value);
    if (row >= this.last) this.last = row;
    else this.outOfOrder ??= { row, after: this.last };
    if (this.base === 0) this.base = row;
    let i = row - this.base;
    if (i < 0) i = this.prepend(row);
    const rows = this.rows;
    while (rows.length <= i) {
      rows.push(undefined);
      this.starts.push(0);
    }
    const cells = rows[i];
    if (cells === undefined) this.newRow(i, col, value);
    else {
      const k = col - this.starts[i];
      if (k >= 0 && k < cells.length) cells[k] = value;
      else this.widen(i, cells, k, value);
    }
    if (value === "") return;
    if (row < this.top) this.top = row;
    if (row > this.bottom) this.bottom = row;
    if (col < this.left) this.left = col;
    if (col > this.right) this.right = col;
  }

  /**
   * A cell past row 1,048,576 or column XFD (a damaged or hand-made package) is not stored,
   * only counted in `used`, so that one stray reference cannot make a billion-row array;
   * the grid cut from such a box is refused by its extent (`checkGrids`).
   */
  private outside(row: number, col: number, value: Cell): void {
    if (value === "") return;
    this.top = Math.min(this.top, row);
    this.bottom = Math.max(this.bottom, row);
    this.left = Math.min(this.left, col);
    this.right = Math.max(this.right, col);
  }

  private newRow(i: number, col: number, value: Cell): void {
    // Start where the row before started when the gap is small, so rows with a blank first
    // cell still line up with the box and are handed over without a copy.
    const start = col >= this.start && col - this.start < 64 ? this.start : col;
    const fresh = new Array<Cell>(Math.max(this.width, col - start + 1)).fill(null);
    fresh[col - start] = value;
    this.rows[i] = fresh;
    this.starts[i] = start;
  }

  /** Puts a value left of a row's start or past its end. */
  private widen(i: number, cells: Cell[], k: number, value: Cell): void {
    if (k < 0) {
      this.rows[i] = [value, ...new Array<Cell>(-k - 1).fill(null), ...cells];
      this.starts[i] += k;
      return;
    }
    for (let j = cells.length; j < k; j++) cells.push(null);
    cells.push(value);
  }

  /** A row above the first one seen (rows out of order): shifts the rows down. */
  private prepend(row: number): number {
    const n = this.base - row;
    this.rows.unshift(...new Array<undefined>(n));
    this.starts.unshift(...new Array<number>(n).fill(0));
    this.base = row;
    return 0;
  }

  /** The box of the cells holding a value other than `""`, or undefined for an empty sheet. */
  used(): Box | undefined {
    return this.bottom === 0 ? undefined : { top: this.top, left: this.left, bottom: this.bottom, right: this.right };
  }

  /** One cell's value, null when it holds none. */
  get(row: number, col: number): Cell {
    const i = row - this.base;
    const cells = i >= 0 ? this.rows[i] : undefined;
    return cells?.[col - this.starts[i]] ?? null;
  }

  /**
   * The values of a box, row by row, blanks as null. Rows that start at `left` and fit
   * the box are handed over (at most once; a later overlapping box gets copies).
   */
  block(box: Box): Cell[][] {
    const { top, left, bottom, right } = box;
    const width = right - left + 1;
    const claimed = (this.claimed ??= new Uint8Array(this.rows.length));
    const out: Cell[][] = [];
    for (let r = top; r <= bottom; r++) {
      const i = r - this.base;
      const cells = i >= 0 && i < this.rows.length ? this.rows[i] : undefined;
      if (cells === undefined) {
        out.push(new Array<Cell>(width).fill(null));
        continue;
      }
      const start = this.starts[i];
      if (start === left && claimed[i] === 0 && fits(cells, width)) {
        if (cells.length !== width) cells.length = width;
        claimed[i] = 1;
        out.push(cells);
        continue;
      }
      const row = new Array<Cell>(width).fill(null);
      const from = Math.max(left, start);
      const to = Math.min(right, start + cells.length - 1);
      for (let c = from; c <= to; c++) row[c - left] = cells[c - start];
      out.push(row);
    }
    return out;
  }

  /** Called at the end of each `<row>`: the next row starts and is sized like this one. */
  endRow(row: number): void {
    const i = row - this.base;
    const cells = i >= 0 ? this.rows[i] : undefined;
    if (cells === undefined) return;
    // Capped: one row with a stray value in column XFD must not make every later row 16,384 wide.
    this.width = Math.min(lastValued(cells) + 1, MAX_WIDTH_HINT);
    this.start = this.starts[i];
  }
}

/** True when a row is exactly `width` long, or longer with only nulls past `width`. */
function fits(cells: Cell[], width: number): boolean {
  if (cells.length < width) return false;
  for (let j = width; j < cells.length; j++) if (cells[j] !== null) return false;
  return true;
}

function lastValued(cells: Cell[]): number {
  let j = cells.length - 1;
  while (j > 0 && cells[j] === null) j--;
  return j;
}
