import { buildMonthlyTable } from "./buildMonthlyTable";
import { ACTIVITY_KEYS } from "./buildActivity";
import { buildRepTable, type RepFigures } from "./buildRepTable";
import { activityInputs, month, type ActivitySpec } from "./testing/grids";

const OCT = month("2026-10");

// Customers 0 and 3 existing, 1 new in 2026-10, 2 a prospect. Reps 0, 1 and 2; −1: no salesperson.
const WORKBOOK: ActivitySpec = {
  month: "2026-10",
  customers: 4,
  firstDay: ["2025-01-01", "2026-10-12", null, "2025-01-01"],
  visits: [
    { day: "2026-10-05", customer: 0, rep: 0, cost: 10 },
    { day: "2026-10-05", customer: 2, rep: 0, cost: 20 },
    { day: "2026-10-12", customer: 1, rep: 0, cost: 30 },
    { day: "2026-10-05", customer: 0, rep: 1, cost: 40 },
    { day: "2026-10-06", customer: 3, cost: 0 },
    { day: "2026-09-06", customer: 3, rep: 0, cost: 500 },
  ],
  orders: [
    { day: "2026-10-05", customer: 0, amount: 1000, rep: 0, orderId: 0 },
    { day: "2026-10-05", customer: 0, amount: 500, rep: 0, orderId: 0 },
    { day: "2026-10-12", customer: 1, amount: 2000, rep: 1, orderId: 1 },
    { day: "2026-10-20", customer: 3, amount: 300 },
    { day: "2026-10-21", customer: 3, amount: 200, rep: 1 },
    { day: "2026-09-21", customer: 3, amount: 800, rep: 2 },
  ],
  monthlyCosts: [
    { month: OCT, rep: 0, amount: 600 },
    { month: OCT, rep: 1, amount: 400 },
    { month: OCT, rep: 2, amount: 100 },
    { month: month("2026-09"), rep: 0, amount: 999 },
  ],
};

describe("buildRepTable", () => {
  it("gives figures 1–12 per salesperson, largest order amount first and no salesperson last", () => {
    const { a } = activityInputs(WORKBOOK);
    const none: Omit<RepFigures, "rep"> = {
      workingDays: 0,
      visits: 0,
      visitsNew: 0,
      visitsExisting: 0,
      visitsPerDay: null,
      orderAmount: 0,
      amountNew: 0,
      amountExisting: 0,
      directCost: 0,
      orders: 0,
      costPerOrder: null,
      costRatio: null,
    };
    expect(buildRepTable(a, OCT)).toEqual([
      {
        ...none,
        rep: 1,
        workingDays: 1,
        visits: 1,
        visitsExisting: 1,
        visitsPerDay: 1,
        orderAmount: 2200,
        amountNew: 2000,
        amountExisting: 200,
        directCost: 440,
        orders: 2,
        costPerOrder: 220,
        costRatio: 0.2,
      },
      {
        ...none,
        rep: 0,
        workingDays: 2,
        visits: 3,
        visitsNew: 2,
        visitsExisting: 1,
        visitsPerDay: 1.5,
        orderAmount: 1500,
        amountExisting: 1500,
        directCost: 660,
        orders: 1,
        costPerOrder: 660,
        costRatio: 0.44,
      },
      { ...none, rep: 2, directCost: 100 },
      {
        ...none,
        rep: -1,
        workingDays: 1,
        visits: 1,
        visitsExisting: 1,
        visitsPerDay: 1,
        orderAmount: 300,
        amountExisting: 300,
        orders: 1,
        costPerOrder: 0,
        costRatio: 0,
      },
    ]);
  });

  it("adds up to the month's totals in the monthly table", () => {
    const { a, history, firstDay } = activityInputs(WORKBOOK);
    const rows = buildRepTable(a, OCT);
    const total = buildMonthlyTable(a, history, firstDay, OCT, { window: 3, baseline: "previous", threshold: 0.3 })[5];
    const additive = [
      "workingDays",
      "visits",
      "visitsNew",
      "visitsExisting",
      "orderAmount",
      "amountNew",
      "amountExisting",
      "directCost",
      "orders",
    ] as const;
    const sums = Object.fromEntries(additive.map((k) => [k, rows.reduce((s, r) => s + r[k], 0)]));
    expect(sums).toEqual(Object.fromEntries(additive.map((k) => [k, total[k]])));
    expect(sums).toEqual({
      workingDays: 4,
      visits: 5,
      visitsNew: 2,
      visitsExisting: 3,
      orderAmount: 4000,
      amountNew: 2000,
      amountExisting: 2000,
      directCost: 1200,
      orders: 4,
    });
    expect(ACTIVITY_KEYS.length).toEqual(12);
  });

  describe("edge cases", () => {
    it("breaks ties in order amount by salesperson id", () => {
      const { a } = activityInputs({
        month: "2026-10",
        customers: 1,
        orders: [
          { day: "2026-10-01", customer: 0, amount: 100, rep: 5 },
          { day: "2026-10-01", customer: 0, amount: 100, rep: 2 },
        ],
      });
      expect(buildRepTable(a, OCT).map((r) => r.rep)).toEqual([2, 5]);
    });

    it("returns no rows for a month without visits, orders or costs", () => {
      const { a } = activityInputs(WORKBOOK);
      expect(buildRepTable(a, month("2026-08"))).toEqual([]);
    });
  });
});
