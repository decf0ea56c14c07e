import type { Cell } from "../../../core/_lib/cells";
import { RECORD_SHEET } from "../../../core/record";
import { readSharedStrings, unescapeText } from "../stream/readSharedStrings";
import { parseXmlStream } from "../stream/parseXmlStream";
import { decodeAttr, decodeText } from "../stream/xmlReferences";
import { XmlTokenizer, type XmlHandler } from "../stream/xmlTokenizer";
import type { StreamPackage } from "../stream/readWorkbookGrids";
import { AttrCursor, localName, readAttr } from "./xmlScan";

/** The first cell of a row when it is in column A: its type and texts as written. */
interface FirstCell {
  row: number;
  type: string;
  v: string | undefined;
  inline: string;
}

/**
 * Column A of the record sheet, row 1 down: text cells only (inline, shared or formula
 * strings), as the run writes them. The part is streamed like any sheet; the shared strings
 * are read only when the sheet uses them (Excel re-saved it).
 */
export async function recordCells(pkg: StreamPackage): Promise<Cell[]> {
  const sheet = pkg.sheets.find((s) => s.name === RECORD_SHEET);
  if (!sheet) return [];
  const reader = new RecordReader();
  await parseXmlStream(await pkg.openStream(sheet.partPath), new XmlTokenizer(reader), sheet.partPath);
  const out: Cell[] = [];
  let shared: string[] | undefined;
  for (const cell of reader.cells) {
    let value: Cell = null;
    if (cell.type === "inlineStr") value = unescapeText(cell.inline);
    else if (cell.type === "s" && cell.v !== undefined) {
      shared ??= pkg.sharedStringsPath
        ? await readSharedStrings(await pkg.openStream(pkg.sharedStringsPath), pkg.sharedStringsPath)
        : [];
      value = shared[Number(cell.v)] ?? null;
    } else if (cell.type === "str") value = cell.v ?? null;
    while (out.length < cell.row - 1) out.push(null);
    out[cell.row - 1] = value;
  }
  return out;
}

/** Tokenizer handlers keeping each row's first cell when it stands in column A (or has no `r`). */
class RecordReader implements XmlHandler {
  readonly cells: FirstCell[] = [];
  private row = 0;
  private firstSeen = false;
  private current: FirstCell | undefined;
  private inValue = false;
  private valueSeen = false;
  private inText = false;
  private phonetic = 0;
  private readonly attr = new AttrCursor();

  open(s: string, name: string, attrs: number): void {
    const local = localName(name);
    if (local === "row") {
      const r = this.attribute(s, attrs, "r");
      this.row = r === undefined ? this.row + 1 : Number(r);
      this.firstSeen = false;
    } else if (local === "c" && !this.firstSeen) {
      this.firstSeen = true;
      const r = this.attribute(s, attrs, "r");
      if (r === undefined || /^A\d+$/i.test(r))
        this.current = { row: this.row, type: this.attribute(s, attrs, "t") ?? "", v: undefined, inline: "" };
    } else if (this.current) {
      if (local === "v" && !this.valueSeen) this.inValue = this.valueSeen = true;
      else if (local === "t") this.inText = this.phonetic === 0;
      else if (local === "rPh") this.phonetic++;
    }
  }

  close(name: string): void {
    const local = localName(name);
    if (local === "c" && this.current) {
      this.cells.push(this.current);
      this.current = undefined;
      this.valueSeen = false;
    } else if (local === "v" || local === "t") this.inValue = this.inText = false;
    else if (local === "rPh") this.phonetic--;
  }

  text(s: string, start: number, end: number): void {
    if (this.inValue || this.inText) this.add(decodeText(s, start, end));
  }

  cdata(s: string, start: number, end: number): void {
    if (this.inValue || this.inText) this.add(s.slice(start, end));
  }

  private add(text: string): void {
    const cell = this.current;
    if (!cell) return;
    if (this.inValue) cell.v = (cell.v ?? "") + text;
    else cell.inline += text;
  }

  private attribute(s: string, from: number, name: string): string | undefined {
    const a = this.attr;
    for (let i = from; readAttr(s, i, a) === 1; i = a.next) {
      if (a.nameEnd - a.nameStart === name.length && s.startsWith(name, a.nameStart))
        return decodeAttr(s.slice(a.valueStart, a.valueEnd));
    }
    return undefined;
  }
}
