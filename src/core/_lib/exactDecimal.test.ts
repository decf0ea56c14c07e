import { exactDecimal } from "./exactDecimal";

describe("exactDecimal", () => {
  it("reads the digits between start and end, commas only when grouped", () => {
    expect(exactDecimal("x1,234.50y", 1, 9, true)).toBe(1234.5);
    expect(exactDecimal("x1,234.50y", 1, 9, false)).toBeNaN();
    expect(exactDecimal("-12.5", 1, 5, false)).toBe(12.5);
  });

  it("gives NaN for what is not plain: no digits, a lone point, misplaced commas, over 15 digits", () => {
    for (const t of ["", ".", "5.", ".5", "1,23", "1234,567", "1.2.3", "1234567890123456", "1e5", " 1"])
      expect(exactDecimal(t, 0, t.length, true)).toBeNaN();
  });
});
