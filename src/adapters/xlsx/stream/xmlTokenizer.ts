import { endsName } from "../package/xmlScan";
import { referenceEnd, XmlError } from "./xmlReferences";
import { LT, GT, SLASH, BANG, QUESTION, DQUOTE, SQUOTE, AMP, CR } from "../package/xmlChars";

export { XmlError } from "./xmlReferences";

/**
 * What a reader is told of a part as `XmlTokenizer` scans it. Indexes point into `s`, the text
 * scanned at that moment; a reader slices only what it keeps, so a cell costs no objects.
 */
export interface XmlHandler {
  /** A start tag `<name …>` (or `<name …/>`, then `close` follows at once): its attributes stand from `attrs` to `end`, read them with `readAttr`. */
  open(s: string, name: string, attrs: number, end: number): void;
  close(name: string): void;
  /**
   * Character data inside the root, as written: references not decoded (see `decodeText`).
   * It may come in pieces, but a piece never ends inside a reference or between "\r" and "\n".
   */
  text(s: string, start: number, end: number): void;
  /** A CDATA section's content, as written. */
  cdata(s: string, start: number, end: number): void;
}

/** Elements deeper than this are counted, not named: a part nesting millions of elements costs no memory for them. */
export const MAX_NAMED_DEPTH = 1024;
/** The longest piece of markup (a tag, comment, CDATA section) kept whole while it arrives. */
export const MAX_MARKUP = 16 * 1024 * 1024;

/**
 * The one XML reader of the package layer, streamed: `write` the decoded text chunk by chunk,
 * then `close`. It finds every tag, text, CDATA section, comment and processing instruction
 * outside quotes and hands tags, text and CDATA to the handler; only a tag, comment or CDATA
 * section cut by a chunk's end (or a reference, or a "\r") is kept for the next chunk.
 *
 * What it checks of well-formedness (each an `XmlError`, kind `malformed` unless said):
 * end tags match their start tags (to MAX_NAMED_DEPTH levels; deeper, only their number),
 * one root element, no text but white space outside it, no `<` inside a tag, every `&`
 * starts a reference that is predefined or a valid character (an undefined name: kind
 * `entities`), no document type declaration (kind `entities`), nothing cut short at the end.
 * It does not check names' characters, attribute syntax beyond quotes, or duplicate attributes.
 */
export class XmlTokenizer {
  private carry = "";
  /** Characters of the document before `carry`: error positions count from the start. */
  private consumed = 0;
  private readonly names: string[] = [];
  private depth = 0;
  private rootSeen = false;
  private started = false;
  private ampIn = "";
  private ampAt = -1;

  constructor(private readonly handler: XmlHandler) {}

  write(chunk: string): void {
    let s = this.carry === "" ? chunk : this.carry + chunk;
    if (!this.started && s.length > 0) {
      this.started = true;
      if (s.charCodeAt(0) === 0xfeff) s = s.slice(1);
    }
    const pos = this.scan(s);
    this.consumed += pos;
    this.carry = pos === s.length ? "" : s.slice(pos);
    if (this.carry.length > MAX_MARKUP)
      throw new XmlError("tooLarge", `more than ${MAX_MARKUP} characters of markup at character ${this.consumed + 1}`);
  }

  close(): void {
    const rest = this.carry;
    if (rest.charCodeAt(0) === LT) this.fail(0, "the part ends inside markup");
    if (rest !== "") this.chars(rest, 0, rest.length, false);
    if (this.depth > 0) this.fail(0, `the part ends inside <${this.names[Math.min(this.depth, MAX_NAMED_DEPTH) - 1]}>`);
    if (!this.rootSeen) this.fail(0, "no root element");
  }

  /** Hands over everything complete in `s`; returns where the incomplete rest starts. */
  private scan(s: string): number {
    let pos = 0;
    for (;;) {
      const lt = s.indexOf("<", pos);
      const stop = lt < 0 ? s.length : lt;
      if (stop > pos) {
        const done = this.chars(s, pos, stop, lt < 0);
        if (done < stop) return done;
      }
      if (lt < 0) return s.length;
      const end = this.markup(s, lt);
      if (end < 0) return lt;
      pos = end;
    }
  }

  /** Text from `start` to `stop`; at the chunk's end (`last`), a cut reference or "\r" waits. */
  private chars(s: string, start: number, stop: number, last: boolean): number {
    let end = stop;
    if (last && s.charCodeAt(stop - 1) === CR) end--;
    const amp = this.nextAmp(s, start);
    if (amp >= 0 && amp < end) end = this.references(s, amp, end, last);
    if (end <= start) return start;
    if (this.depth > 0) this.handler.text(s, start, end);
    else if (!isSpace(s, start, end)) this.fail(start, "text outside the root element");
    return end;
  }

  /**
   * The first "&" at or after `from` in `s`, -1 when none: found once per chunk and then
   * again only past it, since `indexOf` from every text would scan to the chunk's end each time.
   */
  private nextAmp(s: string, from: number): number {
    if (s !== this.ampIn || (this.ampAt >= 0 && this.ampAt < from)) {
      this.ampIn = s;
      this.ampAt = s.indexOf("&", from);
    }
    return this.ampAt;
  }

  /** Checks the references from `amp` on; returns `end`, or where a reference cut by the chunk's end starts. */
  private references(s: string, amp: number, end: number, last: boolean): number {
    for (let a = amp; a >= 0 && a < end; a = s.indexOf("&", a + 1)) {
      const semi = referenceEnd(s, a, end);
      if (semi < 0) {
        if (last && end - a < 16) return a;
        this.fail(a, "an & that starts no reference");
      }
      a = semi;
    }
    return end;
  }

  /** The markup at `lt`; returns the index after it, or -1 when the text ends inside it. */
  private markup(s: string, lt: number): number {
    const c1 = s.charCodeAt(lt + 1);
    if (c1 !== c1) return -1;
    if (c1 === SLASH) return this.closeTag(s, lt);
    if (c1 === BANG) return this.bang(s, lt);
    if (c1 === QUESTION) {
      const e = s.indexOf("?>", lt + 2);
      return e < 0 ? -1 : e + 2;
    }
    return this.openTag(s, lt);
  }

  private openTag(s: string, lt: number): number {
    let i = lt + 1;
    while (!endsName(s.charCodeAt(i))) i++;
    if (i >= s.length) return -1;
    if (i === lt + 1) this.fail(lt, "a < that starts no tag");
    let gt = i;
    for (; ; gt++) {
      const c = s.charCodeAt(gt);
      if (c === GT) break;
      if (c === DQUOTE || c === SQUOTE) {
        const q = s.indexOf(c === DQUOTE ? '"' : "'", gt + 1);
        if (q < 0) return -1;
        gt = q;
      } else if (c === LT) this.fail(gt, "a < inside a tag");
      else if (c !== c) return -1;
    }
    const name = s.slice(lt + 1, i);
    if (this.depth === 0) {
      if (this.rootSeen) this.fail(lt, `a second root element <${name}>`);
      this.rootSeen = true;
    }
    const empty = s.charCodeAt(gt - 1) === SLASH;
    if (!empty) {
      if (this.depth < MAX_NAMED_DEPTH) this.names[this.depth] = name;
      this.depth++;
    }
    this.handler.open(s, name, i, gt + 1);
    if (empty) this.handler.close(name);
    return gt + 1;
  }

  private closeTag(s: string, lt: number): number {
    // Most end tags are `</name>` of the element open: compared where they stand.
    const depth = this.depth;
    if (depth > 0 && depth <= MAX_NAMED_DEPTH) {
      const name = this.names[depth - 1];
      const from = lt + 2;
      const n = name.length;
      let k = 0;
      while (k < n && s.charCodeAt(from + k) === name.charCodeAt(k)) k++;
      if (k === n && s.charCodeAt(from + n) === GT) {
        this.depth = depth - 1;
        this.handler.close(name);
        return from + n + 1;
      }
    }
    return this.otherCloseTag(s, lt);
  }

  private otherCloseTag(s: string, lt: number): number {
    let i = lt + 2;
    while (!endsName(s.charCodeAt(i))) i++;
    const gt = s.indexOf(">", i);
    if (gt < 0) return -1;
    if (!isSpace(s, i, gt)) this.fail(i, "an end tag with more than a name");
    if (this.depth === 0) this.fail(lt, `</${s.slice(lt + 2, i)}> closes no element`);
    this.depth--;
    let name: string;
    if (this.depth < MAX_NAMED_DEPTH) {
      name = this.names[this.depth];
      if (name.length !== i - lt - 2 || !s.startsWith(name, lt + 2))
        this.fail(lt, `</${s.slice(lt + 2, i)}> closes <${name}>`);
    } else name = s.slice(lt + 2, i);
    this.handler.close(name);
    return gt + 1;
  }

  /** A comment, CDATA section or declaration at `lt` ("<!"). */
  private bang(s: string, lt: number): number {
    if (s.startsWith("<!--", lt)) {
      const e = s.indexOf("-->", lt + 4);
      return e < 0 ? -1 : e + 3;
    }
    if (s.length - lt < 9) return -1; // cannot yet tell "<![CDATA[" from "<!DOCTYPE"
    if (s.startsWith("<![CDATA[", lt)) {
      const e = s.indexOf("]]>", lt + 9);
      if (e < 0) return -1;
      if (this.depth === 0) this.fail(lt, "CDATA outside the root element");
      this.handler.cdata(s, lt + 9, e);
      return e + 3;
    }
    if (s.startsWith("<!DOCTYPE", lt) || s.startsWith("<!ENTITY", lt))
      throw new XmlError("entities", "a document type or entity declaration");
    return this.fail(lt, "a <! that starts no comment or CDATA section");
  }

  private fail(at: number, what: string): never {
    throw new XmlError("malformed", `${what} (character ${this.consumed + at + 1})`);
  }
}

/** Whether s[start, end) is XML white space only. */
function isSpace(s: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c !== 32 && c !== 10 && c !== 9 && c !== CR) return false;
  }
  return true;
}

/** Whether a text holds anything to decode. */
export function isPlain(s: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c === AMP || c === CR) return false;
  }
  return true;
}
