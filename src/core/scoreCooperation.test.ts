import { scoreCooperation } from "./scoreCooperation";
import { DEFAULT_SCREENING_OPTIONS } from "./screeningOptions";

const CUTS = DEFAULT_SCREENING_OPTIONS.regularityCuts;

/** The score of a cooperation cell, for a customer that would score 1 on regularity. */
function stated(cell: string | number | boolean | null): number {
  return scoreCooperation(cell, 0, 12, CUTS);
}

describe("scoreCooperation", () => {
  it("reads a number from 1 to 5", () => {
    expect([1, 2, 3, 4, 5].map(stated)).toEqual([1, 2, 3, 4, 5]);
  });

  it("reads the Chinese word scale", () => {
    expect(["好", "较好", "一般", "较差", "差"].map(stated)).toEqual([5, 4, 3, 2, 1]);
  });

  it("reads the English word scale in any case", () => {
    expect(["Excellent", "good", "FAIR", "Poor", "bad"].map(stated)).toEqual([5, 4, 3, 2, 1]);
  });

  it("scores regularity without a cooperation cell", () => {
    expect([12, 9, 8, 6, 5, 3, 2, 1, 0].map((m) => scoreCooperation(null, m, 12, CUTS))).toEqual([
      5, 5, 4, 4, 3, 3, 2, 2, 1,
    ]);
  });

  it("counts regularity over the window's months", () => {
    expect([3, 2, 1, 0].map((m) => scoreCooperation(undefined, m, 3, CUTS))).toEqual([5, 4, 3, 1]);
  });

  it("uses the regularity cuts it is given", () => {
    expect([6, 5].map((m) => scoreCooperation(null, m, 6, [1, 0.8, 0.5]))).toEqual([5, 4]);
  });

  describe("edge cases", () => {
    it("rounds a fractional number half up", () => {
      expect([4.5, 4.49, 1.2].map(stated)).toEqual([5, 4, 1]);
    });

    it("reads digits typed as text, full-width ones too, and words with spaces around", () => {
      expect(["4", "３", " 较好 ", "Ｇｏｏｄ"].map(stated)).toEqual([4, 3, 4, 4]);
    });

    it("falls back to regularity for a blank cell", () => {
      expect([null, "", "  "].map((cell) => scoreCooperation(cell, 6, 12, CUTS))).toEqual([4, 4, 4]);
    });

    it("scores 1 on regularity for a window of no months", () => {
      expect(scoreCooperation(null, 0, 0, CUTS)).toBe(1);
    });
  });

  describe("invalid input", () => {
    it("falls back to regularity for a number outside 1–5, another word or a boolean", () => {
      expect([0, 6, -3, 0.99, "很好", "ok", true].map((cell) => scoreCooperation(cell, 9, 12, CUTS))).toEqual([
        5, 5, 5, 5, 5, 5, 5,
      ]);
    });
  });
});
