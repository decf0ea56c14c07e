import type { Readable } from "node:stream";
import { SaxesParser } from "saxes";

/**
 * The shared-string table of a workbook, streamed: rich-text runs concatenated and
 * phonetic `<rPh>` runs ignored, as Excel shows the text.
 */
export async function readSharedStrings(stream: Readable): Promise<string[]> {
  const out: string[] = [];
  const parser = new SaxesParser({ xmlns: false });
  let current: string | undefined;
  let inText = false;
  let phonetic = 0;
  parser.on("opentag", (tag) => {
    if (tag.name === "si") current = "";
    else if (tag.name === "rPh") phonetic++;
    else if (tag.name === "t" && phonetic === 0) inText = true;
  });
  parser.on("closetag", (tag) => {
    if (tag.name === "si") {
      out.push(unescapeText(current ?? ""));
      current = undefined;
    } else if (tag.name === "rPh") phonetic--;
    else if (tag.name === "t") inText = false;
  });
  parser.on("text", (text) => {
    if (inText && current !== undefined) current += text;
  });
  await feed(parser, stream);
  return out;
}

/** Decodes `_xHHHH_` escapes in `<t>` text, as ExcelJS (and Excel) do. */
export function unescapeText(text: string): string {
  return text.includes("_x") ? text.replace(/_x([0-9A-F]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))) : text;
}

/** Feeds a byte stream to the parser, decoding UTF-8 across chunk boundaries. */
export async function feed(parser: SaxesParser, stream: Readable): Promise<void> {
  const decoder = new TextDecoder("utf-8");
  for await (const chunk of stream) {
    parser.write(typeof chunk === "string" ? chunk : decoder.decode(chunk as Uint8Array, { stream: true }));
  }
  parser.write(decoder.decode());
  parser.close();
}
