import JSZip from "jszip";
import { columnLetters, quoteSheetName } from "../../core/_lib/a1";
import type { Cell } from "../../core/_lib/cells";
import type { ChartPlan, RangeRef, ReportPlan } from "../../core/output";

const NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const NS_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";
const REL_DRAWING = `${NS_REL}/drawing`;
const REL_CHART = `${NS_REL}/chart`;
const CT_DRAWING = "application/vnd.openxmlformats-officedocument.drawing+xml";
const CT_CHART = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";

/**
 * Adds the report's native Excel charts to a saved package. ExcelJS writes no charts,
 * so the chart and drawing parts (DrawingML, ECMA-376 part 1 §21.2) are added to the
 * zip after it: one drawing on the report sheet, one chart part per chart, each series
 * referencing the report's cells (with cached values, for viewers that do not recalculate).
 */
export async function addCharts(data: Buffer, report: ReportPlan): Promise<Buffer> {
  if (report.charts.length === 0) return data;
  const zip = await JSZip.loadAsync(data);
  const sheetPath = await sheetPart(zip, report.sheet);
  const sheetXml = await zip.file(sheetPath)!.async("string");
  if (sheetXml.includes("<drawing ")) throw new Error(`addCharts: ${report.sheet} already has a drawing`);
  const drawingNo = nextNumber(zip, /^xl\/drawings\/drawing(\d+)\.xml$/);
  let chartNo = nextNumber(zip, /^xl\/charts\/chart(\d+)\.xml$/);
  const drawingPath = `xl/drawings/drawing${drawingNo}.xml`;
  const anchors: string[] = [];
  const drawingRels: string[] = [];
  const types: string[] = [`<Override PartName="/${drawingPath}" ContentType="${CT_DRAWING}"/>`];
  report.charts.forEach((chart, i) => {
    const rid = `rId${i + 1}`;
    const chartPath = `xl/charts/chart${chartNo++}.xml`;
    zip.file(chartPath, chartXml(chart, report));
    drawingRels.push(`<Relationship Id="${rid}" Type="${REL_CHART}" Target="../charts/${chartPath.split("/").pop()}"/>`);
    types.push(`<Override PartName="/${chartPath}" ContentType="${CT_CHART}"/>`);
    anchors.push(anchorXml(chart.anchor, rid, i + 2, chart.title));
  });
  zip.file(
    drawingPath,
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">${anchors.join("")}</xdr:wsDr>`,
  );
  zip.file(relsPath(drawingPath), `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS_PKG_REL}">${drawingRels.join("")}</Relationships>`);

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

function anchorXml(a: RangeRef, rid: string, id: number, title: string): string {
  const marker = (row: number, col: number) => `<xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff>`;
  return (
    `<xdr:twoCellAnchor editAs="oneCell"><xdr:from>${marker(a.row, a.col)}</xdr:from><xdr:to>${marker(a.row + a.rows, a.col + a.cols)}</xdr:to>` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${id}" name="${escapeXml(title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">` +
    `<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="${NS_REL}" r:id="${rid}"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
  );
}

/** Categories and series of a chart's source block: first row/column as Excel reads it. */
export function chartSeries(chart: ChartPlan): { categories: RangeRef; series: { name: RangeRef; values: RangeRef }[] } {
  const { row, col, rows, cols } = chart.source;
  if (chart.seriesBy === "rows") {
    return {
      categories: { row, col: col + 1, rows: 1, cols: cols - 1 },
      series: Array.from({ length: rows - 1 }, (_, i) => ({ name: { row: row + 1 + i, col, rows: 1, cols: 1 }, values: { row: row + 1 + i, col: col + 1, rows: 1, cols: cols - 1 } })),
    };
  }
  return {
    categories: { row: row + 1, col, rows: rows - 1, cols: 1 },
    series: Array.from({ length: cols - 1 }, (_, i) => ({ name: { row, col: col + 1 + i, rows: 1, cols: 1 }, values: { row: row + 1, col: col + 1 + i, rows: rows - 1, cols: 1 } })),
  };
}

function chartXml(chart: ChartPlan, report: ReportPlan): string {
  const stacked = chart.kind === "stackedColumn";
  const { categories, series: parts } = chartSeries(chart);
  const cats = cellsOf(report, categories);
  const series = parts
    .map((s, i) => {
      const vals = cellsOf(report, s.values);
      const name = cellsOf(report, s.name)[0];
      return (
        `<c:ser><c:idx val="${i}"/><c:order val="${i}"/><c:tx><c:strRef><c:f>${escapeXml(ref(report.sheet, s.name))}</c:f>${strCache([name])}</c:strRef></c:tx>` +
        `<c:cat><c:strRef><c:f>${escapeXml(ref(report.sheet, categories))}</c:f>${strCache(cats)}</c:strRef></c:cat>` +
        `<c:val><c:numRef><c:f>${escapeXml(ref(report.sheet, s.values))}</c:f>${numCache(vals)}</c:numRef></c:val></c:ser>`
      );
    })
    .join("");
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${NS_REL}">` +
    `<c:roundedCorners val="0"/><c:chart><c:title><c:tx><c:rich><a:bodyPr/><a:p><a:r><a:t>${escapeXml(chart.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>` +
    `<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="${stacked ? "stacked" : "clustered"}"/><c:varyColors val="0"/>${series}` +
    `${stacked ? '<c:gapWidth val="80"/><c:overlap val="100"/>' : '<c:gapWidth val="150"/>'}<c:axId val="1001"/><c:axId val="1002"/></c:barChart>` +
    `<c:catAx><c:axId val="1001"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:numFmt formatCode="General" sourceLinked="1"/><c:tickLblPos val="nextTo"/><c:crossAx val="1002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/></c:catAx>` +
    `<c:valAx><c:axId val="1002"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:majorGridlines/><c:numFmt formatCode="${escapeXml(chart.axisFormat)}" sourceLinked="0"/><c:tickLblPos val="nextTo"/><c:crossAx val="1001"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>` +
    `</c:plotArea><c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>`
  );
}

function cellsOf(report: ReportPlan, r: RangeRef): Cell[] {
  const out: Cell[] = [];
  for (let row = r.row; row < r.row + r.rows; row++) for (let col = r.col; col < r.col + r.cols; col++) out.push(report.rows[row]?.cells[col] ?? null);
  return out;
}

function ref(sheet: string, r: RangeRef): string {
  return `${quoteSheetName(sheet)}!$${columnLetters(r.col)}$${r.row + 1}:$${columnLetters(r.col + r.cols - 1)}$${r.row + r.rows}`;
}

function strCache(values: Cell[]): string {
  return `<c:strCache><c:ptCount val="${values.length}"/>${values.map((v, i) => `<c:pt idx="${i}"><c:v>${escapeXml(v === null ? "" : String(v))}</c:v></c:pt>`).join("")}</c:strCache>`;
}

function numCache(values: Cell[]): string {
  const pts = values.map((v, i) => (typeof v === "number" && Number.isFinite(v) ? `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>` : "")).join("");
  return `<c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${values.length}"/>${pts}</c:numCache>`;
}

export function escapeXml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
}

