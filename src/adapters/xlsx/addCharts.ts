import JSZip from "jszip";
import type { ReportPlan } from "../../core/output";
import { chartParts, CT_CHART, CT_DRAWING, escapeXml, NS_PKG_REL, NS_REL, REL_DRAWING } from "./package/charts";

/**
 * Adds the report's native Excel charts to a package ExcelJS saved (ExcelJS writes no
 * charts): the drawing and chart parts of `chartParts`, the report sheet's `<drawing>`
 * and relationship, and their content types. The in-memory .xlsx path (the fuzz) uses it;
 * the command line's package writer adds the same parts as it writes.
 */
export async function addCharts(data: Buffer, report: ReportPlan): Promise<Buffer> {
  if (report.charts.length === 0) return data;
  const zip = await JSZip.loadAsync(data);
  const sheetPath = await sheetPart(zip, report.sheet);
  const sheetXml = await zip.file(sheetPath)!.async("string");
  if (sheetXml.includes("<drawing ")) throw new Error(`addCharts: ${report.sheet} already has a drawing`);
  const drawingNo = nextNumber(zip, /^xl\/drawings\/drawing(\d+)\.xml$/);
  const chartNo = nextNumber(zip, /^xl\/charts\/chart(\d+)\.xml$/);
  const drawingPath = `xl/drawings/drawing${drawingNo}.xml`;
  const chartFiles = report.charts.map((_, i) => `chart${chartNo + i}.xml`);
  const parts = chartParts(report, chartFiles);
  const types: string[] = [`<Override PartName="/${drawingPath}" ContentType="${CT_DRAWING}"/>`];
  chartFiles.forEach((file, i) => {
    zip.file(`xl/charts/${file}`, parts.charts[i]);
    types.push(`<Override PartName="/xl/charts/${file}" ContentType="${CT_CHART}"/>`);
  });
  zip.file(drawingPath, parts.drawing);
  zip.file(relsPath(drawingPath), parts.drawingRels);

  const sheetRelsPath = relsPath(sheetPath);
  const sheetRels = (await zip.file(sheetRelsPath)?.async("string")) ?? `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS_PKG_REL}"></Relationships>`;
  const drawingRid = freeRid(sheetRels);
  zip.file(sheetRelsPath, sheetRels.replace("</Relationships>", `<Relationship Id="${drawingRid}" Type="${REL_DRAWING}" Target="../drawings/drawing${drawingNo}.xml"/></Relationships>`));
  zip.file(sheetPath, insertDrawing(sheetXml, drawingRid));
  const ct = await zip.file("[Content_Types].xml")!.async("string");
  zip.file("[Content_Types].xml", ct.replace("</Types>", `${types.join("")}</Types>`));
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

/** The worksheet part of a sheet name, through workbook.xml and its relationships. */
async function sheetPart(zip: JSZip, name: string): Promise<string> {
  const wb = await zip.file("xl/workbook.xml")!.async("string");
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  const sheet = [...wb.matchAll(/<sheet\b[^>]*>/g)].map((m) => m[0]).find((tag) => attr(tag, "name") === escapeXml(name));
  const rid = sheet && (attr(sheet, "r:id") ?? attr(sheet, "id"));
  const rel = rid && [...rels.matchAll(/<Relationship\b[^>]*>/g)].map((m) => m[0]).find((tag) => attr(tag, "Id") === rid);
  const target = rel && attr(rel, "Target");
  if (!target) throw new Error(`addCharts: no part for sheet ${name}`);
  return target.startsWith("/") ? target.slice(1) : `xl/${target}`;
}

function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name.replace(":", "\\:")}="([^"]*)"`).exec(tag);
  return m?.[1];
}

function nextNumber(zip: JSZip, pattern: RegExp): number {
  let max = 0;
  for (const name of Object.keys(zip.files)) {
    const m = pattern.exec(name);
    if (m) max = Math.max(max, Number(m[1]));
  }
  return max + 1;
}

function relsPath(part: string): string {
  const i = part.lastIndexOf("/");
  return `${part.slice(0, i)}/_rels/${part.slice(i + 1)}.rels`;
}

function freeRid(rels: string): string {
  const used = new Set([...rels.matchAll(/Id="([^"]*)"/g)].map((m) => m[1]));
  let n = used.size + 1;
  while (used.has(`rId${n}`)) n++;
  return `rId${n}`;
}

/** `<drawing>` goes before legacyDrawing/picture/oleObjects/controls/webPublishItems/tableParts/extLst (CT_Worksheet order). */
function insertDrawing(xml: string, rid: string): string {
  const tag = `<drawing xmlns:r="${NS_REL}" r:id="${rid}"/>`;
  const next = /<(legacyDrawing|legacyDrawingHF|drawingHF|picture|oleObjects|controls|webPublishItems|tableParts|extLst)\b/.exec(xml);
  if (next) return xml.slice(0, next.index) + tag + xml.slice(next.index);
  return xml.replace(/<\/worksheet>\s*$/, `${tag}</worksheet>`);
}
