import { type Box, MAX_COLS, boxCols, boxRows } from "./address";

/**
 * One sheet of the double's workbook: its cells in one flat map and what the user keeps
 * beside them (widths, merged areas, notes, validation, hidden rows and columns, the
 * AutoFilter, frozen panes). Plain data, no Excel rules: the proxies enforce those.
 */

export type CellValue = string | number | boolean;
export type Visibility = "Visible" | "Hidden" | "VeryHidden";

export interface FontData {
  bold?: boolean;
  italic?: boolean;
  color?: string;
  size?: number;
}

/** One stored cell. A cell with only formatting has no `value`. */
export interface CellData {
  value?: CellValue;
  formula?: string;
  numberFormat?: string;
  font?: FontData;
  fill?: string;
}

/** A plain copy of a cell, its font copied too, keys holding undefined left out (as JSON would). */
export function copyCell(cell: CellData): CellData {
  const out: CellData = {};
  if (cell.value !== undefined) out.value = cell.value;
  if (cell.formula !== undefined) out.formula = cell.formula;
  if (cell.numberFormat !== undefined) out.numberFormat = cell.numberFormat;
  if (cell.font !== undefined)
    out.font = Object.fromEntries(Object.entries(cell.font).filter(([, v]) => v !== undefined)) as FontData;
  if (cell.fill !== undefined) out.fill = cell.fill;
  return out;
}

/** A note (Excel's legacy comment) on one cell. */
export interface NoteData {
  text: string;
  author?: string;
}

/** A data-validation rule on one cell, as the workbook stores it (type, operator, formulae, blank allowed, messages). */
export type ValidationRule = Record<string, unknown>;

/** A sheet's AutoFilter: its block and, per column offset, the criteria (kept as the workbook stores them). */
export interface AutoFilterModel {
  box: Box;
  criteria: Record<string, string>;
}

/** Frozen panes: rows frozen at the top, columns at the left. */
export interface FreezeModel {
  rows: number;
  cols: number;
}

/** Cells are keyed by row * MAX_COLS + col so that a 100,000-row sheet stays one flat map. */
const key = (row: number, col: number): number => row * MAX_COLS + col;
/** The key of a cell in the sheet's per-cell maps. */
export const cellKey = (row: number, col: number): number => row * MAX_COLS + col;

/** `box` grown over one cell (a new box when there was none). */
function widen(box: Box | null, row: number, col: number): Box {
  if (!box) return { top: row, left: col, bottom: row, right: col };
  if (row < box.top) box.top = row;
  if (row > box.bottom) box.bottom = row;
  if (col < box.left) box.left = col;
  if (col > box.right) box.right = col;
  return box;
}

export class SheetModel {
  readonly cells = new Map<number, CellData>();
  /** Column widths in points, only where set. */
  readonly columnWidths = new Map<number, number>();
  visibility: Visibility = "Visible";
  protected = false;
  /** Merged areas, each with its value in its top-left cell. */
  readonly merges: Box[] = [];
  /** Notes by cell (row * MAX_COLS + col). */
  readonly notes = new Map<number, NoteData>();
  /** Data validation by cell. */
  readonly validations = new Map<number, ValidationRule>();
  /** 0-based rows and columns the user hid (or a filter hides). */
  readonly hiddenRows = new Set<number>();
  readonly hiddenColumns = new Set<number>();
  autoFilter: AutoFilterModel | null = null;
  freeze: FreezeModel | null = null;
  /**
   * Cells whose value or formula changed since the double last told its event handlers
   * (`WorksheetChanged`), and whether the sheet holds formulas (it then recalculates:
   * `WorksheetCalculated`). Bookkeeping for `events.ts`, not part of the workbook.
   */
  changed: Box | null = null;
  /** Cells whose number format, font or fill changed since then (`WorksheetFormatChanged`). */
  formatChanged: Box | null = null;
  hasFormulas = false;

  constructor(
    public name: string,
    readonly id: string,
  ) {}

  get(row: number, col: number): CellData | undefined {
    return this.cells.get(key(row, col));
  }

  /** Replaces a cell; an empty record removes it, so snapshots stay minimal. */
  put(row: number, col: number, cell: CellData): void {
    const old = this.cells.get(key(row, col));
    if (old?.value !== cell.value || old?.formula !== cell.formula) this.changed = widen(this.changed, row, col);
    if (old?.numberFormat !== cell.numberFormat || old?.font !== cell.font || old?.fill !== cell.fill)
      this.formatChanged = widen(this.formatChanged, row, col);
    if (cell.formula !== undefined) this.hasFormulas = true;
    const empty =
      cell.value === undefined &&
      cell.formula === undefined &&
      cell.numberFormat === undefined &&
      cell.font === undefined &&
      cell.fill === undefined;
    if (empty) this.cells.delete(key(row, col));
    else this.cells.set(key(row, col), cell);
  }

  /** Changes one cell in place through `edit`, which receives a copy. */
  update(row: number, col: number, edit: (cell: CellData) => void): void {
    const cell = { ...(this.get(row, col) ?? {}) };
    edit(cell);
    this.put(row, col, cell);
  }

  /** Every stored cell as [row, col, cell], in no particular order. */
  *entries(): Generator<[number, number, CellData]> {
    for (const [k, cell] of this.cells) yield [Math.floor(k / MAX_COLS), k % MAX_COLS, cell];
  }

  /** Keys of a per-cell map (notes, validations) that lie inside a box. */
  keysIn(map: Map<number, unknown>, box: Box): number[] {
    return [...map.keys()].filter((k) => {
      const r = Math.floor(k / MAX_COLS);
      const c = k % MAX_COLS;
      return r >= box.top && r <= box.bottom && c >= box.left && c <= box.right;
    });
  }

  /** Stored cells inside a box, without walking empty cells of a huge box. */
  *entriesIn(box: Box): Generator<[number, number, CellData]> {
    if (boxRows(box) * boxCols(box) <= this.cells.size) {
      for (let r = box.top; r <= box.bottom; r++) {
        for (let c = box.left; c <= box.right; c++) {
          const cell = this.get(r, c);
          if (cell) yield [r, c, cell];
        }
      }
      return;
    }
    for (const e of this.entries())
      if (e[0] >= box.top && e[0] <= box.bottom && e[1] >= box.left && e[1] <= box.right) yield e;
  }

  /** Excel's used range: cells with a value, or (unless valuesOnly) with any formatting. */
  usedBox(valuesOnly: boolean): Box | undefined {
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    // Straight over the map: Office's getUsedRange asks this of every sheet, often.
    for (const [k, cell] of this.cells) {
      if (valuesOnly && cell.value === undefined) continue;
      const r = Math.floor(k / MAX_COLS);
      const c = k % MAX_COLS;
      if (r < top) top = r;
      if (r > bottom) bottom = r;
      if (c < left) left = c;
      if (c > right) right = c;
    }
    return bottom < 0 ? undefined : { top, left, bottom, right };
  }
}
