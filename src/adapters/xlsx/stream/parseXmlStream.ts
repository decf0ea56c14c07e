import { declaresEntities, looksUtf16, UnreadablePartError } from "../package/openXlsxError";
import { XmlError } from "./xmlReferences";
import { XmlTokenizer, type XmlHandler } from "./xmlTokenizer";

/** What the stream is written to: an `XmlTokenizer`. */
export interface XmlSink {
  write(chunk: string): unknown;
  close(): unknown;
}

/**
 * A part's bytes as they are inflated: a Node `Readable` on the command line, an async
 * generator over fflate's output in the pane. Only this shape is needed, so the XML readers
 * run unchanged in both.
 */
export type ByteChunks = AsyncIterable<Uint8Array | string>;

const EMPTY = new Uint8Array(0);

/**
 * Writes a part's bytes to an `XmlTokenizer` as they arrive: each chunk is decoded (a UTF-8
 * character cut by a chunk boundary waits for the next chunk) and scanned before the next
 * one is pulled, so a 200 MB part never sits in memory. The tokenizer throws at the first
 * well-formedness error it checks, including a part that ends early; that rejects the
 * promise (as an `UnreadablePartError` naming the part) and destroys the stream.
 */
export async function parseXmlStream(stream: ByteChunks, parser: XmlSink, part = "part"): Promise<void> {
  // `stream: true` keeps a UTF-8 character cut by a chunk boundary for the next call, as Node's StringDecoder did.
  const decoder = new TextDecoder("utf-8", { ignoreBOM: true });
  const guard = new MarkupGuard(part);
  const write = (text: string) => {
    guard.check(text);
    parser.write(text);
  };
  try {
    let first = true;
    let pending = EMPTY;
    const joined = new JoinedBytes();
    for await (const chunk of stream) {
      if (typeof chunk === "string") {
        write(chunk);
        continue;
      }
      if (first && looksUtf16(chunk)) throw new UnreadablePartError("utf16", part, "UTF-16 text");
      first = false;
      const bytes = chunk;
      // Markup from the chunk's last "<" on may be cut: its bytes wait and go with the next chunk,
      // so the parser seldom joins strings (a joined string is read slower, character by character).
      const cut = bytes.lastIndexOf(0x3c);
      const head = cut < 0 ? bytes : bytes.subarray(0, cut);
      const take = pending.length > 0 ? joined.of(pending, head) : head;
      // A copy: the kept tail must not hold the whole chunk alive.
      pending = cut < 0 ? EMPTY : new Uint8Array(bytes.subarray(cut));
      if (take.length > 0) write(decoder.decode(take, { stream: true }));
    }
    const rest = decoder.decode(pending);
    if (rest !== "") write(rest);
    parser.close();
  } catch (e) {
    // Other errors (the reader's own, the inflater's) go up as they are.
    throw e instanceof XmlError ? new UnreadablePartError(e.kind, part, e.message) : e;
  }
}

/**
 * Two byte runs joined in one buffer kept for the whole part: the decoder copies what it is
 * given, so the buffer is free again at once. A new buffer per chunk was as many bytes as the
 * part, memory outside V8's heap that made it collect its young objects early (a tenth of the
 * team review's collections, docs/decisions.md).
 */
class JoinedBytes {
  private buffer = EMPTY;

  of(a: Uint8Array, b: Uint8Array): Uint8Array {
    const length = a.length + b.length;
    if (this.buffer.length < length) this.buffer = new Uint8Array(Math.max(length, 2 * this.buffer.length));
    this.buffer.set(a, 0);
    this.buffer.set(b, a.length);
    return this.buffer.subarray(0, length);
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
    if (text.includes("<!") && declaresEntities(text))
      throw new UnreadablePartError("entities", this.part, "a document type or entity declaration");
    const last = text.lastIndexOf("<");
    if (last < 0) this.run += text.length;
    else {
      if (this.run + text.indexOf("<") > MAX_TEXT_RUN) this.fail();
      // A run between two "<" of one chunk: only a chunk longer than the limit can hold one too long
      // (fflate hands the pane a highly compressed part as one chunk of many megabytes).
      if (text.length > MAX_TEXT_RUN) this.checkInner(text, last);
      this.run = text.length - last - 1;
    }
    if (this.run > MAX_TEXT_RUN) this.fail();
  }

  private checkInner(text: string, last: number): void {
    for (let at = text.indexOf("<"); at < last;) {
      const next = text.indexOf("<", at + 1);
      if (next - at - 1 > MAX_TEXT_RUN) this.fail();
      at = next;
    }
  }

  private fail(): never {
    throw new UnreadablePartError("tooLarge", this.part, `more than ${MAX_TEXT_RUN} characters without markup`);
  }
}

/**
 * A copy of `text` that holds no reference to the chunk it was cut from. Readers cut text
 * as slices of the decoded chunk (or joins of such slices), and V8 makes a slice of 13
 * characters or more point into its parent: a kept value would keep its whole 1 MB chunk
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
