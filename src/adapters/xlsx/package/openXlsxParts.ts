import { DOMParser, type Element } from "@xmldom/xmldom";
import { UnreadablePartError } from "./openXlsxError";

/** One relationship of a part, its target resolved to a part path without leading slash. */
export interface Relationship {
  id: string;
  /** The relationship type URI, e.g. `…/relationships/worksheet` (transitional or strict). */
  type: string;
  target: string;
}

/** A `<sheet>` of workbook.xml, before its relationship is resolved. */
export interface WorkbookSheet {
  name: string;
  sheetId: number;
  rId: string;
  state: "visible" | "hidden" | "veryHidden";
}

/**
 * The relationships part of a part: `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`,
 * and the package itself (`""`) → `_rels/.rels`.
 */
export function relsPathOf(partPath: string): string {
  const slash = partPath.lastIndexOf("/");
  return `${partPath.slice(0, slash + 1)}_rels/${partPath.slice(slash + 1)}.rels`;
}

/**
 * Resolves a relationship target against the part that holds it. Targets are relative
 * to the source part's folder (`worksheets/sheet1.xml`, `../tables/table1.xml`) or
 * absolute from the package root (`/xl/tables/table1.xml`, as openpyxl writes them).
 * @example resolveTarget("xl/worksheets/sheet1.xml", "../tables/table1.xml") === "xl/tables/table1.xml"
 */
export function resolveTarget(sourcePart: string, target: string): string {
  const base = target.startsWith("/") ? "" : sourcePart.slice(0, sourcePart.lastIndexOf("/") + 1);
  const out: string[] = [];
  for (const p of (base + target).split("/")) {
    if (p === "..") out.pop();
    else if (p !== "." && p !== "") out.push(p);
  }
  return out.join("/");
}

/** The internal relationships of a `.rels` part (external links, e.g. hyperlinks, are left out). */
export function parseRels(xml: string, sourcePart: string): Relationship[] {
  const out: Relationship[] = [];
  for (const r of elements(parse(xml, sourcePart), "Relationship")) {
    if (r.getAttribute("TargetMode") === "External") continue;
    out.push({ id: r.getAttribute("Id") ?? "", type: r.getAttribute("Type") ?? "", target: resolveTarget(sourcePart, r.getAttribute("Target") ?? "") });
  }
  return out;
}

/** The sheets of workbook.xml in tab order, and whether dates count from 1904. */
export function parseWorkbook(xml: string, partPath: string): { sheets: WorkbookSheet[]; date1904: boolean } {
  const doc = parse(xml, partPath);
  const pr = elements(doc, "workbookPr")[0];
  const d1904 = pr?.getAttribute("date1904");
  const sheets = elements(doc, "sheet").map((s): WorkbookSheet => {
    const state = s.getAttribute("state");
    return {
      name: s.getAttribute("name") ?? "",
      sheetId: Number(s.getAttribute("sheetId") ?? "0"),
      rId: relId(s),
      state: state === "hidden" || state === "veryHidden" ? state : "visible",
    };
  });
  return { sheets, date1904: d1904 === "1" || d1904 === "true" };
}

/**
 * Whether [Content_Types].xml gives the workbook part a macro-enabled type (an .xlsm, or an
 * .xltm template): Excel opens such a package only under a macro-enabled file name.
 * @example isMacroEnabled(`<Types …><Override PartName="/xl/workbook.xml" ContentType="application/vnd.ms-excel.sheet.macroEnabled.main+xml"/></Types>`, "xl/workbook.xml") === true
 */
export function isMacroEnabled(contentTypes: string, workbookPath: string): boolean {
  const part = `/${workbookPath}`.toLowerCase();
  const override = elements(parse(contentTypes, "[Content_Types].xml"), "Override").find((o) => (o.getAttribute("PartName") ?? "").toLowerCase() === part);
  return /macroEnabled/i.test(override?.getAttribute("ContentType") ?? "");
}

/** Strict Open XML (ISO/IEC 29500 Strict) names its relationship types under purl.oclc.org. */
export function isStrict(rel: Relationship): boolean {
  return rel.type.startsWith("http://purl.oclc.org/ooxml/");
}

/** True when a relationship type URI names the given kind (`worksheet`, `table`, `styles` …). */
export function isType(rel: Relationship, kind: string): boolean {
  return rel.type.endsWith(`/${kind}`);
}

/** The `r:id` attribute, whatever prefix the relationships namespace was given. */
function relId(el: Element): string {
  for (let i = 0; i < el.attributes.length; i++) {
    const a = el.attributes.item(i);
    if (a && a.localName === "id" && a.namespaceURI) return a.value;
  }
  return el.getAttribute("r:id") ?? "";
}

function elements(doc: ReturnType<DOMParser["parseFromString"]>, localName: string): Element[] {
  return Array.from(doc.getElementsByTagNameNS("*", localName));
}

function parse(xml: string, partPath: string): ReturnType<DOMParser["parseFromString"]> {
  let doc;
  try {
    doc = new DOMParser({
      onError: (level, message) => {
        if (level === "fatalError") throw new Error(message);
      },
    }).parseFromString(xml, "text/xml");
  } catch (e) {
    // xmldom wraps what the handler throws in its own error: the part's name and the parser's words are what matter.
    throw new UnreadablePartError("malformed", partPath, e instanceof Error ? e.message : String(e));
  }
  if (!doc.documentElement) throw new UnreadablePartError("malformed", partPath, "no root element");
  return doc;
}
