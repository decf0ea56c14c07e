import { readFileSync } from "node:fs";
import { loadWorkbook, workbookGrids } from "../support/loadWorkbook";
import { createExcelDouble } from "./excelDouble";
import { modelFromFile, modelFromWorkbook } from "./fromExcelJS";
import { SAMPLE_ZH as SAMPLE } from "../fixtures/paths";

describe("modelFromFile", () => {
  it("loads the sample workbook's sheets and tables", async () => {
    const model = await modelFromFile(SAMPLE);
    const snap = model.snapshot();
    expect(snap.sheets.map((s) => [s.name, s.visibility, s.protected])).toEqual([
      ["客户表", "Visible", false],
      ["订单表", "Visible", false],
      ["拜访记录", "Visible", false],
      ["费用表", "Visible", false],
    ]);
    expect(snap.tables.map((t) => [t.name, t.sheet, t.address, t.columns.length])).toEqual([
      ["Customers", "客户表", "A1:G203", 7],
      ["Orders", "订单表", "A1:F5857", 6],
      ["Visits", "拜访记录", "A1:D3754", 4],
      ["Costs", "费用表", "A1:E121", 5],
    ]);
    expect(snap.activeSheet).toBe("客户表");
  });

  it("gives dates as serial numbers, as Office.js does", async () => {
    const model = await modelFromFile(SAMPLE);
    const orders = model.sheetValues("订单表");
    expect(orders.origin).toEqual({ row: 0, col: 0 });
    expect(orders.values[0]).toEqual(["订单号", "订单日期", "客户编号", "金额", "毛利", "已回款"]);
    // 2024-11-01 is serial 45597 in the 1900 date system.
    expect(orders.values[1]!.slice(0, 4)).toEqual(["SO000688", 45597, "C0023", 7500.36]);
  });

  it("reads every table through the double exactly as the .xlsx adapter reads the file", async () => {
    const workbook = await loadWorkbook(readFileSync(SAMPLE));
    const excel = createExcelDouble(modelFromWorkbook(workbook));
    const expected = workbookGrids(workbook).map((g) => ({
      table: g.table,
      values: g.values.map((row) => row.map((v) => v ?? "")),
    }));
    const actual = await excel.run(async (ctx) => {
      const tables = ctx.workbook.tables.load("items/name");
      await ctx.sync();
      const ranges = tables.items.map((t) => ({ name: t.name, range: t.getRange().load("values") }));
      await ctx.sync();
      return ranges.map((r) => ({ table: r.name, values: r.range.values }));
    });
    expect(actual).toEqual(expected);
    expect(excel.stats.syncCount).toBe(2);
  });
});

describe("modelFromWorkbook", () => {
  it("maps sheet states, formulas, number formats, fonts and fills", async () => {
    const ExcelJS = (await import("exceljs")).default;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("设置");
    ws.state = "veryHidden";
    wb.addWorksheet("Data");
    ws.getCell("A1").value = { formula: "1+1", result: 2 };
    ws.getCell("B1").value = 0.25;
    ws.getCell("B1").numFmt = "0%";
    ws.getCell("C1").value = "标题";
    ws.getCell("C1").font = { bold: true, color: { argb: "FFFF0000" } };
    ws.getCell("C1").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } };
    const snap = modelFromWorkbook(wb).snapshot();
    expect(snap.sheets[0]).toEqual({
      name: "设置",
      id: expect.any(String),
      visibility: "VeryHidden",
      protected: false,
      cells: {
        A1: { value: 2, formula: "=1+1" },
        B1: { value: 0.25, numberFormat: "0%" },
        C1: { value: "标题", font: { bold: true, color: "#FF0000" }, fill: "#DDEBF7" },
      },
      columnWidths: {},
      merges: [],
      notes: {},
      validations: {},
      hiddenRows: [],
      hiddenColumns: [],
      autoFilter: null,
      freeze: null,
    });
  });
});
