import type { Readable } from "node:stream";
import { DOMParser } from "@xmldom/xmldom";
import { createdSheetXml, recordSheetXml, reportSheetXml } from "../../src/adapters/xlsx/package/newSheets";
import type { RunStyles } from "../../src/adapters/xlsx/package/styles";
import type { ReportPlan } from "../../src/core/output";
import { decodeRecord, EMPTY_RECORD } from "../../src/core/record";
import { attr, parseXml, textOf, type XElement } from "../safety/xlsxPackage";

const HEAD =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">';
const TAIL = '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>';

/** Style ids that spell what was asked, so each cell's style can be checked exactly. */
const STYLES: RunStyles = {
  header: 7,
  body: (f) => ({ money: 10, percent: 11, date: 12, integer: 13, decimal: 14, oneDecimal: 15, general: 0 })[f],
  dxf: () => 0,
  report: (style, format) =>
    style === "body" && format === null
      ? 0
      : { title: 1, section: 2, header: 3, total: 4, note: 5, body: 6 }[style] * 10 + (format === null ? 0 : 1),
};

async function text(stream: Readable): Promise<{ xml: string; chunks: number[] }> {
  const parts: Buffer[] = [];
  for await (const c of stream) parts.push(c as Buffer);
  return { xml: Buffer.concat(parts).toString("utf8"), chunks: parts.map((p) => p.length) };
}

function report(rows: ReportPlan["rows"]): ReportPlan {
  return { sheet: "Review 2026-10", rows, columnWidths: [24, 12], charts: [], issuesRow: 0 };
}

describe("reportSheetXml", () => {
  it("writes each row's cells with its row style and per-cell formats, widths and the first column frozen", async () => {
    const plan = report([
      { cells: ["Review 2026-10"], style: "title" },
      { cells: [], style: "body" },
      { cells: ["Metric", "2026-10", null], style: "header" },
      { cells: ["Ratio", 0.25, null], formats: [null, "percent", null], style: "body" },
    ]);
    const { xml } = await text(reportSheetXml(plan, STYLES, "rId1"));
    expect(xml).toBe(
      `${HEAD}<dimension ref="A1:C4"/><sheetViews><sheetView workbookViewId="0"><pane xSplit="1" topLeftCell="B1" activePane="topRight" state="frozen"/><selection pane="topRight"/></sheetView></sheetViews>` +
        `<sheetFormatPr defaultRowHeight="15"/><cols><col min="1" max="1" width="24" customWidth="1"/><col min="2" max="2" width="12" customWidth="1"/></cols><sheetData>` +
        '<row r="1"><c r="A1" s="10" t="inlineStr"><is><t>Review 2026-10</t></is></c></row>' +
        '<row r="3"><c r="A3" s="30" t="inlineStr"><is><t>Metric</t></is></c><c r="B3" s="30" t="inlineStr"><is><t>2026-10</t></is></c><c r="C3" s="30"/></row>' +
        '<row r="4"><c r="A4" t="inlineStr"><is><t>Ratio</t></is></c><c r="B4" s="61"><v>0.25</v></c></row>' +
        `</sheetData>${TAIL}<drawing r:id="rId1"/></worksheet>`,
    );
  });

  it("writes formula-looking text from the workbook as text, and no drawing without charts", async () => {
    const { xml } = await text(
      reportSheetXml(report([{ cells: ['=HYPERLINK("http://x","y")', " lead"], style: "body" }]), STYLES),
    );
    expect(xml).toContain(
      '<c r="A1" t="inlineStr"><is><t>=HYPERLINK("http://x","y")</t></is></c><c r="B1" t="inlineStr"><is><t xml:space="preserve"> lead</t></is></c>',
    );
    expect(xml).not.toContain("<f>");
    expect(xml.endsWith(`</sheetData>${TAIL}</worksheet>`)).toBe(true);
  });

  it("streams a long report in chunks that make one well-formed part", async () => {
    const rows = Array.from({ length: 50_001 }, (_, i) => ({ cells: [`Customer ${i}`, i], style: "body" as const }));
    const { xml, chunks } = await text(reportSheetXml(report(rows), STYLES));
    // The head, then pieces of 1 MiB and at most the row that filled each (PartBytes), then the rest.
    const pieces = chunks.slice(1, -1);
    expect(pieces.length).toBeGreaterThanOrEqual(3);
    expect(pieces.every((n) => n >= 2 ** 20 && n < 2 ** 20 + 2 ** 16)).toBe(true);
    // saxes (parseXml) rather than xmldom: it reads the 3 MB part in a fraction of xmldom's ~2.5 s.
    const sheet = parseXml(xml);
    const child = (el: XElement, local: string) =>
      el.children.filter((c): c is XElement => typeof c !== "string" && c.local === local);
    const written = child(child(sheet, "sheetData")[0], "row");
    expect(written.length).toBe(50_001);
    expect([attr(written[50_000], "r"), textOf(written[50_000])]).toEqual(["50001", "Customer 5000050000"]);
    expect(attr(child(sheet, "dimension")[0], "ref")).toBe("A1:B50001");
  });

  describe("invalid input", () => {
    it("fails the stream on a non-finite number (a bug upstream)", async () => {
      await expect(text(reportSheetXml(report([{ cells: [Infinity], style: "body" }]), STYLES))).rejects.toThrow(
        "cellXml: A1 holds Infinity, which an .xlsx cannot store",
      );
    });
  });
});

describe("createdSheetXml", () => {
  it("writes a bold header row, the rows below it and every column 18 wide", async () => {
    const { xml } = await text(
      createdSheetXml(
        {
          sheet: "客户表",
          header: ["客户编号", "客户名称"],
          rows: [
            ["C1", "甲公司"],
            [null, "@SUM(A1)"],
          ],
        },
        STYLES,
      ),
    );
    expect(xml).toBe(
      `${HEAD}<dimension ref="A1:B3"/><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/>` +
        '<cols><col min="1" max="1" width="18" customWidth="1"/><col min="2" max="2" width="18" customWidth="1"/></cols><sheetData>' +
        '<row r="1"><c r="A1" s="7" t="inlineStr"><is><t>客户编号</t></is></c><c r="B1" s="7" t="inlineStr"><is><t>客户名称</t></is></c></row>' +
        '<row r="2"><c r="A2" t="inlineStr"><is><t>C1</t></is></c><c r="B2" t="inlineStr"><is><t>甲公司</t></is></c></row>' +
        '<row r="3"><c r="B3" t="inlineStr"><is><t>@SUM(A1)</t></is></c></row>' +
        `</sheetData>${TAIL}</worksheet>`,
    );
  });
});

describe("recordSheetXml", () => {
  it("writes the encoded record down column A, readable back with decodeRecord", async () => {
    const record = {
      ...EMPTY_RECORD,
      settings: { lang: "en-US", month: "2026-10" },
      ownedSheets: [{ sheet: "Review 2026-10", kind: "review" as const }],
    };
    const { xml } = await text(recordSheetXml(record));
    const doc = new DOMParser().parseFromString(xml, "text/xml");
    const cells = Array.from(doc.getElementsByTagName("c"));
    expect(cells.map((c) => c.getAttribute("r"))).toEqual(["A1", "A2"]);
    expect(decodeRecord(cells.map((c) => c.textContent))).toEqual(record);
  });

  it("splits a record longer than a cell over several rows", async () => {
    const owned = Array.from({ length: 1_000 }, (_, i) => ({
      sheet: "Customers",
      output: `customer.x${i}`,
      header: `Header number ${i}`,
      col: i,
    }));
    const record = { ...EMPTY_RECORD, owned };
    const doc = new DOMParser().parseFromString((await text(recordSheetXml(record))).xml, "text/xml");
    const cells = Array.from(doc.getElementsByTagName("c"));
    expect(cells.length).toBe(1 + Math.ceil(JSON.stringify(record).length / 30_000));
    expect(decodeRecord(cells.map((c) => c.textContent))).toEqual(record);
  });
});
