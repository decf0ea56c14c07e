import { readFileSync, statSync } from "node:fs";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { loadWorkbook, workbookGrids } from "../../src/adapters/xlsx/readWorkbook";
import { readWorkbookGrids } from "../../src/adapters/xlsx/stream/readWorkbookGrids";
import { openXlsxBuffer } from "../../src/adapters/xlsx/package/openXlsx";

const files = [
  "samples/sales-ledger-sample.xlsx",
  "samples/销售台账-示例.xlsx",
  "/work/shared/samples/sales-ledger-sample.xlsx",
  "/work/shared/samples/销售台账-示例.xlsx",
  "/work/shared/data/superstore_en/Sample - Superstore.converted.xlsx",
  "/work/shared/data/superstore_zh/示例 - 超市.converted.xlsx",
].filter((f) => {
  try {
    return statSync(f).size < 30 * 1024 * 1024;
  } catch {
    return false;
  }
});

async function expectSame(bytes: Uint8Array): Promise<void> {
  const expected = workbookGrids(await loadWorkbook(bytes));
  const pkg = await openXlsxBuffer(bytes);
  try {
    expect(await readWorkbookGrids(pkg)).toEqual(expected);
  } finally {
    await pkg.close();
  }
}

describe("streaming reader equals the ExcelJS reader", () => {
  it.each(files)("%s", async (f) => {
    await expectSame(readFileSync(f));
  }, 120_000);

  it("covers every cell type, tables with totals, two tables on a sheet, empty sheets", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Types");
    ws.getCell("A1").value = "shared";
    ws.getCell("B1").value = { richText: [{ text: "rich " }, { font: { bold: true }, text: "text" }] };
    ws.getCell("C1").value = { formula: "A1&\"x\"", result: "sharedx" };
    ws.getCell("D1").value = { formula: "1+1", result: 2 };
    ws.getCell("E1").value = { formula: "TRUE()", result: true };
    ws.getCell("F1").value = { formula: "NA()", result: { error: "#N/A" } };
    ws.getCell("G1").value = { formula: "NOW()" } as ExcelJS.CellFormulaValue;
    ws.getCell("A2").value = new Date(Date.UTC(2024, 1, 29));
    ws.getCell("B2").value = new Date(Date.UTC(1899, 11, 30, 13, 30));
    ws.getCell("C2").value = false;
    ws.getCell("D2").value = { error: "#DIV/0!" } as ExcelJS.CellErrorValue;
    ws.getCell("E2").value = "";
    ws.getCell("F2").value = 1.5e-7;
    ws.getCell("G2").value = "line\r\nbreak _x0041_";
    ws.getCell("Z40").value = "beyond a gap";
    wb.addWorksheet("Empty");
    const t = wb.addWorksheet("Tables");
    t.addTable({ name: "First", ref: "A1", totalsRow: true, columns: [{ name: "K", totalsRowLabel: "Total" }, { name: "V", totalsRowFunction: "sum" }], rows: [["a", 1], ["b", 2]] });
    t.addTable({ name: "Second", ref: "E3", columns: [{ name: "X" }, { name: "Y" }], rows: [["", 3], ["é", 4]] });
    await expectSame(new Uint8Array(await wb.xlsx.writeBuffer()));
    wb.properties.date1904 = true;
    await expectSame(new Uint8Array(await wb.xlsx.writeBuffer()));
  });
});

describe("readWorkbookGrids tables", () => {
  it("follows the sheet's <tableParts> order and leaves out table parts the sheet does not list", async () => {
    const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    const rels = (items: [string, string, string][]) =>
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${items.map(([id, type, target]) => `<Relationship Id="${id}" Type="${REL}/${type}" Target="${target}"/>`).join("")}</Relationships>`;
    const zip = new JSZip();
    zip.file("_rels/.rels", rels([["rId1", "officeDocument", "xl/workbook.xml"]]));
    zip.file("xl/workbook.xml", `<workbook xmlns:r="${REL}"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`);
    zip.file("xl/_rels/workbook.xml.rels", rels([["rId1", "worksheet", "worksheets/sheet1.xml"]]));
    zip.file(
      "xl/worksheets/sheet1.xml",
      `<worksheet xmlns:r="${REL}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>k</t></is></c><c r="D1" t="inlineStr"><is><t>v</t></is></c></row>` +
        `<row r="2"><c r="A2"><v>1</v></c><c r="D2"><v>2</v></c></row><row r="3"><c r="A3"><v>9</v></c></row></sheetData>` +
        `<tableParts count="2"><tablePart r:id="rId2"/><tablePart r:id="rId1"/></tableParts></worksheet>`,
    );
    zip.file("xl/worksheets/_rels/sheet1.xml.rels", rels([["rId1", "table", "../tables/t1.xml"], ["rId2", "table", "/xl/tables/t2.xml"], ["rId3", "table", "../tables/orphan.xml"]]));
    zip.file("xl/tables/t1.xml", `<table name="First" displayName="First" ref="A1:A3" totalsRowCount="1"/>`);
    zip.file("xl/tables/t2.xml", `<table name="Second" ref="D1:D2"/>`);
    zip.file("xl/tables/orphan.xml", `<table name="Orphan" ref="A1:D3"/>`);
    const pkg = await openXlsxBuffer(await zip.generateAsync({ type: "uint8array" }));
    expect(await readWorkbookGrids(pkg)).toEqual([
      { sheet: "S", origin: { row: 0, col: 3 }, values: [["v"], [2]], table: "Second" },
      { sheet: "S", origin: { row: 0, col: 0 }, values: [["k"], [1]], table: "First" },
    ]);
    await pkg.close();
  });
});
