import { initMapping, mappingReducer } from "./mappingState";
import { inspectionOf } from "./testFixtures";
import { columnOptions, describeRoles, pickableSheets, summarizeDetection } from "./useDetectedSection";

const inspection = inspectionOf();
const mapping = initMapping(inspection.detection);

describe("columnOptions", () => {
  it("lists 'not used', then every non-blank header with its column letter", () => {
    expect(columnOptions(["日期", "", "金额"], "zh-CN")).toEqual([
      { value: "none", text: "— 不使用 —" },
      { value: "0", text: "日期 (A)" },
      { value: "2", text: "金额 (C)" },
    ]);
  });
});

describe("summarizeDetection", () => {
  it("names the sheets found, in role order, when every required column is found", () => {
    expect(summarizeDetection(mapping, {}, "en-US")).toBe("Found: 订单, 拜访 — all columns");
    const all = { ...mapping, customers: { sheet: "客户", edits: {} }, costs: { sheet: "费用", edits: {} } };
    expect(summarizeDetection(all, {}, "zh-CN")).toBe("已找到：客户, 订单, 拜访, 费用 — 各列齐全");
  });

  describe("edge cases", () => {
    it("is undefined while a chosen sheet lacks a required column", () => {
      expect(summarizeDetection(mapping, { visits: [["visitDate"]] }, "en-US")).toBeUndefined();
    });

    it("is undefined while no orders sheet is chosen", () => {
      expect(summarizeDetection(initMapping(undefined), {}, "en-US")).toBeUndefined();
    });
  });
});

describe("pickableSheets", () => {
  it("lists every sheet but the add-in's record sheet", () => {
    expect(pickableSheets(inspection)).toEqual(["订单", "拜访", "说明"]);
  });
});

describe("describeRoles", () => {
  it("shows each role's sheet, rows and columns in the pane's language", () => {
    const [customers, orders, visits, costs] = describeRoles(mapping, inspection, "en-US", {});
    expect(customers).toEqual({
      role: "customers",
      sheetLabel: "Customers sheet",
      sheet: null,
      columnOptions: [],
      fields: [],
      autoColumns: false,
    });
    expect(costs.sheet).toBeNull();
    expect(visits.info).toBe("30 rows, headers in row 2");
    expect(orders.info).toBe("120 rows, headers in row 1");
    expect(orders.fields.map((f) => [f.testId, f.value, f.text])).toEqual([
      ["mapping-orders-orderDate", "0", "日期 (A)"],
      ["mapping-orders-customerId", "none", "— not used —"],
      ["mapping-orders-customerName", "1", "客户 (B)"],
      ["mapping-orders-amount", "2", "金额 (C)"],
      ["mapping-orders-quantity", "none", "— not used —"],
      ["mapping-orders-unitPrice", "none", "— not used —"],
      ["mapping-orders-orderId", "none", "— not used —"],
      ["mapping-orders-grossMargin", "none", "— not used —"],
      ["mapping-orders-paid", "none", "— not used —"],
      ["mapping-orders-dueDate", "none", "— not used —"],
      ["mapping-orders-salesperson", "none", "— not used —"],
      ["mapping-orders-region", "3", "地区 (D)"],
    ]);
    expect(orders.fields[3]).toEqual({
      field: "amount",
      label: "Amount",
      ariaLabel: "Orders: column for amount",
      value: "2",
      text: "金额 (C)",
      testId: "mapping-orders-amount",
    });
  });

  it("adds a role's data issues to its rows when they are known (a file picked in the Team view)", () => {
    const withIssues = { ...inspection, issueCounts: { orders: 3, visits: 0 } };
    const [, orders, visits] = describeRoles(mapping, withIssues, "zh-CN", {});
    expect([orders.info, visits.info]).toEqual([
      "120 行，表头在第 1 行，3 个数据问题",
      "30 行，表头在第 2 行，0 个数据问题",
    ]);
  });

  it("names the column in Chinese", () => {
    const orders = describeRoles(mapping, inspection, "zh-CN", {})[1];
    expect(orders.sheetLabel).toBe("订单表");
    expect(orders.fields[3].ariaLabel).toBe("订单表：金额所在列");
  });

  it("shows the user's choice", () => {
    const edited = mappingReducer(mapping, { type: "column", role: "orders", field: "region", col: 4 });
    expect(describeRoles(edited, inspection, "en-US", {})[1].fields[11]).toMatchObject({
      value: "4",
      text: "城市 (E)",
    });
  });

  it("says what a role lacks", () => {
    const orders = describeRoles(mapping, inspection, "en-US", { orders: [["amount", "quantity"]] })[1];
    expect(orders.missing).toBe("The Orders sheet needs a column for: amount / quantity.");
    expect(
      describeRoles(mapping, inspection, "zh-CN", { orders: [["orderDate"], ["amount", "quantity"]] })[1].missing,
    ).toBe("订单表缺少必需的列：订单日期, 金额 / 数量。");
  });

  it("says a sheet's columns are detected at run time when its headers are unknown", () => {
    const picked = mappingReducer(mapping, { type: "sheet", role: "costs", sheet: "说明" });
    expect(describeRoles(picked, inspection, "en-US", {})[3]).toEqual({
      role: "costs",
      sheetLabel: "Costs sheet",
      sheet: "说明",
      columnOptions: [],
      fields: [],
      autoColumns: true,
    });
  });

  it("lists the cost sheet's monthly cost columns", () => {
    const costs = {
      sheet: "费用",
      role: "costs" as const,
      headerRow: 0,
      columns: { month: 0, salesperson: 1 },
      monthlyCostColumns: [2, 3],
      headers: ["月份", "业务员", "工资", "差旅费"],
      rowCount: 12,
      lastRow: 12,
    };
    const withCosts = inspectionOf({ detection: { ...inspection.detection!, costs } });
    expect(describeRoles(initMapping(withCosts.detection), withCosts, "zh-CN", {})[3].monthly).toBe(
      "月度费用列：工资, 差旅费",
    );
  });
});
