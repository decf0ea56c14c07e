import { Readable } from "node:stream";
import { DOMParser } from "@xmldom/xmldom";
import JSZip from "jszip";
import type { StreamPackage } from "../../src/adapters/xlsx/stream/readWorkbookGrids";

/** A test-only package opener over JSZip (H1's streaming opener replaces it in production). */
export async function zipPackage(bytes: Uint8Array): Promise<StreamPackage> {
  const zip = await JSZip.loadAsync(bytes);
  const text = async (path: string): Promise<string> => {
    const f = zip.file(path);
    if (!f) throw new Error(`missing part ${path}`);
    return f.async("string");
  };
  const xml = async (path: string) => new DOMParser().parseFromString(await text(path), "text/xml");
  const rels = async (path: string): Promise<Map<string, string>> => {
    const dir = path.slice(0, path.lastIndexOf("/") + 1);
    const relPath = `${dir}_rels/${path.slice(dir.length)}.rels`;
    const out = new Map<string, string>();
    if (!zip.file(relPath)) return out;
    const doc = await xml(relPath);
    for (const r of Array.from(doc.getElementsByTagName("Relationship"))) {
      const target = r.getAttribute("Target") ?? "";
      out.set(r.getAttribute("Id") ?? "", target.startsWith("/") ? target.slice(1) : resolve(dir, target));
    }
    return out;
  };
  const wb = await xml("xl/workbook.xml");
  const wbRels = await rels("xl/workbook.xml");
  const pr = wb.getElementsByTagName("workbookPr")[0];
  const d1904 = pr?.getAttribute("date1904");
  const sheets: StreamPackage["sheets"] = [];
  for (const s of Array.from(wb.getElementsByTagName("sheet"))) {
    const partPath = wbRels.get(s.getAttribute("r:id") ?? "") ?? "";
    const sheetRels = await rels(partPath);
    const doc = await xml(partPath);
    const tables = Array.from(doc.getElementsByTagName("tablePart")).map((t) => ({ partPath: sheetRels.get(t.getAttribute("r:id") ?? "") ?? "" }));
    sheets.push({ name: s.getAttribute("name") ?? "", partPath, tables });
  }
  const ssPath = zip.file("xl/sharedStrings.xml") ? "xl/sharedStrings.xml" : undefined;
  return {
    sheets,
    sharedStringsPath: ssPath,
    date1904: d1904 === "1" || d1904 === "true",
    openStream: async (path) => Readable.from([Buffer.from(await (zip.file(path) as JSZip.JSZipObject).async("uint8array"))]),
    readText: text,
  };
}

function resolve(dir: string, target: string): string {
  const parts = (dir + target).split("/");
  const out: string[] = [];
  for (const p of parts) {
    if (p === "..") out.pop();
    else if (p !== "." && p !== "") out.push(p);
  }
  return out.join("/");
}
