import { columnLetters } from "../../../core/_lib/a1";
import type { Cell } from "../../../core/_lib/cells";
import type { ColumnPlan, Highlight, NumberFormat, SheetPlan } from "../../../core/output";
import { cellValueXml, styleAttr, valueMarkup } from "./xmlText";

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

/** Texts longer than this are not cached: owned columns repeat short texts (tiers, flags). */
const CACHED_TEXT = 256;
const CACHE_SIZE = 100_000;

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
  private readonly styleAttr = new Map<number, string>();
  private readonly texts = new Map<string, string>();
  /** Each owned column's `<c r="G`, with the part's prefix, by column. */
  private readonly opens: string[] = [];
  private readonly styleIds: number[] = [];
  private readonly values: Cell[] = [];
  private prefix = "";
  private markup = valueMarkup();

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
    this.usePrefix("");
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

  /** Sets the part's spreadsheetml prefix (with its colon) that the cells are written with. */
  usePrefix(prefix: string): void {
    if (prefix !== this.prefix) this.texts.clear();
    this.prefix = prefix;
    this.markup = valueMarkup(prefix);
    for (const c of this.columns) this.opens[c.col] = `<${prefix}c r="${c.letters}`;
  }

  /**
   * The cells of row `row` in column order: column `cols[i]`, cellXfs style `styles[i]` and
   * value `values[i]`, written into the three (reused) arrays. Returns how many. A writer of
   * bytes writes them as it writes its own cells (newSheetPart); `cellsOf` makes their XML.
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

  /**
   * The cells of row `row` in column order as XML: `cols[i]` is the 0-based column of `xml[i]`.
   * Returns how many were written into the two (reused) arrays. Each style's attribute and each
   * text's value markup (texts up to CACHED_TEXT long) is made once.
   */
  cellsOf(row: number, cols: number[], xml: string[]): number {
    const n = this.valuesOf(row, cols, this.styleIds, this.values);
    const num = String(row + 1);
    for (let i = 0; i < n; i++)
      xml[i] = this.opens[cols[i]] + num + this.attrOf(this.styleIds[i]) + this.body(cols[i], row, this.values[i]);
    return n;
  }

  private attrOf(style: number): string {
    let attr = this.styleAttr.get(style);
    if (attr === undefined) this.styleAttr.set(style, (attr = styleAttr(style)));
    return attr;
  }

  /** cellValueXml's part of cell (row, col), short texts made once. */
  private body(col: number, row: number, value: Cell): string {
    if (typeof value === "number" && Number.isFinite(value))
      return this.markup.number[0] + value + this.markup.number[1];
    if (typeof value !== "string" || value.length > CACHED_TEXT)
      return cellValueXml(`${columnLetters(col)}${row + 1}`, value, this.prefix);
    let body = this.texts.get(value);
    if (body === undefined) {
      body = cellValueXml(`${columnLetters(col)}${row + 1}`, value, this.prefix);
      if (this.texts.size < CACHE_SIZE) this.texts.set(value, body);
    }
    return body;
  }
}
