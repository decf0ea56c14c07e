import { ownCopy, parseXmlStream, type ByteChunks } from "./parseXmlStream";
import { decodeText } from "./xmlReferences";
import { XmlTokenizer, type XmlHandler } from "./xmlTokenizer";

/**
 * The shared-string table of a workbook, streamed: rich-text runs concatenated and
 * phonetic `<rPh>` runs ignored, as Excel shows the text. A plain array: a sheet cell
 * refers to its string by index, so a million strings cost one pointer each here.
 * `part` names the part in parse errors.
 */
export async function readSharedStrings(stream: ByteChunks, part = "sharedStrings"): Promise<string[]> {
  const reader = new SharedStringReader();
  await parseXmlStream(stream, new XmlTokenizer(reader), part);
  return reader.strings;
}

/** Tokenizer handlers, made once per part (no closure per string). Element names may carry a prefix. */
class SharedStringReader implements XmlHandler {
  readonly strings: string[] = [];
  /** The text of the open `<si>`; undefined outside one. */
  private current: string | undefined = undefined;
  private inText = false;
  private phonetic = 0;

  open(_s: string, qname: string): void {
    const name = localName(qname);
    if (name === "si") this.current = "";
    else if (name === "t") this.inText = this.phonetic === 0 && this.current !== undefined;
    else if (name === "rPh") this.phonetic++;
  }

  close(qname: string): void {
    const name = localName(qname);
    if (name === "si") {
      this.strings.push(ownCopy(unescapeText(this.current ?? "")));
      this.current = undefined;
    } else if (name === "t") this.inText = false;
    else if (name === "rPh") this.phonetic--;
  }

  text(s: string, start: number, end: number): void {
    if (this.inText) this.add(decodeText(s, start, end));
  }

  cdata(s: string, start: number, end: number): void {
    if (this.inText) this.add(s.slice(start, end));
  }

  private add(text: string): void {
    this.current = this.current === "" ? text : this.current + text;
  }
}

/** An element's name without its namespace prefix (`x:row` → `row`). */
export function localName(name: string): string {
  const colon = name.indexOf(":");
  return colon < 0 ? name : name.slice(colon + 1);
}

/** Decodes `_xHHHH_` escapes in `<t>` text, as ExcelJS (and Excel) do. */
export function unescapeText(text: string): string {
  return text.includes("_x")
    ? text.replace(/_x([0-9A-F]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    : text;
}
