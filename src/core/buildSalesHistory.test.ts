import { buildSalesHistory, HISTORY_MONTHS, historyMonths, sumMonths } from "./buildSalesHistory";
import { day, month, orderRows } from "./testing/grids";

const M = month("2026-10");
const asOf = day("2026-10-31");

describe("buildSalesHistory", () => {
  it("keeps 36 months ending with the review month", () => {
    const h = buildSalesHistory(orderRows([]), 0, M, asOf, M);
    expect([h.first, h.months]).toEqual([month("2023-11"), HISTORY_MONTHS]);
    expect(HISTORY_MONTHS).toEqual(36);
  });

  it("keeps the months asked for, and sizes them from the settings", () => {
    const orders = orderRows([
      { day: "2024-12-31", customer: 0, amount: 7 }, // M−22: inside 23 months, outside 20
      { day: "2025-03-01", customer: 0, amount: 5 }, // M−19
    ]);
    const h20 = buildSalesHistory(orders, 1, M, asOf, M, 20);
    expect([h20.first, h20.months, h20.sales.length, sumMonths(h20, h20.sales, 0, M - 40, M)]).toEqual([
      month("2025-03"),
      20,
      20,
      5,
    ]);
    const h23 = buildSalesHistory(orders, 1, M, asOf, M, 23);
    expect([h23.first, sumMonths(h23, h23.sales, 0, M - 40, M)]).toEqual([month("2024-12"), 12]);
    // k = 3: the monthly table's Lost check of M−5 reads M−5−2−12 = M−19; k = 6 reaches M−22; k = 1, M−17.
    expect([historyMonths(3, 6, 12), historyMonths(6, 6, 12), historyMonths(1, 6, 12)]).toEqual([20, 23, 18]);
    expect(historyMonths(1, 1, 24)).toBe(24); // never shorter than the tier window
  });

  it("sums net sales per customer and month, returns included, and margin from the given month on", () => {
    const orders = orderRows([
      { day: "2026-10-05", customer: 0, amount: 100, margin: 30 },
      { day: "2026-10-20", customer: 0, amount: -30, margin: -9 },
      { day: "2026-09-01", customer: 1, amount: 50, margin: 5 },
      { day: "2026-08-31", customer: 1, amount: 40, margin: 7 },
    ]);
    const h = buildSalesHistory(orders, 2, M, asOf, M - 1);
    expect([
      sumMonths(h, h.sales, 0, M, M),
      sumMonths(h, h.sales, 1, M, M),
      sumMonths(h, h.sales, 1, M - 1, M - 1),
    ]).toEqual([70, 0, 50]);
    expect(Array.from(h.margin)).toEqual([21, 5]);
  });

  it("sums margin over the whole history when the margin window starts before it", () => {
    const orders = orderRows([
      { day: "2023-10-31", customer: 0, amount: 1, margin: 100 },
      { day: "2023-11-01", customer: 0, amount: 1, margin: 2 },
      { day: "2026-10-31", customer: 0, amount: 1, margin: 3 },
    ]);
    expect(Array.from(buildSalesHistory(orders, 1, M, asOf, M - 40).margin)).toEqual([5]);
  });

  it("places orders by calendar month, month ends and leap days included", () => {
    const orders = orderRows([
      { day: "2026-09-30", customer: 0, amount: 1 },
      { day: "2026-10-01", customer: 0, amount: 2 },
      { day: "2024-02-29", customer: 0, amount: 4 },
      { day: "2024-03-01", customer: 0, amount: 8 },
      { day: "2023-11-01", customer: 0, amount: 16 },
    ]);
    const h = buildSalesHistory(orders, 1, M, asOf, M);
    const by = (ym: string) => sumMonths(h, h.sales, 0, month(ym), month(ym));
    expect(["2026-09", "2026-10", "2024-02", "2024-03", "2023-11"].map(by)).toEqual([1, 2, 4, 8, 16]);
  });

  it("keeps the earliest order date per customer, even before the 36 months", () => {
    const orders = orderRows([
      { day: "2026-03-10", customer: 0, amount: 100 },
      { day: "2020-01-01", customer: 0, amount: 999 },
      { day: "2026-10-31", customer: 1, amount: 5 },
    ]);
    const h = buildSalesHistory(orders, 3, M, asOf, M);
    expect(Array.from(h.firstOrder)).toEqual([day("2020-01-01"), day("2026-10-31"), NaN]);
    expect(sumMonths(h, h.sales, 0, h.first, M)).toEqual(100);
  });

  describe("edge cases", () => {
    it("ignores and counts orders dated after the as-of date", () => {
      const orders = orderRows([
        { day: "2026-11-01", customer: 0, amount: 100 },
        { day: "2026-10-15", customer: 1, amount: 10 },
        { day: "2027-01-01", customer: 1, amount: 100 },
      ]);
      const h = buildSalesHistory(orders, 2, M, asOf, M);
      expect(h.ignoredAfterAsOf).toEqual(2);
      expect(Array.from(h.firstOrder)).toEqual([NaN, day("2026-10-15")]);
      expect([sumMonths(h, h.sales, 0, h.first, M), sumMonths(h, h.sales, 1, h.first, M)]).toEqual([0, 10]);
    });

    it("sums only the months the history holds", () => {
      const orders = orderRows([
        { day: "2023-11-01", customer: 0, amount: 1 },
        { day: "2026-10-31", customer: 0, amount: 2 },
      ]);
      const h = buildSalesHistory(orders, 1, M, asOf, M);
      expect(sumMonths(h, h.sales, 0, M - 100, M + 5)).toEqual(3);
    });
  });
});
