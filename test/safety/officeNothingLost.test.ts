import { createExcelHost } from "../../src/adapters/excel/excelHost";
import { asExcel, createExcelDouble } from "../excel-double/excelDouble";
import { modelFromFile } from "../excel-double/fromExcelJS";
import type { WorkbookModel } from "../excel-double/model";
import { diffOutsideOwned, userView } from "./officeCompare";
import { SAMPLE_ZH as SAMPLE } from "../fixtures/paths";

/*
 * The sample with the user's additions made in the model. The safety fixtures (merged titles,
 * notes, validation lists, hidden and filtered rows, AutoFilter, frozen panes, names, print
 * areas), Undo on them and the tamper tests are in officeKeepsLayout.test.ts; the compare
 * (diffOutsideOwned, officeCompare.ts) is the same.
 */
const env = { isSetSupported: () => false, now: () => new Date(2026, 10, 23, 9, 30) };

/** The sample plus what users add: their own 客户等级 column, formulas over the data, formats, a totals table, more sheets. */
async function userWorkbook(): Promise<WorkbookModel> {
  const model = await modelFromFile(SAMPLE);
  const customers = model.sheet("客户表")!;
  // The user's own 客户等级 column, inside their table, and a note to the right below the table's rows.
  customers.put(0, 7, { value: "客户等级", font: { bold: true }, fill: "#FFFF00" });
  for (let r = 1; r <= 202; r++) customers.put(r, 7, { value: r % 3 === 0 ? "VIP" : "普通" });
  const table = model.tables.find((t) => t.name === "Customers")!;
  table.box = { ...table.box, right: 7 };
  table.columns.push({ id: 8, name: "客户等级" });
  customers.put(205, 9, { value: 1500, formula: "=SUM(F2:F203)", numberFormat: "#,##0", fill: "#DDEBF7" });
  customers.update(1, 1, (c) => ((c.fill = "#C6EFCE"), (c.font = { italic: true, color: "#FF0000" })));
  customers.update(1, 5, (c) => (c.numberFormat = "#,##0.00"));
  customers.columnWidths.set(1, 120);
  const orders = model.sheet("订单表")!;
  orders.put(5860, 3, { value: 123456.78, formula: "=SUM(D2:D5857)", numberFormat: "#,##0" });
  orders.put(5861, 9, { value: 1942.01, formula: "=客户表!F2*0+E2", font: { bold: true } });
  // In the table's rows, right beside it: widening the table would shift these right, so the run writes its columns past them.
  orders.put(9, 6, { value: "跟进", fill: "#FFFF00" });
  orders.put(40, 7, { value: 3, formula: "=1+2" });
  const notes = model.addSheet("备注");
  model.setValues("备注", { row: 0, col: 0 }, [
    ["项目", "数量"],
    ["A", 1],
    ["B", 2],
    ["合计", 3],
  ]);
  notes.update(3, 1, (c) => (c.formula = "=SUBTOTAL(109,[数量])"));
  model.tables.push({
    id: model.nextId("plain"),
    name: "Notes",
    sheetId: notes.id,
    box: { top: 0, left: 0, bottom: 3, right: 1 },
    showTotals: true,
    columns: [
      { id: 1, name: "项目" },
      { id: 2, name: "数量" },
    ],
  });
  model.addSheet("隐藏", { visibility: "Hidden" });
  model.setValues("隐藏", { row: 0, col: 0 }, [["secret", 42]]);
  return model;
}

describe("the Office.js path keeps every user cell (guarantee 1)", () => {
  it("changes nothing outside the run's own columns and sheets, and keeps the user's 客户等级 column", async () => {
    const model = await userWorkbook();
    const before = model.snapshot();
    const outcome = await createExcelHost(asExcel(createExcelDouble(model)), env).run(
      { lang: "zh-CN", settings: {} },
      () => undefined,
    );
    expect(outcome.ok).toBe(true);
    const after = model.snapshot();
    const diff = diffOutsideOwned(before, after);
    expect(diff.outside).toEqual([]);
    // Every cell of the 13 receivable and screening columns beside the 15 older ones is compared too
    // (a blank credit flag or recommendation is no cell).
    const creditColumns = /^(X|Y|Z|A[A-J])\d+$/;
    const newCells = Object.keys(after.sheets.find((s) => s.name === "客户表")!.cells).filter((a) =>
      creditColumns.test(a),
    ).length;
    expect(newCells).toBeGreaterThan(12 * 202);
    expect(diff.cells).toBe(74_323 + newCells);
    expect(diff.owned.size).toBeGreaterThan(0);
    expect([...diff.owned]).toEqual(
      [..."IJKLMNOPQRSTUVWXYZ", "AA", "AB", "AC", "AD", "AE", "AF", "AG", "AH", "AI", "AJ"]
        .map((c) => `客户表!${c}`)
        .concat(["订单表!K", "订单表!L", "拜访记录!E", "拜访记录!F"]),
    );
    // Beside the order table, not in it: the table keeps its columns, the user's cells stay where they were.
    expect(after.tables.find((x) => x.name === "Orders")).toEqual(before.tables.find((x) => x.name === "Orders"));
    const header = model.sheetValues("客户表").values[0]!;
    expect(header.slice(7, 9)).toEqual(["客户等级", "客户等级 (2)"]);
    expect(
      model
        .sheetValues("客户表")
        .values.slice(1, 203)
        .map((r) => r[7]),
    ).toEqual(Array.from({ length: 202 }, (_, i) => ((i + 1) % 3 === 0 ? "VIP" : "普通")));
    expect(after.sheets.slice(0, before.sheets.length).map((s) => s.name)).toEqual(before.sheets.map((s) => s.name));
  });

  it("re-runs onto the columns it wrote beside a table that could not widen, moving nothing", async () => {
    const model = await userWorkbook();
    const host = createExcelHost(asExcel(createExcelDouble(model)), env);
    expect((await host.run({ lang: "zh-CN", settings: {} }, () => undefined)).ok).toBe(true);
    const once = userView(model);
    expect(model.sheetValues("订单表").values[0]!.slice(6, 12)).toEqual(["", "", "", "", "客户等级", "新老客户"]);
    expect((await host.run({ lang: "zh-CN", settings: {} }, () => undefined)).ok).toBe(true);
    expect(userView(model)).toEqual(once);
  });
});
