import { createExcelDouble, type ExcelDouble } from "./excelDouble";
import { WorkbookModel } from "./model";

function ledger(): WorkbookModel {
  const model = new WorkbookModel();
  model.setValues("订单表", { row: 0, col: 0 }, [
    ["订单号", "客户", "金额"],
    ["SO1", "C1", 100],
    ["SO2", "C2", 250],
  ]);
  model.setValues("订单表", { row: 0, col: 4 }, [["旁边的数据"]]);
  model.tables.push({
    id: "1",
    name: "Orders",
    sheetId: model.sheet("订单表")!.id,
    box: { top: 0, left: 0, bottom: 2, right: 2 },
    showTotals: false,
    columns: [
      { id: 1, name: "订单号" },
      { id: 2, name: "客户" },
      { id: 3, name: "金额" },
    ],
  });
  return model;
}

describe("workbook objects in the double", () => {
  let model: WorkbookModel;
  let excel: ExcelDouble;
  beforeEach(() => {
    model = ledger();
    excel = createExcelDouble(model);
  });

  describe("tables", () => {
    it("grows a table by one column with columns.add, taking over the next sheet column", async () => {
      await excel.run(async (ctx) => {
        const table = ctx.workbook.tables.getItem("Orders");
        table.columns.add(undefined, [["层级"], ["A"], ["B"]]);
        table.columns.load("count, items/name");
        const body = table.getDataBodyRange().load("address");
        await ctx.sync();
        expect(table.columns.count).toBe(4);
        expect(table.columns.items.map((c) => c.name)).toEqual(["订单号", "客户", "金额", "层级"]);
        expect(body.address).toBe("订单表!A2:D3");
      });
      expect(model.snapshot().tables).toEqual([
        {
          name: "Orders",
          id: "1",
          sheet: "订单表",
          address: "A1:D3",
          showTotals: false,
          columns: ["订单号", "客户", "金额", "层级"],
        },
      ]);
      expect(model.sheetValues("订单表").values).toEqual([
        ["订单号", "客户", "金额", "层级", "旁边的数据"],
        ["SO1", "C1", 100, "A", ""],
        ["SO2", "C2", 250, "B", ""],
      ]);
    });

    it("moves cells in the table's rows right when the next column is taken, as Excel inserts", async () => {
      await excel.run(async (ctx) => {
        const table = ctx.workbook.tables.getItem("Orders");
        table.columns.add(null, null, "变化");
        table.columns.add(null, null, "费用");
        await ctx.sync();
      });
      expect(model.sheetValues("订单表").values[0]).toEqual(["订单号", "客户", "金额", "变化", "费用", "旁边的数据"]);
    });

    it("rejects column values that do not cover every table row", async () => {
      const run = excel.run(async (ctx) => {
        ctx.workbook.tables.getItem("Orders").columns.add(null, [["层级"], ["A"]]);
        await ctx.sync();
      });
      await expect(run).rejects.toMatchObject({ code: "InvalidArgument" });
    });

    it("gives a null object for a missing table and ItemNotFound through getItem", async () => {
      await excel.run(async (ctx) => {
        const missing = ctx.workbook.tables.getItemOrNullObject("Customers");
        await ctx.sync();
        expect(missing.isNullObject).toBe(true);
      });
      await expect(
        excel.run(async (ctx) => (ctx.workbook.tables.getItem("Customers"), ctx.sync())),
      ).rejects.toMatchObject({ code: "ItemNotFound" });
    });

    it("makes a table from a block, naming blank headers as Excel does", async () => {
      model.setValues("Sheet2", { row: 0, col: 0 }, [
        ["名称", null],
        ["x", 1],
      ]);
      await excel.run(async (ctx) => {
        const table = ctx.workbook.worksheets.getItem("Sheet2").tables.add("A1:B2", true);
        table.load("name");
        await ctx.sync();
        expect(table.name).toBe("Table1");
      });
      expect(model.snapshot().tables[1]).toEqual({
        name: "Table1",
        id: expect.any(String),
        sheet: "Sheet2",
        address: "A1:B2",
        showTotals: false,
        columns: ["名称", "Column2"],
      });
    });
  });

  describe("charts and conditional formats", () => {
    it("records a chart's type, source, orientation, title and position", async () => {
      await excel.run(async (ctx) => {
        const sheet = ctx.workbook.worksheets.getItem("订单表");
        const chart = sheet.charts.add(
          excel.ChartType.columnStacked,
          sheet.getRange("A1:C3"),
          excel.ChartSeriesBy.rows,
        );
        chart.title.text = "新老客户";
        chart.setPosition("F2", "M18");
        await ctx.sync();
      });
      expect(model.snapshot().charts).toEqual([
        {
          name: "Chart 1",
          type: "ColumnStacked",
          sheet: "订单表",
          source: "订单表!A1:C3",
          seriesBy: "Rows",
          title: "新老客户",
          position: { start: "F2", end: "M18" },
        },
      ]);
    });

    it("rejects a chart type the double does not know", async () => {
      const run = excel.run(async (ctx) => {
        const sheet = ctx.workbook.worksheets.getItem("订单表");
        sheet.charts.add("Radar3D", sheet.getRange("A1:C3"));
        await ctx.sync();
      });
      await expect(run).rejects.toMatchObject({ code: "InvalidArgument" });
    });

    it("records a custom conditional format with its formula and colours", async () => {
      await excel.run(async (ctx) => {
        const cf = ctx.workbook.worksheets
          .getItem("订单表")
          .getRange("A2:C3")
          .conditionalFormats.add(excel.ConditionalFormatType.custom);
        cf.custom.rule.formula = '=$B2="C1"';
        cf.custom.format.fill.color = "#ffc7ce";
        cf.custom.format.font.color = "#9C0006";
        await ctx.sync();
      });
      expect(model.snapshot().conditionalFormats).toEqual([
        {
          sheet: "订单表",
          address: "A2:C3",
          type: "Custom",
          formula: '=$B2="C1"',
          fill: "#FFC7CE",
          fontColor: "#9C0006",
        },
      ]);
    });
  });

  describe("sheets, ranges and selection", () => {
    it("quotes sheet names in addresses as Excel does", async () => {
      await excel.run(async (ctx) => {
        const added = ctx.workbook.worksheets.add("Q1 orders");
        const a = added.getRange("B2:C3").load("address");
        const b = ctx.workbook.worksheets.getItem("订单表").getRange("A:B").load("address");
        const c = ctx.workbook.worksheets.getItem("订单表").getCell(16, 2).load("address");
        await ctx.sync();
        expect([a.address, b.address, c.address]).toEqual(["'Q1 orders'!B2:C3", "订单表!A:B", "订单表!C17"]);
      });
    });

    it("refuses a sheet name that is taken with ItemAlreadyExists", async () => {
      await expect(excel.run(async (ctx) => (ctx.workbook.worksheets.add("订单表"), ctx.sync()))).rejects.toMatchObject(
        { code: "ItemAlreadyExists" },
      );
    });

    it("selects a cell and activates its sheet", async () => {
      model.addSheet("分析");
      await excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("订单表").getRange("C3").select();
        const selected = ctx.workbook.getSelectedRange().load("address");
        const active = ctx.workbook.worksheets.getActiveWorksheet().load("name");
        await ctx.sync();
        expect([selected.address, active.name]).toEqual(["订单表!C3", "订单表"]);
      });
      expect(model.snapshot().selection).toBe("订单表!C3");
    });

    it("derives ranges by offset, resize, row and column as Office does", async () => {
      await excel.run(async (ctx) => {
        const base = ctx.workbook.worksheets.getItem("订单表").getRange("B2:C3");
        const ranges = [
          base.getOffsetRange(1, 1),
          base.getResizedRange(2, -1),
          base.getRow(1),
          base.getColumn(0),
          base.getCell(0, 1),
          base.getEntireColumn(),
          base.getBoundingRect("E5"),
        ];
        ranges.forEach((r) => r.load("address"));
        await ctx.sync();
        expect(ranges.map((r) => r.address)).toEqual([
          "订单表!C3:D4",
          "订单表!B2:B5",
          "订单表!B3:C3",
          "订单表!B2:B3",
          "订单表!C2",
          "订单表!B:C",
          "订单表!B2:E5",
        ]);
      });
    });

    it("fails the sync with InvalidArgument for a range off the grid or a bad address", async () => {
      for (const make of [
        (s: Excel.Worksheet) => s.getRange("A0"),
        (s: Excel.Worksheet) => s.getRange("A1").getOffsetRange(-1, 0),
      ]) {
        const run = excel.run(async (ctx) => {
          make(ctx.workbook.worksheets.getItem("订单表") as unknown as Excel.Worksheet);
          await ctx.sync();
        });
        await expect(run).rejects.toMatchObject({ code: "InvalidArgument" });
      }
    });

    it("sets fonts, fills, number formats and column widths, reporting null where cells differ", async () => {
      await excel.run(async (ctx) => {
        const sheet = ctx.workbook.worksheets.getItem("订单表");
        const header = sheet.getRange("A1:C1");
        header.format.font.bold = true;
        header.format.fill.color = "#DDEBF7";
        sheet.getRange("C2:C3").numberFormat = [["#,##0.00"], ["#,##0.00"]];
        sheet.getRange("A:A").format.columnWidth = 60;
        const mixed = sheet.getRange("A1:A2").load("format/font/bold");
        await ctx.sync();
        expect(mixed.format.font.bold).toBeNull();
      });
      const sheet = model.snapshot().sheets[0]!;
      expect([sheet.cells.A1, sheet.cells.C2, sheet.columnWidths]).toEqual([
        { value: "订单号", font: { bold: true }, fill: "#DDEBF7" },
        { value: 100, numberFormat: "#,##0.00" },
        { A: 60 },
      ]);
    });
  });
});
