import { buildMonthlyTable, TABLE_MONTHS, type MonthFigures } from "./buildMonthlyTable";
import type { ChangeSettings } from "./flagOrderChanges";
import { activityInputs, month, type ActivitySpec } from "./testing/grids";

const k3: ChangeSettings = { window: 3, baseline: "previous", threshold: 0.3 };

/** A month with no data: zeros, and blanks where a division by zero would be. */
function empty(ym: string): MonthFigures {
  return {
    month: month(ym),
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
    newCustomers: 0,
    activeCustomers: 0,
    lostCustomers: 0,
  };
}

function table(spec: ActivitySpec, change = k3): MonthFigures[] {
  const { a, history, firstDay } = activityInputs(spec);
  return buildMonthlyTable(a, history, firstDay, month(spec.month), change);
}

// Customers: 0 and 3 existing (first trade 2025-01-01 on the customer sheet), 1 new in 2026-10,
// 2 a prospect with no orders, 4 ordered once in 2026-04 and then stopped. Reps 0 and 1.
const WORKBOOK: ActivitySpec = {
  month: "2026-10",
  customers: 5,
  firstDay: ["2025-01-01", "2026-10-12", null, "2025-01-01", "2026-04-10"],
  visits: [
    { day: "2026-07-01", customer: 0, rep: 0 },
    { day: "2026-09-20", customer: 1, rep: 0, cost: 5 },
    { day: "2026-10-05", customer: 0, rep: 0, cost: 10 },
    { day: "2026-10-05", customer: 2, rep: 0, cost: 20 },
    { day: "2026-10-12", customer: 1, rep: 0, cost: 30 },
    { day: "2026-10-05", customer: 0, rep: 1, cost: 40 },
    { day: "2026-11-03", customer: 0, rep: 1, cost: 1000 },
  ],
  orders: [
    { day: "2026-04-10", customer: 4, amount: 100 },
    { day: "2026-09-15", customer: 0, amount: 700, orderId: 2 },
    { day: "2026-10-05", customer: 0, amount: 1000, orderId: 0 },
    { day: "2026-10-05", customer: 0, amount: 500, orderId: 0 },
    { day: "2026-10-12", customer: 1, amount: 2000, orderId: 1 },
    { day: "2026-10-20", customer: 3, amount: 300 },
    { day: "2026-10-21", customer: 3, amount: 200 },
    { day: "2026-11-02", customer: 0, amount: 9999, orderId: 3 },
  ],
  monthlyCosts: [
    { month: month("2026-06"), rep: 1, amount: 250 },
    { month: month("2026-10"), rep: 0, amount: 600 },
    { month: month("2026-10"), rep: 1, amount: 400 },
  ],
};

describe("buildMonthlyTable", () => {
  it("computes the fifteen figures for each of the months M−5 … M", () => {
    expect(table(WORKBOOK)).toEqual([
      empty("2026-05"),
      { ...empty("2026-06"), directCost: 250 },
      { ...empty("2026-07"), workingDays: 1, visits: 1, visitsExisting: 1, visitsPerDay: 1, lostCustomers: 1 },
      { ...empty("2026-08"), lostCustomers: 1 },
      {
        ...empty("2026-09"),
        workingDays: 1,
        visits: 1,
        visitsNew: 1,
        visitsPerDay: 1,
        orderAmount: 700,
        amountExisting: 700,
        directCost: 5,
        orders: 1,
        costPerOrder: 5,
        costRatio: 5 / 700,
        activeCustomers: 1,
        lostCustomers: 1,
      },
      {
        month: month("2026-10"),
        workingDays: 3,
        visits: 4,
        visitsNew: 2,
        visitsExisting: 2,
        visitsPerDay: 4 / 3,
        orderAmount: 4000,
        amountNew: 2000,
        amountExisting: 2000,
        directCost: 1100,
        orders: 4,
        costPerOrder: 275,
        costRatio: 0.275,
        newCustomers: 1,
        activeCustomers: 3,
        lostCustomers: 1,
      },
    ]);
    expect(TABLE_MONTHS).toEqual(6);
  });

  it("counts working days as distinct (salesperson, date) pairs", () => {
    const rows = table({
      month: "2026-10",
      customers: 3,
      visits: [
        { day: "2026-10-05", customer: 0, rep: 0 },
        { day: "2026-10-05", customer: 1, rep: 0 },
        { day: "2026-10-05", customer: 2, rep: 1 },
        { day: "2026-10-06", customer: 0, rep: 0 },
      ],
    });
    expect([rows[5].workingDays, rows[5].visits, rows[5].visitsPerDay]).toEqual([3, 4, 4 / 3]);
  });

  it("counts visits to prospects and to customers in the month of their f as new", () => {
    const rows = table({
      month: "2026-10",
      customers: 3,
      firstDay: [null, "2026-10-31", "2026-09-30"],
      visits: [
        { day: "2026-10-01", customer: 0, rep: 0 },
        { day: "2026-10-01", customer: 1, rep: 0 },
        { day: "2026-10-01", customer: 2, rep: 0 },
        { day: "2026-09-01", customer: 1, rep: 0 },
      ],
    });
    expect([rows[5].visitsNew, rows[5].visitsExisting, rows[4].visitsNew, rows[4].visitsExisting]).toEqual([
      2, 1, 1, 0,
    ]);
  });

  it("counts order amounts as new only in the month of the customer's f", () => {
    const rows = table({
      month: "2026-10",
      customers: 1,
      orders: [
        { day: "2026-09-30", customer: 0, amount: 100 },
        { day: "2026-10-01", customer: 0, amount: 50 },
      ],
    });
    expect([rows[4].amountNew, rows[4].amountExisting, rows[5].amountNew, rows[5].amountExisting]).toEqual([
      100, 0, 0, 50,
    ]);
    expect([rows[4].newCustomers, rows[5].newCustomers]).toEqual([1, 0]);
  });

  it("counts distinct order ids, and rows without an id one by one", () => {
    const rows = table({
      month: "2026-10",
      customers: 1,
      orders: [
        { day: "2026-10-01", customer: 0, amount: 1, orderId: 7 },
        { day: "2026-10-02", customer: 0, amount: 1, orderId: 7 },
        { day: "2026-10-03", customer: 0, amount: 1, orderId: 8 },
        { day: "2026-10-04", customer: 0, amount: 1 },
        { day: "2026-10-04", customer: 0, amount: 1 },
      ],
    });
    expect(rows[5].orders).toEqual(4);
  });

  it("counts monthly costs without visits in the direct cost", () => {
    const rows = table({
      month: "2026-10",
      customers: 1,
      orders: [{ day: "2026-10-01", customer: 0, amount: 1000, orderId: 0 }],
      monthlyCosts: [{ month: month("2026-10"), rep: 3, amount: 120 }],
    });
    expect([rows[5].directCost, rows[5].costPerOrder, rows[5].costRatio]).toEqual([120, 120, 0.12]);
  });

  describe("edge cases", () => {
    it("shows zeros and blanks for six months without data", () => {
      expect(table({ month: "2026-03", customers: 0 })).toEqual(
        ["2025-10", "2025-11", "2025-12", "2026-01", "2026-02", "2026-03"].map(empty),
      );
    });

    it("leaves the ratios blank when costs have no visits, orders or amount to divide by", () => {
      const rows = table({
        month: "2026-10",
        customers: 0,
        monthlyCosts: [{ month: month("2026-10"), rep: 0, amount: 300 }],
      });
      expect(rows[5]).toEqual({ ...empty("2026-10"), directCost: 300 });
    });

    it("counts a customer as active only with a positive net amount that month", () => {
      const rows = table({
        month: "2026-10",
        customers: 3,
        orders: [
          { day: "2026-10-01", customer: 0, amount: 100 },
          { day: "2026-10-02", customer: 0, amount: -100 },
          { day: "2026-10-01", customer: 1, amount: -20 },
          { day: "2026-10-01", customer: 2, amount: 0.01 },
        ],
      });
      expect(rows[5].activeCustomers).toEqual(1);
    });

    it("counts the Lost customers of each month with the change window it is given", () => {
      const spec: ActivitySpec = {
        month: "2026-10",
        customers: 1,
        orders: [{ day: "2026-04-10", customer: 0, amount: 100 }],
      };
      expect(table(spec).map((r) => r.lostCustomers)).toEqual([0, 0, 1, 1, 1, 1]);
      expect(table(spec, { ...k3, window: 1 }).map((r) => r.lostCustomers)).toEqual([1, 1, 1, 1, 1, 1]);
    });

    it("ignores rows dated after the as-of date", () => {
      const rows = table({
        month: "2026-10",
        customers: 1,
        orders: [{ day: "2026-11-01", customer: 0, amount: 100 }],
        visits: [{ day: "2026-11-01", customer: 0, rep: 0, cost: 9 }],
      });
      expect(rows[5]).toEqual(empty("2026-10"));
    });
  });
});
