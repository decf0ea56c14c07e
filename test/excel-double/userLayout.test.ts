import { enUserWorkbook, zhUserWorkbook } from "../safety/fixtures/userWorkbooks";
import { modelFromBytes } from "./fromExcelJS";
import type { RequestContextDouble } from "./context";
import { createExcelDouble, type ExcelDouble } from "./excelDouble";
import { WorkbookModel, cellKey, replaceSheetRefs } from "./model";
import { modelFromJson, modelToJson } from "./serialize";

describe("what the user keeps beside the cells, loaded from .xlsx", () => {
  it("reads merges, notes, validation, hidden and filtered rows, the AutoFilter with its criteria, frozen panes and names (en-US fixture)", async () => {
    const snap = (await modelFromBytes(await enUserWorkbook())).snapshot();
    const customers = snap.sheets.find((s) => s.name === "Customers")!;
    expect(customers.merges).toEqual(["A1:G1"]);
    expect(customers.notes).toEqual({ B4: { text: "Key account, call monthly" } });
    expect(Object.keys(customers.validations)).toHaveLength(122);
    expect(customers.validations.H4).toEqual({ type: "list", allowBlank: true, formulae: ['"Gold,Standard"'] });
    expect(customers.hiddenRows).toEqual([20, 21]);
    expect(customers.freeze).toEqual({ rows: 3, cols: 1 });
    const orders = snap.sheets.find((s) => s.name === "Orders")!;
    expect(orders.autoFilter).toEqual({
      address: "A3:G3404",
      criteria: { "2": '<filters><filter val="C0025"/><filter val="C0041"/></filters>' },
    });
    expect(orders.hiddenRows).toHaveLength(3323);
    // As stored: ExcelJS wrote the print area row-relative, and the name scoped to its sheet.
    expect(snap.names).toEqual([
      { name: "Amounts", scope: null, formula: "=Orders!$D$4:$D$3404" },
      { name: "Print_Area", scope: "Orders", formula: "='Orders'!$A1:$G3404" },
    ]);
  });

  it("reads notes, validation, hidden rows, frozen panes, the print area and a workbook name (zh-CN fixture)", async () => {
    const snap = (await modelFromBytes(await zhUserWorkbook())).snapshot();
    const customers = snap.sheets.find((s) => s.name === "客户表")!;
    expect(customers.notes).toEqual({ B2: { text: "重点客户，季度回访" } });
    expect(Object.keys(customers.validations)).toHaveLength(202);
    expect(customers.hiddenRows).toEqual([10, 11, 12]);
    expect(snap.sheets.find((s) => s.name === "订单表")!.freeze).toEqual({ rows: 1, cols: 0 });
    expect(snap.names).toEqual([
      { name: "订单金额", scope: null, formula: "='订单表'!$D$2:$D$5857" },
      { name: "Print_Area", scope: "客户表", formula: "='客户表'!$A1:$H203" },
    ]);
  });

  it("survives the JSON round trip the browser tests use", async () => {
    const model = await modelFromBytes(await enUserWorkbook());
    expect(modelFromJson(JSON.parse(JSON.stringify(modelToJson(model)))).snapshot()).toEqual(model.snapshot());
  });
});

describe("replaceSheetRefs", () => {
  it("follows a renamed sheet in quoted and plain references, and only whole sheet names", () => {
    expect(replaceSheetRefs("='Q1 orders'!$A$1+Q1!B2", "Q1 orders", "Orders")).toBe("=Orders!$A$1+Q1!B2");
    expect(replaceSheetRefs("=SUM(订单表!$D$2:$D$9,新订单表!A1)", "订单表", "Old orders")).toBe(
      "=SUM('Old orders'!$D$2:$D$9,新订单表!A1)",
    );
    expect(replaceSheetRefs("=Orders!$A$1", "Orders", "#REF!")).toBe("=#REF!$A$1");
  });
});

/** 订单 with a table A1:C3, a note, validation and a merged title right of it; 汇总 with names. */
function ledger(): WorkbookModel {
  const model = new WorkbookModel();
  model.setValues("订单", { row: 0, col: 0 }, [
    ["订单号", "客户", "金额", "", "备注", "", "远处"],
    ["SO1", "C1", 100],
    ["SO2", "C2", 250],
  ]);
  const sheet = model.sheet("订单")!;
  model.tables.push({
    id: "1",
    name: "Orders",
    sheetId: sheet.id,
    box: { top: 0, left: 0, bottom: 2, right: 2 },
    showTotals: false,
    columns: ["订单号", "客户", "金额"].map((name, i) => ({ id: i + 1, name })),
  });
  sheet.notes.set(cellKey(1, 4), { text: "看这里" });
  sheet.validations.set(cellKey(2, 4), { type: "list", formulae: ['"是,否"'] });
  sheet.merges.push({ top: 0, left: 4, bottom: 0, right: 5 });
  model.setValues("汇总", { row: 0, col: 0 }, [["合计"]]);
  model.names.push(
    { name: "金额", sheetId: null, formula: "=订单!$C$2:$C$3" },
    { name: "Print_Area", sheetId: sheet.id, formula: "=订单!$A$1:$C$3" },
  );
  return model;
}

async function sync(excel: ExcelDouble, batch: (ctx: RequestContextDouble) => void): Promise<void> {
  await excel.run(async (ctx) => {
    batch(ctx);
    await ctx.sync();
  });
}

describe("the double's operations on what the user keeps", () => {
  let model: WorkbookModel;
  let excel: ExcelDouble;
  beforeEach(() => {
    model = ledger();
    excel = createExcelDouble(model);
  });
  const orders = () => model.snapshot().sheets[0]!;

  describe("writing into merged areas", () => {
    it("takes a value in the top-left cell and blanks anywhere, and refuses a value in the area's other cells", async () => {
      await sync(excel, (ctx) => (ctx.workbook.worksheets.getItem("订单").getRange("E1:F1").values = [["标题", ""]]));
      expect(orders().cells.E1).toEqual({ value: "标题" });
      const run = sync(excel, (ctx) => (ctx.workbook.worksheets.getItem("订单").getRange("F1").values = [["x"]]));
      await expect(run).rejects.toMatchObject({ code: "InvalidOperation" });
      expect(orders().cells.F1).toBeUndefined();
    });
  });

  describe("Range.clear", () => {
    it("keeps notes, validation and merges when clearing contents", async () => {
      const before = orders();
      await sync(excel, (ctx) => ctx.workbook.worksheets.getItem("订单").getRange("E1:F3").clear("Contents"));
      expect([orders().notes, orders().validations, orders().merges]).toEqual([
        before.notes,
        before.validations,
        before.merges,
      ]);
      expect(orders().cells.E1).toBeUndefined();
    });

    it("unmerges when clearing formats, and drops notes and validation too when clearing all", async () => {
      await sync(excel, (ctx) => ctx.workbook.worksheets.getItem("订单").getRange("E1:F3").clear("Formats"));
      expect([orders().merges, Object.keys(orders().notes), Object.keys(orders().validations)]).toEqual([
        [],
        ["E2"],
        ["E3"],
      ]);
      await sync(excel, (ctx) => ctx.workbook.worksheets.getItem("订单").getRange("E1:F3").clear());
      expect([orders().notes, orders().validations]).toEqual([{}, {}]);
    });

    it("does not pretend to know what clearing part of a merged area does", async () => {
      const run = sync(excel, (ctx) => ctx.workbook.worksheets.getItem("订单").getRange("F1").clear());
      await expect(run).rejects.toMatchObject({ code: "NotImplemented" });
    });
  });

  describe("table columns", () => {
    it("moves notes, validation and merged areas with the cells a column inserted in the table pushes right", async () => {
      model.names.length = 0;
      await sync(excel, (ctx) => ctx.workbook.tables.getItem("Orders").columns.add(1, null, "区域"));
      expect([orders().merges, Object.keys(orders().notes), Object.keys(orders().validations)]).toEqual([
        ["F1:G1"],
        ["F2"],
        ["F3"],
      ]);
      expect(orders().cells.F1).toEqual({ value: "备注" });
    });

    it("refuses to insert cells that would split a merged area", async () => {
      model.sheet("订单")!.merges.push({ top: 2, left: 5, bottom: 4, right: 5 });
      const run = sync(excel, (ctx) => ctx.workbook.tables.getItem("Orders").columns.add(0, null, "区域"));
      await expect(run).rejects.toMatchObject({ code: "InvalidOperation" });
    });

    it("does not pretend to rewrite a name or an AutoFilter over cells that move", async () => {
      model.names.push({ name: "备注", sheetId: null, formula: "=订单!$E$2" });
      await expect(
        sync(excel, (ctx) => ctx.workbook.tables.getItem("Orders").columns.add(1, null, "区域")),
      ).rejects.toMatchObject({ code: "NotImplemented" });
      model.names.pop();
      model.sheet("订单")!.autoFilter = { box: { top: 0, left: 4, bottom: 2, right: 6 }, criteria: {} };
      await expect(
        sync(excel, (ctx) => ctx.workbook.tables.getItem("Orders").columns.add(1, null, "区域")),
      ).rejects.toMatchObject({ code: "NotImplemented" });
    });

    it("deletes a column with its cells, moving the cells beside the table (in its rows) left with their notes and validation", async () => {
      await sync(excel, (ctx) => ctx.workbook.tables.getItem("Orders").columns.add(undefined, null, "层级"));
      model.sheet("订单")!.merges.length = 0;
      await sync(excel, (ctx) => ctx.workbook.tables.getItem("Orders").columns.getItemAt(3).delete());
      expect(model.snapshot().tables[0]!.address).toBe("A1:C3");
      expect([
        orders().cells.D1,
        orders().cells.F1,
        Object.keys(orders().notes),
        Object.keys(orders().validations),
      ]).toEqual([{ value: "备注" }, { value: "远处" }, ["D2"], ["D3"]]);
      model.names.length = 0;
      await sync(excel, (ctx) => ctx.workbook.tables.getItem("Orders").columns.getItemAt(1).delete());
      expect([orders().cells.C1, Object.keys(orders().notes), model.sheetValues("订单").values[1]]).toEqual([
        { value: "备注" },
        ["C2"],
        ["SO1", 100, "", "", ""],
      ]);
    });
  });

  describe("what the double does not model", () => {
    it("refuses a totals row over a note, and a width for a hidden column, rather than guess", async () => {
      model.sheet("订单")!.notes.set(cellKey(3, 1), { text: "下面" });
      await expect(
        sync(excel, (ctx) => (ctx.workbook.tables.getItem("Orders").showTotals = true)),
      ).rejects.toMatchObject({ code: "NotImplemented" });
      model.sheet("订单")!.hiddenColumns.add(1);
      await expect(
        sync(excel, (ctx) => (ctx.workbook.worksheets.getItem("订单").getRange("A1:B1").format.columnWidth = 60)),
      ).rejects.toMatchObject({ code: "NotImplemented" });
      await sync(excel, (ctx) => (ctx.workbook.worksheets.getItem("订单").getRange("C1").format.columnWidth = 60));
      expect(orders().columnWidths).toEqual({ C: 60 });
    });
  });

  describe("requirement sets", () => {
    it("fails Table.resize with ApiNotFound where ExcelApi 1.13 is missing, and says which sets the host has", async () => {
      excel.options.apiSets = { ExcelApi: "1.12" };
      expect([
        excel.isSetSupported("ExcelApi", "1.9"),
        excel.isSetSupported("ExcelApi", "1.12"),
        excel.isSetSupported("ExcelApi", "1.13"),
        excel.isSetSupported("WordApi", "1.1"),
      ]).toEqual([true, true, false, false]);
      await expect(sync(excel, (ctx) => ctx.workbook.tables.getItem("Orders").resize("A1:B3"))).rejects.toMatchObject({
        code: "ApiNotFound",
      });
      excel.options.apiSets = { ExcelApi: "1.13" };
      await sync(excel, (ctx) => ctx.workbook.tables.getItem("Orders").resize("A1:B3"));
      expect(model.snapshot().tables[0]!.address).toBe("A1:B3");
    });
  });

  describe("sheets", () => {
    it("rewrites names that refer to a renamed sheet, and to #REF! when it is deleted (its own names go with it)", async () => {
      await sync(excel, (ctx) => (ctx.workbook.worksheets.getItem("订单").name = "Old orders"));
      expect(model.snapshot().names).toEqual([
        { name: "金额", scope: null, formula: "='Old orders'!$C$2:$C$3" },
        { name: "Print_Area", scope: "Old orders", formula: "='Old orders'!$A$1:$C$3" },
      ]);
      await sync(excel, (ctx) => ctx.workbook.worksheets.getItem("Old orders").delete());
      expect(model.snapshot().names).toEqual([{ name: "金额", scope: null, formula: "=#REF!$C$2:$C$3" }]);
    });
  });
});
