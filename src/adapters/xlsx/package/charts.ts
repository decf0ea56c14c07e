import { columnLetters, quoteSheetName } from "../../../core/_lib/a1";
import type { Cell } from "../../../core/_lib/cells";
import type { ChartPlan, RangeRef, ReportPlan } from "../../../core/output";
import { NS_PKG_REL, NS_REL } from "./namespaces";

export const REL_DRAWING = `${NS_REL}/drawing`;
export const REL_CHART = `${NS_REL}/chart`;
export const CT_DRAWING = "application/vnd.openxmlformats-officedocument.drawing+xml";
export const CT_CHART = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";

/**
 * The DrawingML parts (ECMA-376 part 1 §21.2) of the report's native charts: one drawing
 * for the report sheet, anchoring chart i through relationship `rId{i+1}`, its
 * relationships to the chart parts (`chartFiles`, file names beside `xl/charts/`), and one
 * chart part per chart whose series reference the report's cells, with cached values for
 * viewers that do not recalculate.
 */
export function chartParts(
  report: ReportPlan,
  chartFiles: readonly string[],
): { drawing: string; drawingRels: string; charts: string[] } {
  if (chartFiles.length !== report.charts.length)
    throw new Error(`chartParts: ${report.charts.length} charts, ${chartFiles.length} part names`);
  const anchors = report.charts.map((chart, i) => anchorXml(chart.anchor, `rId${i + 1}`, i + 2, chart.title)).join("");
  const rels = chartFiles
    .map((file, i) => `<Relationship Id="rId${i + 1}" Type="${REL_CHART}" Target="../charts/${file}"/>`)
    .join("");
  return {
    drawing: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">${anchors}</xdr:wsDr>`,
    drawingRels: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS_PKG_REL}">${rels}</Relationships>`,
    charts: report.charts.map((chart) => chartXml(chart, report)),
  };
}

function anchorXml(a: RangeRef, rid: string, id: number, title: string): string {
  const marker = (row: number, col: number) =>
    `<xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff>`;
  return (
    `<xdr:twoCellAnchor editAs="oneCell"><xdr:from>${marker(a.row, a.col)}</xdr:from><xdr:to>${marker(a.row + a.rows, a.col + a.cols)}</xdr:to>` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${id}" name="${escapeXml(title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">` +
    `<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="${NS_REL}" r:id="${rid}"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
  );
}

/** Categories and series of a chart's source block: first row/column as Excel reads it. */
export function chartSeries(chart: ChartPlan): {
  categories: RangeRef;
  series: { name: RangeRef; values: RangeRef }[];
} {
  const { row, col, rows, cols } = chart.source;
  if (chart.seriesBy === "rows") {
    return {
      categories: { row, col: col + 1, rows: 1, cols: cols - 1 },
      series: Array.from({ length: rows - 1 }, (_, i) => ({
        name: { row: row + 1 + i, col, rows: 1, cols: 1 },
        values: { row: row + 1 + i, col: col + 1, rows: 1, cols: cols - 1 },
      })),
    };
  }
  return {
    categories: { row: row + 1, col, rows: rows - 1, cols: 1 },
    series: Array.from({ length: cols - 1 }, (_, i) => ({
      name: { row, col: col + 1 + i, rows: 1, cols: 1 },
      values: { row: row + 1, col: col + 1 + i, rows: rows - 1, cols: 1 },
    })),
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
  for (let row = r.row; row < r.row + r.rows; row++)
    for (let col = r.col; col < r.col + r.cols; col++) out.push(report.rows[row]?.cells[col] ?? null);
  return out;
}

function ref(sheet: string, r: RangeRef): string {
  return `${quoteSheetName(sheet)}!$${columnLetters(r.col)}$${r.row + 1}:$${columnLetters(r.col + r.cols - 1)}$${r.row + r.rows}`;
}

function strCache(values: Cell[]): string {
  return `<c:strCache><c:ptCount val="${values.length}"/>${values.map((v, i) => `<c:pt idx="${i}"><c:v>${escapeXml(v === null ? "" : String(v))}</c:v></c:pt>`).join("")}</c:strCache>`;
}

function numCache(values: Cell[]): string {
  const pts = values
    .map((v, i) => (typeof v === "number" && Number.isFinite(v) ? `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>` : ""))
    .join("");
  return `<c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${values.length}"/>${pts}</c:numCache>`;
}

export function escapeXml(s: string): string {
  return s
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}
