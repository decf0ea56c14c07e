import { WorkbookMerger, combinedHeader } from "./mergeWorkbooks";
import { monthIndex } from "./_lib/dates";
import { runReview } from "./runReview";
import { grid, serial } from "./testing/grids";
import type { Grid } from "./types";

function merge(lang: "zh-CN" | "en-US", ...inputs: [string, Grid[]][]) {
  const m = new WorkbookMerger(lang);
  for (const [file, grids] of inputs) m.add(file, grids);
  return m.finish();
}

const CUSTOMERS = grid("客户表", [
  ["客户编号", "客户名称", "业务员", "信用额度"],
  ["C1", "甲公司", "张伟", 5000],
  ["C2", "乙公司", "李娜", null],
]);

describe("WorkbookMerger", () => {
  it("counts a master copy and a salesperson's copy of the same orders once, and keeps two identical lines of one file", () => {
    const orders = [
      ["订单日期", "客户编号", "金额"],
      [serial("2026-10-01"), "C1", 100],
      [serial("2026-10-01"), "C1", 100],
      [serial("2026-10-02"), "C2", 50],
    ];
    const copy = [
      ["Order Date", "Customer ID", "Amount"],
      ["2026-10-01", " c1 ", "100.00"],
      ["2026/10/2", "C2", "¥50"],
    ];
    const merged = merge(
      "zh-CN",
      ["master.xlsx", [CUSTOMERS, grid("订单表", orders)]],
      ["zhang.xlsx", [grid("Orders", copy)]],
    );
    expect(merged.grids.find((g) => g.sheet === "订单表")!.values).toEqual([
      ["订单日期", "客户编号", "金额", "来源"],
      [serial("2026-10-01"), "C1", 100, "master.xlsx: 订单表; zhang.xlsx: Orders"],
      [serial("2026-10-01"), "C1", 100, "master.xlsx: 订单表"],
      [serial("2026-10-02"), "C2", 50, "master.xlsx: 订单表; zhang.xlsx: Orders"],
    ]);
    expect(merged.inputs.map((i) => [i.file, i.shared])).toEqual([
      ["master.xlsx", 3],
      ["zhang.xlsx", 2],
    ]);
    const review = runReview(merged.grids);
    expect(review.monthly[5].orderAmount).toBe(250);
  });

  it("merges payment sheets, a 回款表's plain 金额 into the payment amount, and reviews the receivables once", () => {
    const orders = grid("订单表", [
      ["订单日期", "客户编号", "金额"],
      [serial("2026-09-01"), "C1", 1000],
    ]);
    const payments = grid("回款", [
      ["回款日期", "客户编号", "回款金额"],
      [serial("2026-09-15"), "C1", 300],
      [serial("2026-10-05"), "C1", 200],
    ]);
    const copy = grid("回款表", [
      ["日期", "客户编号", "金额"],
      ["2026-09-15", "C1", "300.00"],
    ]);
    const merged = merge("zh-CN", ["master.xlsx", [CUSTOMERS, orders, payments]], ["zhang.xlsx", [copy]]);
    expect(merged.grids.find((g) => g.sheet === "回款表")!.values).toEqual([
      ["回款日期", "客户编号", "回款金额", "来源"],
      [serial("2026-09-15"), "C1", 300, "master.xlsx: 回款; zhang.xlsx: 回款表"],
      [serial("2026-10-05"), "C1", 200, "master.xlsx: 回款"],
    ]);
    expect(merged.inputs.map((i) => [i.file, i.shared])).toEqual([
      ["master.xlsx", 1],
      ["zhang.xlsx", 1],
    ]);
    const review = runReview(merged.grids, { month: monthIndex(2026, 10) });
    expect(review.credit?.source).toBe("paymentSheet");
    expect(review.credit?.receivables.receivable[0]).toBe(500);
  });

  it("keeps as many copies as the input that holds a row most often", () => {
    const row = [serial("2026-10-01"), "C1", 100];
    const a = grid("订单表", [["订单日期", "客户编号", "金额"], row]);
    const b = grid("订单表", [["订单日期", "客户编号", "金额"], row, row, row]);
    const merged = merge("zh-CN", ["a.xlsx", [a]], ["b.xlsx", [b]], ["c.xlsx", [a]]);
    expect(merged.grids[0].values.map((r) => r[3])).toEqual([
      "来源",
      "a.xlsx: 订单表; b.xlsx: 订单表; c.xlsx: 订单表",
      "b.xlsx: 订单表",
      "b.xlsx: 订单表",
    ]);
  });

  it("keeps the first file's credit limit and reports the other with both files and values", () => {
    const other = grid("Customers", [
      ["Customer ID", "Customer", "Rep", "Credit Limit", "Region"],
      ["C1", "甲公司", "张伟", 8000, "华东"],
    ]);
    const merged = merge("zh-CN", ["a.xlsx", [CUSTOMERS]], ["b.xlsx", [other]]);
    expect(merged.grids[0].values).toEqual([
      ["客户编号", "客户名称", "业务员", "区域", "信用额度", "来源"],
      ["C1", "甲公司", "张伟", "华东", 5000, "a.xlsx: 客户表; b.xlsx: Customers"],
      ["C2", "乙公司", "李娜", null, null, "a.xlsx: 客户表"],
    ]);
    expect(merged.issues).toEqual([
      {
        sheet: "[b.xlsx]Customers",
        address: "D2",
        field: "creditLimit",
        code: "conflict",
        value: "b.xlsx: 8000 ≠ a.xlsx: 5000",
      },
    ]);
  });

  it("keeps the first file's cost row for a salesperson and month, and reports a differing one", () => {
    const a = grid("费用表", [
      ["月份", "业务员", "工资", "提成"],
      ["2026-10", "张伟", 1000, 200],
    ]);
    const b = grid("Costs", [
      ["Month", "Salesperson", "Salary"],
      ["2026年10月", "张伟", 1500],
      ["2026-10", "李娜", 900],
    ]);
    const merged = merge("en-US", ["a.xlsx", [a]], ["b.xlsx", [b]]);
    expect(merged.grids[0].values).toEqual([
      ["Month", "Salesperson", "工资", "提成", "Salary", "Source"],
      ["2026-10", "张伟", 1000, 200, null, "a.xlsx: 费用表"],
      ["2026-10", "李娜", null, null, 900, "b.xlsx: Costs"],
    ]);
    expect(merged.issues).toEqual([
      {
        sheet: "[b.xlsx]Costs",
        address: "A2",
        field: "monthlyCost",
        code: "conflict",
        value: "b.xlsx: 1500 ≠ a.xlsx: 1200",
      },
    ]);
  });

  it("reads a table and a plain range under title rows, each with its own headers, and names the file on its issues", () => {
    const table = grid(
      "订单",
      [
        ["下单日期", "客户", "销售额"],
        [serial("2026-10-01"), "甲公司", 100],
        ["下周", "甲公司", 10],
      ],
      { row: 4, col: 1 },
      "表1",
    );
    const range = grid("Sales", [
      ["Sales 2026", null, null],
      [null, null, null],
      ["Date", "Company", "Revenue"],
      ["5/10/2026", "乙公司", "1,200"],
      ["13/10/2026", "乙公司", "300"],
    ]);
    const merged = merge("zh-CN", ["a.xlsx", [table]], ["b.xlsx", [range]]);
    expect(merged.grids[0].values).toEqual([
      ["订单日期", "客户名称", "金额", "来源"],
      [serial("2026-10-01"), "甲公司", 100, "a.xlsx: 订单"],
      [serial("2026-10-05"), "乙公司", 1200, "b.xlsx: Sales"],
      [serial("2026-10-13"), "乙公司", 300, "b.xlsx: Sales"],
    ]);
    expect(merged.issues).toEqual([
      { sheet: "[a.xlsx]订单", address: "B7", field: "orderDate", code: "notADate", value: "下周" },
    ]);
    expect(merged.dateOrders).toEqual([{ sheet: "[b.xlsx]Sales", order: "dayFirst" }]);
    expect(merged.skipped.orders).toBe(1);
  });

  it("merges a customer listed by name in one file with the same customer listed with an id in another", () => {
    const named = grid("客户", [
      ["客户名称", "区域"],
      ["甲公司", "华东"],
    ]);
    const merged = merge("zh-CN", ["a.xlsx", [CUSTOMERS]], ["b.xlsx", [named]]);
    expect(merged.grids[0].values.slice(1).map((r) => r.slice(0, 4))).toEqual([
      ["C1", "甲公司", "张伟", "华东"],
      ["C2", "乙公司", "李娜", null],
    ]);
    expect(merged.issues).toEqual([]);
  });

  it("orders tied customers missing from the customer sheet as the combined rows first name them (property counterexample)", () => {
    // Two customers only visits name, with the same visit cost: the action list breaks the tie by
    // customer number, i.e. by first appearance, which the combined rows change (docs/decisions.md).
    const orders = [
      ["订单日期", "客户编号", "金额"],
      [serial("2026-10-01"), "C1", 100],
    ];
    const visit = (day: string, customer: string, rep: string) => [serial(day), customer, rep, 80];
    const header = ["拜访日期", "客户编号", "业务员", "费用"];
    const whole = [
      CUSTOMERS,
      grid("订单表", orders),
      grid("拜访记录", [header, visit("2026-10-02", "C4", "李娜"), visit("2026-10-03", "C3", "张伟")]),
    ];
    const zhang = [CUSTOMERS, grid("订单表", orders), grid("拜访记录", [header, visit("2026-10-03", "C3", "张伟")])];
    const li = [
      CUSTOMERS,
      grid("订单表", orders.slice(0, 1)),
      grid("拜访记录", [header, visit("2026-10-02", "C4", "李娜")]),
    ];
    const actions = (grids: Grid[]) => {
      const r = runReview(grids);
      return r.actions.map((a) => [r.customers.key(a.customer), a.reason, r.results[a.customer].visitCost]);
    };
    expect(actions(whole)).toEqual([
      ["C4", "VisitsNoOrders", 80],
      ["C3", "VisitsNoOrders", 80],
    ]);
    expect(actions(merge("zh-CN", ["zhang.xlsx", zhang], ["li.xlsx", li]).grids)).toEqual([
      ["C3", "VisitsNoOrders", 80],
      ["C4", "VisitsNoOrders", 80],
    ]);
  });

  it("orders tied salespeople missing from the customer sheet as the combined rows first name them (property counterexample)", () => {
    const header = ["订单日期", "客户编号", "金额", "业务员"];
    const tom = [serial("2026-10-01"), "C1", 100, "Tom"];
    const wang = [serial("2026-10-02"), "C2", 100, "王芳"];
    const reps = (grids: Grid[]) => {
      const r = runReview(grids);
      return r.byRep.map((g) => [r.reps.names[g.rep], g.orderAmount]);
    };
    expect(reps([CUSTOMERS, grid("订单表", [header, tom, wang])])).toEqual([
      ["Tom", 100],
      ["王芳", 100],
    ]);
    const merged = merge(
      "zh-CN",
      ["wang.xlsx", [CUSTOMERS, grid("订单表", [header, wang])]],
      ["tom.xlsx", [CUSTOMERS, grid("订单表", [header, tom])]],
    );
    expect(reps(merged.grids)).toEqual([
      ["王芳", 100],
      ["Tom", 100],
    ]);
  });

  it("gives a difference of two sums equal to a billionth, not to the last digit (property counterexample)", () => {
    // amountExisting = orderAmount − amountNew: the order amount added input by input differs
    // past the 15th digit, which the subtraction carries into a small result (docs/decisions.md).
    const header = ["订单日期", "客户编号", "金额"];
    const zhang = [
      [serial("2026-09-01"), "C1", 100],
      [serial("2026-10-01"), "C1", -0.01],
      [serial("2026-10-01"), "C1", -0.01],
    ];
    const li = [[serial("2026-10-02"), "C2", 64.03]];
    const existing = (grids: Grid[]) => runReview(grids).monthly.at(-1)!.amountExisting;
    const whole = existing([CUSTOMERS, grid("订单表", [header, ...zhang, ...li])]);
    const merged = merge(
      "zh-CN",
      ["li.xlsx", [CUSTOMERS, grid("订单表", [header, ...li])]],
      ["zhang.xlsx", [CUSTOMERS, grid("订单表", [header, ...zhang])]],
    );
    const combined = existing(merged.grids);
    expect(combined).not.toBe(whole);
    expect(Math.abs(combined - whole)).toBeLessThan(1e-9);
    expect(Math.abs(whole + 0.02)).toBeLessThan(1e-9);
  });

  describe("edge cases", () => {
    it("lists each input holding a row once in its Source, in order, two inputs of one name too", () => {
      const a = grid("订单表", [
        ["订单日期", "客户编号", "金额"],
        [serial("2026-10-01"), "C1", 100],
        [serial("2026-10-01"), "C1", 100],
      ]);
      const sources = (...files: string[]) =>
        merge("zh-CN", ...files.map((f): [string, Grid[]] => [f, [a]])).grids[0].values.map((r) => r[3]);
      const listed = "a.xlsx: 订单表; x; b.xlsx: 订单表; a.xlsx: 订单表";
      expect(sources("a.xlsx", "x; b.xlsx", "a.xlsx")).toEqual(["来源", listed, listed]);
    });

    it("gives no combined sheet for a role no input has", () => {
      expect(merge("zh-CN", ["a.xlsx", [CUSTOMERS]]).grids.map((g) => g.sheet)).toEqual(["客户表"]);
    });

    it("heads each field with its first synonym in the output language", () => {
      expect(
        ["orderDate", "visitCost", "grossMargin", "visitCostTotal"].map((f) =>
          combinedHeader(f as "orderDate", "en-US"),
        ),
      ).toEqual(["Order Date", "Cost", "Profit", "Visit Cost"]);
      expect(combinedHeader("customerName", "zh-CN")).toBe("客户名称");
    });
  });
});
