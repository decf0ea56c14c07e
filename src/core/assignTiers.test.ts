import { tierColumns } from "./assignTiers";
import type { Tier } from "./options";

/** tierColumns as one object per customer, share, cum and rank null for D, so that each case reads as a table. */
function assignTiers(
  sales: number[],
  keys: string[],
  cuts: { a: number; b: number },
): { tier: Tier; share: number | null; cum: number | null; rank: number | null }[] {
  const t = tierColumns(sales, keys, cuts);
  return t.tier.map((tier, c) =>
    tier === "D"
      ? { tier, share: null, cum: null, rank: null }
      : { tier, share: t.share[c], cum: t.cum[c], rank: t.rank[c] },
  );
}

const cuts = { a: 0.8, b: 0.95 };

describe("tierColumns", () => {
  it("ranks customers by sales with their share and cumulative share", () => {
    expect(assignTiers([30, 50, 20], ["y", "x", "z"], cuts)).toEqual([
      { tier: "A", share: 0.3, cum: 0.8, rank: 2 },
      { tier: "A", share: 0.5, cum: 0.5, rank: 1 },
      { tier: "B", share: 0.2, cum: 1, rank: 3 },
    ]);
  });

  it("keeps the customer that crosses 80% in A", () => {
    expect(assignTiers([70, 20, 10], ["a", "b", "c"], cuts).map((t) => t.tier)).toEqual(["A", "A", "B"]);
  });

  it("puts a customer with exactly 80% ranked above it in B and exactly 95% in C", () => {
    expect(assignTiers([80, 15, 5], ["a", "b", "c"], cuts)).toEqual([
      { tier: "A", share: 0.8, cum: 0.8, rank: 1 },
      { tier: "B", share: 0.15, cum: 0.95, rank: 2 },
      { tier: "C", share: 0.05, cum: 1, rank: 3 },
    ]);
  });

  it("keeps a customer with just under 80% ranked above it in A", () => {
    expect(assignTiers([79.99, 15.01, 5], ["a", "b", "c"], cuts).map((t) => t.tier)).toEqual(["A", "A", "C"]);
  });

  it("uses the cuts it is given", () => {
    expect(assignTiers([50, 40, 10], ["a", "b", "c"], { a: 0.5, b: 0.9 }).map((t) => t.tier)).toEqual(["A", "B", "C"]);
  });

  describe("edge cases", () => {
    it("breaks ties in sales by customer key ascending", () => {
      expect(assignTiers([10, 10, 75], ["b", "a", "c"], cuts)).toEqual([
        { tier: "B", share: 10 / 95, cum: 1, rank: 3 },
        { tier: "A", share: 10 / 95, cum: 85 / 95, rank: 2 },
        { tier: "A", share: 75 / 95, cum: 75 / 95, rank: 1 },
      ]);
    });

    it("treats sales equal to the cent as a tie", () => {
      expect(assignTiers([0.1 + 0.2, 0.3], ["b", "a"], cuts).map((t) => t.rank)).toEqual([2, 1]);
    });

    it("puts customers with zero or negative sales in D with no share or rank", () => {
      expect(assignTiers([100, 0, -50], ["a", "b", "c"], cuts)).toEqual([
        { tier: "A", share: 1, cum: 1, rank: 1 },
        { tier: "D", share: null, cum: null, rank: null },
        { tier: "D", share: null, cum: null, rank: null },
      ]);
    });

    it("computes shares of positive sales only", () => {
      expect(assignTiers([-40, 60, 40], ["a", "b", "c"], cuts)).toEqual([
        { tier: "D", share: null, cum: null, rank: null },
        { tier: "A", share: 0.6, cum: 0.6, rank: 1 },
        { tier: "A", share: 0.4, cum: 1, rank: 2 },
      ]);
    });

    it("puts every customer in D when no one has positive sales", () => {
      expect(assignTiers([0, -1, 0], ["a", "b", "c"], cuts).map((t) => t.tier)).toEqual(["D", "D", "D"]);
    });

    it("treats rounding noise left by a return as zero sales", () => {
      expect(assignTiers([0.1 + 0.2 - 0.3, 10], ["a", "b"], cuts).map((t) => t.tier)).toEqual(["D", "A"]);
    });

    it("gives a single customer A with the whole share", () => {
      expect(assignTiers([5], ["a"], cuts)).toEqual([{ tier: "A", share: 1, cum: 1, rank: 1 }]);
    });

    it("returns nothing for no customers", () => {
      expect(assignTiers([], [], cuts)).toEqual([]);
    });
  });
});
