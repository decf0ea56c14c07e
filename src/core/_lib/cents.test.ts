import { wholeCents } from "./cents";

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
