import { MissingColumnError, NoReadableRowsError } from "./errors";
import { planOutput } from "./planOutput";
import { runReview } from "./runReview";
import { day, grid, month, serial } from "./testing/grids";
import type { Grid } from "./types";

// M = 2026-10. 甲 (C1, A) bought 800 in June and in October: Stable. 乙 (C2, B) bought 400 in May
// and nothing since: Lost. 丙 (C3) is a prospect that 李娜 visited. A visit on 2026-11-02 is after the as-of date.
const WORKBOOK: Grid[] = [
  grid("客户表", [
    ["客户编号", "客户名称", "业务员"],
    ["C1", "甲公司", "张伟"],
    ["C2", "乙公司", "张伟"],
    ["C3", "丙公司", "李娜"],
  ]),
  grid("订单表", [
    ["订单日期", "客户编号", "金额"],
    [serial("2026-06-10"), "C1", 800],
    [serial("2026-10-10"), "C1", 800],
    [serial("2026-05-10"), "C2", 400],
  ]),
  grid("拜访记录", [
    ["拜访日期", "客户编号", "业务员", "费用"],
    [serial("2026-10-05"), "C1", "张伟", 100],
    [serial("2026-10-06"), "C3", "李娜", null],
    [serial("2026-11-02"), "C1", "张伟", 50],
  ]),
  grid("费用", [
    ["月份", "业务员", "工资"],
    ["2026-10", "张伟", 1000],
    ["2026-10", "李娜", 500],
  ]),
];

describe("runReview", () => {
  it("computes every customer's results", () => {
    const r = runReview(WORKBOOK);
    expect(r.results).toEqual([
      {
        tier: "A",
        sales: 1600,
        share: 0.8,
        cum: 0.8,
        rank: 1,
        change: "Stable",
        changePct: 0,
        recent: 800,
        prior: 800,
        visits: 1,
        visitCost: 1100,
        costRatio: 0.6875,
        costFlag: null,
        lastVisit: day("2026-10-05"),
        due: day("2026-11-04"),
        overdueDays: 0,
        firstDay: day("2026-06-10"),
      },
      {
        tier: "B",
        sales: 400,
        share: 0.2,
        cum: 1,
        rank: 2,
        change: "Lost",
        changePct: -1,
        recent: 0,
        prior: 400,
        visits: 0,
        visitCost: 0,
        costRatio: 0,
        costFlag: null,
        lastVisit: null,
        due: day("2026-10-31"),
        overdueDays: 0,
        firstDay: day("2026-05-10"),
      },
      {
        tier: "D",
        sales: 0,
        share: null,
        cum: null,
        rank: null,
        change: "Inactive",
        changePct: null,
        recent: 0,
        prior: 0,
        visits: 1,
        visitCost: 500,
        costRatio: null,
        costFlag: "VisitsNoOrders",
        lastVisit: day("2026-10-06"),
        due: null,
        overdueDays: null,
        firstDay: NaN,
      },
    ]);
    expect(r.actions).toEqual([
      { customer: 1, reason: "Lost", tier: "B" },
      { customer: 2, reason: "VisitsNoOrders", tier: "D" },
    ]);
    expect(r.issues).toEqual([]);
  });

  it("builds the monthly, salesperson and tier tables", () => {
    const r = runReview(WORKBOOK);
    expect(r.monthly.map((m) => m.month)).toEqual(
      ["2026-05", "2026-06", "2026-07", "2026-08", "2026-09", "2026-10"].map(month),
    );
    expect(r.monthly[5]).toEqual({
      month: month("2026-10"),
      workingDays: 2,
      visits: 2,
      visitsNew: 1,
      visitsExisting: 1,
      visitsPerDay: 1,
      orderAmount: 800,
      amountNew: 0,
      amountExisting: 800,
      directCost: 1600,
      orders: 1,
      costPerOrder: 1600,
      costRatio: 2,
      newCustomers: 0,
      activeCustomers: 1,
      lostCustomers: 1,
    });
    expect(r.byRep.map((g) => [r.reps.names[g.rep], g.orderAmount, g.directCost, g.visitsNew])).toEqual([
      ["张伟", 800, 1100, 0],
      ["李娜", 0, 500, 1],
    ]);
    expect(r.tiers.map((t) => [t.tier, t.customers, t.sales])).toEqual([
      ["A", 1, 1600],
      ["B", 1, 400],
      ["C", 0, 0],
      ["D", 1, 0],
    ]);
    expect(Array.from(r.visitCost)).toEqual([1100, 500, 0]);
  });

  it("reviews the month of the latest order date by default", () => {
    const r = runReview(WORKBOOK);
    expect([r.month, r.asOf]).toEqual([month("2026-10"), day("2026-10-31")]);
  });

  it("ignores and counts the rows dated after the as-of date", () => {
    expect(runReview(WORKBOOK).ignoredAfterAsOf).toEqual({ orders: 0, visits: 1 });
    const r = runReview(WORKBOOK, { month: month("2026-09") });
    expect([r.asOf, r.ignoredAfterAsOf]).toEqual([day("2026-09-30"), { orders: 1, visits: 3 }]);
    expect([r.results[0].sales, r.results[0].visits, r.results[0].lastVisit]).toEqual([800, 0, null]);
  });

  it("uses the settings it is given", () => {
    const r = runReview(WORKBOOK, { tierWindow: 3, changeWindow: 1 });
    // tier window 2026-08…10: only 甲's October order; change window 2026-10 against 2026-09
    expect(r.results.map((c) => [c.tier, c.sales, c.change])).toEqual([
      ["A", 800, "Returning"],
      ["D", 0, "Lost"],
      ["D", 0, "Inactive"],
    ]);
  });

  describe("edge cases", () => {
    it("creates the customers of a workbook with only an order log", () => {
      const r = runReview([
        grid("销售流水", [
          ["日期", "客户", "金额", "业务员", "区域"],
          [serial("2026-10-01"), "甲", 100, "张伟", "华东"],
          [serial("2026-10-02"), "乙", 50, "李娜", "华北"],
          [serial("2026-10-03"), "甲", 100, "李娜", "华南"],
          [serial("2026-10-04"), "甲", 100, "张伟", "华南"],
        ]),
      ]);
      expect([r.customers.names, r.customers.region, r.customers.rep.map((id) => r.reps.names[id])]).toEqual([
        ["甲", "乙"],
        ["华南", "华北"],
        ["张伟", "李娜"],
      ]);
      expect(r.results.map((c) => [c.tier, c.change])).toEqual([
        ["A", "New"],
        ["B", "New"],
      ]);
    });

    it("charges the default cost per visit without any cost data", () => {
      const r = runReview(
        [
          grid("订单", [
            ["日期", "客户", "金额"],
            [serial("2026-10-01"), "甲", 1000],
          ]),
          grid("拜访", [
            ["拜访日期", "客户", "业务员"],
            [serial("2026-10-02"), "甲", "张伟"],
            [serial("2026-10-03"), "甲", "张伟"],
          ]),
        ],
        { defaultVisitCost: 50 },
      );
      expect([r.results[0].visits, r.results[0].visitCost, r.monthly[5].directCost]).toEqual([2, 100, 100]);
    });

    it("takes visits and visit cost from the customer sheet without a visit sheet", () => {
      const r = runReview([
        grid("客户", [
          ["客户名称", "拜访次数", "拜访费用"],
          ["甲", 4, 800],
        ]),
        grid("订单", [
          ["日期", "客户", "金额"],
          [serial("2026-10-01"), "甲", 1000],
        ]),
      ]);
      expect([r.results[0].visits, r.results[0].visitCost, r.results[0].costRatio]).toEqual([4, 800, 0.8]);
    });

    it("takes f from the customer sheet's first trade date when it is earlier", () => {
      const r = runReview([
        grid("客户", [
          ["客户名称", "首次交易日期"],
          ["甲", "2020-01-01"],
        ]),
        grid("订单", [
          ["日期", "客户", "金额"],
          [serial("2026-10-01"), "甲", 1000],
        ]),
      ]);
      expect([r.results[0].firstDay, r.results[0].change]).toEqual([day("2020-01-01"), "Returning"]);
    });
  });

  describe("invalid input", () => {
    it("throws MissingColumnError naming the fields and where it looked when there is no order sheet", () => {
      const grids = [grid("客户表", [["公司台账"], ["客户编号", "客户名称"]]), grid("说明", [])];
      expect(() => runReview(grids)).toThrow(MissingColumnError);
      try {
        runReview(grids);
      } catch (e) {
        const err = e as MissingColumnError;
        expect([err.role, err.missing, err.seen]).toEqual([
          "orders",
          [["orderDate"], ["amount", "quantity"]],
          [
            { sheet: "客户表", headerRow: 1, headers: ["客户编号", "客户名称"] },
            { sheet: "说明", headerRow: 0, headers: [] },
          ],
        ]);
      }
    });

    it("reports bad rows and goes on", () => {
      const r = runReview([
        grid("订单表", [
          ["订单日期", "客户", "金额"],
          [serial("2026-10-01"), "甲", 100],
          ["下周二", "甲", 100],
        ]),
      ]);
      expect([r.month, r.results.length, r.issues]).toEqual([
        month("2026-10"),
        1,
        [{ sheet: "订单表", address: "A3", field: "orderDate", code: "notADate", value: "下周二" }],
      ]);
    });

    it("throws NoReadableRowsError with the data issues when no row has a date", () => {
      const grids = [
        grid("订单表", [
          ["订单日期", "客户", "金额"],
          ["下周二", "甲", 100],
        ]),
      ];
      expect(() => runReview(grids)).toThrow(NoReadableRowsError);
      expect(() => runReview(grids)).toThrow(
        expect.objectContaining({
          sheet: "订单表",
          issues: [{ sheet: "订单表", address: "A2", field: "orderDate", code: "notADate", value: "下周二" }],
        }),
      );
    });

    it("reviews the latest visit month when no order row can be read", () => {
      const r = runReview([
        grid("订单表", [
          ["订单日期", "客户", "金额"],
          ["下周二", "甲", 100],
        ]),
        grid("拜访", [
          ["拜访日期", "客户"],
          [serial("2026-09-03"), "甲"],
        ]),
      ]);
      expect([r.month, r.results.map((x) => x.tier), r.issues.length]).toEqual([month("2026-09"), ["D"], 1]);
    });

    it("reviews the month given when no order row can be read", () => {
      const r = runReview(
        [
          grid("订单表", [
            ["订单日期", "客户", "金额"],
            ["下周二", "甲", 100],
          ]),
        ],
        { month: month("2026-10") },
      );
      expect([r.month, r.results.length]).toEqual([month("2026-10"), 1]);
    });
  });
});

describe("the 1904 date system", () => {
  // The same workbook as Mac Excel stores it: every date cell 1,462 lower, the cost months as dates too.
  const shift = (g: Grid): Grid => ({
    ...g,
    values: g.values.map((r) => r.map((v) => (typeof v === "number" && v > 40000 ? v - 1462 : v))),
  });
  const asDates = (g: Grid): Grid =>
    g.sheet === "费用"
      ? { ...g, values: g.values.map((r, i) => (i === 0 ? r : [serial(`${String(r[0])}-01`), ...r.slice(1)])) }
      : g;

  it("gives the figures of the same workbook on the 1900 system", () => {
    const on1900 = runReview(WORKBOOK.map(asDates));
    const on1904 = runReview(WORKBOOK.map(asDates).map(shift), { dateSystem: 1904 });
    expect({
      results: on1904.results,
      monthly: on1904.monthly,
      byRep: on1904.byRep,
      month: on1904.month,
      asOf: on1904.asOf,
      issues: on1904.issues,
    }).toEqual({
      results: on1900.results,
      monthly: on1900.monthly,
      byRep: on1900.byRep,
      month: month("2026-10"),
      asOf: day("2026-10-31"),
      issues: [],
    });
  });

  it("writes the as-of, last-visit and due dates as 1904 serials", () => {
    const review = runReview(WORKBOOK.map(shift), { dateSystem: 1904 });
    const plan = planOutput(review, {
      lang: "en-US",
      owned: [],
      sheetNames: WORKBOOK.map((g) => g.sheet),
      ownedSheets: [],
      generatedAt: "2026-11-01 09:00",
    });
    const customers = plan.sheets.find((s) => s.sheet === "客户表")!;
    const column = (output: string) => customers.columns.find((c) => c.output === output)!.values;
    const asOf = plan.report.rows.find((r) => r.cells[0] === "As of")!.cells[1];
    expect({ asOf, lastVisit: column("customer.lastVisit"), due: column("customer.visitDue") }).toEqual({
      asOf: serial("2026-10-31") - 1462,
      lastVisit: [serial("2026-10-05") - 1462, null, serial("2026-10-06") - 1462],
      due: [serial("2026-11-04") - 1462, serial("2026-10-31") - 1462, null],
    });
  });
});
