import { cleanMoney, wholeCents } from "./cents";

describe("wholeCents", () => {
  it("gives the cents of an amount typed to the cent", () => {
    expect([12.34, 0.07, 1_000_000.99, 0].map(wholeCents)).toEqual([1234, 7, 100_000_099, 0]);
  });

  it("rounds half a cent away from zero", () => {
    expect([0.125, -0.125, 2.675, -2.675, 0.005].map(wholeCents)).toEqual([13, -13, 268, -268, 1]);
  });

  it("rounds less than half a cent toward zero", () => {
    expect([0.124, -0.124, 3.9999].map(wholeCents)).toEqual([12, -12, 400]);
  });

  describe("edge cases", () => {
    it("removes the noise of sums of amounts", () => {
      expect([0.1 + 0.2, 0.1 + 0.2 - 0.3].map(wholeCents)).toEqual([30, 0]);
    });

    it("gives 0, not −0, for a tiny negative amount", () => {
      expect(Object.is(wholeCents(-1e-9), 0)).toBe(true);
    });
  });
});

describe("cleanMoney", () => {
  it("cuts a sum's binary noise at 15 significant digits and keeps every digit of the figure", () => {
    expect(cleanMoney(0.1 + 0.2)).toBe(0.3);
    expect(cleanMoney(1234.5678)).toBe(1234.5678);
    expect(cleanMoney(-0.019999999999996)).toBe(-0.019999999999996);
    expect(cleanMoney(1e15 + 0.3)).toBe(1e15);
  });
});
