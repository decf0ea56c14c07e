import { NUMBER_FORMATS, type Highlight, type NumberFormat } from "../../../core/output";
import { childrenNamed, outlineXml, Splices, type XmlElement } from "./xmlOutline";
import { decodeXml, escapeXmlAttr } from "./xmlText";
import { UnreadablePartError } from "./openXlsxError";

export type FontKind = "base" | "bold" | "title" | "section" | "note";
/** One cell style the run needs: which of its fonts, the header fill, the top border, a number format. */
export interface XfSpec {
  font: FontKind;
  fill: boolean;
  border: boolean;
  format: NumberFormat | null;
}

const HEADER_FILL = "FFDDEBF7";

/** Formats with a built-in id that means the same code in every locale (ECMA-376 §18.8.30). */
const BUILTIN_IDS: Partial<Record<string, number>> = { General: 0, "0": 1, "0.00": 2, "#,##0.00": 4 };
/** Children of styleSheet in schema order (CT_Stylesheet is a sequence). */
const ORDER = [
  "numFmts",
  "fonts",
  "fills",
  "borders",
  "cellStyleXfs",
  "cellXfs",
  "cellStyles",
  "dxfs",
  "tableStyles",
  "colors",
  "extLst",
];
/** Children of a font in the order Excel writes them. */
const FONT_ORDER = [
  "b",
  "i",
  "strike",
  "condense",
  "extend",
  "outline",
  "shadow",
  "u",
  "vertAlign",
  "sz",
  "color",
  "name",
  "family",
  "charset",
  "scheme",
];

function argb(hex: string): string {
  return `FF${hex.replace(/^#/, "").toUpperCase()}`;
}

/** The styles part being appended to: its outline, the new entries per section, and the splices. */
export class StyleBook {
  private readonly root: XmlElement;
  private readonly p: string;
  private readonly added = new Map<string, string[]>();
  private readonly fontIds = new Map<FontKind, number>();
  private readonly numFmtIds = new Map<string, number>();
  private nextNumFmtId: number;

  constructor(private readonly source: string) {
    this.root = outlineXml(source);
    if (this.root.local !== "styleSheet")
      throw new UnreadablePartError(
        "malformed",
        "styles part",
        `styles part: root element is <${this.root.name}>, not styleSheet`,
      );
    this.p = this.root.prefix ? `${this.root.prefix}:` : "";
    let max = 163;
    for (const f of this.entries("numFmts")) {
      const id = Number(f.attrs.numFmtId);
      if (Number.isFinite(id)) max = Math.max(max, id);
      const code = f.attrs.formatCode;
      if (code !== undefined && Number.isFinite(id) && !this.numFmtIds.has(decodeXml(code)))
        this.numFmtIds.set(decodeXml(code), id);
    }
    this.nextNumFmtId = max + 1;
  }

  xf(spec: XfSpec): number {
    const numFmtId = this.numFmt(spec.format);
    const fontId = this.font(spec.font);
    const fillId = spec.fill
      ? this.entry(
          "fills",
          `<${this.p}fill><${this.p}patternFill patternType="solid"><${this.p}fgColor rgb="${HEADER_FILL}"/><${this.p}bgColor indexed="64"/></${this.p}patternFill></${this.p}fill>`,
        )
      : 0;
    const borderId = spec.border
      ? this.entry(
          "borders",
          `<${this.p}border><${this.p}left/><${this.p}right/><${this.p}top style="thin"><${this.p}color indexed="64"/></${this.p}top><${this.p}bottom/><${this.p}diagonal/></${this.p}border>`,
        )
      : 0;
    const hasStyleXfs = this.entries("cellStyleXfs").length > 0;
    const attrs: [string, number][] = [
      ["numFmtId", numFmtId],
      ["fontId", fontId],
      ["fillId", fillId],
      ["borderId", borderId],
    ];
    const existing = this.entries("cellXfs").findIndex((x) => sameXf(x, attrs, hasStyleXfs));
    if (existing >= 0) return existing;
    const apply = [
      numFmtId && ' applyNumberFormat="1"',
      fontId && ' applyFont="1"',
      fillId && ' applyFill="1"',
      borderId && ' applyBorder="1"',
    ]
      .filter(Boolean)
      .join("");
    const xml = `<${this.p}xf ${attrs.map(([k, v]) => `${k}="${v}"`).join(" ")}${hasStyleXfs ? ' xfId="0"' : ""}${apply}/>`;
    return this.entry("cellXfs", xml);
  }

  dxf(h: Highlight): number {
    const p = this.p;
    return this.entry(
      "dxfs",
      `<${p}dxf><${p}font><${p}color rgb="${argb(h.font)}"/></${p}font><${p}fill><${p}patternFill><${p}bgColor rgb="${argb(h.fill)}"/></${p}patternFill></${p}fill></${p}dxf>`,
    );
  }

  private numFmt(format: NumberFormat | null): number {
    if (format === null) return 0;
    const code = NUMBER_FORMATS[format];
    const builtin = BUILTIN_IDS[code];
    if (builtin !== undefined) return builtin;
    const known = this.numFmtIds.get(code);
    if (known !== undefined) return known;
    const id = this.nextNumFmtId++;
    this.numFmtIds.set(code, id);
    this.entry("numFmts", `<${this.p}numFmt numFmtId="${id}" formatCode="${escapeXmlAttr(code)}"/>`, false);
    return id;
  }

  private font(kind: FontKind): number {
    if (kind === "base") return 0;
    const cached = this.fontIds.get(kind);
    if (cached !== undefined) return cached;
    const p = this.p;
    const parts = new Map<string, string>();
    const base = this.entries("fonts")[0];
    if (base) for (const c of base.children) parts.set(c.local, this.source.slice(c.start, c.end));
    else
      for (const [k, v] of [
        ["sz", "11"],
        ["name", "Calibri"],
        ["family", "2"],
      ])
        parts.set(k, `<${p}${k} val="${v}"/>`);
    if (kind !== "note") parts.set("b", `<${p}b/>`);
    if (kind === "note") parts.set("i", `<${p}i/>`);
    if (kind === "title") parts.set("sz", `<${p}sz val="14"/>`);
    if (kind === "section") parts.set("sz", `<${p}sz val="12"/>`);
    if (kind === "section") parts.set("color", `<${p}color rgb="FF1F4E78"/>`);
    if (kind === "note") parts.set("color", `<${p}color rgb="FF595959"/>`);
    const ordered = [
      ...FONT_ORDER.filter((k) => parts.has(k)),
      ...[...parts.keys()].filter((k) => !FONT_ORDER.includes(k)),
    ];
    const id = this.entry("fonts", `<${p}font>${ordered.map((k) => parts.get(k)).join("")}</${p}font>`);
    this.fontIds.set(kind, id);
    return id;
  }

  /** Index of an entry equal to `xml` in a section (existing or added), appending it when new. */
  private entry(section: string, xml: string, reuse = true): number {
    const existing = this.entries(section);
    if (reuse) {
      const i = existing.findIndex((e) => this.source.slice(e.start, e.end) === xml);
      if (i >= 0) return i;
    }
    // A section the part lacks starts with the entries index 0 (and 1) must have.
    const added = this.added.get(section) ?? (childrenNamed(this.root, section)[0] ? [] : this.defaultsFor(section));
    if (reuse && added.includes(xml)) return existing.length + added.indexOf(xml);
    added.push(xml);
    this.added.set(section, added);
    return existing.length + added.length - 1;
  }

  private entries(section: string): XmlElement[] {
    const el = childrenNamed(this.root, section)[0];
    return el ? el.children : [];
  }

  toXml(): string {
    const edits = new Splices(this.source);
    const created = new Map<number, string[]>();
    for (const [section, added] of this.added) {
      const el = childrenNamed(this.root, section)[0];
      if (el) {
        edits.setAttr(el, "count", String(el.children.length + added.length));
        edits.appendChild(el, added.join(""));
        continue;
      }
      const xml = `<${this.p}${section} count="${added.length}">${added.join("")}</${this.p}${section}>`;
      const at = this.insertionPoint(section);
      created.set(at, [...(created.get(at) ?? []), xml]);
    }
    // Sections created at one offset go in schema order.
    for (const [at, xmls] of created)
      edits.insert(at, xmls.sort((a, b) => ORDER.indexOf(localOf(a)) - ORDER.indexOf(localOf(b))).join(""));
    if (this.root.selfClosing && created.size > 0)
      throw new Error("styles part: empty <styleSheet/> cannot be appended to");
    return edits.apply();
  }

  /** Entries a section needs before ours when it is created (the reserved fills, a default font/border/xf). */
  private defaultsFor(section: string): string[] {
    const p = this.p;
    if (section === "fonts")
      return [`<${p}font><${p}sz val="11"/><${p}name val="Calibri"/><${p}family val="2"/></${p}font>`];
    if (section === "cellXfs") return [`<${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>`];
    if (section === "fills")
      return [
        `<${p}fill><${p}patternFill patternType="none"/></${p}fill>`,
        `<${p}fill><${p}patternFill patternType="gray125"/></${p}fill>`,
      ];
    if (section === "borders")
      return [`<${p}border><${p}left/><${p}right/><${p}top/><${p}bottom/><${p}diagonal/></${p}border>`];
    return [];
  }

  private insertionPoint(section: string): number {
    const rank = ORDER.indexOf(section);
    const next = this.root.children.find(
      (c) => ORDER.indexOf(c.local) > rank || (ORDER.indexOf(c.local) < 0 && c.local !== "AlternateContent"),
    );
    return next ? next.start : this.root.closeStart;
  }
}

function localOf(xml: string): string {
  const m = /^<(?:[^\s:>]+:)?([^\s>/]+)/.exec(xml);
  return m ? m[1] : "";
}

/** An existing cellXfs entry that means exactly the style asked for: same ids, nothing else set. */
function sameXf(x: XmlElement, attrs: [string, number][], hasStyleXfs: boolean): boolean {
  if (x.children.length > 0) return false;
  for (const [k, v] of attrs) if (Number(x.attrs[k] ?? "0") !== v) return false;
  if (hasStyleXfs && (x.attrs.xfId ?? "0") !== "0") return false;
  const allowed = new Set([
    "numFmtId",
    "fontId",
    "fillId",
    "borderId",
    "xfId",
    "applyNumberFormat",
    "applyFont",
    "applyFill",
    "applyBorder",
    "applyAlignment",
    "applyProtection",
  ]);
  // quotePrefix="0" and pivotButton="0" (openpyxl writes them) are the defaults: the same look.
  return Object.entries(x.attrs).every(
    ([k, v]) => allowed.has(k) || ((k === "quotePrefix" || k === "pivotButton") && (v === "0" || v === "false")),
  );
}
