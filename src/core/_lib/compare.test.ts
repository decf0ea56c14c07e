import { descending, isAbove, isBelow, isPositive, toCents } from "./compare";

describe("isBelow", () => {
  it("finds 69.99 below 70% of 100", () => {
    expect(isBelow(69.99, 100 * (1 - 0.3))).toBe(true);
  });

  it("finds an amount one cent below the boundary", () => {
    expect(isBelow(1234.56, 1234.57)).toBe(true);
  });

  it("finds a larger amount not below", () => {
    expect(isBelow(70.01, 70)).toBe(false);
  });

  it("compares negative amounts", () => {
    expect([isBelow(-10, -5), isBelow(-5, -10)]).toEqual([true, false]);
  });

  describe("edge cases", () => {
    it("does not find 70 below 100 × (1 − 0.3), the boundary itself", () => {
      expect(isBelow(70, 100 * (1 - 0.3))).toBe(false);
    });

    it("does not find 0.7 × 3 below 2.1, though it is 2.0999999999999996", () => {
      expect(0.7 * 3 < 2.1).toBe(true);
      expect(isBelow(0.7 * 3, 2.1)).toBe(false);
    });

    it("does not find 5.81 below 70% of 8.30, though 8.3 × 0.7 is 5.8100000000000005", () => {
      expect(5.81 < 8.3 * 0.7).toBe(true);
      expect(isBelow(5.81, 8.3 * 0.7)).toBe(false);
    });

    it("does not find a large amount below 80% of a sum whose product carries noise", () => {
      expect(800_000.08 < 1_000_000.1 * 0.8).toBe(true);
      expect(isBelow(800_000.08, 1_000_000.1 * 0.8)).toBe(false);
    });

    it("finds a large amount one cent below the boundary", () => {
      expect(isBelow(800_000.07, 1_000_000.1 * 0.8)).toBe(true);
    });
  });
});

describe("isAbove", () => {
  it("finds 130.01 above 130% of 100", () => {
    expect(isAbove(130.01, 100 * (1 + 0.3))).toBe(true);
  });

  it("finds a smaller amount not above", () => {
    expect(isAbove(129.99, 130)).toBe(false);
  });

  describe("edge cases", () => {
    it("does not find 130 above 100 × (1 + 0.3), the boundary itself", () => {
      expect(isAbove(130, 100 * (1 + 0.3))).toBe(false);
    });

    it("does not find 0.1 + 0.2 above 0.3", () => {
      expect(0.1 + 0.2 > 0.3).toBe(true);
      expect(isAbove(0.1 + 0.2, 0.3)).toBe(false);
    });

    it("does not find 1.1 × 1.1 above 1.21", () => {
      expect(1.1 * 1.1 > 1.21).toBe(true);
      expect(isAbove(1.1 * 1.1, 1.21)).toBe(false);
    });

    it("finds one cent above the boundary", () => {
      expect(isAbove(0.31, 0.1 + 0.2)).toBe(true);
    });
  });
});

describe("isPositive", () => {
  it("finds one cent positive", () => {
    expect(isPositive(0.01)).toBe(true);
  });

  it("finds zero and negatives not positive", () => {
    expect([isPositive(0), isPositive(-0.01), isPositive(-1e-12)]).toEqual([false, false, false]);
  });

  describe("edge cases", () => {
    it("treats the noise 1e-12 as zero", () => {
      expect(isPositive(1e-12)).toBe(false);
    });

    it("treats the noise left by +x − x as zero", () => {
      const noise = 0.1 + 0.2 - 0.3;
      expect(noise > 0).toBe(true);
      expect(isPositive(noise)).toBe(false);
    });
  });
});

describe("toCents", () => {
  it("rounds 0.1 + 0.2 to exactly 0.3", () => {
    expect(toCents(0.1 + 0.2)).toBe(0.3);
  });

  it("keeps amounts already in cents", () => {
    expect([toCents(1234.5), toCents(-31021.3), toCents(0)]).toEqual([1234.5, -31021.3, 0]);
  });

  it("rounds a sum of many cents to the cent", () => {
    let sum = 0;
    for (let i = 0; i < 1000; i++) sum += 0.01;
    expect(sum).not.toBe(10);
    expect(toCents(sum)).toBe(10);
  });

  it("rounds fractions of a cent", () => {
    expect([toCents(1.234), toCents(1.236)]).toEqual([1.23, 1.24]);
  });
});

describe("descending", () => {
  it("sorts largest first, fractions, negatives and sums beyond the small integers included", () => {
    const values = [0.1 + 0.2, -5, 3e9 + 0.5, 0.3, -0.25, 3e9, 0];
    expect([...values].sort(descending)).toEqual([3e9 + 0.5, 3e9, 0.30000000000000004, 0.3, 0, -0.25, -5]);
  });

  it("gives 0 for equal values, so that a stable sort keeps their order", () => {
    expect([descending(2.5, 2.5), descending(1, 2), descending(2, 1)]).toEqual([0, 1, -1]);
    const rows = [
      { k: 1, v: 5 },
      { k: 2, v: 7 },
      { k: 3, v: 5 },
    ];
    expect(rows.sort((a, b) => descending(a.v, b.v)).map((r) => r.k)).toEqual([2, 1, 3]);
  });
});
