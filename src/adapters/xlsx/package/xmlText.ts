import type { Cell } from "../../../core/_lib/cells";

/**
 * Escaping for the XML the package writer emits. Two layers, applied in this order:
 * `toXstring` makes any JavaScript string representable in an OOXML ST_Xstring (XML 1.0
 * cannot carry C0 controls, lone surrogates or U+FFFE/U+FFFF at all, not even as character
 * references), then `escapeXmlText` / `escapeXmlAttr` make the result safe in element text
 * or a quoted attribute. The escape functions throw on a character XML cannot hold, so a
 * caller that forgot `toXstring` fails loudly instead of writing a part Excel refuses.
 */

// Characters XML 1.0 cannot hold, and the `_xHHHH_` pattern a reader would decode.
// The `_` alternative matches only the underscore that starts such a pattern, so a
// single pass both protects literal patterns and encodes forbidden characters.
const XSTRING_SPECIAL =
  /_(?=x[0-9A-Fa-f]{4})|[\0-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const NOT_XML =
  /[\0-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const TEXT_SPECIAL = /[&<>\r]/g;
const ATTR_SPECIAL = /[&<>"'\t\n\r]/g;
const ENTITY: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&apos;",
  "\t": "&#9;",
  "\n": "&#10;",
  "\r": "&#13;",
};

function hex4(code: number): string {
  return code.toString(16).toUpperCase().padStart(4, "0");
}

/**
 * OOXML ST_Xstring encoding: characters XML 1.0 forbids become `_xHHHH_`, and text that
 * starts like `_xHHHH` has its underscore written `_x005F_` — even without the closing
 * underscore, which the next escape may bring (`_x1010` + U+0001 would read as `_x1010_`
 * + `x0001_`) — so Excel (and both of our readers) read every string back as itself.
 * Tab, LF and CR are legal and kept.
 * @example toXstring("a\u0001b") === "a_x0001_b"; toXstring("_x0041_") === "_x005F_x0041_"
 */
export function toXstring(s: string): string {
  XSTRING_SPECIAL.lastIndex = 0;
  if (!XSTRING_SPECIAL.test(s)) return s;
  return s.replace(XSTRING_SPECIAL, (ch) => (ch === "_" ? "_x005F_" : `_x${hex4(ch.charCodeAt(0))}_`));
}

function assertXmlChars(s: string, where: string): void {
  const m = NOT_XML.exec(s);
  if (m)
    throw new Error(
      `${where}: U+${hex4(m[0].charCodeAt(0))} at index ${m.index} cannot be written in XML 1.0; encode the text with toXstring first`,
    );
}

/**
 * Escapes element text: `&`, `<`, `>` (so `]]>` cannot occur) and CR as `&#13;`, which a
 * parser would otherwise normalise to LF.
 * @example escapeXmlText("a<b & c") === "a&lt;b &amp; c"
 */
export function escapeXmlText(s: string): string {
  assertXmlChars(s, "escapeXmlText");
  TEXT_SPECIAL.lastIndex = 0;
  return TEXT_SPECIAL.test(s) ? s.replace(TEXT_SPECIAL, (ch) => ENTITY[ch]) : s;
}

/**
 * Escapes a quoted attribute value (either quote style): tab, LF and CR become character
 * references because attribute-value normalisation would turn them into spaces.
 * @example escapeXmlAttr(`say "hi"`) === "say &quot;hi&quot;"
 */
export function escapeXmlAttr(s: string): string {
  assertXmlChars(s, "escapeXmlAttr");
  ATTR_SPECIAL.lastIndex = 0;
  return ATTR_SPECIAL.test(s) ? s.replace(ATTR_SPECIAL, (ch) => ENTITY[ch]) : s;
}

const ENTITY_REF = /&(?:#x([0-9A-Fa-f]+)|#(\d+)|(amp|lt|gt|quot|apos));/g;
const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/**
 * Decodes the five predefined entities and character references of a raw attribute value
 * or text (relationship ids, targets, number format codes: no `_xHHHH_` there).
 * @example decodeXml("a&amp;b&lt;&#x41;") === "a&b<A"
 */
export function decodeXml(s: string): string {
  return s.includes("&")
    ? s.replace(ENTITY_REF, (_m, hex?: string, dec?: string, name?: string) =>
        name ? NAMED[name] : String.fromCodePoint(parseInt(hex ?? dec ?? "0", hex ? 16 : 10)),
      )
    : s;
}

/**
 * Reads an attribute value or text as written in XML back into its characters (entity and
 * character references; `_xHHHH_` decoded too, as Excel reads an ST_Xstring).
 * @example fromXmlText("a &amp; b_x000D_") === "a & b\r"
 */
export function fromXmlText(s: string): string {
  const text = decodeXml(s);
  return text.includes("_x")
    ? text.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)))
    : text;
}

const NEEDS_PRESERVE = /^[ \t\r\n]|[ \t\r\n]$|[\r\n]/;

/**
 * One `<c>` element of a worksheet's sheetData. Text is always an inline string and never
 * a formula (`=HYPERLINK(…)` stays text); null is an empty cell that keeps its style.
 * Style 0 is the default and is left out, as Excel writes it. `prefix` is the spreadsheetml
 * namespace prefix with its colon, for a part written as `<x:worksheet>`.
 * @example cellXml("B2", 1.5, 3) === '<c r="B2" s="3"><v>1.5</v></c>'
 * @example cellXml("B3", null, 3) === '<c r="B3" s="3"/>'
 */
export function cellXml(ref: string, value: Cell, styleId: number, prefix = ""): string {
  return `<${prefix}c r="${ref}${styleAttr(styleId)}${cellValueXml(ref, value, prefix)}`;
}

/**
 * What follows a cell's reference in `cellXml`: the quote that closes its `r` attribute, then
 * its style, left out for the default style 0 (as Excel writes it).
 * @example styleAttr(0) === '"'; styleAttr(3) === '" s="3"'
 */
export function styleAttr(styleId: number): string {
  return styleId === 0 ? '"' : `" s="${styleId}"`;
}

/**
 * What follows the `r` and `s` attributes of `cellXml`'s element: its type, value and end.
 * Split out so a writer of many cells can reuse it for repeated values.
 * @example cellValueXml("B2", true) === ' t="b"><v>1</v></c>'
 */
export function cellValueXml(ref: string, value: Cell, prefix = ""): string {
  if (value === null) return "/>";
  const m = valueMarkup(prefix);
  if (typeof value === "number") {
    // A non-finite number reaching the writer is a bug upstream: the core blanks them.
    if (!Number.isFinite(value)) throw new Error(`cellXml: ${ref} holds ${value}, which an .xlsx cannot store`);
    return m.number[0] + value + m.number[1];
  }
  if (typeof value === "boolean") return ` t="b"${m.number[0]}${value ? 1 : 0}${m.number[1]}`;
  return m.inline[0] + textXml(value, prefix) + m.inline[1];
}

/** A pair of markup strings: what goes before a value and what goes after it. */
type Around = readonly [string, string];

/** The markup around a cell's value in a part whose spreadsheetml prefix is `prefix`. */
export interface ValueMarkup {
  /** Around a finite number as `String` writes it (a boolean's 0 or 1 too, after ` t="b"`). */
  number: Around;
  /** Around an inline string's `<t>` element. */
  inline: Around;
  /** A `<t>` element around a text that `isPlainText`. */
  text: Around;
  /** `inline` around `text`: around a plain text's value, as one piece. */
  plainText: Around;
}

const MARKUPS = new Map<string, ValueMarkup>();

/**
 * The one home of a cell value's markup: cellValueXml and textXml write it, and a writer of
 * many cells takes it once (CellBytes, per part's prefix, as bytes) and writes each value
 * between its two pieces itself, with no string made for the cell.
 * @example valueMarkup().number.join("1.5") === cellValueXml("A1", 1.5); valueMarkup().plainText.join("abc") === cellValueXml("A1", "abc")
 */
export function valueMarkup(prefix = ""): ValueMarkup {
  let m = MARKUPS.get(prefix);
  if (m === undefined) {
    const p = prefix;
    const inline: Around = [` t="inlineStr"><${p}is>`, `</${p}is></${p}c>`];
    const text: Around = [`<${p}t>`, `</${p}t>`];
    m = {
      number: [`><${p}v>`, `</${p}v></${p}c>`],
      inline,
      text,
      plainText: [inline[0] + text[0], text[1] + inline[1]],
    };
    MARKUPS.set(prefix, m);
  }
  return m;
}

/**
 * A text as the `<t>` element of an inline string or of a shared string (`<si>`): encoded as
 * an ST_Xstring and escaped, with xml:space="preserve" where white space would otherwise be lost.
 * @example textXml(" a&b") === '<t xml:space="preserve"> a&amp;b</t>'
 */
export function textXml(value: string, prefix = ""): string {
  const [open, close] = valueMarkup(prefix).text;
  if (isPlainText(value)) return open + value + close;
  // The preserving start tag is `open` with the attribute before its ">".
  const start = NEEDS_PRESERVE.test(value) ? `${open.slice(0, -1)} xml:space="preserve">` : open;
  return start + escapeXmlText(toXstring(value)) + close;
}

/**
 * Whether a text is written as it is, with no xml:space and nothing to encode or escape:
 * no space at either end, no character below U+0020, no `_`, `&`, `<` or `>`, nothing from
 * U+D800 up (surrogates, U+FFFE, U+FFFF; the rest there takes the regular path too). One
 * scan of char codes instead of four regular expressions, for the combined sheets' hundreds
 * of thousands of text cells (names, ids, CJK text).
 * @example isPlainText("客户A-001") === true; isPlainText("a_b") === false
 */
export function isPlainText(s: string): boolean {
  if (s.charCodeAt(0) === 0x20 || s.charCodeAt(s.length - 1) === 0x20) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c === 0x5f || c === 0x26 || c === 0x3c || c === 0x3e || c >= 0xd800) return false;
  }
  return true;
}
