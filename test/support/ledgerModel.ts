import { WorkbookModel } from "../excel-double/model";

/**
 * The small ledger the Office-path tests run on: 客户 (40 customers in the table Customers),
 * 订单 (400 orders in a plain range) and, with `visits`, 拜访 (120 visits). `styledCell` gives
 * the second customer's name a fill and italics, for tests that check formats come back.
 */
export function ledgerModel(options: { visits?: boolean; styledCell?: boolean } = {}): WorkbookModel {
  const model = new WorkbookModel();
  const customers = model.addSheet("客户");
  const customerHeader = ["客户编号", "客户名称", "业务员", "区域"];
  model.setValues("客户", { row: 0, col: 0 }, [
    customerHeader,
    ...Array.from({ length: 40 }, (_, i) => [`C${100 + i}`, `客户${i}`, `业务员${i % 4}`, i % 2 ? "华东" : "华北"]),
  ]);
  if (options.styledCell) customers.update(1, 1, (c) => ((c.fill = "#C6EFCE"), (c.font = { italic: true })));
  model.tables.push({
    id: model.nextId("plain"),
    name: "Customers",
    sheetId: customers.id,
    box: { top: 0, left: 0, bottom: 40, right: 3 },
    showTotals: false,
    columns: customerHeader.map((name, i) => ({ id: i + 1, name })),
  });
  model.addSheet("订单");
  model.setValues("订单", { row: 0, col: 0 }, [
    ["订单日期", "客户编号", "业务员", "金额"],
    ...Array.from({ length: 400 }, (_, i) => [
      46000 + ((i * 7) % 330),
      `C${100 + ((i * 13) % 40)}`,
      `业务员${i % 4}`,
      500 + ((i * 37) % 900),
    ]),
  ]);
  if (options.visits) {
    model.addSheet("拜访");
    model.setValues("拜访", { row: 0, col: 0 }, [
      ["拜访日期", "客户编号", "费用"],
      ...Array.from({ length: 120 }, (_, i) => [
        46000 + ((i * 11) % 330),
        `C${100 + ((i * 7) % 40)}`,
        80 + (i % 5) * 20,
      ]),
    ]);
  }
  return model;
}
