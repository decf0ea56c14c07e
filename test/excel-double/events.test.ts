import { asExcel, createExcelDouble, type ExcelDouble } from "./excelDouble";
import { WorkbookModel } from "./model";
import { insertRow, recalculate, sortRowsDescending, typeValue } from "./userEdits";

/** A workbook with one sheet of three rows and a TODAY() cell on another. */
function seeded(): WorkbookModel {
  const model = new WorkbookModel();
  model.setValues("Orders", { row: 0, col: 0 }, [
    ["id", "amount"],
    ["a", 10],
    ["b", 20],
  ]);
  model.addSheet("Calc").put(0, 0, { formula: "=TODAY()", value: 46349 });
  return model;
}

/** Registers a handler for each event named and returns what each one received. */
async function listen(double: ExcelDouble, names: string[]): Promise<Record<string, Record<string, unknown>[]>> {
  const got: Record<string, Record<string, unknown>[]> = Object.fromEntries(names.map((n) => [n, []]));
  await asExcel(double).run(async (ctx) => {
    const sheets = ctx.workbook.worksheets as unknown as Record<
      string,
      { add(h: (a: Record<string, unknown>) => Promise<void>): unknown }
    >;
    for (const n of names) sheets[n]!.add(async (args) => void got[n]!.push(args));
    await ctx.sync();
  });
  return got;
}

const ALL = ["onChanged", "onFormatChanged", "onAdded", "onDeleted", "onCalculated", "onRowSorted", "onColumnSorted"];

describe("the double's worksheet-collection events", () => {
  it("registers a handler at the sync that carries add, and keeps it after that Excel.run", async () => {
    const double = createExcelDouble(seeded());
    await asExcel(double).run(async (ctx) => {
      ctx.workbook.worksheets.onChanged.add(async () => undefined);
      expect(double.events.count("onChanged")).toBe(0);
      await ctx.sync();
      expect(double.events.count("onChanged")).toBe(1);
    });
    expect(double.events.count("onChanged")).toBe(1);
  });

  it("fails the sync with ApiNotFound where the host lacks the event's requirement set", async () => {
    const double = createExcelDouble(seeded(), { apiSets: { ExcelApi: "1.8" } });
    await expect(
      asExcel(double).run(async (ctx) => {
        ctx.workbook.worksheets.onChanged.add(async () => undefined);
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "ApiNotFound" });
    // onCalculated is ExcelApi 1.8: there.
    await listen(double, ["onCalculated"]);
    expect(double.events.count("onCalculated")).toBe(1);
  });

  it("raises WorksheetChanged for the add-in's own writes, after the sync, with the written block", async () => {
    const model = seeded();
    const double = createExcelDouble(model);
    const got = await listen(double, ["onChanged", "onFormatChanged"]);
    await asExcel(double).run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Orders").getRange("C1:C3").values = [["tier"], ["A"], ["B"]];
      await ctx.sync();
    });
    await double.events.settled();
    const id = model.sheet("Orders")!.id;
    expect(got.onChanged).toEqual([
      {
        type: "WorksheetChanged",
        changeType: "RangeEdited",
        source: "Local",
        worksheetId: id,
        address: "C1:C3",
        triggerSource: "ThisLocalAddin",
      },
    ]);
    expect(got.onFormatChanged).toEqual([]);
  });

  it("raises WorksheetFormatChanged, not WorksheetChanged, for a number format alone", async () => {
    const model = seeded();
    const double = createExcelDouble(model);
    const got = await listen(double, ["onChanged", "onFormatChanged"]);
    await asExcel(double).run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Orders").getRange("B2:B3").numberFormat = [["0.00"], ["0.00"]];
      await ctx.sync();
    });
    await double.events.settled();
    expect(got.onChanged).toEqual([]);
    expect(got.onFormatChanged).toEqual([
      { type: "WorksheetFormatChanged", source: "Local", worksheetId: model.sheet("Orders")!.id, address: "B2:B3" },
    ]);
  });

  it("raises WorksheetChanged for what the user types, and WorksheetCalculated where formulas recalculate", async () => {
    const model = seeded();
    const double = createExcelDouble(model);
    const got = await listen(double, ALL);
    typeValue(model, "Orders", 2, 1, 25);
    await double.events.settled();
    expect(got.onChanged).toEqual([
      {
        type: "WorksheetChanged",
        changeType: "RangeEdited",
        source: "Local",
        worksheetId: model.sheet("Orders")!.id,
        address: "B3",
        triggerSource: "Unknown",
      },
    ]);
    expect(got.onCalculated).toEqual([
      { type: "WorksheetCalculated", worksheetId: model.sheet("Calc")!.id, address: "A1" },
    ]);
  });

  it("says a row was inserted, over the rows from it down", async () => {
    const model = seeded();
    const double = createExcelDouble(model);
    const got = await listen(double, ["onChanged"]);
    insertRow(model, "Orders", 1, ["z", 5]);
    await double.events.settled();
    expect(got.onChanged).toMatchObject([{ changeType: "RowInserted", address: "2:1048576" }]);
  });

  it("raises only WorksheetCalculated when a volatile formula recalculates", async () => {
    const model = seeded();
    const double = createExcelDouble(model);
    const got = await listen(double, ALL);
    recalculate(model, "Calc", [[0, 0, 46350]]);
    await double.events.settled();
    expect(got.onCalculated).toEqual([
      { type: "WorksheetCalculated", worksheetId: model.sheet("Calc")!.id, address: "A1" },
    ]);
    expect(got.onChanged).toEqual([]);
    expect(model.sheet("Calc")!.get(0, 0)).toEqual({ formula: "=TODAY()", value: 46350 });
  });

  it("raises only WorksheetRowSorted for a sort", async () => {
    const model = seeded();
    const double = createExcelDouble(model);
    const got = await listen(double, ALL);
    sortRowsDescending(model, "Orders", 1, 2, 1);
    await double.events.settled();
    expect(got.onRowSorted).toEqual([
      { type: "WorksheetRowSorted", source: "Local", worksheetId: model.sheet("Orders")!.id, address: "A2:B3" },
    ]);
    expect(got.onChanged).toEqual([]);
  });

  it("raises WorksheetAdded and WorksheetDeleted for sheets the add-in adds and deletes", async () => {
    const model = seeded();
    const double = createExcelDouble(model);
    const got = await listen(double, ["onAdded", "onDeleted"]);
    await asExcel(double).run(async (ctx) => {
      ctx.workbook.worksheets.add("New");
      await ctx.sync();
      ctx.workbook.worksheets.getItem("Calc").delete();
      await ctx.sync();
    });
    await double.events.settled();
    expect(got.onAdded).toEqual([{ type: "WorksheetAdded", source: "Local", worksheetId: model.sheet("New")!.id }]);
    expect(got.onDeleted).toMatchObject([{ type: "WorksheetDeleted", source: "Local" }]);
  });

  it("tells handlers of changes a test made to the model between runs when the next run starts", async () => {
    const model = seeded();
    const double = createExcelDouble(model);
    const got = await listen(double, ["onChanged"]);
    model.setValues("Orders", { row: 1, col: 1 }, [[11]]);
    await asExcel(double).run(async () => undefined);
    await double.events.settled();
    expect(got.onChanged).toMatchObject([{ address: "B2", triggerSource: "Unknown" }]);
  });

  it("raises nothing for the workbook as seeded, nor for reads", async () => {
    const double = createExcelDouble(seeded());
    const got = await listen(double, ALL);
    await asExcel(double).run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Orders").getUsedRange().load("values");
      await ctx.sync();
    });
    await double.events.settled();
    expect(double.events.raised).toEqual([]);
    expect(Object.values(got).flat()).toEqual([]);
  });
});
