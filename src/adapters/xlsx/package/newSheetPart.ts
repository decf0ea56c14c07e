import { columnLetters } from "../../../core/_lib/a1";
import type { Cell } from "../../../core/_lib/cells";
import type { NumberFormat, SheetPlan } from "../../../core/output";
import type { Grid } from "../../../core/types";
import { NS_MAIN, NS_REL } from "./namespaces";
import { OwnedCells, type SheetStyles } from "./ownedCells";
import { patchSheetHead } from "./patchSheetHead";
import { patchSheetTail } from "./patchSheetTail";
import type { SharedStringTable } from "./sharedStringTable";
import { cellValueXml } from "./xmlText";

/** Bytes of a sheet part's chunk: a few thousand rows, so a million-row sheet streams in bounded memory. */
const CHUNK_BYTES = 1 << 20;
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
  const letters = Array.from({ length: width }, (_, c) => columnLetters(c));
  // cellXml's element with what every cell of a column shares made once: `<c r="B`, then `" s="2"`.
  const opens = letters.map((l) => `<c r="${l}`);
  const attr = (style: number) => (style === 0 ? '"' : `" s="${style}"`);
  const numberAttrs = styles.map(attr);
  const shared = letters.map((_, c) => sharedColumns.includes(c));
  const headerAttr = attr(XF.header);
  const ownedCols: number[] = [];
  const ownedXml: string[] = [];
  const rowCount = Math.max(grid.values.length, cells ? cells.lastRow + 1 : 0);
  // Each row's XML is encoded into a chunk as it is made: a chunk built as one string of
  // 2,000 rows was a tree of ~100,000 concatenations that Buffer.from had to flatten first.
  let chunk = Buffer.allocUnsafe(CHUNK_BYTES);
  let at = 0;
  for (let r = 0; r < rowCount; r++) {
    const row: readonly Cell[] | undefined = grid.values[r];
    const n = cells?.has(r) ? cells.cellsOf(r, ownedCols, ownedXml) : 0;
    if (row === undefined && n === 0) continue;
    const num = String(r + 1);
    let xml = `<row r="${num}">`;
    let k = 0;
    for (let c = 0; row !== undefined && c < row.length; c++) {
      const v = row[c];
      if (v === null || v === undefined) continue;
      while (k < n && ownedCols[k] < c) xml += ownedXml[k++];
      // An owned column's cell replaces the grid's, as patchSheet replaces it.
      if (k < n && ownedCols[k] === c) continue;
      xml += opens[c] + num + (r === 0 ? headerAttr : typeof v === "number" ? numberAttrs[c] : '"');
      if (typeof v === "string" && strings && shared[c]) xml += ` t="s"><v>${strings.index(v)}</v></c>`;
      else xml += typeof v === "number" && Number.isFinite(v) ? `><v>${v}</v></c>` : cellValueXml(letters[c] + num, v);
    }
    while (k < n) xml += ownedXml[k++];
    xml += "</row>";
    // UTF-8 takes at most 3 bytes per UTF-16 code unit.
    if (at + 3 * xml.length > chunk.length) {
      if (at > 0) yield chunk.subarray(0, at);
      chunk = Buffer.allocUnsafe(Math.max(CHUNK_BYTES, 3 * xml.length));
      at = 0;
    }
    at += chunk.write(xml, at);
  }
  if (at > 0) yield chunk.subarray(0, at);
  const tail = `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`;
  yield Buffer.from(
    `</sheetData>${cells && owned ? patchSheetTail(tail, owned.plan, cells, owned.styles, "") : tail}`,
    "latin1",
  );
}
