import { NUMBER_FORMATS, type Highlight, type NumberFormat, type RowStyle, type WritePlan } from "../../../core/output";
import { childrenNamed, decodeXml, outlineXml, Splices, type XmlElement } from "./xmlOutline";
import { escapeXmlAttr } from "./xmlText";

/** Style ids for everything a run writes (the `SheetStyles` of patchSheet, and the report's). */
export interface RunStyles {
  /** cellXfs index of an owned column's header and of the created sheet's header (bold). */
  header: number;
  /** cellXfs index of a body cell in a number format (default font). */
  body(format: NumberFormat): number;
  /** dxfs index of a highlight's fill and font. */
  dxf(h: Highlight): number;
  /** cellXfs index of an analysis-sheet cell of a row style, in a number format (null: none). */
  report(style: RowStyle, format: NumberFormat | null): number;
}

type FontKind = "base" | "bold" | "title" | "section" | "note";
interface XfSpec {
  font: FontKind;
  fill: boolean;
  border: boolean;
  format: NumberFormat | null;
}

/** What each row style of the analysis sheet looks like (as the ExcelJS writer had it). */
const ROW_STYLES: Record<RowStyle, Omit<XfSpec, "format">> = {
  title: { font: "title", fill: false, border: false },
  section: { font: "section", fill: false, border: false },
  header: { font: "bold", fill: true, border: false },
  total: { font: "bold", fill: false, border: true },
  note: { font: "note", fill: false, border: false },
  body: { font: "base", fill: false, border: false },
};
const HEADER_SPEC: XfSpec = { font: "bold", fill: false, border: false, format: null };
const HEADER_FILL = "FFDDEBF7";

/** Formats with a built-in id that means the same code in every locale (ECMA-376 §18.8.30). */
const BUILTIN_IDS: Partial<Record<string, number>> = { General: 0, "0": 1, "0.00": 2, "#,##0.00": 4 };
/** Children of styleSheet in schema order (CT_Stylesheet is a sequence). */
const ORDER = ["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs", "tableStyles", "colors", "extLst"];
/** Children of a font in the order Excel writes them. */
const FONT_ORDER = ["b", "i", "strike", "condense", "extend", "outline", "shadow", "u", "vertAlign", "sz", "color", "name", "family", "charset", "scheme"];

const NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

/** The styles part a package without one gets (Excel's defaults: Calibri 11, the two reserved fills). */
export const MINIMAL_STYLES =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${NS_MAIN}">` +
  `<fonts count="1"><font><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font></fonts>` +
  `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
  `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
  `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
  `<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>` +
  `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles><dxfs count="0"/><tableStyles count="0"/></styleSheet>`;

/**
 * Appends to a workbook's styles part what a run's plan needs: number formats, the bold,
 * title, section and note fonts (the workbook's default font with bold, size or colour
 * changed, so results look like the user's text), the header fill, a thin top border,
 * the cellXfs combining them and a dxf per highlight. Existing entries keep their index
 * and their bytes, so every user cell keeps its look; an entry equal to one already there
 * (an earlier run's) is reused, so re-running adds nothing. Missing sections are created
 * in schema order; `count` attributes follow the entries.
 * @example appendStyles(undefined, plan).styles.header // 1: MINIMAL_STYLES' xf 0, then bold
 */
export function appendStyles(xml: string | undefined, plan: WritePlan): { xml: string; styles: RunStyles } {
  const needs = styleNeeds(plan);
  const book = new StyleBook(xml ?? MINIMAL_STYLES);
  const xfIds = new Map<string, number>();
  for (const spec of needs.specs.values()) xfIds.set(specKey(spec), book.xf(spec));
  const dxfIds = new Map<string, number>();
  for (const h of needs.highlights.values()) dxfIds.set(dxfKey(h), book.dxf(h));
  const lookup = (spec: XfSpec): number => {
    const id = xfIds.get(specKey(spec));
    if (id === undefined) throw new Error(`appendStyles: style ${specKey(spec)} was not planned`);
    return id;
  };
  const styles: RunStyles = {
    get header() {
      return lookup(HEADER_SPEC);
    },
    body: (format) => lookup({ font: "base", fill: false, border: false, format }),
    report: (style, format) => lookup({ ...ROW_STYLES[style], format }),
    dxf: (h) => {
      const id = dxfIds.get(dxfKey(h));
      if (id === undefined) throw new Error(`appendStyles: highlight ${dxfKey(h)} was not planned`);
      return id;
    },
  };
  return { xml: book.toXml(), styles };
}

/** Every cell style and highlight a plan's writers will ask for. */
function styleNeeds(plan: WritePlan): { specs: Map<string, XfSpec>; highlights: Map<string, Highlight> } {
  const specs = new Map<string, XfSpec>();
  const highlights = new Map<string, Highlight>();
  const add = (spec: XfSpec) => specs.set(specKey(spec), spec);
  if (plan.created || plan.sheets.some((s) => s.columns.length > 0)) add(HEADER_SPEC);
  for (const sheet of plan.sheets) {
    for (const col of sheet.columns) {
      add({ font: "base", fill: false, border: false, format: col.format });
      for (const f of col.cellFormats ?? []) if (f) add({ font: "base", fill: false, border: false, format: f });
      for (const h of col.highlights ?? []) highlights.set(dxfKey(h), h);
    }
  }
  const seen = new Set<string>();
  for (const row of plan.report.rows) {
    for (let c = 0; c < row.cells.length; c++) {
      const format = row.formats?.[c] ?? null;
      const key = `${row.style}|${format}`;
      if (seen.has(key)) continue;
      seen.add(key);
      add({ ...ROW_STYLES[row.style], format });
    }
  }
  return { specs, highlights };
}

function specKey(s: XfSpec): string {
  return `${s.font}|${s.fill ? "fill" : ""}|${s.border ? "border" : ""}|${s.format ?? ""}`;
}

function dxfKey(h: Highlight): string {
  return `${h.fill}|${h.font}`;
}

function argb(hex: string): string {
  return `FF${hex.replace(/^#/, "").toUpperCase()}`;
}

/** The styles part being appended to: its outline, the new entries per section, and the splices. */
class StyleBook {
  private readonly root: XmlElement;
  private readonly p: string;
  private readonly added = new Map<string, string[]>();
  private readonly fontIds = new Map<FontKind, number>();
  private readonly numFmtIds = new Map<string, number>();
  private nextNumFmtId: number;

  constructor(private readonly source: string) {
    this.root = outlineXml(source);
    if (this.root.local !== "styleSheet") throw new Error(`styles part: root element is <${this.root.name}>, not styleSheet`);
    this.p = this.root.prefix ? `${this.root.prefix}:` : "";
    let max = 163;
    for (const f of this.entries("numFmts")) {
      const id = Number(f.attrs.numFmtId);
      if (Number.isFinite(id)) max = Math.max(max, id);
      const code = f.attrs.formatCode;
      if (code !== undefined && Number.isFinite(id) && !this.numFmtIds.has(decodeXml(code))) this.numFmtIds.set(decodeXml(code), id);
    }
    this.nextNumFmtId = max + 1;
  }

  xf(spec: XfSpec): number {
    const numFmtId = this.numFmt(spec.format);
    const fontId = this.font(spec.font);
    const fillId = spec.fill ? this.entry("fills", `<${this.p}fill><${this.p}patternFill patternType="solid"><${this.p}fgColor rgb="${HEADER_FILL}"/><${this.p}bgColor indexed="64"/></${this.p}patternFill></${this.p}fill>`) : 0;
    const borderId = spec.border
      ? this.entry("borders", `<${this.p}border><${this.p}left/><${this.p}right/><${this.p}top style="thin"><${this.p}color indexed="64"/></${this.p}top><${this.p}bottom/><${this.p}diagonal/></${this.p}border>`)
      : 0;
    const hasStyleXfs = this.entries("cellStyleXfs").length > 0;
    const attrs: [string, number][] = [["numFmtId", numFmtId], ["fontId", fontId], ["fillId", fillId], ["borderId", borderId]];
    const existing = this.entries("cellXfs").findIndex((x) => sameXf(x, attrs, hasStyleXfs));
    if (existing >= 0) return existing;
    const apply = [numFmtId && ' applyNumberFormat="1"', fontId && ' applyFont="1"', fillId && ' applyFill="1"', borderId && ' applyBorder="1"'].filter(Boolean).join("");
    const xml = `<${this.p}xf ${attrs.map(([k, v]) => `${k}="${v}"`).join(" ")}${hasStyleXfs ? ' xfId="0"' : ""}${apply}/>`;
    return this.entry("cellXfs", xml);
  }

  dxf(h: Highlight): number {
    const p = this.p;
    return this.entry("dxfs", `<${p}dxf><${p}font><${p}color rgb="${argb(h.font)}"/></${p}font><${p}fill><${p}patternFill><${p}bgColor rgb="${argb(h.fill)}"/></${p}patternFill></${p}fill></${p}dxf>`);
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
    else for (const [k, v] of [["sz", "11"], ["name", "Calibri"], ["family", "2"]]) parts.set(k, `<${p}${k} val="${v}"/>`);
    if (kind !== "note") parts.set("b", `<${p}b/>`);
    if (kind === "note") parts.set("i", `<${p}i/>`);
    if (kind === "title") parts.set("sz", `<${p}sz val="14"/>`);
    if (kind === "section") parts.set("sz", `<${p}sz val="12"/>`);
    if (kind === "section") parts.set("color", `<${p}color rgb="FF1F4E78"/>`);
    if (kind === "note") parts.set("color", `<${p}color rgb="FF595959"/>`);
    const ordered = [...FONT_ORDER.filter((k) => parts.has(k)), ...[...parts.keys()].filter((k) => !FONT_ORDER.includes(k))];
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
    for (const [at, xmls] of created) edits.insert(at, xmls.sort((a, b) => ORDER.indexOf(localOf(a)) - ORDER.indexOf(localOf(b))).join(""));
    if (this.root.selfClosing && created.size > 0) throw new Error("styles part: empty <styleSheet/> cannot be appended to");
    return edits.apply();
  }

  /** Entries a section needs before ours when it is created (the reserved fills, a default font/border/xf). */
  private defaultsFor(section: string): string[] {
    const p = this.p;
    if (section === "fonts") return [`<${p}font><${p}sz val="11"/><${p}name val="Calibri"/><${p}family val="2"/></${p}font>`];
    if (section === "cellXfs") return [`<${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>`];
    if (section === "fills") return [`<${p}fill><${p}patternFill patternType="none"/></${p}fill>`, `<${p}fill><${p}patternFill patternType="gray125"/></${p}fill>`];
    if (section === "borders") return [`<${p}border><${p}left/><${p}right/><${p}top/><${p}bottom/><${p}diagonal/></${p}border>`];
    return [];
  }

  private insertionPoint(section: string): number {
    const rank = ORDER.indexOf(section);
    const next = this.root.children.find((c) => ORDER.indexOf(c.local) > rank || (ORDER.indexOf(c.local) < 0 && c.local !== "AlternateContent"));
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
  const allowed = new Set(["numFmtId", "fontId", "fillId", "borderId", "xfId", "applyNumberFormat", "applyFont", "applyFill", "applyBorder", "applyAlignment", "applyProtection"]);
  // quotePrefix="0" and pivotButton="0" (openpyxl writes them) are the defaults: the same look.
  return Object.entries(x.attrs).every(([k, v]) => allowed.has(k) || ((k === "quotePrefix" || k === "pivotButton") && (v === "0" || v === "false")));
}
