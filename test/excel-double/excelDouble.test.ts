import { createExcelDouble, type ExcelDouble, type RequestContextDouble } from "./excelDouble";
import type { RangeDouble } from "./range";
import { WorkbookModel } from "./model";

/** The error code a synchronous call throws, or "none". */
function thrownCode(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return (e as { code?: string }).code ?? String(e);
  }
  return "none";
}

function orders(): WorkbookModel {
  const model = new WorkbookModel();
  model.setValues("订单表", { row: 0, col: 0 }, [
    ["订单号", "客户", "金额"],
    ["SO1", "C1", 100],
    ["SO2", "C2", 250.5],
  ]);
  model.addSheet("Q1 orders");
  return model;
}

describe("createExcelDouble", () => {
  let model: WorkbookModel;
  let excel: ExcelDouble;
  beforeEach(() => {
    model = orders();
    excel = createExcelDouble(model);
  });

  describe("load and sync", () => {
    it("throws PropertyNotLoaded when a property is read before load and sync", async () => {
      await excel.run(async (ctx) => {
        const range = ctx.workbook.worksheets.getItem("订单表").getRange("A1:C3");
        expect(thrownCode(() => range.values)).toBe("PropertyNotLoaded");
        range.load("values");
        expect(thrownCode(() => range.values)).toBe("PropertyNotLoaded");
        await ctx.sync();
        expect(range.values).toEqual([
          ["订单号", "客户", "金额"],
          ["SO1", "C1", 100],
          ["SO2", "C2", 250.5],
        ]);
        expect(thrownCode(() => range.address)).toBe("PropertyNotLoaded");
      });
    });

    it("words the error as Office does and names the property", async () => {
      await excel.run(async (ctx) => {
        const sheet = ctx.workbook.worksheets.getItem("订单表");
        let error: Error & { code?: string; name?: string } = new Error();
        try {
          void sheet.name;
        } catch (e) {
          error = e as typeof error;
        }
        expect(error.name).toBe("RichApi.Error");
        expect(error.message).toBe(
          "The property 'name' is not available. Before reading the property's value, call the load method on the containing object and call \"context.sync()\" on the associated request context.",
        );
        await ctx.sync();
      });
    });

    it("accepts load as a string list, an array and a select object", async () => {
      await excel.run(async (ctx) => {
        const range = ctx.workbook.worksheets.getItem("订单表").getRange("B2:C3");
        range.load("address, rowCount");
        range.load(["columnCount"]);
        range.load({ select: "rowIndex,columnIndex" });
        await ctx.sync();
        expect([range.address, range.rowCount, range.columnCount, range.rowIndex, range.columnIndex]).toEqual([
          "订单表!B2:C3",
          2,
          2,
          1,
          1,
        ]);
      });
    });

    it("keeps an assigned value readable at once, as Office does, and writes it at sync", async () => {
      await excel.run(async (ctx) => {
        const cell = ctx.workbook.worksheets.getItem("订单表").getRange("D1");
        cell.values = [["备注"]];
        expect(cell.values).toEqual([["备注"]]);
        expect(model.sheet("订单表")!.get(0, 3)).toBeUndefined();
        await ctx.sync();
      });
      expect(model.sheet("订单表")!.get(0, 3)).toEqual({ value: "备注" });
    });

    it("loads collection items only with the properties asked for", async () => {
      await excel.run(async (ctx) => {
        const sheets = ctx.workbook.worksheets;
        expect(thrownCode(() => sheets.items)).toBe("PropertyNotLoaded");
        sheets.load("items/name");
        await ctx.sync();
        expect(sheets.items.map((s) => s.name)).toEqual(["订单表", "Q1 orders"]);
        expect(thrownCode(() => sheets.items[0]!.visibility)).toBe("PropertyNotLoaded");
      });
    });

    it("loads nested properties through a path", async () => {
      await excel.run(async (ctx) => {
        const range = ctx.workbook.worksheets.getItem("订单表").getRange("A1:C1");
        range.format.font.bold = true;
        range.load("format/font/bold, format/fill/color");
        await ctx.sync();
        expect([range.format.font.bold, range.format.fill.color]).toEqual([true, "#FFFFFF"]);
      });
    });
  });

  describe("null objects", () => {
    it("reports isNullObject only after a sync, and true for a missing sheet", async () => {
      await excel.run(async (ctx) => {
        const missing = ctx.workbook.worksheets.getItemOrNullObject("客户表");
        const present = ctx.workbook.worksheets.getItemOrNullObject("订单表");
        expect(thrownCode(() => missing.isNullObject)).toBe("PropertyNotLoaded");
        await ctx.sync();
        expect(missing.isNullObject).toBe(true);
        expect(present.isNullObject).toBe(false);
      });
    });

    it("throws when any other property of a null object is read", async () => {
      await excel.run(async (ctx) => {
        const missing = ctx.workbook.worksheets.getItemOrNullObject("客户表");
        missing.load("name");
        await ctx.sync();
        expect(thrownCode(() => missing.name)).toBe("PropertyNotLoaded");
      });
    });

    it("gives a null used range for a blank sheet, and A1 from getUsedRange", async () => {
      await excel.run(async (ctx) => {
        const blank = ctx.workbook.worksheets.getItem("Q1 orders");
        const used = blank.getUsedRangeOrNullObject(true);
        const a1 = blank.getUsedRange(true).load("address");
        await ctx.sync();
        expect(used.isNullObject).toBe(true);
        expect(a1.address).toBe("'Q1 orders'!A1");
      });
    });

    it("fails the sync with ItemNotFound when a null object is written to", async () => {
      const run = excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItemOrNullObject("客户表").getRange("A1").values = [["x"]];
        await ctx.sync();
      });
      await expect(run).rejects.toMatchObject({ code: "ItemNotFound" });
    });
  });

  describe("errors at sync", () => {
    it("rejects with ItemNotFound for getItem of a missing name, keeping the operations before it", async () => {
      const before = model.snapshot();
      const run = excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("订单表").getRange("E1").values = [["first"]];
        ctx.workbook.worksheets.getItem("客户表");
        ctx.workbook.worksheets.getItem("订单表").getRange("F1").values = [["after"]];
        await ctx.sync();
      });
      await expect(run).rejects.toMatchObject({ code: "ItemNotFound", name: "RichApi.Error" });
      expect(model.snapshot()).toEqual({
        ...before,
        sheets: [
          { ...before.sheets[0]!, cells: { ...before.sheets[0]!.cells, E1: { value: "first" } } },
          before.sheets[1],
        ],
      });
    });

    it("rejects values whose dimensions do not match the range with InvalidArgument", async () => {
      const before = model.snapshot();
      const run = excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("订单表").getRange("A5:C6").values = [[1, 2, 3]];
        await ctx.sync();
      });
      await expect(run).rejects.toMatchObject({ code: "InvalidArgument" });
      const ragged = excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("订单表").getRange("A5:B6").numberFormat = [["0"], ["0", "0"]];
        await ctx.sync();
      });
      await expect(ragged).rejects.toMatchObject({ code: "InvalidArgument" });
      expect(model.snapshot()).toEqual(before);
    });

    it("rejects writes to a protected sheet with AccessDenied", async () => {
      model.sheet("订单表")!.protected = true;
      const before = model.snapshot();
      for (const write of [
        (r: RangeDouble) => (r.values = [["x"]]),
        (r: RangeDouble) => (r.format.fill.color = "#FF0000"),
        (r: RangeDouble) => r.clear(),
      ]) {
        const run = excel.run(async (ctx) => {
          write(getA1(ctx));
          await ctx.sync();
        });
        await expect(run).rejects.toMatchObject({ code: "AccessDenied" });
      }
      expect(model.snapshot()).toEqual(before);
    });

    it("rejects every sync with InvalidOperationInCellEditMode while the user edits a cell", async () => {
      excel.options.editMode = true;
      const run = excel.run(async (ctx) => {
        getA1(ctx).load("values");
        await ctx.sync();
      });
      await expect(run).rejects.toMatchObject({ code: "InvalidOperationInCellEditMode" });
      excel.options.editMode = false;
      await expect(excel.run(async (ctx) => (getA1(ctx).load("values"), ctx.sync()))).resolves.toBeUndefined();
    });

    it("fails the chosen sync through failOnSync, after earlier syncs have written", async () => {
      excel = createExcelDouble(model, { failOnSync: (n) => n === 2 });
      const run = excel.run(async (ctx) => {
        const sheet = ctx.workbook.worksheets.getItem("订单表");
        sheet.getRange("E1").values = [["chunk 1"]];
        await ctx.sync();
        sheet.getRange("E2").values = [["chunk 2"]];
        await ctx.sync();
      });
      await expect(run).rejects.toMatchObject({ code: "GeneralException" });
      expect(model.sheetValues("订单表").values.map((r) => r[4])).toEqual(["chunk 1", "", ""]);
    });

    it("fails exactly the n-th sync with the given code through the failOnSync(n, code) hook", async () => {
      excel = createExcelDouble(model);
      excel.failOnSync(2, "AccessDenied");
      const run = excel.run(async (ctx) => {
        const sheet = ctx.workbook.worksheets.getItem("订单表");
        sheet.getRange("E1").values = [["chunk 1"]];
        await ctx.sync();
        sheet.getRange("E2").values = [["chunk 2"]];
        await ctx.sync();
      });
      await expect(run).rejects.toMatchObject({ code: "AccessDenied" });
      expect(excel.stats.syncs.map((s) => s.error)).toEqual([undefined, "AccessDenied"]);
      expect(model.sheetValues("订单表").values.map((r) => r[4])).toEqual(["chunk 1", "", ""]);
      await excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("订单表").getRange("E3").values = [["after"]];
        await ctx.sync();
      });
      expect(model.sheetValues("订单表").values.map((r) => r[4])).toEqual(["chunk 1", "", "after"]);
    });

    it("throws InvalidObjectPath when an object is used after its run has finished", async () => {
      let kept: RangeDouble | undefined;
      await excel.run(async (ctx) => {
        kept = getA1(ctx);
        await ctx.sync();
      });
      expect(thrownCode(() => (kept!.values = [["late"]]))).toBe("InvalidObjectPath");
    });

    it("rejects a batch that does not return a promise", async () => {
      await expect(excel.run((() => undefined) as never)).rejects.toMatchObject({ code: "RunMustReturnPromise" });
    });

    it("throws a clear not-implemented error for API members it does not model", async () => {
      await excel.run(async (ctx) => {
        const range = getA1(ctx) as unknown as Record<string, unknown>;
        expect(() => range.hyperlink).toThrow("Range.hyperlink is not implemented in the Excel double.");
        await ctx.sync();
      });
    });
  });

  describe("writing text the way Excel takes it", () => {
    it("turns formula-like strings into formulas and keeps apostrophe-prefixed text as text", async () => {
      await excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Q1 orders").getRange("A1:A8").values = [
          ["=SUM(B1:B2)"],
          ["+86 138 0000 0000"],
          ["-abc"],
          ["'=SUM(B1:B2)"],
          ["'+86 138"],
          ["-12.5"],
          ["00123"],
          [""],
        ];
        await ctx.sync();
      });
      const cells = model.snapshot().sheets[1]!.cells;
      expect(cells).toEqual({
        A1: { value: "=SUM(B1:B2)", formula: "=SUM(B1:B2)" },
        A2: { value: "+86 138 0000 0000", formula: "=+86 138 0000 0000" },
        A3: { value: "-abc", formula: "=-abc" },
        A4: { value: "=SUM(B1:B2)" },
        A5: { value: "+86 138" },
        A6: { value: -12.5 },
        A7: { value: 123 },
      });
    });

    it("keeps text as typed in cells formatted as text, clears on empty strings, and leaves cells for null", async () => {
      await excel.run(async (ctx) => {
        const range = ctx.workbook.worksheets.getItem("订单表").getRange("B2:C3");
        range.numberFormat = [
          ["@", "General"],
          ["General", "General"],
        ];
        range.values = [
          ["00123", null],
          ["", 7],
        ];
        await ctx.sync();
      });
      expect(model.sheetValues("订单表").values).toEqual([
        ["订单号", "客户", "金额"],
        ["SO1", "00123", 100],
        ["SO2", "", 7],
      ]);
    });

    it("reads formulas back through formulas and values", async () => {
      await excel.run(async (ctx) => {
        const cell = ctx.workbook.worksheets.getItem("订单表").getRange("D2");
        cell.formulas = [["=C2*2"]];
        const back = ctx.workbook.worksheets.getItem("订单表").getRange("C2:D2").load("formulas, values, valueTypes");
        await ctx.sync();
        expect(back.formulas).toEqual([[100, "=C2*2"]]);
        expect(back.valueTypes).toEqual([["Double", "String"]]);
      });
    });
  });

  describe("payload accounting", () => {
    it("counts every sync with its request and response bytes, and the run's final flush", async () => {
      const values = [["a", 1]];
      await excel.run({ mergeUndoGroup: true }, async (ctx) => {
        const sheet = ctx.workbook.worksheets.getItem("订单表");
        ctx.application.suspendApiCalculationUntilNextSync();
        sheet.getRange("E1:F1").values = values;
        await ctx.sync();
        sheet.getRange("A1:C3").load("values");
        await ctx.sync();
        await ctx.sync();
        sheet.getRange("G1").values = [["left queued"]];
      });
      const { syncs } = excel.stats;
      expect(excel.stats.syncCount).toBe(4);
      expect(syncs.map((s) => [s.ops, s.implicit])).toEqual([
        [4, false], // getItem, suspend…, getRange, values
        [2, false], // getRange, load (the sheet was found in sync 1)
        [0, false],
        [2, true],
      ]);
      expect(syncs[0]!.requestBytes).toBeGreaterThan(JSON.stringify(values).length);
      expect(syncs[1]!.responseBytes).toBeGreaterThanOrEqual(
        Buffer.byteLength(
          JSON.stringify([
            ["订单号", "客户", "金额"],
            ["SO1", "C1", 100],
            ["SO2", "C2", 250.5],
          ]),
        ),
      );
      expect(syncs[2]).toMatchObject({ requestBytes: 0, responseBytes: 0 });
      expect(excel.stats.roundTrips).toBe(3);
      expect(excel.stats.runs).toEqual([{ mergeUndoGroup: true }]);
      expect(excel.stats.suspendApiCalculationCalls).toBe(1);
      expect(model.sheetValues("订单表").values[0]).toEqual(["订单号", "客户", "金额", "", "a", 1, "left queued"]);
    });

    it("measures requests in UTF-8 bytes, so Chinese text costs three bytes a character", async () => {
      const measure = async (text: string): Promise<number> => {
        excel.stats.reset();
        await excel.run(async (ctx) => {
          ctx.workbook.worksheets.getItem("订单表").getRange("E1").values = [[text]];
          await ctx.sync();
        });
        return excel.stats.syncs[0]!.requestBytes;
      };
      expect((await measure("客户客户")) - (await measure("abcd"))).toBe(8);
    });

    it("rejects a request over the limit with RequestPayloadSizeLimitExceeded and executes nothing", async () => {
      excel = createExcelDouble(model, { requestLimitBytes: 1000 });
      const before = model.snapshot();
      const rows = Array.from({ length: 100 }, (_, i) => [`row ${i}`, i]);
      const run = excel.run(async (ctx) => {
        const sheet = ctx.workbook.worksheets.getItem("订单表");
        sheet.getRange("E1").values = [["small"]];
        sheet.getRange("E1:F100").values = rows;
        await ctx.sync();
      });
      await expect(run).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
      expect(model.snapshot()).toEqual(before);
      expect(excel.stats.syncs[0]).toMatchObject({ error: "RequestPayloadSizeLimitExceeded", ops: 5 });
    });

    it("uses Excel on the web's 5 MB by default", async () => {
      const rows = Array.from({ length: 150_000 }, (_, i) => [`customer name ${i}`, i * 1.5, "华东"]);
      const run = excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("订单表").getRange("E1:G150000").values = rows;
        await ctx.sync();
      });
      await expect(run).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
      expect(excel.stats.syncs[0]!.requestBytes).toBeGreaterThan(5 * 1024 * 1024);
    });

    it("rejects a response over the limit with ResponsePayloadSizeLimitExceeded and fills nothing", async () => {
      excel = createExcelDouble(model, { requestLimitBytes: 10_000, responseLimitBytes: 50 });
      await expect(
        excel.run(async (ctx) => {
          const range = ctx.workbook.worksheets.getItem("订单表").getRange("A1:C3").load("values");
          await ctx.sync().catch((e) => {
            expect(thrownCode(() => range.values)).toBe("PropertyNotLoaded");
            throw e;
          });
        }),
      ).rejects.toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
    });

    it("refuses to read more than 5,000,000 cells with RangeExceedsLimit", async () => {
      const run = excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("订单表").getRange("A1:F1000000").load("values");
        await ctx.sync();
      });
      await expect(run).rejects.toMatchObject({ code: "RangeExceedsLimit" });
    });
  });
});

function getA1(ctx: RequestContextDouble): RangeDouble {
  return ctx.workbook.worksheets.getItem("订单表").getRange("A1");
}
