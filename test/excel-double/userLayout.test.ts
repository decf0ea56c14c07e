import { enUserWorkbook, zhUserWorkbook } from "../safety/fixtures/userWorkbooks";
import { modelFromBytes } from "./fromExcelJS";
import { replaceSheetRefs } from "./model";
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
    expect(orders.autoFilter).toEqual({ address: "A3:G3404", criteria: { "2": '<filters><filter val="C0025"/><filter val="C0041"/></filters>' } });
    expect(orders.hiddenRows).toHaveLength(3323);
    expect(snap.names).toEqual([
      { name: "Print_Area", scope: "Orders", formula: "=Orders!$A$1:$G$3404" },
      { name: "Amounts", scope: null, formula: "=Orders!$D$4:$D$3404" },
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
      { name: "Print_Area", scope: "客户表", formula: "=客户表!$A$1:$H$203" },
      { name: "订单金额", scope: null, formula: "='订单表'!$D$2:$D$5857" },
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
    expect(replaceSheetRefs("=SUM(订单表!$D$2:$D$9,新订单表!A1)", "订单表", "Old orders")).toBe("=SUM('Old orders'!$D$2:$D$9,新订单表!A1)");
    expect(replaceSheetRefs("=Orders!$A$1", "Orders", "#REF!")).toBe("=#REF!$A$1");
  });
});
