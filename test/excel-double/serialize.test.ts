import { createExcelDouble } from "./excelDouble";
import { WorkbookModel } from "./model";
import { modelFromJson, modelToJson } from "./serialize";

function sample(): WorkbookModel {
  const model = new WorkbookModel();
  model.setValues("订单表", { row: 0, col: 0 }, [
    ["订单号", "客户", "金额"],
    ["SO1", "C1", 100],
    ["SO2", "C2", true],
  ]);
  const orders = model.sheet("订单表")!;
  orders.update(1, 2, (c) => {
    c.numberFormat = "#,##0.00";
    c.font = { bold: true, color: "#FF0000" };
  });
  orders.columnWidths.set(1, 64.5);
  model.addSheet("_SalesReview", { visibility: "VeryHidden", protected: true });
  model.tables.push({
    id: model.nextId("plain"),
    name: "Orders",
    sheetId: orders.id,
    box: { top: 0, left: 0, bottom: 2, right: 2 },
    showTotals: false,
    columns: [{ id: 1, name: "订单号" }],
  });
  model.selection = { sheetId: orders.id, box: { top: 1, left: 1, bottom: 1, right: 1 } };
  return model;
}

describe("modelToJson / modelFromJson", () => {
  it("round-trips everything the snapshot shows, through JSON text", () => {
    const model = sample();
    const back = modelFromJson(JSON.parse(JSON.stringify(modelToJson(model))));
    expect(back.snapshot()).toEqual(model.snapshot());
    expect(back.snapshot().selection).toBe("订单表!B2");
  });

  it("keeps sheet ids and the id counter, so new ids never repeat old ones", () => {
    const model = sample();
    const back = modelFromJson(modelToJson(model));
    expect(back.sheets.map((s) => s.id)).toEqual(model.sheets.map((s) => s.id));
    expect(back.nextId("plain")).toBe(model.nextId("plain"));
  });

  it("gives a model the double works on", async () => {
    const back = modelFromJson(modelToJson(sample()));
    const excel = createExcelDouble(back);
    const values = await excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("订单表").getRange("A1:C3");
      range.load("values");
      await context.sync();
      return range.values;
    });
    expect(values).toEqual([
      ["订单号", "客户", "金额"],
      ["SO1", "C1", 100],
      ["SO2", "C2", true],
    ]);
  });

  it("copies, so changing the JSON or the model afterwards leaves the other alone", () => {
    const model = sample();
    const json = modelToJson(model);
    const back = modelFromJson(json);
    json.sheets[0]!.cells[0]![2].value = "changed";
    model.sheet("订单表")!.put(0, 0, { value: "changed too" });
    expect(back.sheetValues("订单表").values[0]).toEqual(["订单号", "客户", "金额"]);
  });
});
