import fc from "fast-check";
import { scoreByRank } from "./scoreByRank";
import { DEFAULT_SCREENING_OPTIONS } from "./screeningOptions";

const CUTS = DEFAULT_SCREENING_OPTIONS.rankCuts;

describe("scoreByRank", () => {
  it("scores quintiles of the positive values, best first", () => {
    expect(Array.from(scoreByRank([100, 500, 300, 200, 400], CUTS))).toEqual([1, 5, 3, 2, 4]);
  });

  it("scores values ≤ 0 as 1 and leaves them out of the count", () => {
    // 4 positive: p = 0, 0.25, 0.5, 0.75
    expect(Array.from(scoreByRank([0, 40, -10, 30, 20, 10], CUTS))).toEqual([1, 5, 1, 4, 3, 2]);
  });

  it("gives tied values the score of the first of them (strictly greater counted)", () => {
    // p = 0, 1/5, 1/5, 3/5, 4/5
    expect(Array.from(scoreByRank([90, 50, 50, 20, 10], CUTS))).toEqual([5, 4, 4, 2, 1]);
  });

  it("puts p exactly on a cut in the lower score", () => {
    // 10 values: p = 0.0, 0.1, …, 0.9
    expect(Array.from(scoreByRank([10, 9, 8, 7, 6, 5, 4, 3, 2, 1], CUTS))).toEqual([5, 5, 4, 4, 3, 3, 2, 2, 1, 1]);
  });

  it("uses the cuts it is given", () => {
    expect(Array.from(scoreByRank([4, 3, 2, 1], [0.5, 0.6, 0.7, 0.8]))).toEqual([5, 5, 4, 2]);
  });

  describe("edge cases", () => {
    it("treats values equal to the cent as a tie", () => {
      expect(Array.from(scoreByRank([0.1 + 0.2, 0.3, 0.1], CUTS))).toEqual([5, 5, 2]);
    });

    it("gives every customer 5 when all positive values are equal", () => {
      expect(Array.from(scoreByRank([7, 7, 7, 0], CUTS))).toEqual([5, 5, 5, 1]);
    });

    it("treats rounding noise left by a return as zero", () => {
      expect(Array.from(scoreByRank([0.1 + 0.2 - 0.3, 5], CUTS))).toEqual([1, 5]);
    });

    it("returns nothing for no customers", () => {
      expect(Array.from(scoreByRank([], CUTS))).toEqual([]);
    });
  });

  it("never scores a larger value lower than a smaller one", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1000, max: 5000 }), { maxLength: 50 }), (cents) => {
        const values = cents.map((c) => c / 100);
        const s = scoreByRank(values, CUTS);
        for (let i = 0; i < values.length; i++)
          for (let j = 0; j < values.length; j++) if (values[i] > values[j]) expect(s[i]).toBeGreaterThanOrEqual(s[j]);
        const positive = values.filter((v) => v > 0).length;
        // nothing is strictly above the largest value: p = 0
        if (positive > 0) expect(s[values.indexOf(Math.max(...values))]).toBe(5);
      }),
      { seed: 15, numRuns: 200 },
    );
  });
});
