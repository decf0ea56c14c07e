import { columnNumber } from "../../../core/_lib/a1";
import type { Cell } from "../../../core/_lib/cells";
import type { BesideTables } from "./besideTables";
import { StoreCells, type CellSink } from "./cellSink";
import { AttrCursor, readAttr } from "../package/xmlScan";
import {
  BOOLEAN,
  cellTypeAt,
  ERROR,
  FORMULA_TEXT,
  INLINE,
  ISO_DATE,
  NUMBER,
  rowNumberAt,
  SHARED,
} from "./cellAttributes";
import { decimalAt, parseDecimal } from "./parseDecimal";
import { ownCopy, parseXmlStream, type ByteChunks } from "./parseXmlStream";
import { localName, unescapeText } from "./readSharedStrings";
import type { SheetRows } from "./sheetRows";
import { decodeAttr, decodeText } from "./xmlReferences";
import { isPlain, XmlTokenizer, type XmlHandler } from "./xmlTokenizer";

// The per-cell helpers, bound once: under tsx (esbuild) every use of an imported name is a getter call.
const hot = {
  cellTypeAt,
  columnNumber,
  decimalAt,
  decodeText,
  isPlain,
  localName,
  ownCopy,
  parseDecimal,
  rowNumberAt,
  unescapeText,
};

/** A sheet's valued cells, the relationship ids of its `<tablePart>`s in order, and how many `<row>`s it has. */
export interface SheetCells extends SheetEnd {
  cells: SheetRows;
}

/** What reading a sheet part gives besides its cells: its `<tablePart>` ids in order and its `<row>` count. */
export interface SheetEnd {
  tableParts: string[];
  rows: number;
}

/** How often `onRows` hears of the rows read: often enough for a progress line, rare enough to cost nothing. */
export const ROWS_PER_REPORT = 65_536;

const MS_PER_DAY = 86_400_000;
const EPOCH_SERIAL = 25_569;

/**
 * Streams one worksheet part into its valued cells, each as Office.js `range.values`
 * gives it: formulas as cached results, shared/inline strings as text, errors as text.
 * `part` names the part in parse errors; `beside`, when given, is told of every cell with a
 * value, a formula or a style (what stands beside the sheet's tables); `onRows`, of the rows
 * read so far after every ROWS_PER_REPORT of them.
 */
export async function readSheetCells(
  stream: ByteChunks,
  sharedStrings: readonly string[],
  opts: { date1904: boolean; part?: string; beside?: BesideTables; onRows?: (rows: number) => void },
): Promise<SheetCells> {
  const sink = new StoreCells(sharedStrings, opts.beside);
  return { cells: sink.cells, ...(await streamSheet(stream, sink, opts)) };
}

/**
 * `readSheetCells` with its cells told to `sink` (stored, or encoded for another thread), in
 * document order; shared strings are told by their index.
 */
export async function streamSheet(
  stream: ByteChunks,
  sink: CellSink,
  opts: { date1904: boolean; part?: string; onRows?: (rows: number) => void },
): Promise<SheetEnd> {
  const reader = new SheetReader(sink, opts.date1904, opts.onRows);
  await parseXmlStream(stream, new XmlTokenizer(reader), opts.part ?? "sheet");
  return { tableParts: reader.tableParts, rows: reader.rows };
}

/**
 * Tokenizer handlers, made once per part: a cell costs its value and nothing more. A cell's
 * `r`, `t` and `s` are read from the tag's text where they stand (no attribute object); a
 * value that comes in one piece is kept as indexes into the chunk and read from there, so a
 * number is parsed without a string being cut. The one-letter names (`c`, `v`, `t`) are told
 * apart by their character codes; a prefixed name (`x:c`) takes the slower general path.
 */
class SheetReader implements XmlHandler {
  readonly tableParts: string[] = [];
  /** `<row>`s read in sheetData. */
  rows = 0;
  private nextReport = ROWS_PER_REPORT;
  private inSheetData = false;
  private row = 0;
  private col = 0;
  private type = NUMBER;
  private inValue = false;
  /** The `<v>` text when it came in one piece: vText[vStart, vEnd); vText is "" when the cell has none. */
  private vText = "";
  private vStart = 0;
  private vEnd = 0;
  /** The `<v>` text, decoded, when it came in more pieces (or needed decoding); undefined otherwise. */
  private raw: string | undefined = undefined;
  /** The `<is>` text of an inline-string cell; undefined when the cell has none. */
  private inline: string | undefined = undefined;
  private inText = false;
  private phonetic = 0;
  /** The cell has a formula or a style other than the default (tracked only when the sink `marks`). */
  private marked = false;
  private readonly attr = new AttrCursor();
  private readonly marks: boolean;

  constructor(
    private readonly sink: CellSink,
    private readonly date1904: boolean,
    private readonly onRows: ((rows: number) => void) | undefined,
  ) {
    this.marks = sink.marks;
  }

  open(s: string, name: string, attrs: number): void {
    if (name.length === 1) this.openShort(name.charCodeAt(0), s, attrs);
    else if (name === "row") this.openRow(s, attrs);
    else this.openOther(hot.localName(name), s, attrs);
  }

  close(name: string): void {
    if (name.length === 1) this.closeShort(name.charCodeAt(0));
    else if (name === "row") this.sink.endRow(this.row);
    else this.closeOther(hot.localName(name));
  }

  text(s: string, start: number, end: number): void {
    if (this.inValue) {
      // A value usually comes as one plain piece; it is joined only around a comment, CDATA or chunk end.
      if (this.raw === undefined && this.vText === "" && hot.isPlain(s, start, end)) {
        this.vText = s;
        this.vStart = start;
        this.vEnd = end;
      } else this.addRaw(hot.decodeText(s, start, end));
    } else if (this.inText) this.inline += hot.decodeText(s, start, end);
  }

  cdata(s: string, start: number, end: number): void {
    if (this.inValue) this.addRaw(s.slice(start, end));
    else if (this.inText) this.inline += s.slice(start, end);
  }

  private addRaw(text: string): void {
    if (this.vText !== "") {
      this.raw = this.vText.slice(this.vStart, this.vEnd);
      this.vText = "";
    }
    this.raw = this.raw === undefined ? text : this.raw + text;
  }

  private openShort(code: number, s: string, attrs: number): void {
    if (code === 0x63 /* c */) {
      if (this.inSheetData) this.openCell(s, attrs);
    } else if (code === 0x76 /* v */) this.inValue = true;
    else if (code === 0x74 /* t */) this.inText = this.inline !== undefined && this.phonetic === 0;
    else if (code === 0x66 /* f */) this.marked = this.marks;
  }

  private closeShort(code: number): void {
    if (code === 0x63 /* c */) {
      if (this.inSheetData) this.closeCell();
    } else if (code === 0x76 /* v */ || code === 0x74 /* t */) this.inValue = this.inText = false;
  }

  private openOther(name: string, s: string, attrs: number): void {
    if (name.length === 1) this.openShort(name.charCodeAt(0), s, attrs);
    else if (name === "row") this.openRow(s, attrs);
    else if (name === "is") this.inline = "";
    else if (name === "rPh") this.phonetic++;
    else if (name === "sheetData") this.inSheetData = true;
    else if (name === "tablePart") {
      const id = relationshipId(s, attrs, this.attr);
      if (id !== undefined) this.tableParts.push(id);
    }
  }

  private closeOther(name: string): void {
    if (name.length === 1) this.closeShort(name.charCodeAt(0));
    else if (name === "row") this.sink.endRow(this.row);
    else if (name === "rPh") this.phonetic--;
    else if (name === "sheetData") this.inSheetData = false;
  }

  private openRow(s: string, attrs: number): void {
    if (!this.inSheetData) return;
    const a = this.attr;
    let row = 0;
    for (let i = attrs; readAttr(s, i, a) === 1; i = a.next) {
      if (a.nameEnd - a.nameStart === 1 && s.charCodeAt(a.nameStart) === 0x72 /* r */)
        row = hot.rowNumberAt(s, a.valueStart, a.valueEnd);
    }
    this.row = row > 0 ? row : this.row + 1;
    this.col = 0;
    if (++this.rows === this.nextReport) {
      this.nextReport += ROWS_PER_REPORT;
      this.onRows?.(this.rows);
    }
  }

  private openCell(s: string, attrs: number): void {
    const a = this.attr;
    let col = 0;
    let type = NUMBER;
    let marked = false;
    for (let i = attrs; readAttr(s, i, a) === 1; i = a.next) {
      if (a.nameEnd - a.nameStart !== 1) continue;
      const code = s.charCodeAt(a.nameStart);
      if (code === 0x72 /* r */) col = hot.columnNumber(s, a.valueStart);
      else if (code === 0x74 /* t */) type = hot.cellTypeAt(s, a.valueStart, a.valueEnd);
      else if (code === 0x73 /* s */)
        marked = a.valueEnd - a.valueStart !== 1 || s.charCodeAt(a.valueStart) !== 0x30; /* "0" */
    }
    this.col = col > 0 ? col : this.col + 1;
    this.type = type;
    this.vText = "";
    this.raw = undefined;
    this.inline = undefined;
    if (this.marks) this.marked = marked;
  }

  private closeCell(): void {
    if (this.type === SHARED) this.closeShared();
    else {
      const value = this.value();
      if (value !== null || this.marked) this.sink.cell(this.row, this.col, value, this.marked);
    }
    this.inline = undefined;
    this.vText = "";
    this.raw = undefined;
  }

  /** A shared-string cell goes to the sink as its index: the sink looks the string up (or another thread does). */
  private closeShared(): void {
    const raw = this.raw;
    const index =
      this.vText !== ""
        ? hot.decimalAt(this.vText, this.vStart, this.vEnd)
        : raw === undefined || raw === ""
          ? undefined
          : hot.parseDecimal(raw);
    if (index !== undefined) this.sink.sharedCell(this.row, this.col, index, this.marked);
    else if (this.marked) this.sink.cell(this.row, this.col, null, true);
  }

  /** The value of a cell of any type but SHARED. */
  private value(): Cell {
    const type = this.type;
    if (type === INLINE) return this.inline === undefined ? null : hot.ownCopy(hot.unescapeText(this.inline));
    if (this.vText !== "") {
      if (type === NUMBER) return hot.decimalAt(this.vText, this.vStart, this.vEnd);
      return this.valueOf(this.vText.slice(this.vStart, this.vEnd));
    }
    const raw = this.raw;
    return raw === undefined || raw === "" ? null : this.valueOf(raw);
  }

  private valueOf(raw: string): Cell {
    switch (this.type) {
      case FORMULA_TEXT:
      case ERROR:
        return hot.ownCopy(raw);
      case BOOLEAN:
        return raw === "1" || raw === "true";
      case ISO_DATE: {
        const serial =
          Date.parse(raw.endsWith("Z") || raw.length <= 10 ? raw : `${raw}Z`) / MS_PER_DAY +
          EPOCH_SERIAL -
          (this.date1904 ? 1462 : 0);
        return Math.round(serial * 1e9) / 1e9;
      }
      default:
        return hot.parseDecimal(raw);
    }
  }
}

/** The `r:id` of a `<tablePart>`, whatever prefix the relationships namespace has. */
function relationshipId(s: string, attrs: number, a: AttrCursor): string | undefined {
  for (let i = attrs; readAttr(s, i, a) === 1; i = a.next) {
    const colon = s.lastIndexOf(":", a.nameEnd);
    const local = colon >= a.nameStart ? colon + 1 : a.nameStart;
    if (a.nameEnd - local === 2 && s.startsWith("id", local)) return decodeAttr(s.slice(a.valueStart, a.valueEnd));
  }
  return undefined;
}
