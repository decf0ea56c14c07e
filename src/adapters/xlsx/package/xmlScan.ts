import { columnNumber } from "../../../core/_lib/a1";
import { GT, SLASH, BANG, QUESTION, DQUOTE, SQUOTE } from "./xmlChars";

/**
 * Just enough XML scanning to edit a part without re-serialising it: the next piece of
 * markup, its qualified name and where it ends, and one attribute's value. Text of a
 * well-formed part cannot contain a raw `<`, so markup starts at every `<`; a raw `>` may
 * stand inside a quoted attribute value, so tag ends are found outside quotes.
 */
export interface Tag {
  /** Index of the `<`. */
  start: number;
  /** Index just after the closing `>`. */
  end: number;
  /** `other` is a comment, CDATA section, processing instruction or DOCTYPE. */
  kind: "open" | "close" | "empty" | "other";
  /** Qualified name as written (`x:row`), "" for `other`. */
  name: string;
}

/** True for white space, "/" or ">" after a name (and NaN past the end of the text). */
export function endsName(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === SLASH || code === GT || Number.isNaN(code);
}

const closeTags = new Map<string, string>();

/**
 * The end tag `</name>` at or after `from`: where it starts and the index after its `>`;
 * null when it is not (yet) in the text.
 * @example findClose("<c><v>1</v></c>", "c", 3) → { start: 11, end: 15 }
 */
export function findClose(s: string, name: string, from: number): { start: number; end: number } | null {
  let open = closeTags.get(name);
  if (open === undefined) closeTags.set(name, (open = `</${name}`));
  for (let i = s.indexOf(open, from); i >= 0; i = s.indexOf(open, i + 1)) {
    if (!endsName(s.charCodeAt(i + open.length))) continue;
    const gt = s.indexOf(">", i + open.length);
    return gt < 0 ? null : { start: i, end: gt + 1 };
  }
  return null;
}

/**
 * The markup that starts at the first `<` at or after `from`; null when there is none or
 * the text ends inside it (the caller waits for more input).
 * @example nextTag('a<x:row r="1"/>', 0) → { start: 1, end: 15, kind: "empty", name: "x:row" }
 */
export function nextTag(s: string, from: number): Tag | null {
  const start = s.indexOf("<", from);
  if (start < 0) return null;
  const c1 = s.charCodeAt(start + 1);
  if (Number.isNaN(c1)) return null;
  if (c1 === BANG || c1 === QUESTION) return otherTag(s, start);
  const close = c1 === SLASH;
  let i = close ? start + 2 : start + 1;
  const nameStart = i;
  while (!endsName(s.charCodeAt(i))) i++;
  if (i >= s.length) return null;
  const name = s.slice(nameStart, i);
  // Find the '>' outside quoted attribute values.
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === GT) {
      const kind = close ? "close" : s.charCodeAt(i - 1) === SLASH ? "empty" : "open";
      return { start, end: i + 1, kind, name };
    }
    if (c === DQUOTE || c === SQUOTE) {
      const q = s.indexOf(c === DQUOTE ? '"' : "'", i + 1);
      if (q < 0) return null;
      i = q;
    }
  }
  return null;
}

function otherTag(s: string, start: number): Tag | null {
  let terminator = ">";
  if (s.startsWith("<!--", start)) terminator = "-->";
  else if (s.startsWith("<![CDATA[", start)) terminator = "]]>";
  else if (s.charCodeAt(start + 1) === QUESTION) terminator = "?>";
  else if (s.length - start < 9) return null; // cannot yet tell "<!--" or "<![CDATA[" from "<!DOCTYPE"
  const t = s.indexOf(terminator, start + 2);
  return t < 0 ? null : { start, end: t + terminator.length, kind: "other", name: "" };
}

/** The name without its namespace prefix. @example localName("x:row") === "row" */
export function localName(qname: string): string {
  const colon = qname.indexOf(":");
  return colon < 0 ? qname : qname.slice(colon + 1);
}

/** The prefix with its colon, "" when none. @example prefixOf("x:row") === "x:" */
export function prefixOf(qname: string): string {
  const colon = qname.indexOf(":");
  return colon < 0 ? "" : qname.slice(0, colon + 1);
}

/** Where one attribute stands in a start tag: `start` is the white space before its name. */
export interface AttrSpan {
  start: number;
  end: number;
  value: string;
}

/**
 * One attribute of a start tag as `readAttr` leaves it, as indexes into the text. One
 * cursor is read into again and again: rows and cells are millions, objects would be garbage.
 */
export class AttrCursor {
  /** Where the white space before the name starts. */
  wsStart = 0;
  nameStart = 0;
  nameEnd = 0;
  /** The value, quotes left out. */
  valueStart = 0;
  valueEnd = 0;
  /** After the closing quote; at the end of the tag, the index of its "/" or ">". */
  next = 0;
}

/**
 * The one attribute reader of the package writer (`findAttr`, `attributes`, `TagScan`):
 * reads the attribute at `from` (white space before it allowed) into `a`. Returns 1 when it
 * read one, 0 at the tag's "/" or ">" (then at `a.next`), -1 when the text ends first.
 * @example readAttr('<c r="B2"/>', 2, a) === 1; a.next === 9; readAttr('<c r="B2"/>', 9, a) === 0
 */
export function readAttr(s: string, from: number, a: AttrCursor): 1 | 0 | -1 {
  let i = from;
  let c = s.charCodeAt(i);
  while (c === 32 || c === 9 || c === 10 || c === 13) c = s.charCodeAt(++i);
  if (c === GT || c === SLASH) {
    a.next = i;
    return 0;
  }
  if (Number.isNaN(c)) return -1;
  a.wsStart = from;
  a.nameStart = i;
  while (c !== 61 /* = */ && c !== 32 && c !== 9 && c !== 10 && c !== 13 && !Number.isNaN(c)) c = s.charCodeAt(++i);
  a.nameEnd = i;
  while (c !== DQUOTE && c !== SQUOTE && !Number.isNaN(c)) c = s.charCodeAt(++i);
  if (Number.isNaN(c)) return -1;
  const close = s.indexOf(c === DQUOTE ? '"' : "'", i + 1);
  if (close < 0) return -1;
  a.valueStart = i + 1;
  a.valueEnd = close;
  a.next = close + 1;
  return 1;
}

const cursor = new AttrCursor();

/**
 * Finds attribute `name` (exactly, prefix included) in the start tag `tag` of `s`.
 * @example findAttr('<row spans="1:3" r="2">', {start:0,…}, "r")?.value === "2"
 */
export function findAttr(s: string, tag: Tag, name: string): AttrSpan | null {
  const stop = tag.end - 1;
  const a = cursor;
  for (let i = tag.start + 1 + tag.name.length; i < stop; i = a.next) {
    if (readAttr(s, i, a) !== 1 || a.valueEnd >= stop) return null;
    if (a.nameEnd - a.nameStart === name.length && s.startsWith(name, a.nameStart))
      return { start: a.wsStart, end: a.valueEnd + 1, value: s.slice(a.valueStart, a.valueEnd) };
  }
  return null;
}

/**
 * Every attribute of the start tag `tag` of `s`, raw values (entities left as written) by
 * qualified name.
 * @example attributes('<x:c r="B2" s=\'3\'/>', tag) → { r: "B2", s: "3" }
 */
export function attributes(s: string, tag: Tag): Record<string, string> {
  const out: Record<string, string> = {};
  const stop = tag.end - 1;
  const a = cursor;
  for (let i = tag.start + 1 + tag.name.length; i < stop; i = a.next) {
    if (readAttr(s, i, a) !== 1 || a.valueEnd >= stop) break;
    out[s.slice(a.nameStart, a.nameEnd)] = s.slice(a.valueStart, a.valueEnd);
  }
  return out;
}

/**
 * 0-based column of a cell reference's letters; -1 when it has none.
 * @example columnOfRef("AB12") === 27
 */
export function columnOfRef(ref: string): number {
  return columnNumber(ref, ref.charCodeAt(0) === 36 /* a leading $ */ ? 1 : 0, true) - 1;
}
