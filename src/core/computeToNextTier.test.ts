import fc from "fast-check";
import { tierColumns } from "./assignTiers";
import { computeToNextTier } from "./computeToNextTier";
import { TIERS, type Tier } from "./options";

const CUTS = { a: 0.8, b: 0.95 };

function toNext(sales: number[], keys: string[], cuts = CUTS): number[] {
  return Array.from(computeToNextTier(sales, keys, cuts, tierColumns(sales, keys, cuts)));
}

/** Customer x's tier once its sales rise by k cents, all else unchanged: the oracle, tierColumns itself. */
function tierRaised(
  sales: readonly number[],
  keys: readonly string[],
  cuts: { a: number; b: number },
  x: number,
  k: number,
): Tier {
  const raised = sales.slice();
  raised[x] += k / 100;
  return tierColumns(raised, keys, cuts).tier[x];
}

describe("computeToNextTier", () => {
  it("gives B the cents to A and C the cents to B at their own place", () => {
    // tiers A A B C D; B: 85 < 80% × (100 + k) for k > 6.25; C: 95 < 95% × (100 + k) for k > 0
    expect(toNext([55, 30, 10, 5, -20], ["a", "b", "c", "d", "e"])).toEqual([NaN, NaN, 6.26, 0.01, 20.01]);
  });

  it("counts the cut as met once the customer passes the one above it", () => {
    // 10 is B (90% above it); at its place it would need 12.51, but at 20.01 it passes 20 and only 70 is above
    expect(toNext([70, 20, 10], ["a", "b", "c"])).toEqual([NaN, NaN, 10.01]);
  });

  it("passes at an equal amount when its key wins the tie", () => {
    expect(toNext([70, 20, 10], ["a", "c", "b"])).toEqual([NaN, NaN, 10]);
  });

  it("stops short of passing when its own place suffices", () => {
    // at its place 10 needs k > 12.5; passing 40 would take 30.01
    expect(toNext([50, 40, 10], ["a", "b", "c"])).toEqual([NaN, NaN, 12.51]);
  });

  it("gives the customers exactly at a cut one cent", () => {
    // 15 has exactly 80% above it (B), 5 exactly 95% (C)
    expect(toNext([80, 15, 5], ["a", "b", "c"])).toEqual([NaN, 0.01, 0.01]);
  });

  it("gives a D customer the cents to positive sales", () => {
    expect(toNext([100, 0, -35.5], ["a", "b", "c"])).toEqual([NaN, 0.01, 35.51]);
  });

  describe("edge cases", () => {
    it("gives C the cents to A when passing one customer jumps over B", () => {
      // cuts 50% / 60%: 25 is C (75% above); at 35.01 it passes 35 and has 40 of 110.01 above it
      const cuts = { a: 0.5, b: 0.6 };
      expect(toNext([40, 35, 25], ["a", "b", "c"], cuts)).toEqual([NaN, NaN, 10.01]);
      expect(tierRaised([40, 35, 25], ["a", "b", "c"], cuts, 2, 1001)).toBe("A");
    });

    it("gives the only customer with sales one cent to A when all others are D", () => {
      expect(toNext([0, -5], ["a", "b"])).toEqual([0.01, 5.01]);
      expect(tierRaised([0, -5], ["a", "b"], CUTS, 0, 1)).toBe("A");
    });

    it("ranks sales equal to the cent as a tie, as tiers do", () => {
      // 0.1 + 0.2 ties 0.3 and ranks below it on its key (C): one cent passes it; 0.3 (B) needs 10 < 80% × (10.6 + k)
      expect(toNext([10, 0.1 + 0.2, 0.3], ["a", "c", "b"])).toEqual([NaN, 0.01, 1.91]);
    });

    it("returns nothing for no customers", () => {
      expect(toNext([], [])).toEqual([]);
    });
  });

  describe("invalid input", () => {
    it("gives NaN where no increase can help: an A cut of 0", () => {
      expect(toNext([50, 30, 20], ["a", "b", "c"], { a: 0, b: 0.95 })).toEqual([NaN, NaN, NaN]);
    });

    it("still finds the first cent for a cut so small that only a huge total shows above the tolerance", () => {
      // 1e-12 × (100 + k/100) must exceed tierColumns' tolerance of a millionth of a cent: k ≈ 990,000
      const gaps = toNext([60, 40], ["a", "b"], { a: 1e-12, b: 0.95 });
      expect(gaps[0]).toBeGreaterThan(9000);
      agreesWithTierColumns([60, 40], ["a", "b"], { a: 1e-12, b: 0.95 });
    });
  });

  /** Checks every customer's answer against tierColumns with the raise applied. */
  function agreesWithTierColumns(s: number[], keys: string[], cut: { a: number; b: number }): void {
    const tiers = tierColumns(s, keys, cut);
    const gaps = computeToNextTier(s, keys, cut, tiers);
    for (let x = 0; x < s.length; x++) {
      const now = tiers.tier[x];
      if (now === "A") {
        expect(gaps[x]).toBeNaN();
        continue;
      }
      const k = Math.round(gaps[x] * 100);
      expect(k / 100).toBe(gaps[x]);
      expect(k).toBeGreaterThanOrEqual(1);
      expect(TIERS.indexOf(tierRaised(s, keys, cut, x, k))).toBeLessThan(TIERS.indexOf(now));
      expect(tierRaised(s, keys, cut, x, k - 1)).toBe(now);
      if (k > 2) expect(tierRaised(s, keys, cut, x, Math.floor(k / 2))).toBe(now);
    }
  }

  it("gives exactly the first cent that tierColumns tiers better, on random customers", () => {
    const cents = fc.oneof(fc.constantFrom(0, -100, 500, 1000, 2500), fc.integer({ min: -2000, max: 20_000 }));
    // sales summed from one to three amounts, for the float noise real sums carry
    const sales = fc
      .array(cents, { minLength: 1, maxLength: 3 })
      .map((parts) => parts.reduce((s, c) => s + c / 100, 0));
    const customers = fc.array(fc.record({ sales, key: fc.constantFrom("a", "b", "c", "d", "e", "f") }), {
      minLength: 1,
      maxLength: 12,
    });
    const cuts = fc.oneof(
      fc.constant(CUTS),
      fc
        .tuple(fc.integer({ min: 1, max: 19 }), fc.integer({ min: 1, max: 19 }))
        .map(([x, y]) => ({ a: Math.min(x, y) / 20, b: Math.max(x, y) / 20 })),
    );
    fc.assert(
      fc.property(customers, cuts, (cs, cut) =>
        agreesWithTierColumns(
          cs.map((c) => c.sales),
          cs.map((c) => c.key),
          cut,
        ),
      ),
      { seed: 15, numRuns: 500 },
    );
  });

  it("agrees with tierColumns on a few hundred customers with many ties", () => {
    const customers = fc.array(
      fc.record({
        cents: fc.oneof(
          fc.integer({ min: -20, max: 60 }).map((c) => c * 500),
          fc.integer({ min: 1, max: 3_000_000 }),
        ),
        key: fc.integer({ min: 0, max: 99 }),
      }),
      { minLength: 100, maxLength: 300 },
    );
    fc.assert(
      fc.property(customers, (cs) =>
        agreesWithTierColumns(
          cs.map((c) => c.cents / 100),
          cs.map((c) => `k${c.key}`),
          CUTS,
        ),
      ),
      { seed: 15, numRuns: 10 },
    );
  });
});
