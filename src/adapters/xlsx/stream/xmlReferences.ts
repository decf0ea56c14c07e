/** What makes XML unreadable to `XmlTokenizer`; the part readers turn it into an `UnreadablePartError`. */
export class XmlError extends Error {
  constructor(
    readonly kind: "malformed" | "entities" | "tooLarge",
    message: string,
  ) {
    super(message);
    this.name = "XmlError";
  }
}

/** The longest reference read (`&#x10FFFF;` is 10 characters; `&quot;` 6). */
const MAX_REFERENCE = 12;

const PREDEFINED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/**
 * The index of the `;` that ends the reference at `amp` (an `&`), looking no further than
 * `end`; -1 when there is none within a reference's length (cut short, or no reference).
 * Throws an `XmlError` for a reference that is not predefined or a valid character: an
 * undefined name (`&nbsp;`, kind `entities`: nothing is ever resolved) or a bad number.
 * @example referenceEnd("a&amp;b", 1, 7) === 5
 */
export function referenceEnd(s: string, amp: number, end: number): number {
  const stop = Math.min(end, amp + MAX_REFERENCE);
  for (let i = amp + 1; i < stop; i++) {
    if (s.charCodeAt(i) !== 59 /* ; */) continue;
    referenceText(s, amp + 1, i);
    return i;
  }
  return -1;
}

/**
 * The character(s) the reference between `&` and `;` (s[start, end)) stands for.
 * @example referenceText("&#x41;", 1, 5) === "A"
 */
export function referenceText(s: string, start: number, end: number): string {
  if (s.charCodeAt(start) !== 35 /* # */) {
    const name = s.slice(start, end);
    const text = PREDEFINED[name];
    if (text !== undefined) return text;
    throw new XmlError(/^[A-Za-z_:][\w.:-]*$/.test(name) ? "entities" : "malformed", `undefined entity &${name};`);
  }
  const hex = s.charCodeAt(start + 1) === 120; /* x */
  const digits = s.slice(start + (hex ? 2 : 1), end);
  const code = (hex ? /^[0-9A-Fa-f]+$/ : /^[0-9]+$/).test(digits) ? parseInt(digits, hex ? 16 : 10) : NaN;
  if (!isXmlChar(code)) throw new XmlError("malformed", `&${s.slice(start, end)}; is no character XML allows`);
  return String.fromCodePoint(code);
}

/** XML 1.0's Char production. */
function isXmlChar(c: number): boolean {
  return (
    c === 9 ||
    c === 10 ||
    c === 13 ||
    (c >= 0x20 && c <= 0xd7ff) ||
    (c >= 0xe000 && c <= 0xfffd) ||
    (c >= 0x10000 && c <= 0x10ffff)
  );
}

/**
 * Text as an XML parser gives it: line ends ("\r\n", "\r") as "\n", references decoded.
 * @example decodeText("a&amp;b\r\nc", 0, 10) === "a&b\nc"
 */
export function decodeText(s: string, start: number, end: number): string {
  const raw = s.slice(start, end);
  const text = raw.includes("\r") ? raw.replace(/\r\n?/g, "\n") : raw;
  return text.includes("&") ? decodeReferences(text) : text;
}

/**
 * An attribute's value as an XML parser gives it: white space characters as spaces (after
 * "\r\n" becomes one), then references decoded (so `&#10;` stays a line feed).
 * @example decodeAttr("a&#10;b\tc") === "a\nb c"
 */
export function decodeAttr(raw: string): string {
  const text = /[\t\n\r]/.test(raw) ? raw.replace(/\r\n?/g, "\n").replace(/[\t\n]/g, " ") : raw;
  return text.includes("&") ? decodeReferences(text) : text;
}

function decodeReferences(text: string): string {
  let out = "";
  let from = 0;
  for (let amp = text.indexOf("&"); amp >= 0; amp = text.indexOf("&", from)) {
    const semi = referenceEnd(text, amp, text.length);
    if (semi < 0) throw new XmlError("malformed", "an & that starts no reference");
    out += text.slice(from, amp) + referenceText(text, amp + 1, semi);
    from = semi + 1;
  }
  return out + text.slice(from);
}
