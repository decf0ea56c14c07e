import { Readable } from "node:stream";
import type { SheetPlan } from "../../../core/output";
import { ByteOut } from "./byteOut";
import { CellBytes } from "./cellBytes";
import { OwnedCells, OwnedRow, type SheetStyles } from "./ownedCells";
import type { PartBytes } from "./partBytes";
import { patchSheetHead } from "./patchSheetHead";
import { patchSheetTail } from "./patchSheetTail";
import { RowPatcher } from "./patchRow";
import { digits, TagScan } from "./tagScan";
import { endsName, findClose, localName, nextTag, prefixOf, type Tag } from "./xmlScan";
import { UnreadablePartError } from "./openXlsxError";

export type { SheetStyles } from "./ownedCells";

/**
 * Writes a sheet plan's owned columns into a worksheet part as it streams through:
 * memory is bounded by the largest row plus what stands before and after `<sheetData>`.
 * Rows and cells it does not write come out byte-identical; see `SheetPatcher`.
 * @example pipeline(pkg.openStream("xl/worksheets/sheet1.xml"), (s) => patchSheet(s, plan, styles), out)
 */
export function patchSheet(source: Readable, plan: SheetPlan, styles: SheetStyles): Readable {
  const patcher = new SheetPatcher(plan, styles);
  return Readable.from(patchChunks(source, patcher), { objectMode: false });
}

async function* patchChunks(source: Readable, patcher: SheetPatcher): AsyncGenerator<Buffer> {
  for await (const chunk of source as AsyncIterable<Buffer | string>)
    for (const out of patcher.push(typeof chunk === "string" ? Buffer.from(chunk, "utf8") : chunk))
      if (out.length > 0) yield out;
  for (const out of patcher.end()) if (out.length > 0) yield out;
}

const EMPTY = Buffer.alloc(0);

/**
 * The synchronous core of `patchSheet`: `push` the part's bytes as they arrive and write out
 * the chunks it returns (a megabyte or so each), then those of `end()`. Before `<sheetData>`
 * the part is held and edited whole (dimension, cols); inside it rows are copied through,
 * rows that receive owned cells are rewritten (owned columns' old cells dropped, ours
 * inserted in column order, `spans` dropped) and rows the plan needs that do not exist are
 * created in order; after `</sheetData>` the rest is held and edited whole (conditional formats).
 *
 * The part is scanned as latin1 text of its bytes, one char per byte, so a position in the
 * text is a position in the bytes: what is kept is copied byte for byte, never decoded and
 * encoded again, and no UTF-8 character can be split, since markup is ASCII and UTF-8 uses
 * no ASCII byte inside a multi-byte character.
 */
export class SheetPatcher {
  private phase: "head" | "rows" | "pass" | "tail" = "head";
  /** Bytes received and not yet written (the head, a partial row, the tail's chunks). */
  private pending: Buffer = EMPTY;
  private tailChunks: Buffer[] = [];
  private headScan = 0;
  private depth = 0;
  private sheetData = "sheetData";
  private prefix = "";
  private rowName = "row";
  private prevRow = -1;
  private readonly scan = new TagScan();
  private readonly rowPatcher: RowPatcher;
  private readonly cells: OwnedCells;
  /** Made again for the part's prefix, once it is known (at `<sheetData>`). */
  private owned: OwnedRow;
  private readonly out = new ByteOut();

  constructor(
    private readonly plan: SheetPlan,
    private readonly styles: SheetStyles,
  ) {
    this.cells = new OwnedCells(plan, styles);
    this.owned = new OwnedRow(this.cells, new CellBytes());
    this.rowPatcher = new RowPatcher(plan.sheet, this.scan);
  }

  push(chunk: Buffer): Buffer[] {
    if (this.phase === "tail") {
      this.tailChunks.push(chunk);
      return [];
    }
    const bytes = this.pending.length > 0 ? Buffer.concat([this.pending, chunk]) : chunk;
    if (
      this.phase === "head" &&
      bytes.length >= 2 &&
      ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
    ) {
      throw new Error("patchSheet: the sheet part is UTF-16; only UTF-8 parts (what Excel writes) can be patched");
    }
    const s = bytes.toString("latin1");
    const out = this.out;
    out.begin(bytes);
    let pos = 0;
    // Each step may move to the next phase, and the next step goes on from where it stopped.
    if (this.is("head")) pos = this.head(s, out);
    if (this.is("rows")) pos = this.rows(s, pos, out);
    if (this.is("pass")) pos = this.pass(s, pos);
    if (this.is("tail")) {
      this.tailChunks.push(bytes.subarray(pos));
      this.pending = EMPTY;
    } else this.pending = Buffer.from(bytes.subarray(pos)); // a copy: the chunk itself can go
    return out.ready(pos);
  }

  private is(phase: SheetPatcher["phase"]): boolean {
    return this.phase === phase;
  }

  end(): Buffer[] {
    if (this.phase === "head")
      throw new UnreadablePartError("malformed", this.plan.sheet, "patchSheet: the sheet part has no <sheetData>");
    if (this.phase !== "tail")
      throw new UnreadablePartError("malformed", this.plan.sheet, "patchSheet: the sheet part ends inside <sheetData>");
    const tail = Buffer.concat(this.tailChunks).toString("latin1");
    this.tailChunks = [];
    const out = this.out.finish();
    out.push(Buffer.from(patchSheetTail(tail, this.plan, this.cells, this.styles, this.prefix), "latin1"));
    return out;
  }

  /** Scans for the sheetData start tag; returns how far the bytes are consumed (0 until found). */
  private head(s: string, out: ByteOut): number {
    for (let t = nextTag(s, this.headScan); t; t = nextTag(s, t.end)) {
      this.headScan = t.end;
      if (t.kind === "other") continue;
      if (t.kind === "close") {
        this.depth--;
        continue;
      }
      if (this.depth === 1 && localName(t.name) === "sheetData") return this.enterSheetData(s, t, out);
      if (t.kind === "open") this.depth++;
    }
    return 0;
  }

  private enterSheetData(s: string, t: Tag, out: ByteOut): number {
    this.sheetData = t.name;
    this.prefix = prefixOf(t.name);
    this.rowName = `${this.prefix}row`;
    this.rowPatcher.usePrefix(this.prefix);
    this.owned = new OwnedRow(this.cells, new CellBytes(this.prefix));
    out.spliceBytes(0, patchSheetHead(s.slice(0, t.start), this.cells, this.prefix), t.start);
    if (t.kind === "open") {
      this.phase = "rows";
      return t.end;
    }
    // <sheetData/>: every row the plan needs is created.
    this.phase = "tail";
    if (this.cells.nextFrom(0) >= 0) {
      out.spliceBytes(t.start, `<${t.name}>`, t.end);
      this.createRows(this.cells.lastRow, out.at(t.end));
      out.at(t.end).ascii(`</${t.name}>`);
    }
    return t.end;
  }

  /** Copies and patches complete rows from `from`; returns how far the bytes are consumed. */
  private rows(s: string, from: number, out: ByteOut): number {
    let pos = from; // scanned up to here
    for (;;) {
      const lt = s.indexOf("<", pos);
      if (lt < 0) break;
      let name = this.rowName;
      // Most rows are "<row " as the sheetData's prefix has it: no Tag object needed.
      if (!s.startsWith(name, lt + 1) || !endsName(s.charCodeAt(lt + 1 + name.length))) {
        const t = nextTag(s, lt);
        if (!t) break;
        if (t.kind === "other") {
          pos = t.end;
          continue;
        }
        if (t.kind === "close") {
          if (t.name !== this.sheetData)
            throw new UnreadablePartError(
              "malformed",
              this.plan.sheet,
              `patchSheet: unexpected </${t.name}> inside <sheetData>`,
            );
          this.createRows(this.cells.lastRow, out.at(t.start));
          this.phase = "tail";
          return t.end;
        }
        if (localName(t.name) !== "row")
          throw new UnreadablePartError(
            "malformed",
            this.plan.sheet,
            `patchSheet: unexpected <${t.name}> inside <sheetData>`,
          );
        name = t.name;
      }
      const scan = this.scan;
      if (!scan.read(s, lt + 1 + name.length)) break;
      const tagEnd = scan.end;
      let contentEnd = tagEnd;
      let rowEnd = tagEnd;
      if (!scan.empty) {
        const close = findClose(s, name, tagEnd);
        if (!close) break;
        contentEnd = close.start;
        rowEnd = close.end;
      }
      const row = scan.rStart < 0 ? this.prevRow + 1 : digits(s, scan.rStart, scan.rEnd) - 1;
      if (!Number.isInteger(row) || row <= this.prevRow || row > 1048575) {
        const kind = Number.isInteger(row) && row <= this.prevRow ? "rowOrder" : "malformed";
        const detail = `row ${scan.rStart < 0 ? row + 1 : s.slice(scan.rStart, scan.rEnd)} after row ${this.prevRow + 1} in ${this.plan.sheet} (rows must be numbered 1 to 1048576 in order)`;
        throw new UnreadablePartError(kind, this.plan.sheet, detail);
      }
      const next = this.cells.nextFrom(this.prevRow + 1);
      if (next >= 0 && next < row) this.createRows(row - 1, out.at(lt));
      const owned = this.owned;
      if (owned.load(row) > 0) {
        const tag: Tag = { start: lt, end: tagEnd, kind: scan.empty ? "empty" : "open", name };
        this.rowPatcher.patch(s, tag, row, contentEnd, owned, out);
      }
      this.prevRow = row;
      pos = rowEnd;
      out.handOnAt(pos);
      if (row >= this.cells.lastRow) {
        // Nothing left to write in this sheetData: copy the rest without parsing rows.
        this.phase = "pass";
        break;
      }
    }
    return pos;
  }

  private pass(s: string, from: number): number {
    const close = findClose(s, this.sheetData, from);
    if (close) {
      this.phase = "tail";
      return close.end;
    }
    // Keep from the last "<": it may begin the end tag.
    const lt = s.lastIndexOf("<");
    return lt <= from ? from : lt;
  }

  /** Writes `<row>`s for the rows the plan needs after the previous row, up to `upTo`. */
  private createRows(upTo: number, w: PartBytes): void {
    const name = this.rowName;
    const owned = this.owned;
    for (let r = this.cells.nextFrom(this.prevRow + 1); r >= 0 && r <= upTo; r = this.cells.nextFrom(r + 1)) {
      w.ascii(`<${name} r="`);
      w.whole(r + 1);
      w.ascii('">');
      owned.write(w, 0, owned.load(r));
      w.ascii(`</${name}>`);
    }
  }
}
