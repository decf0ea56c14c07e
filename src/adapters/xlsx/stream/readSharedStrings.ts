import type { Readable } from "node:stream";
import { decodeCdata, decodeText, isName, scanXml, type XmlHandler } from "./scanXml";

// The hot helpers, bound once: under tsx (esbuild) every use of an imported name is a getter call.
const hot = { isName, decodeText, decodeCdata };

/**
 * The shared-string table of a workbook, streamed: rich-text runs concatenated and
 * phonetic `<rPh>` runs ignored, as Excel shows the text. A plain array: a sheet cell
 * refers to its string by index, so a million strings cost one pointer each here.
 */
export async function readSharedStrings(stream: Readable): Promise<string[]> {
  const reader = new SharedStringReader();
  await scanXml(stream, reader);
  return reader.strings;
}

class SharedStringReader implements XmlHandler {
  readonly strings: string[] = [];
  private current: string | undefined = undefined;
  private inText = false;
  private phonetic = 0;

  open(buf: Buffer, ns: number, ne: number): void {
    const n = ne - ns;
    if (n === 2 && hot.isName(buf, ns, ne, "si")) this.current = "";
    else if (n === 1 && buf[ns] === 0x74 /* t */) this.inText = this.phonetic === 0 && this.current !== undefined;
    else if (n === 3 && hot.isName(buf, ns, ne, "rPh")) this.phonetic++;
  }

  close(buf: Buffer, ns: number, ne: number): void {
    const n = ne - ns;
    if (n === 2 && hot.isName(buf, ns, ne, "si")) {
      this.strings.push(unescapeText(this.current ?? ""));
      this.current = undefined;
    } else if (n === 1 && buf[ns] === 0x74 /* t */) this.inText = false;
    else if (n === 3 && hot.isName(buf, ns, ne, "rPh")) this.phonetic--;
  }

  text(buf: Buffer, start: number, end: number, cdata: boolean): void {
    if (!this.inText) return;
    const text = cdata ? hot.decodeCdata(buf, start, end) : hot.decodeText(buf, start, end);
    this.current = this.current === "" ? text : this.current + text;
  }
}

/** Decodes `_xHHHH_` escapes in `<t>` text, as ExcelJS (and Excel) do. */
export function unescapeText(text: string): string {
  return text.includes("_x") ? text.replace(/_x([0-9A-F]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))) : text;
}
