import { flagCosts, type CostInput } from "./flagCosts";

/** A customer with one visit, sales of 1000 and the given visit cost, so the cost ratio is cost / 1000. */
function visited(visitCost: number, margin: number | null = null): CostInput {
  return { visits: 1, visitCost, sales: 1000, margin };
}

describe("flagCosts", () => {
  it("flags visits with no orders", () => {
    expect(flagCosts([{ visits: 2, visitCost: 300, sales: 0, margin: null }])).toEqual(["VisitsNoOrders"]);
  });

  it("flags visits when returns leave negative sales", () => {
    expect(flagCosts([{ visits: 1, visitCost: 0, sales: -50, margin: null }])).toEqual(["VisitsNoOrders"]);
  });

  it("flags a visit cost above the gross margin as loss-making", () => {
    expect(flagCosts([visited(500, 400), visited(400, 400)])).toEqual(["LossMaking", null]);
  });

  it("flags a cost ratio above twice the median (odd count)", () => {
    // ratios 0.1, 0.2, 0.5: median 0.2, limit 0.4
    expect(flagCosts([visited(100), visited(200), visited(500)])).toEqual([null, null, "HighCost"]);
  });

  it("does not flag a cost ratio of exactly twice the median", () => {
    expect(flagCosts([visited(100), visited(200), visited(400)])).toEqual([null, null, null]);
  });

  it("takes the mean of the two middle ratios as the median (even count)", () => {
    // ratios 0.1, 0.2, 0.4, 0.7: median 0.3, limit 0.6 (the lower middle would flag 0.4 too, the upper none)
    expect(flagCosts([visited(100), visited(200), visited(400), visited(700)])).toEqual([null, null, null, "HighCost"]);
    expect(flagCosts([visited(100), visited(200), visited(400), visited(500)])).toEqual([null, null, null, null]);
  });

  describe("edge cases", () => {
    it("puts visits with no orders before loss-making", () => {
      expect(flagCosts([{ visits: 1, visitCost: 100, sales: 0, margin: 0 }])).toEqual(["VisitsNoOrders"]);
    });

    it("puts loss-making before high cost", () => {
      expect(flagCosts([visited(100, 500), visited(100, 500), visited(900, 800)])).toEqual([null, null, "LossMaking"]);
    });

    it("never flags loss-making without a margin column", () => {
      expect(flagCosts([visited(100), visited(100), visited(900)])).toEqual([null, null, "HighCost"]);
    });

    it("leaves customers without visits out of the median", () => {
      // with the unvisited customer's ratio 0 the median would be 0.1 and 0.3 would be flagged
      expect(flagCosts([{ visits: 0, visitCost: 0, sales: 1000, margin: null }, visited(100), visited(300)])).toEqual([
        null,
        null,
        null,
      ]);
    });

    it("flags no high cost when no customer has both visits and sales", () => {
      expect(flagCosts([{ visits: 0, visitCost: 50, sales: 100, margin: null }])).toEqual([null]);
    });

    it("returns nothing for no customers", () => {
      expect(flagCosts([])).toEqual([]);
    });
  });
});
