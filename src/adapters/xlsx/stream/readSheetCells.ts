import type { Readable } from "node:stream";
import { SaxesParser, type SaxesTagPlain } from "saxes";
import { columnNumber } from "../../../core/_lib/a1";
import type { Cell } from "../../../core/_lib/cells";
import type { BesideTables } from "./besideTables";
import { BOOLEAN, cellType, ERROR, FORMULA_TEXT, INLINE, ISO_DATE, NUMBER, rowNumber, SHARED } from "./cellAttributes";
import { parseDecimal } from "./parseDecimal";
import { ownCopy, parseXmlStream } from "./parseXmlStream";
import { localName, unescapeText } from "./readSharedStrings";
import { SheetRows } from "./sheetRows";

// The per-cell helpers, bound once: under tsx (esbuild) every use of an imported name is a getter call.
const hot = { cellType, columnNumber, localName, ownCopy, parseDecimal, rowNumber, unescapeText };

/** A sheet's valued cells, the relationship ids of its `<tablePart>`s in order, and how many `<row>`s it has. */
export interface SheetCells {
  cells: SheetRows;
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
  stream: Readable,
  sharedStrings: readonly string[],
  opts: { date1904: boolean; part?: string; beside?: BesideTables; onRows?: (rows: number) => void },
): Promise<SheetCells> {
  const reader = new SheetReader(sharedStrings, opts.date1904, opts.beside, opts.onRows);
  const parser = new SaxesParser({ xmlns: false, fileName: opts.part ?? "sheet" });
  parser.on("opentag", reader.open);
  parser.on("closetag", reader.close);
  parser.on("text", reader.text);
  parser.on("cdata", reader.text);
  await parseXmlStream(stream, parser, opts.part ?? "sheet");
  return { cells: reader.cells, tableParts: reader.tableParts, rows: reader.rows };
}

/**
 * Saxes handlers, made once per part: a cell costs the tag objects saxes makes and its
 * value, nothing more. A cell's `r` and `t` are looked up once in the finished tag's
 * attributes (taking them from saxes' `attribute` events instead measured slower: one
 * call per attribute, `s` and the row's `spans` included). The one-letter names (`c`,
 * `v`, `t`) are told apart by their character codes; a prefixed name (`x:c`) takes the
 * slower general path.
 */
class SheetReader {
  readonly cells = new SheetRows();
  readonly tableParts: string[] = [];
  /** `<row>`s read in sheetData. */
  rows = 0;
  private nextReport = ROWS_PER_REPORT;
  private inSheetData = false;
  private row = 0;
  private col = 0;
  private type = NUMBER;
  private inValue = false;
  /** The `<v>` text; undefined when the cell has none. */
  private raw: string | undefined = undefined;
  /** The `<is>` text of an inline-string cell; undefined when the cell has none. */
  private inline: string | undefined = undefined;
  private inText = false;
  private phonetic = 0;
  /** The cell has a formula or a style other than the default (tracked only with `beside`). */
  private marked = false;

  constructor(
    private readonly shared: readonly string[],
    private readonly date1904: boolean,
    private readonly beside: BesideTables | undefined,
    private readonly onRows: ((rows: number) => void) | undefined,
  ) {}

  readonly open = (tag: SaxesTagPlain): void => {
    const name = tag.name;
    if (name.length === 1) this.openShort(name.charCodeAt(0), tag.attributes);
    else if (name === "row") this.openRow(tag.attributes);
    else this.openOther(hot.localName(name), tag.attributes);
  };

  readonly close = (tag: SaxesTagPlain): void => {
    const name = tag.name;
    if (name.length === 1) this.closeShort(name.charCodeAt(0));
    else if (name === "row") this.cells.endRow(this.row);
    else this.closeOther(hot.localName(name));
  };

  readonly text = (text: string): void => {
    // A value usually comes as one piece; it is joined only around a comment, CDATA or chunk end.
    if (this.inValue) this.raw = this.raw === undefined ? text : this.raw + text;
    else if (this.inText) this.inline += text;
  };

  private openShort(code: number, attributes: Record<string, string>): void {
    if (code === 0x63 /* c */) {
      if (this.inSheetData) this.openCell(attributes);
    } else if (code === 0x76 /* v */) this.inValue = true;
    else if (code === 0x74 /* t */) this.inText = this.inline !== undefined && this.phonetic === 0;
    else if (code === 0x66 /* f */) this.marked = true;
  }

  private closeShort(code: number): void {
    if (code === 0x63 /* c */) {
      if (this.inSheetData) this.closeCell();
    } else if (code === 0x76 /* v */ || code === 0x74 /* t */) this.inValue = this.inText = false;
  }

  private openOther(name: string, attributes: Record<string, string>): void {
    if (name.length === 1) this.openShort(name.charCodeAt(0), attributes);
    else if (name === "row") this.openRow(attributes);
    else if (name === "is") this.inline = "";
    else if (name === "rPh") this.phonetic++;
    else if (name === "sheetData") this.inSheetData = true;
    else if (name === "tablePart") {
      const id = relationshipId(attributes);
      if (id !== undefined) this.tableParts.push(id);
    }
  }

  private closeOther(name: string): void {
    if (name.length === 1) this.closeShort(name.charCodeAt(0));
    else if (name === "row") this.cells.endRow(this.row);
    else if (name === "rPh") this.phonetic--;
    else if (name === "sheetData") this.inSheetData = false;
  }

  private openRow(attributes: Record<string, string>): void {
    if (!this.inSheetData) return;
    const r = attributes.r;
    const row = r === undefined ? 0 : hot.rowNumber(r);
    this.row = row > 0 ? row : this.row + 1;
    this.col = 0;
    if (++this.rows === this.nextReport) {
      this.nextReport += ROWS_PER_REPORT;
      this.onRows?.(this.rows);
    }
  }

  private openCell(attributes: Record<string, string>): void {
    const r = attributes.r;
    const t = attributes.t;
    const col = r === undefined ? 0 : hot.columnNumber(r);
    this.col = col > 0 ? col : this.col + 1;
    this.type = t === undefined ? NUMBER : hot.cellType(t);
    this.raw = undefined;
    this.inline = undefined;
    if (this.beside !== undefined) {
      const s = attributes.s;
      this.marked = s !== undefined && s !== "0";
    }
  }

  private closeCell(): void {
    const value = this.value();
    if (value !== null) this.cells.set(this.row, this.col, value);
    if (this.beside !== undefined && (value !== null || this.marked)) this.beside.note(this.row, this.col);
    this.inline = undefined;
  }

  private value(): Cell {
    const type = this.type;
    if (type === INLINE) return this.inline === undefined ? null : hot.ownCopy(hot.unescapeText(this.inline));
    const raw = this.raw;
    if (raw === undefined || raw === "") return null;
    switch (type) {
      case SHARED:
        return this.shared[hot.parseDecimal(raw)] ?? null;
      case FORMULA_TEXT:
      case ERROR:
        return hot.ownCopy(raw);
      case BOOLEAN:
        return raw === "1" || raw === "true";
      case ISO_DATE: {
        const serial = Date.parse(raw.endsWith("Z") || raw.length <= 10 ? raw : `${raw}Z`) / MS_PER_DAY + EPOCH_SERIAL - (this.date1904 ? 1462 : 0);
        return Math.round(serial * 1e9) / 1e9;
      }
      default:
        return hot.parseDecimal(raw);
    }
  }
}

/** The `r:id` of a `<tablePart>`, whatever prefix the relationships namespace has. */
function relationshipId(attributes: Record<string, string>): string | undefined {
  for (const name in attributes) if (localName(name) === "id") return attributes[name];
  return undefined;
}
