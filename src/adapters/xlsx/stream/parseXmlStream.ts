import type { Readable } from "node:stream";
import { StringDecoder } from "node:string_decoder";

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
export async function parseXmlStream(stream: Readable, parser: XmlSink): Promise<void> {
  const decoder = new StringDecoder("utf8");
  for await (const chunk of stream) parser.write(typeof chunk === "string" ? chunk : decoder.write(chunk as Buffer));
  const rest = decoder.end();
  if (rest !== "") parser.write(rest);
  parser.close();
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
