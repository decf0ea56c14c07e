import fc from "fast-check";
import { combineScores } from "./combineScores";
import { CRITERIA, DEFAULT_SCREENING_OPTIONS, type Criterion, type Score } from "./screeningOptions";

const EQUAL = DEFAULT_SCREENING_OPTIONS.weights;

function scores(
  purchase: Score | null,
  profit: Score | null,
  safety: Score | null,
  future: Score | null,
  cooperation: Score | null,
) {
  return { purchase, profit, safety, future, cooperation };
}

describe("combineScores", () => {
  it("scores 100 for all 5s and 0 for all 1s", () => {
    expect([combineScores(scores(5, 5, 5, 5, 5), EQUAL), combineScores(scores(1, 1, 1, 1, 1), EQUAL)]).toEqual([
      100, 0,
    ]);
  });

  it("averages (score − 1) / 4 with equal weights", () => {
    // (4 + 3 + 2 + 1 + 0) / 5 / 4 × 100
    expect(combineScores(scores(5, 4, 3, 2, 1), EQUAL)).toBe(50);
  });

  it("renormalises the weights over the available criteria", () => {
    // (4 + 3 + 2 + 0) / 4 / 4 × 100 = 56.25
    expect(combineScores(scores(5, null, 4, 3, 1), EQUAL)).toBe(56.3);
    // (4 + 2 + 0) / 3 / 4 × 100 = 50
    expect(combineScores(scores(5, null, null, 3, 1), EQUAL)).toBe(50);
  });

  it("weighs the criteria as it is told", () => {
    // (2×4 + 1×0 + 1×2) / 4 / 4 × 100 = 62.5
    expect(combineScores(scores(5, null, null, 3, 1), { ...EQUAL, purchase: 2 })).toBe(62.5);
  });

  describe("edge cases", () => {
    it("rounds to one decimal half up, on the exact value rather than its binary noise", () => {
      // weights 0.1, 0.1, 0.2 over (s − 1) = 1, 4, 1: exactly 43.75, in floating point 43.7499…
      const w = { ...EQUAL, purchase: 0.1, profit: 0.1, safety: 0.2 };
      expect(combineScores(scores(2, 5, 2, null, null), w)).toBe(43.8);
      // one of four: 6.25 → 6.3
      expect(combineScores(scores(2, null, 1, 1, 1), EQUAL)).toBe(6.3);
    });

    it("leaves out a criterion of weight 0", () => {
      expect(combineScores(scores(5, 1, 5, 5, 5), { ...EQUAL, profit: 0 })).toBe(100);
    });

    it("gives no score when no available criterion has weight", () => {
      expect(combineScores(scores(5, null, null, null, null), { ...EQUAL, purchase: 0 })).toBeNull();
    });
  });

  describe("invalid input", () => {
    it("throws a RangeError for a negative, infinite or missing weight", () => {
      expect(() => combineScores(scores(5, 5, 5, 5, 5), { ...EQUAL, safety: -1 })).toThrow(
        "The weight of safety must be a number ≥ 0, not -1",
      );
      expect(() => combineScores(scores(5, 5, 5, 5, 5), { ...EQUAL, future: Infinity })).toThrow(RangeError);
      expect(() => combineScores(scores(5, 5, 5, 5, 5), { ...EQUAL, future: NaN })).toThrow(RangeError);
    });
  });

  it("stays within 0–100, never falls when a criterion rises and rounds as exact arithmetic does", () => {
    const score = fc.option(fc.integer({ min: 1, max: 5 }) as fc.Arbitrary<Score>, { freq: 4 });
    const weight = fc.integer({ min: 0, max: 10 }).map((w) => w / 10);
    fc.assert(
      fc.property(
        fc.tuple(score, score, score, score, score),
        fc.tuple(weight, weight, weight, weight, weight),
        fc.integer({ min: 0, max: 4 }),
        (s, w, k) => {
          const sc = Object.fromEntries(CRITERIA.map((c, i) => [c, s[i]])) as Record<Criterion, Score | null>;
          const ws = Object.fromEntries(CRITERIA.map((c, i) => [c, w[i]])) as Record<Criterion, number>;
          const total = combineScores(sc, ws);
          if (total === null) return;
          expect(total).toBeGreaterThanOrEqual(0);
          expect(total).toBeLessThanOrEqual(100);
          expect(Math.round(total * 10) / 10).toBe(total);
          const c = CRITERIA[k];
          const v = sc[c];
          if (v !== null && v < 5)
            expect(combineScores({ ...sc, [c]: (v + 1) as Score }, ws)!).toBeGreaterThanOrEqual(total);
          // the same in integers (weights in tenths): tenths = 250 × Σ W(s − 1) / Σ W, rounded half up
          let num = 0;
          let den = 0;
          s.forEach((v, i) => {
            if (v === null) return;
            num += 250 * Math.round(w[i] * 10) * (v - 1);
            den += Math.round(w[i] * 10);
          });
          expect(total).toBe(Math.floor((2 * num + den) / (2 * den)) / 10);
        },
      ),
      { seed: 15, numRuns: 500 },
    );
  });
});
