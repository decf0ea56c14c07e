import { chartParts, chartSeries } from "../../src/adapters/xlsx/package/charts";
import type { ReportPlan } from "../../src/core/output";

const report: ReportPlan = {
  sheet: "Review 2026-10",
  rows: [
    { cells: ["Metric", "2026-09", "2026-10"], style: "header" },
    { cells: ["New", 10, 20], style: "body" },
    { cells: ["Existing", 30, null], style: "body" },
  ],
  columnWidths: [],
  charts: [
    {
      kind: "stackedColumn",
      title: "Orders <new & existing>",
      anchor: { row: 4, col: 0, rows: 15, cols: 6 },
      source: { row: 0, col: 0, rows: 3, cols: 3 },
      seriesBy: "rows",
      axisFormat: "#,##0",
    },
    {
      kind: "clusteredColumn",
      title: "Tiers",
      anchor: { row: 4, col: 7, rows: 15, cols: 6 },
      source: { row: 0, col: 0, rows: 3, cols: 3 },
      seriesBy: "columns",
      axisFormat: "0%",
    },
  ],
  issuesRow: 0,
};

describe("chartParts", () => {
  it("anchors chart i through rId{i+1} and relates each id to its chart part", () => {
    const parts = chartParts(report, ["chart3.xml", "chart4.xml"]);
    expect(parts.drawingRels).toBe(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart" Target="../charts/chart3.xml"/>' +
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart" Target="../charts/chart4.xml"/></Relationships>',
    );
    expect([...parts.drawing.matchAll(/r:id="(rId\d)"/g)].map((m) => m[1])).toEqual(["rId1", "rId2"]);
    expect(parts.drawing).toContain(
      "<xdr:from><xdr:col>0</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>4</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>6</xdr:col>",
    );
    expect(parts.drawing).toContain('<xdr:cNvPr id="2" name="Orders &lt;new &amp; existing&gt;"/>');
    expect(parts.charts).toHaveLength(2);
  });

  it("references the report's cells in each series, with cached values", () => {
    const [stacked, clustered] = chartParts(report, ["chart1.xml", "chart2.xml"]).charts;
    expect(stacked).toContain('<c:grouping val="stacked"/>');
    expect(stacked).toContain(
      '<c:ser><c:idx val="1"/><c:order val="1"/><c:tx><c:strRef><c:f>&apos;Review 2026-10&apos;!$A$3:$A$3</c:f><c:strCache><c:ptCount val="1"/><c:pt idx="0"><c:v>Existing</c:v></c:pt></c:strCache></c:strRef></c:tx>' +
        '<c:cat><c:strRef><c:f>&apos;Review 2026-10&apos;!$B$1:$C$1</c:f><c:strCache><c:ptCount val="2"/><c:pt idx="0"><c:v>2026-09</c:v></c:pt><c:pt idx="1"><c:v>2026-10</c:v></c:pt></c:strCache></c:strRef></c:cat>' +
        '<c:val><c:numRef><c:f>&apos;Review 2026-10&apos;!$B$3:$C$3</c:f><c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="2"/><c:pt idx="0"><c:v>30</c:v></c:pt></c:numCache></c:numRef></c:val></c:ser>',
    );
    expect(clustered).toContain('<c:grouping val="clustered"/>');
    expect(clustered).toContain('<c:numFmt formatCode="0%" sourceLinked="0"/>');
  });

  it("takes series by column when asked", () => {
    expect(chartSeries(report.charts[1])).toEqual({
      categories: { row: 1, col: 0, rows: 2, cols: 1 },
      series: [
        { name: { row: 0, col: 1, rows: 1, cols: 1 }, values: { row: 1, col: 1, rows: 2, cols: 1 } },
        { name: { row: 0, col: 2, rows: 1, cols: 1 }, values: { row: 1, col: 2, rows: 2, cols: 1 } },
      ],
    });
  });

  describe("invalid input", () => {
    it("throws when the part names do not match the charts", () => {
      expect(() => chartParts(report, ["chart1.xml"])).toThrow("chartParts: 2 charts, 1 part names");
    });
  });
});
