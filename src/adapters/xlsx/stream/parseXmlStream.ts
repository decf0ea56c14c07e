import type { Readable } from "node:stream";
import { StringDecoder } from "node:string_decoder";
import { declaresEntities, looksUtf16, UnreadablePartError } from "../package/openXlsxError";

/** The part of a saxes parser the stream is written to. */
export interface XmlSink {
  write(chunk: string): unknown;
  close(): unknown;
}

/**
 * Writes a part's bytes to a saxes parser as they arrive: each chunk is decoded (a UTF-8
 * character cut by a chunk boundary waits for the next chunk) and parsed before the next
 * one is pulled, so a 200 MB part never sits in memory. Saxes throws at the first
 * well-formedness error, including a part that ends early; that rejects the promise and
 * destroys the stream.
 */
export async function parseXmlStream(stream: Readable, parser: XmlSink, part = "part"): Promise<void> {
  const decoder = new StringDecoder("utf8");
  const guard = new MarkupGuard(part);
  try {
    let first = true;
    for await (const chunk of stream) {
      if (first && typeof chunk !== "string" && looksUtf16(chunk as Buffer)) throw new UnreadablePartError("utf16", part, "UTF-16 text");
      first = false;
      const text = typeof chunk === "string" ? chunk : decoder.write(chunk as Buffer);
      guard.check(text);
      parser.write(text);
    }
    const rest = decoder.end();
    if (rest !== "") parser.write(rest);
    parser.close();
  } catch (e) {
    // Saxes stops at the first error with "file:line:column: message"; other errors (the reader's own, the inflater's) go up as they are.
    if (!(e instanceof Error) || e.constructor !== Error || !SAXES_ERROR.test(e.message)) throw e;
    // An entity saxes does not know (it never reads a DTD) is refused as declared ones are.
    throw new UnreadablePartError(/entity/i.test(e.message) ? "entities" : "malformed", part, e.message);
  }
}

const SAXES_ERROR = /:\d+:\d+: /;

/**
 * The longest run of characters without a `<` a part may hold: Excel keeps at most 32,767
 * characters in a cell, so 16 Mi characters of text or of one tag is never a workbook Excel
 * wrote, and saxes would otherwise build it into one string (a 1 GB shared string ended with
 * "Invalid string length" after ~650 MB).
 */
export const MAX_TEXT_RUN = 16 * 1024 * 1024;

/** Refuses, chunk by chunk, a document type or entity declaration and a text run past MAX_TEXT_RUN. */
class MarkupGuard {
  private run = 0;
  constructor(private readonly part: string) {}

  check(text: string): void {
    // A declaration split between two chunks is still refused: saxes then meets an entity it does not know.
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
 * A copy of `text` that holds no reference to the chunk it was cut from. Saxes hands text
 * over as slices of the decoded chunk (or joins of such slices), and V8 makes a slice of 13
 * characters or more point into its parent: a kept value would keep its whole 64 KB chunk
 * alive, and a million kept strings could keep the whole part. Shorter slices are copies.
 */
export function ownCopy(text: string): string {
  return text.length < 13 ? text : (" " + text).slice(1);
}
