import { summarizeTiers } from "./summarizeTiers";

describe("summarizeTiers", () => {
  it("counts customers and sales per tier with their shares and averages", () => {
    expect(summarizeTiers(["A", "B", "A", "C", "D"], [50, 15, 30, 5, 0])).toEqual([
      { tier: "A", customers: 2, customerShare: 0.4, sales: 80, salesShare: 0.8, averageSales: 40 },
      { tier: "B", customers: 1, customerShare: 0.2, sales: 15, salesShare: 0.15, averageSales: 15 },
      { tier: "C", customers: 1, customerShare: 0.2, sales: 5, salesShare: 0.05, averageSales: 5 },
      { tier: "D", customers: 1, customerShare: 0.2, sales: 0, salesShare: 0, averageSales: 0 },
    ]);
  });

  describe("edge cases", () => {
    it("shows an empty tier with zeros and no average", () => {
      expect(summarizeTiers(["A", "A"], [60, 40])).toEqual([
        { tier: "A", customers: 2, customerShare: 1, sales: 100, salesShare: 1, averageSales: 50 },
        { tier: "B", customers: 0, customerShare: 0, sales: 0, salesShare: 0, averageSales: null },
        { tier: "C", customers: 0, customerShare: 0, sales: 0, salesShare: 0, averageSales: null },
        { tier: "D", customers: 0, customerShare: 0, sales: 0, salesShare: 0, averageSales: null },
      ]);
    });

    it("measures D's negative sales against the total positive sales", () => {
      expect(summarizeTiers(["A", "D"], [100, -10])[3]).toEqual({
        tier: "D",
        customers: 1,
        customerShare: 0.5,
        sales: -10,
        salesShare: -0.1,
        averageSales: -10,
      });
    });

    it("leaves sales shares blank in an all-D workbook", () => {
      expect(summarizeTiers(["D", "D"], [0, -5])).toEqual([
        { tier: "A", customers: 0, customerShare: 0, sales: 0, salesShare: null, averageSales: null },
        { tier: "B", customers: 0, customerShare: 0, sales: 0, salesShare: null, averageSales: null },
        { tier: "C", customers: 0, customerShare: 0, sales: 0, salesShare: null, averageSales: null },
        { tier: "D", customers: 2, customerShare: 1, sales: -5, salesShare: null, averageSales: -2.5 },
      ]);
    });

    it("leaves every share blank without customers", () => {
      expect(summarizeTiers([], [])).toEqual(
        (["A", "B", "C", "D"] as const).map((tier) => ({
          tier,
          customers: 0,
          customerShare: null,
          sales: 0,
          salesShare: null,
          averageSales: null,
        })),
      );
    });
  });
});
