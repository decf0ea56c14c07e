import type { Readable } from "node:stream";
import type { Cell } from "../../../core/_lib/cells";
import { unescapeText } from "./readSharedStrings";
import { attribute, decodeCdata, decodeText, isName, nextAttribute, scanXml, type XmlHandler } from "./scanXml";

// The hot helpers, bound once: under tsx (esbuild) every use of an imported name is a getter call.
const hot = { isName, nextAttribute, decodeText, decodeCdata };
import { SheetRows } from "./sheetRows";

/** A sheet's valued cells and the relationship ids of its `<tablePart>`s, in order. */
export interface SheetCells {
  cells: SheetRows;
  tableParts: string[];
}

const MS_PER_DAY = 86_400_000;
const EPOCH_SERIAL = 25_569;

/** Cell types (`t` attribute). */
const NUMBER = 0;
const SHARED = 1;
const BOOLEAN = 2;
const ERROR = 3;
const FORMULA_TEXT = 4;
const INLINE = 5;
const ISO_DATE = 6;

/**
 * Streams one worksheet part into its valued cells, each as Office.js `range.values`
 * gives it: formulas as cached results, shared/inline strings as text, errors as text.
 */
export async function readSheetCells(stream: Readable, sharedStrings: readonly string[], opts: { date1904: boolean }): Promise<SheetCells> {
  const reader = new SheetReader(sharedStrings, opts.date1904);
  await scanXml(stream, reader);
  return { cells: reader.cells, tableParts: reader.tableParts };
}

class SheetReader implements XmlHandler {
  readonly cells = new SheetRows();
  readonly tableParts: string[] = [];
  private inSheetData = false;
  private row = 0;
  private col = 0;
  private type = NUMBER;
  private inValue = false;
  /** The `<v>` text; undefined when the cell has none. */
  private raw: string | undefined = undefined;
  /** The `<v>` number read straight from the bytes (number and shared-string cells), or NaN. */
  private fast = NaN;
  private inline: string | undefined = undefined;
  private inText = false;
  private phonetic = 0;
  private readonly at = new Int32Array(4);

  constructor(
    private readonly shared: readonly string[],
    private readonly date1904: boolean,
  ) {}

  open(buf: Buffer, ns: number, ne: number, tagEnd: number): void {
    const n = ne - ns;
    const first = buf[ns];
    if (n === 1 && first === 0x63 /* c */ && this.inSheetData) this.openCell(buf, ne, tagEnd);
    else if (n === 1 && first === 0x76 /* v */) {
      this.inValue = true;
      this.raw = "";
    } else if (n === 3 && hot.isName(buf, ns, ne, "row") && this.inSheetData) this.openRow(buf, ne, tagEnd);
    else if (n === 1 && first === 0x74 /* t */) {
      if (this.inline !== undefined && this.phonetic === 0) this.inText = true;
    } else if (n === 2 && hot.isName(buf, ns, ne, "is")) this.inline = "";
    else if (n === 3 && hot.isName(buf, ns, ne, "rPh")) this.phonetic++;
    else if (n === 9 && hot.isName(buf, ns, ne, "sheetData")) this.inSheetData = true;
    else if (n === 9 && hot.isName(buf, ns, ne, "tablePart")) {
      const id = attribute(buf, ne, tagEnd, "id");
      if (id !== undefined) this.tableParts.push(id);
    }
  }

  close(buf: Buffer, ns: number, ne: number): void {
    const n = ne - ns;
    const first = buf[ns];
    if (n === 1 && first === 0x63 /* c */ && this.inSheetData) this.closeCell();
    else if (n === 1 && (first === 0x76 /* v */ || first === 0x74) /* t */) this.inValue = this.inText = false;
    else if (n === 3 && hot.isName(buf, ns, ne, "row")) this.cells.endRow(this.row);
    else if (n === 3 && hot.isName(buf, ns, ne, "rPh")) this.phonetic--;
    else if (n === 9 && hot.isName(buf, ns, ne, "sheetData")) this.inSheetData = false;
  }

  text(buf: Buffer, start: number, end: number, cdata: boolean): void {
    if (this.inValue) {
      if (this.raw === "" && !cdata && (this.type === NUMBER || this.type === SHARED) && Number.isNaN(this.fast)) {
        this.fast = parseDecimal(buf, start, end);
        if (!Number.isNaN(this.fast)) return;
      } else if (!Number.isNaN(this.fast)) {
        // A second run of text (after a comment): fall back to the text.
        this.raw = String(this.fast);
        this.fast = NaN;
      }
      this.raw += cdata ? hot.decodeCdata(buf, start, end) : hot.decodeText(buf, start, end);
    } else if (this.inText) this.inline += cdata ? hot.decodeCdata(buf, start, end) : hot.decodeText(buf, start, end);
  }

  private openRow(buf: Buffer, from: number, tagEnd: number): void {
    const at = this.at;
    let row = 0;
    for (let i = hot.nextAttribute(buf, from, tagEnd, at); i >= 0; i = hot.nextAttribute(buf, i, tagEnd, at)) {
      if (at[1] - at[0] === 1 && buf[at[0]] === 0x72 /* r */) {
        row = parseDecimal(buf, at[2], at[3]);
        break;
      }
    }
    this.row = Number.isInteger(row) && row > 0 ? row : this.row + 1;
    this.col = 0;
  }

  private openCell(buf: Buffer, from: number, tagEnd: number): void {
    const at = this.at;
    let col = 0;
    let type = NUMBER;
    for (let i = hot.nextAttribute(buf, from, tagEnd, at); i >= 0; i = hot.nextAttribute(buf, i, tagEnd, at)) {
      if (at[1] - at[0] !== 1) continue;
      const name = buf[at[0]];
      if (name === 0x72 /* r */) col = columnAt(buf, at[2], at[3]);
      else if (name === 0x74 /* t */) type = typeAt(buf, at[2], at[3]);
    }
    this.col = col > 0 ? col : this.col + 1;
    this.type = type;
    this.raw = undefined;
    this.fast = NaN;
    this.inline = undefined;
  }

  private closeCell(): void {
    const value = this.value();
    if (value !== null) this.cells.set(this.row, this.col, value);
    this.inline = undefined;
  }

  private value(): Cell {
    const type = this.type;
    if (type === INLINE) return this.inline === undefined ? null : unescapeText(this.inline);
    if (!Number.isNaN(this.fast) && this.raw === "") return type === SHARED ? (this.shared[this.fast] ?? null) : this.fast;
    const raw = this.raw;
    if (raw === undefined || raw === "") return null;
    switch (type) {
      case SHARED:
        return this.shared[Number(raw)] ?? null;
      case FORMULA_TEXT:
      case ERROR:
        return raw;
      case BOOLEAN:
        return raw === "1" || raw === "true";
      case ISO_DATE: {
        const serial = Date.parse(raw.endsWith("Z") || raw.length <= 10 ? raw : `${raw}Z`) / MS_PER_DAY + EPOCH_SERIAL - (this.date1904 ? 1462 : 0);
        return Math.round(serial * 1e9) / 1e9;
      }
      default:
        return Number(raw);
    }
  }
}

/** The 1-based column of an A1 reference such as `AB12`. */
export function columnOf(ref: string): number {
  return columnAt(Buffer.from(ref, "latin1"), 0, ref.length);
}

function columnAt(buf: Buffer, start: number, end: number): number {
  let col = 0;
  for (let i = start; i < end; i++) {
    const code = buf[i];
    if (code < 65 || code > 90) break;
    col = col * 26 + code - 64;
  }
  return col;
}

function typeAt(buf: Buffer, start: number, end: number): number {
  const n = end - start;
  const first = buf[start];
  if (n === 1) return first === 0x73 /* s */ ? SHARED : first === 0x62 /* b */ ? BOOLEAN : first === 0x65 /* e */ ? ERROR : first === 0x64 /* d */ ? ISO_DATE : NUMBER;
  if (hot.isName(buf, start, end, "str")) return FORMULA_TEXT;
  if (hot.isName(buf, start, end, "inlineStr")) return INLINE;
  return NUMBER;
}

/**
 * A plain decimal (`-12.5`, `45001`) read from its bytes, or NaN for anything else
 * (exponents, spaces, entities, more than 15 digits). Exact: the digits form an integer
 * below 2^53 and one division by a power of ten rounds correctly, as `Number()` does.
 */
function parseDecimal(buf: Buffer, start: number, end: number): number {
  let i = start;
  const negative = buf[i] === 0x2d;
  if (negative) i++;
  if (i >= end || end - i > 16) return NaN;
  let digits = 0;
  let m = 0;
  let scale = 1;
  let point = false;
  for (; i < end; i++) {
    const b = buf[i];
    if (b >= 0x30 && b <= 0x39) {
      m = m * 10 + (b - 0x30);
      digits++;
      if (point) scale *= 10;
    } else if (b === 0x2e && !point) point = true;
    else return NaN;
  }
  if (digits === 0 || digits > 15) return NaN;
  const v = point ? m / scale : m;
  return negative ? -v : v;
}
