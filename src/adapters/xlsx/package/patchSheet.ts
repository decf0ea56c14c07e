import { Readable } from "node:stream";
import type { SheetPlan } from "../../../core/output";
import { ByteOut } from "./byteOut";
import { OwnedCells, type SheetStyles } from "./ownedCells";
import { patchSheetHead } from "./patchSheetHead";
import { patchSheetTail } from "./patchSheetTail";
import { columnOfRef, findAttr, localName, nextTag, prefixOf, type Tag } from "./xmlScan";

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
  for await (const chunk of source as AsyncIterable<Buffer | string>) {
    const out = patcher.push(typeof chunk === "string" ? Buffer.from(chunk, "utf8") : chunk);
    if (out.length > 0) yield out;
  }
  const out = patcher.end();
  if (out.length > 0) yield out;
}

/** True for white space, "/" or ">" after a name (and NaN past the end of the text). */
function endsName(code: number): boolean {
  return code === 62 || code === 32 || code === 9 || code === 10 || code === 13 || code === 47 || Number.isNaN(code);
}

const closeTags = new Map<string, string>();

/** Index of the end tag `</name>` at or after `from` and the index after its `>`, or null if not yet there. */
function findClose(s: string, name: string, from: number): { start: number; end: number } | null {
  let open = closeTags.get(name);
  if (open === undefined) closeTags.set(name, (open = `</${name}`));
  for (let i = s.indexOf(open, from); i >= 0; i = s.indexOf(open, i + 1)) {
    if (!endsName(s.charCodeAt(i + open.length))) continue;
    const gt = s.indexOf(">", i + open.length);
    return gt < 0 ? null : { start: i, end: gt + 1 };
  }
  return null;
}

const EMPTY = Buffer.alloc(0);

/** The number written in s[start, end) as decimal digits; NaN for anything else. */
function digits(s: string, start: number, end: number): number {
  if (end <= start || end - start > 9) return NaN;
  let n = 0;
  for (let i = start; i < end; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return NaN;
    n = n * 10 + d;
  }
  return n;
}

/**
 * The synchronous core of `patchSheet`: `push` the part's bytes as they arrive and write out
 * the bytes it returns, then `end()`. Before `<sheetData>` the part is held and edited whole
 * (dimension, cols); inside it rows are copied through, rows that receive owned cells are
 * rewritten (owned columns' old cells dropped, ours inserted in column order, `spans`
 * dropped) and rows the plan needs that do not exist are created in order; after
 * `</sheetData>` the rest is held and edited whole (conditional formats).
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
  private cellOpen = "<c";
  private prevRow = -1;
  // What scanAttrs found in the last tag it read.
  private tagEnd = 0;
  private tagEmpty = false;
  private rStart = -1;
  private rEnd = -1;
  private spansStart = -1;
  private spansEnd = -1;
  private readonly cells: OwnedCells;
  private readonly cols: number[] = [];
  private readonly xml: string[] = [];

  constructor(
    private readonly plan: SheetPlan,
    private readonly styles: SheetStyles,
  ) {
    this.cells = new OwnedCells(plan, styles);
  }

  push(chunk: Buffer): Buffer {
    if (this.phase === "tail") {
      this.tailChunks.push(chunk);
      return EMPTY;
    }
    const bytes = this.pending.length > 0 ? Buffer.concat([this.pending, chunk]) : chunk;
    if (this.phase === "head" && bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
      throw new Error("patchSheet: the sheet part is UTF-16; only UTF-8 parts (what Excel writes) can be patched");
    }
    const s = bytes.toString("latin1");
    const out = new ByteOut(bytes);
    let pos = 0;
    // Each step may move to the next phase, and the next step goes on from where it stopped.
    if (this.is("head")) pos = this.head(s, out);
    if (this.is("rows")) pos = this.rows(s, pos, out);
    if (this.is("pass")) pos = this.pass(s, pos);
    if (this.is("tail")) {
      this.tailChunks.push(bytes.subarray(pos));
      this.pending = EMPTY;
    } else this.pending = Buffer.from(bytes.subarray(pos)); // a copy: the chunk itself can go
    return out.take(pos);
  }

  private is(phase: SheetPatcher["phase"]): boolean {
    return this.phase === phase;
  }

  end(): Buffer {
    if (this.phase === "head") throw new Error("patchSheet: the sheet part has no <sheetData>");
    if (this.phase !== "tail") throw new Error("patchSheet: the sheet part ends inside <sheetData>");
    const tail = Buffer.concat(this.tailChunks).toString("latin1");
    this.tailChunks = [];
    return Buffer.from(patchSheetTail(tail, this.plan, this.cells, this.styles, this.prefix), "latin1");
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
    this.cellOpen = `<${this.prefix}c`;
    this.cells.usePrefix(this.prefix);
    out.spliceBytes(0, patchSheetHead(s.slice(0, t.start), this.cells, this.prefix), t.start);
    if (t.kind === "open") {
      this.phase = "rows";
      return t.end;
    }
    // <sheetData/>: every row the plan needs is created.
    this.phase = "tail";
    const rows = this.createRows(this.cells.lastRow);
    if (rows) out.splice(t.start, `<${t.name}>${rows}</${t.name}>`, t.end);
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
          if (t.name !== this.sheetData) throw new Error(`patchSheet: unexpected </${t.name}> inside <sheetData>`);
          out.splice(t.start, this.createRows(this.cells.lastRow));
          this.phase = "tail";
          return t.end;
        }
        if (localName(t.name) !== "row") throw new Error(`patchSheet: unexpected <${t.name}> inside <sheetData>`);
        name = t.name;
      }
      if (!this.scanAttrs(s, lt + 1 + name.length)) break;
      const tagEnd = this.tagEnd;
      let contentEnd = tagEnd;
      let rowEnd = tagEnd;
      if (!this.tagEmpty) {
        const close = findClose(s, name, tagEnd);
        if (!close) break;
        contentEnd = close.start;
        rowEnd = close.end;
      }
      const row = this.rStart < 0 ? this.prevRow + 1 : digits(s, this.rStart, this.rEnd) - 1;
      if (!Number.isInteger(row) || row <= this.prevRow || row > 1048575) {
        throw new Error(`patchSheet: row ${this.rStart < 0 ? row + 1 : s.slice(this.rStart, this.rEnd)} after row ${this.prevRow + 1} in ${this.plan.sheet} (rows must be numbered 1 to 1048576 in order)`);
      }
      const created = this.createRows(row - 1);
      if (created) out.splice(lt, created);
      const n = this.cells.has(row) ? this.cells.cellsOf(row, this.cols, this.xml) : 0;
      if (n > 0) this.patchRow(s, { start: lt, end: tagEnd, kind: this.tagEmpty ? "empty" : "open", name }, row, contentEnd, n, out);
      this.prevRow = row;
      pos = rowEnd;
      if (row >= this.cells.lastRow) {
        // Nothing left to write in this sheetData: copy the rest without parsing rows.
        this.phase = "pass";
        break;
      }
    }
    return pos;
  }

  /**
   * Reads a start tag's attributes from just after its name: sets `tagEnd` (after ">"),
   * `tagEmpty`, the value span of `r` and the whole span of `spans` (-1 when absent).
   * Returns false when the text ends inside the tag.
   */
  private scanAttrs(s: string, from: number): boolean {
    this.rStart = this.rEnd = this.spansStart = this.spansEnd = -1;
    let i = from;
    for (;;) {
      const ws = i;
      let c = s.charCodeAt(i);
      while (c === 32 || c === 9 || c === 10 || c === 13) c = s.charCodeAt(++i);
      if (c === 62 /* > */ || c === 47 /* / */) {
        const gt = c === 62 ? i : s.indexOf(">", i);
        if (gt < 0) return false;
        this.tagEnd = gt + 1;
        this.tagEmpty = c === 47;
        return true;
      }
      if (Number.isNaN(c)) return false;
      const nameStart = i;
      while (c !== 61 /* = */ && c !== 32 && c !== 9 && c !== 10 && c !== 13 && !Number.isNaN(c)) c = s.charCodeAt(++i);
      const nameEnd = i;
      while (c !== 34 && c !== 39 && !Number.isNaN(c)) c = s.charCodeAt(++i);
      if (Number.isNaN(c)) return false;
      const close = s.indexOf(c === 34 ? '"' : "'", i + 1);
      if (close < 0) return false;
      const len = nameEnd - nameStart;
      if (len === 1 && s.charCodeAt(nameStart) === 114 /* r */) {
        this.rStart = i + 1;
        this.rEnd = close;
      } else if (len === 5 && s.startsWith("spans", nameStart)) {
        this.spansStart = ws;
        this.spansEnd = close + 1;
      }
      i = close + 1;
    }
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

  /** `<row>`s for the rows the plan needs after the previous row, up to `upTo`. */
  private createRows(upTo: number): string {
    let r = this.cells.nextFrom(this.prevRow + 1);
    if (r < 0 || r > upTo) return "";
    let out = "";
    const name = this.rowName;
    for (; r >= 0 && r <= upTo; r = this.cells.nextFrom(r + 1)) {
      const n = this.cells.cellsOf(r, this.cols, this.xml);
      out += `<${name} r="${r + 1}">`;
      for (let k = 0; k < n; k++) out += this.xml[k];
      out += `</${name}>`;
    }
    return out;
  }

  /** Writes the row with owned columns' cells replaced or inserted in column order; other bytes kept. */
  private patchRow(s: string, t: Tag, row: number, contentEnd: number, n: number, out: ByteOut): void {
    const { cols, xml } = this;
    let owned = xml[0];
    for (let k = 1; k < n; k++) owned += xml[k];
    if (this.spansStart >= 0) out.splice(this.spansStart, "", this.spansEnd);
    if (t.kind === "empty") {
      out.splice(s.lastIndexOf("/", t.end - 1), `>${owned}</${t.name}>`, t.end);
      return;
    }
    // Usual case: every cell lies left of the owned columns, so ours go after the last one.
    const lastEnd = this.endOfLastCellBefore(s, t, contentEnd, cols[0]);
    if (lastEnd >= 0) out.splice(lastEnd, owned);
    else this.mergeCells(s, t, row, contentEnd, n, out);
  }

  /**
   * Where the row's last cell ends when it has an explicit reference left of `col` and only
   * white space follows it; -1 otherwise (the general merge then decides). Cells stand in
   * column order in a valid part, so no earlier cell can be in an owned column.
   */
  private endOfLastCellBefore(s: string, t: Tag, contentEnd: number, col: number): number {
    const open = t.name === this.rowName ? this.cellOpen : `<${prefixOf(t.name)}c`;
    let at = s.lastIndexOf(open, contentEnd - 1);
    // "<c" followed by a name character is another element (<color> in rich text).
    while (at >= t.end && !endsName(s.charCodeAt(at + open.length))) at = s.lastIndexOf(open, at - 1);
    if (at < t.end || !this.scanAttrs(s, at + open.length) || this.rStart < 0) return -1;
    const refCol = columnOfRef(s.slice(this.rStart, this.rEnd));
    if (refCol < 0 || refCol >= col) return -1;
    let end = this.tagEnd;
    if (!this.tagEmpty) {
      const close = findClose(s, open.slice(1), end);
      if (!close || close.end > contentEnd) return -1;
      end = close.end;
    }
    return s.indexOf("<", end) === contentEnd ? end : -1;
  }

  /** Writes the row's cells with owned cells merged in column order. */
  private mergeCells(s: string, t: Tag, row: number, contentEnd: number, n: number, out: ByteOut): void {
    const { cols, xml } = this;
    let k = 0;
    let at = t.end; // where owned cells left over go: after the last cell
    let scan = t.end;
    let prevCol = -1;
    for (let c = nextTag(s, scan); c && c.start < contentEnd; c = nextTag(s, scan)) {
      scan = c.end;
      if (c.kind === "other") continue;
      if (c.kind === "close" || localName(c.name) !== "c") {
        at = c.start; // extLst: owned cells go before it
        break;
      }
      const ref = findAttr(s, c, "r");
      const col = ref ? columnOfRef(ref.value) : prevCol + 1;
      if (col < 0) throw new Error(`patchSheet: cell reference "${ref?.value}" in row ${row + 1} of ${this.plan.sheet}`);
      let cellEnd = c.end;
      if (c.kind === "open") {
        const close = findClose(s, c.name, c.end);
        if (!close || close.end > contentEnd) throw new Error(`patchSheet: unclosed <${c.name}> in row ${row + 1} of ${this.plan.sheet}`);
        cellEnd = close.end;
      }
      let before = "";
      while (k < n && cols[k] < col) before += xml[k++];
      if (k < n && cols[k] === col) out.splice(c.start, before + xml[k++], cellEnd);
      else if (before) out.splice(c.start, before);
      prevCol = col;
      at = scan = cellEnd;
    }
    let rest = "";
    while (k < n) rest += xml[k++];
    out.splice(at, rest);
  }
}
