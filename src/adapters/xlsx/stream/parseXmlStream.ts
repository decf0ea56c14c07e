import type { Readable } from "node:stream";
import { StringDecoder } from "node:string_decoder";
import { declaresEntities, looksUtf16, UnreadablePartError } from "../package/openXlsxError";
import { XmlError } from "./xmlReferences";
import { XmlTokenizer, type XmlHandler } from "./xmlTokenizer";

/** What the stream is written to: an `XmlTokenizer`. */
export interface XmlSink {
  write(chunk: string): unknown;
  close(): unknown;
}

const EMPTY = Buffer.alloc(0);

/**
 * Writes a part's bytes to an `XmlTokenizer` as they arrive: each chunk is decoded (a UTF-8
 * character cut by a chunk boundary waits for the next chunk) and scanned before the next
 * one is pulled, so a 200 MB part never sits in memory. The tokenizer throws at the first
 * well-formedness error it checks, including a part that ends early; that rejects the
 * promise (as an `UnreadablePartError` naming the part) and destroys the stream.
 */
export async function parseXmlStream(stream: Readable, parser: XmlSink, part = "part"): Promise<void> {
  const decoder = new StringDecoder("utf8");
  const guard = new MarkupGuard(part);
  const write = (text: string) => {
    guard.check(text);
    parser.write(text);
  };
  try {
    let first = true;
    let pending = EMPTY;
    for await (const chunk of stream) {
      if (typeof chunk === "string") {
        write(chunk);
        continue;
      }
      if (first && looksUtf16(chunk as Buffer)) throw new UnreadablePartError("utf16", part, "UTF-16 text");
      first = false;
      const bytes = chunk as Buffer;
      // Markup from the chunk's last "<" on may be cut: its bytes wait and go with the next chunk,
      // so the parser seldom joins strings (a joined string is read slower, character by character).
      const cut = bytes.lastIndexOf(0x3c);
      const head = cut < 0 ? bytes : bytes.subarray(0, cut);
      const take = pending.length > 0 ? Buffer.concat([pending, head]) : head;
      pending = cut < 0 ? EMPTY : Buffer.from(bytes.subarray(cut));
      if (take.length > 0) write(decoder.write(take));
    }
    const rest = decoder.write(pending) + decoder.end();
    if (rest !== "") write(rest);
    parser.close();
  } catch (e) {
    // Other errors (the reader's own, the inflater's) go up as they are.
    throw e instanceof XmlError ? new UnreadablePartError(e.kind, part, e.message) : e;
  }
}

/**
 * The longest run of characters without a `<` a part may hold: Excel keeps at most 32,767
 * characters in a cell, so 16 Mi characters of text or of one tag is never a workbook Excel
 * wrote, and a reader would otherwise build it into one string (a 1 GB shared string ended with
 * "Invalid string length" after ~650 MB).
 */
export const MAX_TEXT_RUN = 16 * 1024 * 1024;

/** Refuses, chunk by chunk, a document type or entity declaration and a text run past MAX_TEXT_RUN. */
class MarkupGuard {
  private run = 0;
  constructor(private readonly part: string) {}

  check(text: string): void {
    // A declaration split between two chunks is still refused: the tokenizer refuses "<!DOCTYPE" too.
    if (text.includes("<!") && declaresEntities(text)) throw new UnreadablePartError("entities", this.part, "a document type or entity declaration");
    const last = text.lastIndexOf("<");
    if (last < 0) this.run += text.length;
    else {
      if (this.run + text.indexOf("<") > MAX_TEXT_RUN) this.fail();
      this.run = text.length - last - 1;
    }
    if (this.run > MAX_TEXT_RUN) this.fail();
  }

  private fail(): never {
    throw new UnreadablePartError("tooLarge", this.part, `more than ${MAX_TEXT_RUN} characters without markup`);
  }
}

/**
 * A copy of `text` that holds no reference to the chunk it was cut from. Readers cut text
 * as slices of the decoded chunk (or joins of such slices), and V8 makes a slice of 13
 * characters or more point into its parent: a kept value would keep its whole 64 KB chunk
 * alive, and a million kept strings could keep the whole part. Shorter slices are copies.
 */
export function ownCopy(text: string): string {
  return text.length < 13 ? text : (" " + text).slice(1);
}

/** Scans a part read whole (`readText`) as `parseXmlStream` scans a stream; errors name the part. */
export function parseXmlText(text: string, handler: XmlHandler, part: string): void {
  try {
    const tokenizer = new XmlTokenizer(handler);
    tokenizer.write(text);
    tokenizer.close();
  } catch (e) {
    throw e instanceof XmlError ? new UnreadablePartError(e.kind, part, e.message) : e;
  }
}
