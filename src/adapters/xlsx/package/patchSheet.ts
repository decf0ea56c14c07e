import { Readable } from "node:stream";
import type { SheetPlan } from "../../../core/output";
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
  let first = true;
  for await (const chunk of source as AsyncIterable<Buffer | string>) {
    const bytes = typeof chunk === "string" ? Buffer.from(chunk, "utf8") : chunk;
    if (first && bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
      throw new Error("patchSheet: the sheet part is UTF-16; only UTF-8 parts (what Excel writes) can be patched");
    }
    first = false;
    const out = patcher.push(bytes.toString("latin1"));
    if (out) yield Buffer.from(out, "latin1");
  }
  const out = patcher.end();
  if (out) yield Buffer.from(out, "latin1");
}

/** True for white space or ">" after a name (and NaN past the end of the text). */
function endsName(code: number): boolean {
  return code === 62 || code === 32 || code === 9 || code === 10 || code === 13 || code === 47 || Number.isNaN(code);
}

/** Index of the end tag `</name>` at or after `from` and the index after its `>`, or null if not yet there. */
function findClose(s: string, name: string, from: number): { start: number; end: number } | null {
  const open = `</${name}`;
  for (let i = s.indexOf(open, from); i >= 0; i = s.indexOf(open, i + 1)) {
    if (!endsName(s.charCodeAt(i + open.length))) continue;
    const gt = s.indexOf(">", i + open.length);
    return gt < 0 ? null : { start: i, end: gt + 1 };
  }
  return null;
}

/**
 * The synchronous core of `patchSheet`: `push` the part's bytes as they arrive, as latin1
 * text (one char per byte), and write out what it returns, as latin1, then `end()`. Holding
 * bytes rather than decoded text keeps every byte it copies exactly as it was and cannot
 * split a UTF-8 character: markup is ASCII, and UTF-8 never uses ASCII bytes inside a
 * multi-byte character, so cuts at `<` and `>` fall between characters. Before `<sheetData>` the text is held and edited whole (dimension,
 * cols); inside it rows are copied through, rows that receive owned cells are rewritten
 * (owned columns' old cells dropped, ours inserted in column order, `spans` dropped) and rows
 * the plan needs that do not exist are created in order; after `</sheetData>` the rest is
 * held and edited whole (conditional formats). Text is only ever cut at markup boundaries,
 * so a character is never split.
 */
export class SheetPatcher {
  private phase: "head" | "rows" | "pass" | "tail" = "head";
  private buf = "";
  private headScan = 0;
  private depth = 0;
  private sheetData = "sheetData";
  private prefix = "";
  private prevRow = -1;
  private readonly cells: OwnedCells;
  private readonly cols: number[] = [];
  private readonly xml: string[] = [];

  constructor(
    private readonly plan: SheetPlan,
    private readonly styles: SheetStyles,
  ) {
    this.cells = new OwnedCells(plan, styles);
  }

  push(text: string): string {
    this.buf += text;
    let out = "";
    if (this.phase === "head") out += this.head();
    if (this.phase === "rows") out += this.rows();
    if (this.phase === "pass") out += this.pass();
    return out;
  }

  end(): string {
    if (this.phase === "head") throw new Error("patchSheet: the sheet part has no <sheetData>");
    if (this.phase !== "tail") throw new Error("patchSheet: the sheet part ends inside <sheetData>");
    const out = patchSheetTail(this.buf, this.plan, this.cells, this.styles, this.prefix);
    this.buf = "";
    return out;
  }

  private head(): string {
    const s = this.buf;
    for (let t = nextTag(s, this.headScan); t; t = nextTag(s, t.end)) {
      this.headScan = t.end;
      if (t.kind === "other") continue;
      if (t.kind === "close") {
        this.depth--;
        continue;
      }
      if (this.depth === 1 && localName(t.name) === "sheetData") return this.enterSheetData(t);
      if (t.kind === "open") this.depth++;
    }
    return "";
  }

  private enterSheetData(t: Tag): string {
    const s = this.buf;
    this.sheetData = t.name;
    this.prefix = prefixOf(t.name);
    this.cells.usePrefix(this.prefix);
    const head = patchSheetHead(s.slice(0, t.start), this.cells, this.prefix);
    this.buf = s.slice(t.end);
    if (t.kind === "open") {
      this.phase = "rows";
      return head + s.slice(t.start, t.end);
    }
    // <sheetData/>: every row the plan needs is created.
    this.phase = "tail";
    const rows = this.createRows(this.cells.lastRow);
    return head + (rows ? `<${t.name}>${rows}</${t.name}>` : s.slice(t.start, t.end));
  }

  private rows(): string {
    const s = this.buf;
    const parts: string[] = [];
    let pos = 0;
    let copyFrom = 0;
    for (let t = nextTag(s, pos); t; t = nextTag(s, pos)) {
      if (t.kind === "other") {
        pos = t.end;
        continue;
      }
      if (t.kind === "close") {
        if (t.name !== this.sheetData) throw new Error(`patchSheet: unexpected </${t.name}> inside <sheetData>`);
        parts.push(s.slice(copyFrom, t.start), this.createRows(this.cells.lastRow), s.slice(t.start, t.end));
        this.phase = "tail";
        this.buf = s.slice(t.end);
        return parts.join("");
      }
      if (localName(t.name) !== "row") throw new Error(`patchSheet: unexpected <${t.name}> inside <sheetData>`);
      let contentEnd = t.end;
      let rowEnd = t.end;
      if (t.kind === "open") {
        const close = findClose(s, t.name, t.end);
        if (!close) break;
        contentEnd = close.start;
        rowEnd = close.end;
      }
      const r = findAttr(s, t, "r");
      const row = r ? Number(r.value) - 1 : this.prevRow + 1;
      if (!Number.isInteger(row) || row <= this.prevRow || row > 1048575) {
        throw new Error(`patchSheet: row ${r ? r.value : row + 1} after row ${this.prevRow + 1} in ${this.plan.sheet} (rows must be numbered 1 to 1048576 in order)`);
      }
      const created = this.createRows(row - 1);
      const n = this.cells.has(row) ? this.cells.cellsOf(row, this.cols, this.xml) : 0;
      if (created || n > 0) {
        parts.push(s.slice(copyFrom, t.start), created);
        if (n > 0) parts.push(this.patchRow(s, t, row, contentEnd, rowEnd, n));
        copyFrom = n > 0 ? rowEnd : t.start;
      }
      this.prevRow = row;
      pos = rowEnd;
      if (row >= this.cells.lastRow) {
        // Nothing left to write in this sheetData: copy the rest without parsing rows.
        this.phase = "pass";
        break;
      }
    }
    parts.push(s.slice(copyFrom, pos));
    this.buf = s.slice(pos);
    return parts.join("");
  }

  private pass(): string {
    const s = this.buf;
    const close = findClose(s, this.sheetData, 0);
    if (close) {
      this.phase = "tail";
      this.buf = s.slice(close.end);
      return s.slice(0, close.end);
    }
    // Keep from the last "<": it may begin the end tag.
    const lt = s.lastIndexOf("<");
    if (lt <= 0) return "";
    this.buf = s.slice(lt);
    return s.slice(0, lt);
  }

  /** `<row>`s for the rows the plan needs after the previous row, up to `upTo`. */
  private createRows(upTo: number): string {
    let out = "";
    const name = `${this.prefix}row`;
    for (let r = this.cells.nextFrom(this.prevRow + 1); r >= 0 && r <= upTo; r = this.cells.nextFrom(r + 1)) {
      const n = this.cells.cellsOf(r, this.cols, this.xml);
      out += `<${name} r="${r + 1}">`;
      for (let k = 0; k < n; k++) out += this.xml[k];
      out += `</${name}>`;
    }
    return out;
  }

  /** The row with owned columns' cells replaced or inserted in column order; other bytes kept. */
  private patchRow(s: string, t: Tag, row: number, contentEnd: number, rowEnd: number, n: number): string {
    const { cols, xml } = this;
    const spans = findAttr(s, t, "spans");
    const start = spans ? s.slice(t.start, spans.start) + s.slice(spans.end, t.end) : s.slice(t.start, t.end);
    let owned = xml[0];
    for (let k = 1; k < n; k++) owned += xml[k];
    if (t.kind === "empty") return `${start.slice(0, start.lastIndexOf("/"))}>${owned}</${t.name}>`;
    // Usual case: every cell lies left of the owned columns, so ours go after the last one.
    const lastEnd = this.endOfLastCellBefore(s, t, contentEnd, cols[0]);
    if (lastEnd >= 0) return start + s.slice(t.end, lastEnd) + owned + s.slice(lastEnd, rowEnd);
    return start + this.mergeCells(s, t, row, contentEnd, rowEnd, n);
  }

  /**
   * Where the row's last cell ends when it has an explicit reference left of `col` and only
   * white space follows it; -1 otherwise (the general merge then decides). Cells stand in
   * column order in a valid part, so no earlier cell can be in an owned column.
   */
  private endOfLastCellBefore(s: string, t: Tag, contentEnd: number, col: number): number {
    const open = `<${prefixOf(t.name)}c`;
    let at = s.lastIndexOf(open, contentEnd - 1);
    // "<c" followed by a name character is another element (<color> in rich text).
    while (at >= t.end && !endsName(s.charCodeAt(at + open.length))) at = s.lastIndexOf(open, at - 1);
    if (at < t.end) return -1;
    const c = nextTag(s, at);
    if (!c || c.kind === "close") return -1;
    const ref = findAttr(s, c, "r");
    if (!ref || columnOfRef(ref.value) < 0 || columnOfRef(ref.value) >= col) return -1;
    let end = c.end;
    if (c.kind === "open") {
      const close = findClose(s, c.name, c.end);
      if (!close || close.end > contentEnd) return -1;
      end = close.end;
    }
    return s.indexOf("<", end) === contentEnd ? end : -1;
  }

  /** The row's content and end tag with owned cells merged in column order. */
  private mergeCells(s: string, t: Tag, row: number, contentEnd: number, rowEnd: number, n: number): string {
    const { cols, xml } = this;
    let out = "";
    let k = 0;
    let pos = t.end; // copied up to here
    let scan = t.end;
    let prevCol = -1;
    for (let c = nextTag(s, scan); c && c.start < contentEnd; c = nextTag(s, scan)) {
      scan = c.end;
      if (c.kind === "other") continue; // a comment is copied with what follows it
      if (c.kind === "close" || localName(c.name) !== "c") break; // extLst: owned cells go before it
      const ref = findAttr(s, c, "r");
      const col = ref ? columnOfRef(ref.value) : prevCol + 1;
      if (col < 0) throw new Error(`patchSheet: cell reference "${ref?.value}" in row ${row + 1} of ${this.plan.sheet}`);
      let cellEnd = c.end;
      if (c.kind === "open") {
        const close = findClose(s, c.name, c.end);
        if (!close || close.end > contentEnd) throw new Error(`patchSheet: unclosed <${c.name}> in row ${row + 1} of ${this.plan.sheet}`);
        cellEnd = close.end;
      }
      out += s.slice(pos, c.start);
      while (k < n && cols[k] < col) out += xml[k++];
      if (k < n && cols[k] === col) out += xml[k++];
      else out += s.slice(c.start, cellEnd);
      prevCol = col;
      pos = scan = cellEnd;
    }
    while (k < n) out += xml[k++];
    return out + s.slice(pos, rowEnd);
  }
}
