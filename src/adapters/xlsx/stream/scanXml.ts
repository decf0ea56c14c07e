import type { Readable } from "node:stream";

/**
 * A byte-level XML tokenizer for the two big parts of a workbook (sheets and shared strings).
 * Their markup is a few fixed elements repeated millions of times, so scanning the UTF-8 bytes
 * with `indexOf` is several times faster than a general parser and allocates nothing per tag;
 * only the text we keep is decoded (each value a fresh string that pins no chunk in memory).
 */
export interface XmlHandler {
  /** A start tag `<name …>` or `<name …/>`: bytes `[nameStart, nameEnd)` are the local name. */
  open(buf: Buffer, nameStart: number, nameEnd: number, tagEnd: number, selfClosing: boolean): void;
  /** An end tag `</name>`. */
  close(buf: Buffer, nameStart: number, nameEnd: number): void;
  /** Character data `[start, end)` between tags, or a CDATA section's content (`cdata`). */
  text(buf: Buffer, start: number, end: number, cdata: boolean): void;
}

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const QUOTE = 0x22;
const APOS = 0x27;
const COLON = 0x3a;
const BANG = 0x21;
const QUESTION = 0x3f;

/**
 * Feeds a stream's chunks to the handler as they arrive (the next chunk is pulled only when
 * this one is scanned, so a 200 MB part never sits in memory). A tag or text run cut by a
 * chunk boundary is carried over whole to the next chunk.
 */
export async function scanXml(stream: Readable, handler: XmlHandler): Promise<void> {
  // The cut-off tail of a chunk is joined to the next one in a reused buffer, so the
  // steady state allocates nothing per chunk.
  let work: Buffer = Buffer.allocUnsafe(0);
  let carry = 0;
  for await (const chunk of stream) {
    const bytes = typeof chunk === "string" ? Buffer.from(chunk, "utf8") : (chunk as Buffer);
    let buf: Buffer = bytes;
    if (carry > 0) {
      if (work.length < carry + bytes.length) work = grow(work, carry, carry + bytes.length);
      bytes.copy(work, carry);
      buf = work.subarray(0, carry + bytes.length);
    }
    const done = scanBuffer(buf, handler);
    carry = buf.length - done;
    if (carry > 0) {
      if (buf === bytes) {
        if (work.length < carry) work = Buffer.allocUnsafe(Math.max(carry, 64 * 1024));
        bytes.copy(work, 0, done);
      } else work.copyWithin(0, done, done + carry);
    }
  }
  if (carry > 0 && work.subarray(0, carry).indexOf(LT) >= 0) throw new Error("the XML ends inside a tag");
}

function grow(work: Buffer, keep: number, need: number): Buffer {
  const bigger = Buffer.allocUnsafe(Math.max(need, work.length * 2, 64 * 1024));
  work.copy(bigger, 0, 0, keep);
  return bigger;
}

/** Scans complete tokens of `buf`; returns where the first incomplete one starts. */
function scanBuffer(buf: Buffer, h: XmlHandler): number {
  let pos = 0;
  const len = buf.length;
  while (pos < len) {
    // Plain loops, not Buffer#indexOf: the distances are a few bytes, and a native call per
    // search costs more than the search.
    let lt = pos;
    while (lt < len && buf[lt] !== LT) lt++;
    if (lt === len) return pos;
    const next = buf[lt + 1];
    if (next === undefined) return pos;
    if (next === BANG || next === QUESTION) {
      const end = special(buf, lt);
      if (end < 0) return pos;
      if (lt > pos) h.text(buf, pos, lt, false);
      if (buf[lt + 2] === 0x5b /* [ */ && buf.toString("latin1", lt, lt + 9) === "<![CDATA[") h.text(buf, lt + 9, end - 3, true);
      pos = end;
      continue;
    }
    const gt = tagEnd(buf, lt + 1);
    if (gt < 0) return pos;
    if (lt > pos) h.text(buf, pos, lt, false);
    if (next === SLASH) {
      const ne = nameEnd(buf, lt + 2, gt);
      h.close(buf, localStart(buf, lt + 2, ne), ne);
    } else {
      const selfClosing = buf[gt - 1] === SLASH;
      const ne = nameEnd(buf, lt + 1, selfClosing ? gt - 1 : gt);
      const ns = localStart(buf, lt + 1, ne);
      h.open(buf, ns, ne, gt, selfClosing);
      if (selfClosing) h.close(buf, ns, ne);
    }
    pos = gt + 1;
  }
  return pos;
}

/** The end (exclusive) of a comment, CDATA section, processing instruction or declaration at `lt`, or -1. */
function special(buf: Buffer, lt: number): number {
  if (buf[lt + 1] === QUESTION) return after(buf, "?>", lt + 2);
  if (buf[lt + 2] === 0x2d /* - */) return after(buf, "-->", lt + 4);
  if (buf[lt + 2] === 0x5b /* [ */) return after(buf, "]]>", lt + 9);
  // <!DOCTYPE …>, possibly with an internal subset in brackets.
  const bracket = buf.indexOf(0x5b, lt);
  const gt = buf.indexOf(GT, lt);
  if (gt < 0) return -1;
  if (bracket < 0 || bracket > gt) return gt + 1;
  return after(buf, "]>", bracket);
}

function after(buf: Buffer, marker: string, from: number): number {
  const at = buf.indexOf(marker, from, "latin1");
  return at < 0 ? -1 : at + marker.length;
}

/** The `>` closing a tag whose name starts at `from`, skipping quoted attribute values; -1 when cut. */
function tagEnd(buf: Buffer, from: number): number {
  const len = buf.length;
  let quote = 0;
  for (let i = from; i < len; i++) {
    const b = buf[i];
    if (quote !== 0) {
      if (b === quote) quote = 0;
    } else if (b === GT) return i;
    else if (b === QUOTE || b === APOS) quote = b;
  }
  return -1;
}

/** The end of a tag's qualified name that starts at `from`. */
function nameEnd(buf: Buffer, from: number, limit: number): number {
  let i = from;
  for (; i < limit; i++) {
    const b = buf[i];
    if (b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d || b === SLASH) break;
  }
  return i;
}

/** Where the local name starts in the qualified name `[from, end)`: after the prefix's colon, if any. */
function localStart(buf: Buffer, from: number, end: number): number {
  for (let i = end - 1; i > from; i--) if (buf[i] === COLON) return i + 1;
  return from;
}

/** True when bytes `[start, end)` spell the ASCII `name`. */
export function isName(buf: Buffer, start: number, end: number, name: string): boolean {
  if (end - start !== name.length) return false;
  for (let i = 0; i < name.length; i++) if (buf[start + i] !== name.charCodeAt(i)) return false;
  return true;
}

/**
 * Finds the next attribute of a start tag from `from` up to its `>` at `tagEnd`, writing
 * `[nameStart, nameEnd, valueStart, valueEnd]` into `out` (the name with its prefix);
 * returns where to look for the following one, or -1 when there is none.
 */
export function nextAttribute(buf: Buffer, from: number, tagEnd: number, out: Int32Array): number {
  let i = from;
  while (i < tagEnd && isSpace(buf[i])) i++;
  const nameStart = i;
  while (i < tagEnd && buf[i] !== 0x3d /* = */ && !isSpace(buf[i])) i++;
  const nameEnd = i;
  while (i < tagEnd && buf[i] !== 0x3d) i++;
  i++;
  while (i < tagEnd && isSpace(buf[i])) i++;
  const quote = buf[i];
  if (i >= tagEnd || (quote !== QUOTE && quote !== APOS) || nameEnd === nameStart) return -1;
  const valueStart = ++i;
  while (i < tagEnd && buf[i] !== quote) i++;
  if (i >= tagEnd) return -1;
  out[0] = nameStart;
  out[1] = nameEnd;
  out[2] = valueStart;
  out[3] = i;
  return i + 1;
}

/** The value of the attribute whose local name (any prefix) is `name`, or undefined. */
const scratch = new Int32Array(4);

export function attribute(buf: Buffer, from: number, tagEnd: number, name: string): string | undefined {
  const at = scratch;
  for (let i = nextAttribute(buf, from, tagEnd, at); i >= 0; i = nextAttribute(buf, i, tagEnd, at)) {
    let local = at[0];
    for (let k = at[0]; k < at[1]; k++) if (buf[k] === COLON) local = k + 1;
    if (isName(buf, local, at[1], name)) return decodeText(buf, at[2], at[3]);
  }
  return undefined;
}

function isSpace(b: number | undefined): boolean {
  return b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d;
}

const ENTITY = /&(?:(amp|lt|gt|quot|apos)|#(\d+)|#x([0-9a-fA-F]+));/g;
const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** Character data as an XML parser reports it: line ends normalised to `\n`, entities and character references decoded. */
export function decodeText(buf: Buffer, start: number, end: number): string {
  let s = buf.toString("utf8", start, end);
  if (s.includes("\r")) s = s.replace(/\r\n?/g, "\n");
  if (s.includes("&")) s = s.replace(ENTITY, (m, named: string | undefined, dec: string | undefined, hex: string | undefined) => (named ? NAMED[named] : safeCodePoint(dec ? Number(dec) : parseInt(hex ?? "", 16), m)));
  return s;
}

/** CDATA content: line ends normalised, nothing decoded. */
export function decodeCdata(buf: Buffer, start: number, end: number): string {
  const s = buf.toString("utf8", start, end);
  return s.includes("\r") ? s.replace(/\r\n?/g, "\n") : s;
}

function safeCodePoint(code: number, fallback: string): string {
  return code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : fallback;
}
