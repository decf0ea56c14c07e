import JSZip from "jszip";
import { SaxesParser } from "saxes";

/**
 * A small, independent .xlsx package reader for the safety tests: JSZip for the zip and
 * a plain XML tree, nothing from ExcelJS or from our own src readers, so that a bug
 * shared by the writer and its reader cannot hide a lost cell.
 *
 * The tree is built with saxes rather than @xmldom/xmldom: xmldom 0.9 took 6-7 s to parse
 * the 1.8 MB order sheet of the zh-CN sample (measured), saxes a fraction of that.
 */
export interface XAttr {
  /** As written, prefix included: `r:id`. */
  name: string;
  local: string;
  uri: string;
  value: string;
}

export interface XElement {
  local: string;
  uri: string;
  attrs: XAttr[];
  children: (XElement | string)[];
}

/** Parses an XML document into a tree of elements and texts (namespaces resolved). */
export function parseXml(text: string): XElement {
  const parser = new SaxesParser({ xmlns: true });
  const stack: XElement[] = [];
  let root: XElement | undefined;
  parser.on("opentag", (tag) => {
    const el: XElement = {
      local: tag.local,
      uri: tag.uri,
      attrs: Object.values(tag.attributes).map((a) => ({ name: a.name, local: a.local, uri: a.uri, value: a.value })),
      children: [],
    };
    if (stack.length) stack[stack.length - 1].children.push(el);
    else root = el;
    stack.push(el);
  });
  parser.on("closetag", () => void stack.pop());
  const addText = (t: string) => {
    if (stack.length) stack[stack.length - 1].children.push(t);
  };
  parser.on("text", addText);
  parser.on("cdata", addText);
  parser.write(text).close();
  if (!root) throw new Error("XML without a root element");
  return root;
}

export function attr(el: XElement, name: string): string | undefined {
  return el.attrs.find((a) => a.name === name)?.value;
}

export function attrNS(el: XElement, uri: string, local: string): string | undefined {
  return el.attrs.find((a) => a.uri === uri && a.local === local)?.value;
}

export function textOf(el: XElement): string {
  return el.children.map((c) => (typeof c === "string" ? c : textOf(c))).join("");
}

export interface XlsxPackage {
  /** Every zip entry, decompressed, by part name (no leading slash). */
  parts: Map<string, Buffer>;
  /** Sheets in workbook.xml order: name, the `<sheet>` element and the part it resolves to. */
  sheets: SheetEntry[];
}

export interface SheetEntry {
  name: string;
  element: XElement;
  /** Part name of the worksheet (undefined when its relationship is missing). */
  part: string | undefined;
}

export const NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
export const NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/**
 * Packages already opened, by the bytes they came from: the safety tests compare the same input and
 * output bytes several times over, and the trees are never changed, so each is unzipped and parsed once.
 */
const opened = new WeakMap<Buffer | Uint8Array, Promise<XlsxPackage>>();
/** Parsed parts and sheets of each package, by part name. */
const parsedParts = new WeakMap<XlsxPackage, Map<string, XElement>>();
const parsedSheets = new WeakMap<XlsxPackage, Map<string, SheetXml>>();

function memo<V>(cache: WeakMap<XlsxPackage, Map<string, V>>, pkg: XlsxPackage, key: string, make: () => V): V {
  let byKey = cache.get(pkg);
  if (!byKey) cache.set(pkg, (byKey = new Map()));
  let value = byKey.get(key);
  if (value === undefined) byKey.set(key, (value = make()));
  return value;
}

/** The package of these bytes (unzipped once per Buffer; the result is shared, so never change it). */
export function openPackage(data: Buffer | Uint8Array): Promise<XlsxPackage> {
  let pkg = opened.get(data);
  if (!pkg) opened.set(data, (pkg = unzipPackage(data)));
  return pkg;
}

async function unzipPackage(data: Buffer | Uint8Array): Promise<XlsxPackage> {
  const zip = await JSZip.loadAsync(data);
  const parts = new Map<string, Buffer>();
  for (const [name, file] of Object.entries(zip.files)) if (!file.dir) parts.set(name, await file.async("nodebuffer"));
  const pkg: XlsxPackage = { parts, sheets: [] };
  const wb = partXml(pkg, "xl/workbook.xml");
  const rels = relationships(pkg, "xl/workbook.xml");
  for (const el of childElements(firstChild(wb, "sheets"))) {
    const rid = attrNS(el, NS_REL, "id") ?? "";
    pkg.sheets.push({ name: attr(el, "name") ?? "", element: el, part: rels.get(rid)?.target });
  }
  return pkg;
}

/** A part's XML tree, parsed once per package (shared: never change it). */
export function partXml(pkg: XlsxPackage, part: string): XElement {
  return memo(parsedParts, pkg, part, () => parseXml(partText(pkg, part)));
}

export function partText(pkg: XlsxPackage, part: string): string {
  const data = pkg.parts.get(part);
  if (!data) throw new Error(`no part ${part}`);
  return data.toString("utf8");
}

/** The relationships part of a part: `xl/worksheets/sheet1.xml` → `xl/worksheets/_rels/sheet1.xml.rels`. */
export function relsPartOf(part: string): string {
  const i = part.lastIndexOf("/");
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

/** A part's relationships by id, internal targets resolved to part names (absolute or relative targets alike). */
export function relationships(
  pkg: XlsxPackage,
  part: string,
): Map<string, { type: string; target: string; external: boolean }> {
  const out = new Map<string, { type: string; target: string; external: boolean }>();
  const relsPart = relsPartOf(part);
  if (!pkg.parts.has(relsPart)) return out;
  const dir = part.split("/").slice(0, -1);
  for (const el of childElements(partXml(pkg, relsPart))) {
    const target = attr(el, "Target") ?? "";
    const external = attr(el, "TargetMode") === "External";
    out.set(attr(el, "Id") ?? "", {
      type: attr(el, "Type") ?? "",
      target: external ? target : resolvePart(dir, target),
      external,
    });
  }
  return out;
}

function resolvePart(dir: string[], target: string): string {
  const path = target.startsWith("/") ? [] : [...dir];
  for (const seg of target.replace(/^\//, "").split("/")) {
    if (seg === "..") path.pop();
    else if (seg !== "." && seg !== "") path.push(seg);
  }
  return path.join("/");
}

export function childElements(el: XElement | undefined, localName?: string): XElement[] {
  if (!el) return [];
  return el.children.filter(
    (c): c is XElement => typeof c !== "string" && (localName === undefined || c.local === localName),
  );
}

export function firstChild(el: XElement | undefined, localName: string): XElement | undefined {
  if (!el) return undefined;
  for (const c of el.children) if (typeof c !== "string" && c.local === localName) return c;
  return undefined;
}

/**
 * An element as a canonical string: namespace URIs instead of prefixes, attributes sorted,
 * namespace declarations and whitespace between elements dropped. Two elements that
 * mean the same XML give the same string, whatever their serialisation.
 */
export function canon(el: XElement, skipAttributes: readonly string[] = []): string {
  const attrs: string[] = [];
  for (const a of el.attrs) {
    if (a.name === "xmlns" || a.name.startsWith("xmlns:") || skipAttributes.includes(a.name)) continue;
    attrs.push(`${a.uri ? `{${a.uri}}` : ""}${a.local}=${JSON.stringify(a.value)}`);
  }
  attrs.sort();
  const hasElements = el.children.some((c) => typeof c !== "string");
  let inner = "";
  for (const c of el.children) {
    if (typeof c !== "string") inner += canon(c);
    else if (!(hasElements && /^\s*$/.test(c))) inner += JSON.stringify(c);
  }
  const name = `${el.uri && el.uri !== NS_MAIN ? `{${el.uri}}` : ""}${el.local}`;
  return `<${name}${attrs.length ? " " + attrs.join(" ") : ""}>${inner}</>`;
}

/** The text of an `<is>` or `<si>` string item: its `<t>` and rich-text runs' `<t>`, phonetic runs left out. */
export function itemText(el: XElement): string {
  let out = "";
  for (const c of childElements(el)) {
    if (c.local === "t") out += textOf(c);
    else if (c.local === "r") out += childElements(c, "t").map(textOf).join("");
  }
  return out;
}

/** 1-based column number of letters: A → 1, XFD → 16384. */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

export function columnName(n: number): string {
  let s = "";
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/** `$B$3` or `B3` → { row: 3, col: 2 } (1-based). */
export function parseRef(ref: string): { row: number; col: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(ref);
  if (!m) throw new Error(`not a cell reference: ${ref}`);
  return { col: columnNumber(m[1]), row: Number(m[2]) };
}

/** `A1:C5` → box (1-based, inclusive); a single cell is a 1×1 box. */
export function parseBox(ref: string): { top: number; left: number; bottom: number; right: number } {
  const [a, b] = ref.split(":");
  const tl = parseRef(a);
  const br = parseRef(b ?? a);
  return { top: tl.row, left: tl.col, bottom: br.row, right: br.col };
}

export interface SheetCell {
  row: number;
  col: number;
  el: XElement;
}

export interface SheetXml {
  root: XElement;
  /** `<row>` elements by 1-based row number. */
  rows: Map<number, XElement>;
  /** `<c>` elements by address (`B3`); cells without `r` placed as Excel would (after the previous one). */
  cells: Map<string, SheetCell>;
}

/** A worksheet part's tree with its rows and cells indexed, read once per package (shared: never change it). */
export function readSheet(pkg: XlsxPackage, part: string): SheetXml {
  return memo(parsedSheets, pkg, part, () => indexSheet(partXml(pkg, part)));
}

function indexSheet(root: XElement): SheetXml {
  const rows = new Map<number, XElement>();
  const cells = new Map<string, SheetCell>();
  let r = 0;
  for (const row of childElements(firstChild(root, "sheetData"), "row")) {
    r = attr(row, "r") !== undefined ? Number(attr(row, "r")) : r + 1;
    rows.set(r, row);
    let c = 0;
    for (const el of childElements(row, "c")) {
      c = attr(el, "r") !== undefined ? parseRef(attr(el, "r")!).col : c + 1;
      cells.set(`${columnName(c)}${r}`, { row: r, col: c, el });
    }
  }
  return { root, rows, cells };
}

/** The shared string items (`<si>`), empty when the package has none. */
export function sharedStrings(pkg: XlsxPackage): XElement[] {
  const rels = relationships(pkg, "xl/workbook.xml");
  const part = [...rels.values()].find((r) => r.type.endsWith("/sharedStrings"))?.target;
  if (!part || !pkg.parts.has(part)) return [];
  return childElements(partXml(pkg, part), "si");
}

/** A cell's text when it holds a string (shared, inline or a formula's string result). */
export function cellString(el: XElement, shared: readonly XElement[]): string | undefined {
  const t = attr(el, "t");
  if (t === "inlineStr") {
    const is = firstChild(el, "is");
    return is ? itemText(is) : "";
  }
  const vEl = firstChild(el, "v");
  const v = vEl ? textOf(vEl) : undefined;
  if (t === "s" && v !== undefined) {
    const si = shared[Number(v)];
    return si ? itemText(si) : undefined;
  }
  if (t === "str") return v;
  return undefined;
}

/** What a run recorded (the `_SalesReview` sheet: a marker in A1, then JSON split over A2, A3 …). */
export interface RunRecord {
  owned: { sheet: string; col: number; header: string; output: string }[];
  ownedSheets: { sheet: string; kind: string }[];
  settings: Record<string, unknown>;
}

export const RECORD_SHEET_NAME = "_SalesReview";

/** The run's record, or undefined when the package has no record sheet (a workbook never run). */
export function readRecord(pkg: XlsxPackage): RunRecord | undefined {
  const entry = pkg.sheets.find((s) => s.name === RECORD_SHEET_NAME);
  if (!entry?.part) return undefined;
  const sheet = readSheet(pkg, entry.part);
  const shared = sharedStrings(pkg);
  const texts = [...sheet.cells.values()].filter((c) => c.col === 1 && c.row > 1).sort((a, b) => a.row - b.row);
  const json = texts.map((c) => cellString(c.el, shared) ?? "").join("");
  const parsed = JSON.parse(json) as Partial<RunRecord>;
  return { owned: parsed.owned ?? [], ownedSheets: parsed.ownedSheets ?? [], settings: parsed.settings ?? {} };
}

/** A cell's value as text: the string for text cells, else the raw `<v>` ("" when empty). */
export function cellValue(el: XElement, shared: readonly XElement[]): string {
  const text = cellString(el, shared);
  if (text !== undefined) return text;
  const v = firstChild(el, "v");
  return v ? textOf(v) : "";
}

/** Values of one column of a sheet, rows `from` to `to` (1-based, inclusive). */
export function columnValues(pkg: XlsxPackage, sheet: string, col: number, from: number, to: number): string[] {
  const part = pkg.sheets.find((s) => s.name === sheet)?.part;
  if (!part) throw new Error(`no sheet ${sheet}`);
  const s = readSheet(pkg, part);
  const shared = sharedStrings(pkg);
  const out: string[] = [];
  for (let r = from; r <= to; r++) {
    const c = s.cells.get(`${columnName(col)}${r}`);
    out.push(c ? cellValue(c.el, shared) : "");
  }
  return out;
}
