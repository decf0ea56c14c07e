import type { ByteChunks } from "../stream/parseXmlStream";
import { prefixedAttr, readElements, streamElements, type Attributes } from "../stream/readElements";

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
  readElements(xml, sourcePart, ["Relationship"], (_local, r) => {
    if (r.TargetMode !== "External")
      out.push({ id: r.Id ?? "", type: r.Type ?? "", target: resolveTarget(sourcePart, r.Target ?? "") });
  });
  return out;
}

/** The sheets of workbook.xml in tab order, and whether dates count from 1904. */
export function parseWorkbook(xml: string, partPath: string): { sheets: WorkbookSheet[]; date1904: boolean } {
  const workbook = new WorkbookReader();
  readElements(xml, partPath, WorkbookReader.NAMES, workbook.element);
  return workbook.result();
}

/** `parseWorkbook` of the part streamed: a workbook.xml of millions of elements costs no memory for them. */
export async function streamWorkbook(
  stream: ByteChunks,
  partPath: string,
): Promise<{ sheets: WorkbookSheet[]; date1904: boolean }> {
  const workbook = new WorkbookReader();
  await streamElements(stream, partPath, WorkbookReader.NAMES, workbook.element);
  return workbook.result();
}

/** Collects workbook.xml's `<sheet>`s and the first `<workbookPr>`'s date system. */
class WorkbookReader {
  static readonly NAMES = ["sheet", "workbookPr"];
  private readonly sheets: WorkbookSheet[] = [];
  private date1904: string | undefined;
  private prSeen = false;

  readonly element = (local: string, a: Attributes): void => {
    if (local === "workbookPr") {
      if (!this.prSeen) this.date1904 = a.date1904;
      this.prSeen = true;
      return;
    }
    const state = a.state;
    this.sheets.push({
      name: a.name ?? "",
      sheetId: Number(a.sheetId ?? "0"),
      rId: prefixedAttr(a, "id") ?? "",
      state: state === "hidden" || state === "veryHidden" ? state : "visible",
    });
  };

  result(): { sheets: WorkbookSheet[]; date1904: boolean } {
    return { sheets: this.sheets, date1904: this.date1904 === "1" || this.date1904 === "true" };
  }
}

/**
 * Whether [Content_Types].xml gives the workbook part a macro-enabled type (an .xlsm, or an
 * .xltm template): Excel opens such a package only under a macro-enabled file name.
 * @example isMacroEnabled(`<Types …><Override PartName="/xl/workbook.xml" ContentType="application/vnd.ms-excel.sheet.macroEnabled.main+xml"/></Types>`, "xl/workbook.xml") === true
 */
export function isMacroEnabled(contentTypes: string, workbookPath: string): boolean {
  const part = `/${workbookPath}`.toLowerCase();
  let type = "";
  readElements(contentTypes, "[Content_Types].xml", ["Override"], (_local, a) => {
    if ((a.PartName ?? "").toLowerCase() === part) type = a.ContentType ?? "";
  });
  return /macroEnabled/i.test(type);
}

/** Strict Open XML (ISO/IEC 29500 Strict) names its relationship types under purl.oclc.org. */
export function isStrict(rel: Relationship): boolean {
  return rel.type.startsWith("http://purl.oclc.org/ooxml/");
}

/** True when a relationship type URI names the given kind (`worksheet`, `table`, `styles` …). */
export function isType(rel: Relationship, kind: string): boolean {
  return rel.type.endsWith(`/${kind}`);
}
