import { recommendCustomer } from "./recommendCustomer";
import { DEFAULT_SCREENING_OPTIONS, type Score } from "./screeningOptions";

const OPTS = DEFAULT_SCREENING_OPTIONS;

function scores(
  purchase: Score | null,
  profit: Score | null,
  safety: Score | null,
  future: Score | null,
  cooperation: Score | null = 3,
) {
  return { purchase, profit, safety, future, cooperation };
}

describe("recommendCustomer", () => {
  it("makes a customer with no profit contribution and no future a drop candidate", () => {
    expect([recommendCustomer(scores(4, 1, 5, 2), 55, OPTS), recommendCustomer(scores(4, 1, 5, 1), 50, OPTS)]).toEqual([
      "Drop",
      "Drop",
    ]);
  });

  it("does not drop a customer with profit or a future", () => {
    expect([recommendCustomer(scores(1, 2, 5, 1), 40, OPTS), recommendCustomer(scores(1, 1, 5, 3), 40, OPTS)]).toEqual([
      "Maintain",
      "Maintain",
    ]);
  });

  it("judges purchase instead when profitability is not available", () => {
    expect([
      recommendCustomer(scores(1, null, 5, 2), 40, OPTS),
      recommendCustomer(scores(2, null, 5, 2), 40, OPTS),
    ]).toEqual(["Drop", "Maintain"]);
  });

  it("keeps a customer scoring 70 or more as key", () => {
    expect([
      recommendCustomer(scores(5, 5, 5, 5), 70, OPTS),
      recommendCustomer(scores(5, 5, 5, 5), 69.9, OPTS),
    ]).toEqual(["Key", "Maintain"]);
  });

  it("watches a customer with safety 2 or less", () => {
    expect([2, 1, 3].map((s) => recommendCustomer(scores(3, 3, s as Score, 3), 50, OPTS))).toEqual([
      "Watch",
      "Watch",
      "Maintain",
    ]);
  });

  it("uses the thresholds it is given", () => {
    const opts = { dropProfit: 2, dropFuture: 3, keyScore: 60, watchSafety: 3 };
    expect([
      recommendCustomer(scores(5, 2, 5, 3), 50, opts),
      recommendCustomer(scores(5, 5, 5, 5), 60, opts),
      recommendCustomer(scores(5, 5, 3, 5), 50, opts),
    ]).toEqual(["Drop", "Key", "Watch"]);
  });

  describe("edge cases", () => {
    it("puts drop before key and key before watch", () => {
      expect([
        recommendCustomer(scores(5, 1, 5, 1), 80, OPTS),
        recommendCustomer(scores(5, 5, 1, 5), 80, OPTS),
      ]).toEqual(["Drop", "Key"]);
    });

    it("never watches on safety when receivables are not available", () => {
      expect(recommendCustomer(scores(3, 3, null, 3), 50, OPTS)).toBe("Maintain");
    });

    it("is never key without a score", () => {
      expect(recommendCustomer(scores(5, 5, 5, 5), null, OPTS)).toBe("Maintain");
    });
  });
});
