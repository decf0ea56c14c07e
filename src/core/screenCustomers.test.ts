import fc from "fast-check";
import type { CreditFlag } from "./computeReceivables";
import { CHANGE_FLAGS, type ChangeFlag } from "./flagOrderChanges";
import { screenCustomers, type ScreeningInputs } from "./screenCustomers";
import { DEFAULT_SCREENING_OPTIONS } from "./screeningOptions";

const OPTS = DEFAULT_SCREENING_OPTIONS;

/** Five customers with sales 500 … 100, margins, receivables, changes and cooperation cells. */
function five(overrides: Partial<ScreeningInputs> = {}): ScreeningInputs {
  return {
    sales: [500, 400, 300, 200, 100],
    contribution: [-10, 90, 70, 50, 30],
    receivables: {
      daysOverdue: [0, 45, 0, 95, 10],
      flag: [null, "Overdue", "OverLimit", "Overdue90", "Overdue"] as (CreditFlag | null)[],
    },
    change: ["Up", "Stable", "Down", "Lost", "New"] as ChangeFlag[],
    cooperation: ["好", null, 2, "Poor", undefined],
    activeMonths: [12, 6, 3, 0, 1],
    windowMonths: 12,
    ...overrides,
  };
}

describe("screenCustomers", () => {
  it("scores the five criteria, the score and the recommendation of each customer", () => {
    const s = screenCustomers(five(), OPTS);
    expect({
      purchase: Array.from(s.purchase),
      profit: Array.from(s.profit!),
      safety: Array.from(s.safety!),
      future: Array.from(s.future),
      cooperation: Array.from(s.cooperation),
      score: Array.from(s.score),
      recommendation: s.recommendation,
    }).toEqual({
      purchase: [5, 4, 3, 2, 1],
      // contribution −10 scores 1; 90, 70, 50, 30 are p = 0, ¼, ½, ¾
      profit: [1, 5, 4, 3, 2],
      safety: [5, 3, 1, 1, 4],
      future: [5, 3, 2, 1, 4],
      // 好; regularity 6/12; 2; Poor; regularity 1/12
      cooperation: [5, 4, 2, 2, 2],
      // (4+0+4+4+4)/20 = 80; (3+4+2+2+3)/20 = 70; (2+3+0+1+1)/20 = 35; (1+2+0+0+1)/20 = 20; (0+1+3+3+1)/20 = 40
      score: [80, 70, 35, 20, 40],
      recommendation: ["Key", "Key", "Watch", "Watch", "Maintain"],
    });
  });

  it("leaves profitability and safety out without margins or receivables", () => {
    const s = screenCustomers(five({ contribution: null, receivables: null }), OPTS);
    expect([s.profit, s.safety]).toEqual([null, null]);
    // purchase, future, cooperation only: (4+4+4)/12 = 100, (3+2+3)/12, (2+1+1)/12, (1+0+1)/12, (0+3+1)/12
    expect(Array.from(s.score)).toEqual([100, 66.7, 33.3, 16.7, 33.3]);
    // the fourth: purchase 2, future 1 — not dropped; with purchase 1 (the fifth) future is 4
    expect(s.recommendation).toEqual(["Key", "Maintain", "Maintain", "Maintain", "Maintain"]);
  });

  it("drops a customer with no profit contribution and no future", () => {
    const s = screenCustomers(five({ change: ["Lost", "Stable", "Down", "Lost", "New"] }), OPTS);
    expect(s.recommendation[0]).toBe("Drop");
  });

  describe("edge cases", () => {
    it("returns empty columns for no customers", () => {
      const s = screenCustomers(
        {
          sales: [],
          contribution: [],
          receivables: { daysOverdue: [], flag: [] },
          change: [],
          cooperation: [],
          activeMonths: [],
          windowMonths: 12,
        },
        OPTS,
      );
      expect([s.purchase.length, s.profit!.length, s.safety!.length, s.score.length, s.recommendation]).toEqual([
        0,
        0,
        0,
        0,
        [],
      ]);
    });

    it("gives no score when every available criterion weighs 0", () => {
      const s = screenCustomers(five({ contribution: null, receivables: null }), {
        ...OPTS,
        weights: { ...OPTS.weights, purchase: 0, future: 0, cooperation: 0 },
      });
      expect(Array.from(s.score)).toEqual([NaN, NaN, NaN, NaN, NaN]);
    });
  });

  it("keeps every score within 1–5 and recommends Key exactly from 70", () => {
    const customer = fc.record({
      sales: fc.integer({ min: -100, max: 1000 }),
      contribution: fc.integer({ min: -100, max: 500 }),
      days: fc.integer({ min: 0, max: 200 }),
      over: fc.boolean(),
      change: fc.constantFrom(...CHANGE_FLAGS),
      active: fc.integer({ min: 0, max: 12 }),
    });
    fc.assert(
      fc.property(fc.array(customer, { maxLength: 30 }), (cs) => {
        const s = screenCustomers(
          {
            sales: cs.map((c) => c.sales),
            contribution: cs.map((c) => c.contribution),
            receivables: {
              daysOverdue: cs.map((c) => c.days),
              flag: cs.map((c) => (c.over ? "OverLimit" : c.days > 0 ? "Overdue" : null)),
            },
            change: cs.map((c) => c.change),
            cooperation: null,
            activeMonths: cs.map((c) => c.active),
            windowMonths: 12,
          },
          OPTS,
        );
        for (const col of [s.purchase, s.profit!, s.safety!, s.future, s.cooperation])
          for (const v of col) expect(v >= 1 && v <= 5).toBe(true);
        s.recommendation.forEach((r, c) => {
          const dropped = s.profit![c] === 1 && s.future[c] <= 2;
          if (!dropped) expect(r === "Key").toBe(s.score[c] >= 70);
          else expect(r).toBe("Drop");
        });
      }),
      { seed: 15, numRuns: 200 },
    );
  });
});
