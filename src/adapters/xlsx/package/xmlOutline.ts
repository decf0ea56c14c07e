import { attributes, findAttr, localName, nextTag, prefixOf, type Tag } from "./xmlScan";
import { UnreadablePartError } from "./openXlsxError";

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

/**
 * Parses the element tree of `xml`, tags found by `nextTag` and attributes read by
 * `attributes` (xmlScan), the scanner `patchSheet` streams with; throws on markup cut
 * short or unbalanced tags. Elements at `keepDepth` (the root is at 0) and below are only
 * counted, not outlined (nor their end tags' names checked): a workbook.xml nesting millions of
 * elements in an extension list then costs no memory for them.
 */
export function outlineXml(xml: string, keepDepth = Infinity): XmlElement {
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let deep = 0;
  for (let lt = xml.indexOf("<"); lt >= 0;) {
    const t = nextTag(xml, lt);
    if (!t) throw new UnreadablePartError("malformed", "XML part", `outlineXml: unterminated markup at ${lt}`);
    if (deep > 0 || (stack.length >= keepDepth && t.kind !== "close")) {
      if (t.kind === "open") deep++;
      else if (t.kind === "close") deep--;
    } else if (t.kind === "close") {
      const el = stack.pop();
      if (!el || el.name !== t.name)
        throw new UnreadablePartError(
          "malformed",
          "XML part",
          `outlineXml: </${t.name}> at ${t.start} closes ${el ? `<${el.name}>` : "nothing"}`,
        );
      el.closeStart = t.start;
      el.end = t.end;
    } else if (t.kind !== "other") {
      const el = element(xml, t);
      if (stack.length > 0) stack[stack.length - 1].children.push(el);
      else if (root)
        throw new UnreadablePartError(
          "malformed",
          "XML part",
          `outlineXml: second root element <${el.name}> at ${t.start}`,
        );
      else root = el;
      if (!el.selfClosing) stack.push(el);
    }
    lt = xml.indexOf("<", t.end);
  }
  if (stack.length > 0)
    throw new UnreadablePartError(
      "malformed",
      "XML part",
      `outlineXml: <${stack[stack.length - 1].name}> is never closed`,
    );
  if (!root) throw new UnreadablePartError("malformed", "XML part", "outlineXml: no element");
  return root;
}

function element(xml: string, t: Tag): XmlElement {
  const selfClosing = t.kind === "empty";
  return {
    name: t.name,
    prefix: prefixOf(t.name).slice(0, -1),
    local: localName(t.name),
    attrs: attributes(xml, t),
    start: t.start,
    openEnd: t.end,
    closeStart: t.end,
    end: t.end,
    selfClosing,
    children: [],
  };
}

/** The children of `el` with local name `local`. */
export function childrenNamed(el: XmlElement, local: string): XmlElement[] {
  return el.children.filter((c) => c.local === local);
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
    const found = findAttr(
      this.source,
      { start: el.start, end: el.openEnd, kind: el.selfClosing ? "empty" : "open", name: el.name },
      name,
    );
    // The old value with its quotes (either kind) becomes the new one in double quotes.
    if (found) return this.replace(found.end - found.value.length - 2, found.end, `"${value}"`);
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
