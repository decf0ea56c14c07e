import { createExcelDouble, type ExcelDouble } from "./excelDouble";
import { WorkbookModel } from "./model";

/** What the add-in's undo needs of the double: conditional formats listed and deleted, exact used ranges, table resize, fonts back to default. */
function ledger(): WorkbookModel {
  const model = new WorkbookModel();
  model.setValues("订单表", { row: 0, col: 0 }, [
    ["订单号", "客户", "金额", "层级"],
    ["SO1", "C1", 100, "A"],
    ["SO2", "C2", 250, "B"],
  ]);
  model.setValues("订单表", { row: 5, col: 6 }, [["远处"]]);
  model.tables.push({
    id: "1",
    name: "Orders",
    sheetId: model.sheet("订单表")!.id,
    box: { top: 0, left: 0, bottom: 2, right: 3 },
    showTotals: false,
    columns: [
      { id: 1, name: "订单号" },
      { id: 2, name: "客户" },
      { id: 3, name: "金额" },
      { id: 4, name: "层级" },
    ],
  });
  return model;
}

describe("the double's support for taking a run back", () => {
  let model: WorkbookModel;
  let excel: ExcelDouble;
  beforeEach(() => {
    model = ledger();
    excel = createExcelDouble(model);
  });

  describe("conditional formats", () => {
    it("lists the formats touching a range, with each one's range and rule, and deletes one", async () => {
      await excel.run(async (ctx) => {
        const sheet = ctx.workbook.worksheets.getItem("订单表");
        for (const [address, formula] of [
          ["D2:D3", '=D2="A"'],
          ["A2:C3", '=$B2="C1"'],
          ["F1:F9", "=F1=1"],
        ]) {
          const cf = sheet.getRange(address).conditionalFormats.add("Custom");
          cf.custom.rule.formula = formula;
          cf.custom.format.fill.color = "#C6EFCE";
        }
        await ctx.sync();
        const list = sheet.getRange("C1:D3").conditionalFormats.load("items/type,items/id");
        await ctx.sync();
        const ranges = list.items.map((cf) => cf.getRange().load("address"));
        const rules = list.items.map((cf) => cf.custom.rule.load("formula"));
        await ctx.sync();
        expect(list.items.map((cf) => cf.type)).toEqual(["Custom", "Custom"]);
        expect(ranges.map((r) => r.address)).toEqual(["订单表!D2:D3", "订单表!A2:C3"]);
        expect(rules.map((r) => r.formula)).toEqual(['=D2="A"', '=$B2="C1"']);
        list.items[0]!.delete();
        await ctx.sync();
      });
      expect(model.snapshot().conditionalFormats.map((cf) => cf.address)).toEqual(["A2:C3", "F1:F9"]);
    });

    it("refuses to delete a format on a protected sheet", async () => {
      model.conditionalFormats.push({
        id: "cf",
        sheetId: model.sheet("订单表")!.id,
        box: { top: 1, left: 3, bottom: 2, right: 3 },
        type: "Custom",
        formula: "=1",
      });
      model.sheet("订单表")!.protected = true;
      const run = excel.run(async (ctx) => {
        const list = ctx.workbook.worksheets.getItem("订单表").getRange("D2").conditionalFormats.load("items/id");
        await ctx.sync();
        list.items[0]!.delete();
        await ctx.sync();
      });
      await expect(run).rejects.toMatchObject({ code: "AccessDenied" });
      expect(model.conditionalFormats.length).toBe(1);
    });
  });

  describe("used ranges inside a range", () => {
    it("gives the block of the cells actually stored inside it, or a null object when there are none", async () => {
      model.sheet("订单表")!.put(9, 9, { numberFormat: "0.0%" });
      await excel.run(async (ctx) => {
        const sheet = ctx.workbook.worksheets.getItem("订单表");
        const empty = sheet.getRange("E1:F3").getUsedRangeOrNullObject(false);
        const far = sheet.getRange("E1:G9").getUsedRangeOrNullObject(true).load("address");
        const formatOnly = sheet.getRange("H1:K12").getUsedRangeOrNullObject(true);
        const formatted = sheet.getRange("H1:K12").getUsedRangeOrNullObject(false).load("address");
        await ctx.sync();
        expect([empty.isNullObject, far.address, formatOnly.isNullObject, formatted.address]).toEqual([
          true,
          "订单表!G6",
          true,
          "订单表!J10",
        ]);
      });
    });
  });

  describe("Table.resize", () => {
    it("drops columns from the right, leaving their cells as plain cells", async () => {
      await excel.run(async (ctx) => {
        ctx.workbook.tables.getItem("Orders").resize("A1:C3");
        await ctx.sync();
      });
      expect(model.snapshot().tables).toEqual([
        {
          name: "Orders",
          id: "1",
          sheet: "订单表",
          address: "A1:C3",
          showTotals: false,
          columns: ["订单号", "客户", "金额"],
        },
      ]);
      expect(model.sheetValues("订单表").values[1]!.slice(0, 4)).toEqual(["SO1", "C1", 100, "A"]);
    });

    it("takes in columns with their header cells as names, and refuses other rows", async () => {
      model.setValues("订单表", { row: 0, col: 4 }, [["备注"]]);
      await excel.run(async (ctx) => {
        ctx.workbook.tables.getItem("Orders").resize("A1:F3");
        await ctx.sync();
      });
      expect(model.snapshot().tables[0]!.columns).toEqual(["订单号", "客户", "金额", "层级", "备注", "Column6"]);
      const run = excel.run(async (ctx) => {
        ctx.workbook.tables.getItem("Orders").resize("A1:F9");
        await ctx.sync();
      });
      await expect(run).rejects.toMatchObject({ code: "NotImplemented" });
    });
  });

  describe("fonts", () => {
    it("stores nothing for a font property set back to Excel's default", async () => {
      const before = model.snapshot();
      await excel.run(async (ctx) => {
        const header = ctx.workbook.worksheets.getItem("订单表").getRange("A1:D1");
        header.format.font.bold = true;
        await ctx.sync();
        header.format.font.bold = false;
        await ctx.sync();
      });
      expect(model.snapshot()).toEqual(before);
    });
  });
});
