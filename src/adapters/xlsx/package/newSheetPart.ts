import { columnLetters } from "../../../core/_lib/a1";
import type { Cell } from "../../../core/_lib/cells";
import type { NumberFormat, SheetPlan } from "../../../core/output";
import type { Grid } from "../../../core/types";
import { NS_MAIN, NS_REL } from "./namespaces";
import { CellBytes } from "./cellBytes";
import { OwnedCells, OwnedRow, type SheetStyles } from "./ownedCells";
import { patchSheetHead } from "./patchSheetHead";
import { PartBytes } from "./partBytes";
import { patchSheetTail } from "./patchSheetTail";
import type { SharedStringTable } from "./sharedStringTable";

const WIDTH = 16;

/**
 * cellXfs of the new workbook's styles part: 0 default, then header (bold) and one per number
 * format an input field can have; ratios and scores are never input fields (General).
 */
export const XF = {
  header: 1,
  date: 2,
  money: 3,
  integer: 4,
  decimal: 5,
  percent: 0,
  oneDecimal: 0,
  general: 0,
} as const;

/** A sheet of a new workbook: its grid (at A1, the first row its header) and each column's number format. */
export interface NewSheet {
  grid: Grid;
  formats: readonly (NumberFormat | null)[];
  /**
   * Columns whose texts are written as shared strings: few texts on many rows (a combined
   * sheet's Source, one text per input). Other texts are inline strings: numbering a million
   * distinct ones (order ids) cost more than their bytes saved (docs/decisions.md).
   */
  sharedColumns?: readonly number[];
}

/** A sheet plan's owned cells and the styles they are written in. */
export interface OwnedPlan {
  plan: SheetPlan;
  styles: SheetStyles;
}

/**
 * A new workbook's sheet part, generated chunk by chunk: the grid's cells (bold header row,
 * each column's number format, the first row frozen) and, when `owned` is given, the plan's
 * owned cells written in the same pass, exactly as `patchSheet` would write them into the part
 * made without them (the same head and tail edits, each row's cells in column order, an owned
 * cell in place of a grid cell of its column, rows past the grid created): nothing the run has
 * just made is parsed again. With `strings`, the texts of `sharedColumns` are written as shared
 * strings; every other text (owned cells too, as `patchSheet` writes them) as an inline string.
 */
export function* newSheetPart(
  { grid, formats, sharedColumns = [] }: NewSheet,
  owned?: OwnedPlan,
  strings?: SharedStringTable,
): Generator<Buffer> {
  const width = grid.values[0]?.length ?? 0;
  const styles = formats.map((f) => (f === null ? 0 : XF[f]));
  const cells = owned && owned.plan.columns.length > 0 ? new OwnedCells(owned.plan, owned.styles) : undefined;
  const cols = width > 0 ? `<cols><col min="1" max="${width}" width="${WIDTH}" customWidth="1"/></cols>` : "";
  const dimension = width > 0 ? `A1:${columnLetters(width - 1)}${grid.values.length}` : "A1";
  const head =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}"><dimension ref="${dimension}"/>` +
    `<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>` +
    `<sheetFormatPr defaultRowHeight="15"/>${cols}`;
  // The head is ASCII: its latin1 text is its bytes, as patchSheetHead edits it.
  yield Buffer.from(`${cells ? patchSheetHead(head, cells, "") : head}<sheetData>`, "latin1");
  const rows = new RowWriter(styles, sharedColumns, cells, strings);
  const rowCount = Math.max(grid.values.length, cells ? cells.lastRow + 1 : 0);
  const out = new PartBytes();
  for (let r = 0; r < rowCount; r++) {
    rows.write(out, r, grid.values[r]);
    if (out.full) yield out.take();
  }
  const rest = out.take();
  if (rest.length > 0) yield rest;
  const tail = `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`;
  yield Buffer.from(
    `</sheetData>${cells && owned ? patchSheetTail(tail, owned.plan, cells, owned.styles, "") : tail}`,
    "latin1",
  );
}

const bytesOf = (markup: string) => Buffer.from(markup, "latin1");
const ROW_OPEN = bytesOf('<row r="');
const ROW_OPENED = bytesOf('">');
const ROW_CLOSE = bytesOf("</row>");

/** `<row r="N">` and `</row>` around a generated sheet's row. */
export function openRow(out: PartBytes, r: number): void {
  out.bytes(ROW_OPEN);
  out.whole(r + 1);
  out.bytes(ROW_OPENED);
}

export function closeRow(out: PartBytes): void {
  out.bytes(ROW_CLOSE);
}

/**
 * Writes a new sheet's rows as bytes (`CellBytes`): the grid's cells and the owned cells in
 * column order, a number in its column's format, the header row bold.
 */
class RowWriter {
  private readonly cellBytes = new CellBytes();
  private readonly shared: boolean[] = [];
  private readonly owned: OwnedRow | undefined;

  /** @param numberStyles each column's style for a number (its format) */
  constructor(
    private readonly numberStyles: readonly number[],
    sharedColumns: readonly number[],
    cells: OwnedCells | undefined,
    private readonly strings: SharedStringTable | undefined,
  ) {
    for (const c of sharedColumns) this.shared[c] = true;
    this.owned = cells && new OwnedRow(cells, this.cellBytes);
  }

  /** Row `r` (0-based) of the grid with its owned cells; nothing when it has neither. */
  write(out: PartBytes, r: number, row: readonly Cell[] | undefined): void {
    const owned = this.owned;
    const n = owned ? owned.load(r) : 0;
    if (row === undefined && n === 0) return;
    openRow(out, r);
    let k = 0;
    for (let c = 0; row !== undefined && c < row.length; c++) {
      const v = row[c];
      if (v === null || v === undefined) continue;
      if (owned && k < n) {
        k = owned.writeBefore(out, c, k);
        // An owned column's cell replaces the grid's, as patchSheet replaces it.
        if (k < n && owned.cols[k] === c) continue;
      }
      this.cell(out, r, c, v);
    }
    if (owned && k < n) owned.write(out, k, n);
    closeRow(out);
  }

  private cell(out: PartBytes, r: number, c: number, v: Cell): void {
    const style = r === 0 ? XF.header : typeof v === "number" ? (this.numberStyles[c] ?? 0) : 0;
    if (typeof v === "string" && this.strings && this.shared[c])
      this.cellBytes.sharedCell(out, r, c, this.strings.index(v), style);
    else this.cellBytes.cell(out, r, c, v, style);
  }
}
