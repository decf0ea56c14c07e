import { columnLetters } from "../../../core/_lib/a1";
import type { Cell } from "../../../core/_lib/cells";
import type { ColumnPlan, Highlight, NumberFormat, SheetPlan } from "../../../core/output";
import { cellValueXml, styleAttr } from "./xmlText";

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
  private readonly attrs: string[] = [];
  private prefix = "";
  private numberOpen = "><v>";
  private numberClose = "</v></c>";

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
    this.numberOpen = `><${prefix}v>`;
    this.numberClose = `</${prefix}v></${prefix}c>`;
    for (const c of this.columns) this.opens[c.col] = `<${prefix}c r="${c.letters}`;
  }

  /**
   * The cells of row `row` in column order: `cols[i]` is the 0-based column of `xml[i]`.
   * Returns how many were written into the two (reused) arrays.
   */
  cellsOf(row: number, cols: number[], xml: string[]): number {
    const n = this.partsOf(row, cols, this.attrs, xml);
    const num = String(row + 1);
    for (let i = 0; i < n; i++) xml[i] = this.opens[cols[i]] + num + this.attrs[i] + xml[i];
    return n;
  }

  /**
   * `cellsOf` in pieces, for a writer of bytes that writes each cell's start (`<c r="`, the
   * column letters and the row number) itself: `attrs[i]` closes the `r` attribute and adds
   * the style (`"` or `" s="3"`), `bodies[i]` is cellValueXml's part. Each piece is made once
   * per style or value (texts up to CACHED_TEXT long), so a million rows of tiers make no string.
   */
  partsOf(row: number, cols: number[], attrs: string[], bodies: string[]): number {
    let n = 0;
    if (row === this.headerRow) {
      for (const c of this.columns) {
        cols[n] = c.col;
        attrs[n] = this.attrOf(this.headerStyle);
        bodies[n++] = this.body(c, row, c.plan.header);
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
      attrs[n] = this.attrOf(f ? this.styleOf(f) : c.style);
      bodies[n++] = this.body(c, row, values[k]);
    }
    return n;
  }

  private attrOf(style: number): string {
    let attr = this.styleAttr.get(style);
    if (attr === undefined) this.styleAttr.set(style, (attr = styleAttr(style)));
    return attr;
  }

  /** cellValueXml's part of a cell, short texts made once. */
  private body(c: OwnedColumn, row: number, value: Cell): string {
    if (typeof value === "number" && Number.isFinite(value)) return this.numberOpen + value + this.numberClose;
    if (typeof value !== "string" || value.length > CACHED_TEXT)
      return cellValueXml(`${c.letters}${row + 1}`, value, this.prefix);
    let body = this.texts.get(value);
    if (body === undefined) {
      body = cellValueXml(`${c.letters}${row + 1}`, value, this.prefix);
      if (this.texts.size < CACHE_SIZE) this.texts.set(value, body);
    }
    return body;
  }
}
