import { columnLetters } from "../../../core/_lib/a1";
import type { Cell } from "../../../core/_lib/cells";
import type { PartBytes } from "./partBytes";
import { cellValueXml, isPlainText, styleAttr, valueMarkup } from "./xmlText";

const bytesOf = (markup: string) => Buffer.from(markup, "latin1");

/**
 * Cells as bytes: each column's `<c r="B` and each style's attribute made once, and a value
 * written between its markup's bytes, so that a cell makes no string (docs/decisions.md).
 * What `cellXml` writes, for every cell the run writes into a sheet part, new or patched,
 * with the part's spreadsheetml prefix (with its colon).
 */
export class CellBytes {
  /** Each column's `<c r="B`, made when first needed (owned columns may lie past the grid). */
  private readonly opens: Uint8Array[] = [];
  private readonly attrs: Uint8Array[] = [];
  private readonly numberOpen: Uint8Array;
  private readonly numberClose: Uint8Array;
  /** A shared string's index is written as a number is, after its type. */
  private readonly sharedOpen: Uint8Array;
  private readonly textOpen: Uint8Array;
  private readonly textClose: Uint8Array;

  constructor(private readonly prefix = "") {
    const markup = valueMarkup(prefix);
    this.numberOpen = bytesOf(markup.number[0]);
    this.numberClose = bytesOf(markup.number[1]);
    this.sharedOpen = bytesOf(` t="s"${markup.number[0]}`);
    this.textOpen = bytesOf(markup.plainText[0]);
    this.textClose = bytesOf(markup.plainText[1]);
  }

  /** `<c r="B7` of cell (r, c), 0-based. */
  open(out: PartBytes, r: number, c: number): void {
    out.bytes((this.opens[c] ??= bytesOf(`<${this.prefix}c r="${columnLetters(c)}`)));
    out.whole(r + 1);
  }

  /** `styleAttr(style)` as bytes. */
  attr(style: number): Uint8Array {
    return (this.attrs[style] ??= bytesOf(styleAttr(style)));
  }

  /** What `cellValueXml` writes for cell (r, c). */
  value(out: PartBytes, r: number, c: number, v: Cell): void {
    if (typeof v === "number" && Number.isFinite(v)) {
      out.bytes(this.numberOpen);
      out.decimal(v);
      out.bytes(this.numberClose);
    } else if (typeof v === "string" && isPlainText(v)) {
      out.bytes(this.textOpen);
      out.text(v);
      out.bytes(this.textClose);
    } else out.text(cellValueXml(columnLetters(c) + String(r + 1), v, this.prefix));
  }

  /** A whole cell, as `cellXml` writes it. */
  cell(out: PartBytes, r: number, c: number, v: Cell, style: number): void {
    this.open(out, r, c);
    out.bytes(this.attr(style));
    this.value(out, r, c, v);
  }

  /** A whole cell holding shared string number `index`. */
  sharedCell(out: PartBytes, r: number, c: number, index: number, style: number): void {
    this.open(out, r, c);
    out.bytes(this.attr(style));
    out.bytes(this.sharedOpen);
    out.whole(index);
    out.bytes(this.numberClose);
  }
}
