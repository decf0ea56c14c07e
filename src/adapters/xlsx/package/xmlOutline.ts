/**
 * The element outline of a small XML part (styles, workbook, relationships, content types)
 * with the character positions of every tag, so that the package writer can splice new
 * elements and attribute values into the original text and leave every other byte as it
 * was. A DOM round trip would re-serialise the user's parts (quotes, namespaces, empty
 * elements); splicing does not.
 */
export interface XmlElement {
  /** Qualified name as written, e.g. `x:fonts`. */
  name: string;
  prefix: string;
  local: string;
  /** Raw attribute values as written (entities left as they are), by qualified name. */
  attrs: Record<string, string>;
  /** Offset of `<` of the open tag. */
  start: number;
  /** Offset just past the open tag's `>`. */
  openEnd: number;
  /** Offset of the close tag's `<` (equals openEnd for a self-closed element). */
  closeStart: number;
  /** Offset just past the element. */
  end: number;
  selfClosing: boolean;
  children: XmlElement[];
}

const NAME = /[^\s/>=]+/y;
const ATTR = /\s*([^\s=/>]+)\s*=\s*("([^"]*)"|'([^']*)')/y;

/** Parses the element tree of `xml`; throws on a tag it cannot read or unbalanced tags. */
export function outlineXml(xml: string): XmlElement {
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let i = xml.indexOf("<");
  while (i >= 0 && i < xml.length) {
    if (xml.startsWith("<!--", i)) i = skipPast(xml, "-->", i);
    else if (xml.startsWith("<![CDATA[", i)) i = skipPast(xml, "]]>", i);
    else if (xml.startsWith("<?", i)) i = skipPast(xml, "?>", i);
    else if (xml.startsWith("<!", i)) i = skipPast(xml, ">", i);
    else if (xml[i + 1] === "/") {
      const close = xml.indexOf(">", i);
      if (close < 0) throw new Error(`outlineXml: unterminated close tag at ${i}`);
      const name = xml.slice(i + 2, close).trim();
      const el = stack.pop();
      if (!el || el.name !== name) throw new Error(`outlineXml: </${name}> at ${i} closes ${el ? `<${el.name}>` : "nothing"}`);
      el.closeStart = i;
      el.end = close + 1;
      i = close + 1;
    } else {
      const el = openTag(xml, i);
      if (stack.length > 0) stack[stack.length - 1].children.push(el);
      else if (root) throw new Error(`outlineXml: second root element <${el.name}> at ${i}`);
      else root = el;
      if (!el.selfClosing) stack.push(el);
      i = el.openEnd;
    }
    i = xml.indexOf("<", i);
  }
  if (stack.length > 0) throw new Error(`outlineXml: <${stack[stack.length - 1].name}> is never closed`);
  if (!root) throw new Error("outlineXml: no element");
  return root;
}

function skipPast(xml: string, end: string, from: number): number {
  const j = xml.indexOf(end, from);
  if (j < 0) throw new Error(`outlineXml: unterminated markup at ${from}`);
  return j + end.length;
}

function openTag(xml: string, start: number): XmlElement {
  NAME.lastIndex = start + 1;
  const m = NAME.exec(xml);
  if (!m) throw new Error(`outlineXml: unreadable tag at ${start}`);
  const name = m[0];
  const attrs: Record<string, string> = {};
  let j = NAME.lastIndex;
  for (;;) {
    ATTR.lastIndex = j;
    const a = ATTR.exec(xml);
    if (!a) break;
    attrs[a[1]] = a[3] ?? a[4];
    j = ATTR.lastIndex;
  }
  while (/\s/.test(xml[j] ?? "")) j++;
  const selfClosing = xml.startsWith("/>", j);
  if (!selfClosing && xml[j] !== ">") throw new Error(`outlineXml: unreadable tag <${name} at ${start}`);
  const openEnd = j + (selfClosing ? 2 : 1);
  const colon = name.indexOf(":");
  return {
    name,
    prefix: colon < 0 ? "" : name.slice(0, colon),
    local: colon < 0 ? name : name.slice(colon + 1),
    attrs,
    start,
    openEnd,
    closeStart: openEnd,
    end: openEnd,
    selfClosing,
    children: [],
  };
}

/** The children of `el` with local name `local`. */
export function childrenNamed(el: XmlElement, local: string): XmlElement[] {
  return el.children.filter((c) => c.local === local);
}

/** Decodes the five predefined entities and character references of a raw attribute value. */
export function decodeXml(raw: string): string {
  return raw.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g, (_, e: string) => {
    if (e[0] === "#") return String.fromCodePoint(e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" }[e as "amp"];
  });
}

/** Text edits by offset into one original string, applied together (offsets never shift). */
export class Splices {
  private readonly edits: { start: number; end: number; text: string; seq: number }[] = [];

  constructor(private readonly source: string) {}

  /** Replaces source[start, end) with `text`; inserts when start === end (insertions at one offset keep call order). */
  replace(start: number, end: number, text: string): this {
    this.edits.push({ start, end, text, seq: this.edits.length });
    return this;
  }

  insert(at: number, text: string): this {
    return this.replace(at, at, text);
  }

  /**
   * Sets an attribute on an element's open tag: the value is replaced in place when the
   * attribute is there, else appended after the last attribute. `value` must be escaped.
   */
  setAttr(el: XmlElement, name: string, value: string): this {
    const tag = this.source.slice(el.start, el.openEnd);
    const m = new RegExp(`(\\s${name.replace(/[.:]/g, "\\$&")}\\s*=\\s*)("[^"]*"|'[^']*')`).exec(tag);
    if (m) return this.replace(el.start + m.index + m[1].length, el.start + m.index + m[0].length, `"${value}"`);
    const at = el.openEnd - (el.selfClosing ? 2 : 1);
    let k = at;
    while (k > el.start && /\s/.test(this.source[k - 1])) k--;
    return this.insert(k, ` ${name}="${value}"`);
  }

  /**
   * Puts `text` at the end of an element's content; a self-closed element is opened
   * (`<dxfs count="0"/>` → `<dxfs count="0">…</dxfs>`).
   */
  appendChild(el: XmlElement, text: string): this {
    if (!el.selfClosing) return this.insert(el.closeStart, text);
    let k = el.openEnd - 2;
    while (k > el.start && /\s/.test(this.source[k - 1])) k--;
    return this.replace(k, el.openEnd, `>${text}</${el.name}>`);
  }

  apply(): string {
    const sorted = [...this.edits].sort((a, b) => a.start - b.start || a.end - b.end || a.seq - b.seq);
    let out = "";
    let at = 0;
    for (const e of sorted) {
      if (e.start < at) throw new Error(`Splices: overlapping edits at ${e.start}`);
      out += this.source.slice(at, e.start) + e.text;
      at = e.end;
    }
    return out + this.source.slice(at);
  }
}
