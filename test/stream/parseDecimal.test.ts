import fc from "fast-check";
import { parseDecimal } from "../../src/adapters/xlsx/stream/parseDecimal";

describe("parseDecimal", () => {
  it("reads plain decimals exactly as Number() does", () => {
    expect([
      parseDecimal("45001"),
      parseDecimal("-12.5"),
      parseDecimal("0.1"),
      parseDecimal("-.5"),
      parseDecimal("5."),
    ]).toEqual([45001, -12.5, 0.1, -0.5, 5]);
    expect(Object.is(parseDecimal("-0"), -0)).toBe(true);
    fc.assert(
      fc.property(fc.boolean(), fc.stringMatching(/^[0-9]{1,15}$/), fc.nat({ max: 16 }), (negative, digits, point) => {
        const text = `${negative ? "-" : ""}${point < digits.length ? `${digits.slice(0, point)}.${digits.slice(point)}` : digits}`;
        expect(Object.is(parseDecimal(text), Number(text))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  describe("edge cases", () => {
    it("gives what Number() gives for text that is not a plain decimal", () => {
      const texts = [
        "1.5E-7",
        " 12 ",
        "12345678901234567890",
        "1234567890.1234567",
        "1e308",
        "-",
        ".",
        "1.2.3",
        "0x1F",
        "Infinity",
        "-12a",
      ];
      expect(texts.map(parseDecimal)).toEqual(texts.map(Number));
    });
  });
});
