import { readFileSync, statSync } from "node:fs";
import ExcelJS from "exceljs";
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
