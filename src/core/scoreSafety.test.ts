import { scoreSafety } from "./scoreSafety";
import { DEFAULT_SCREENING_OPTIONS } from "./screeningOptions";

const DAYS = DEFAULT_SCREENING_OPTIONS.safetyDays;

describe("scoreSafety", () => {
  it("scores 5 with nothing overdue and within the limit", () => {
    expect(scoreSafety(0, false, DAYS)).toBe(5);
  });

  it("scores by days overdue, each edge in the better score", () => {
    expect([1, 30, 31, 60, 61, 90, 91, 400].map((d) => scoreSafety(d, false, DAYS))).toEqual([4, 4, 3, 3, 2, 2, 1, 1]);
  });

  it("scores 1 over the limit, even with nothing overdue", () => {
    expect([scoreSafety(0, true, DAYS), scoreSafety(10, true, DAYS)]).toEqual([1, 1]);
  });

  it("uses the day edges it is given", () => {
    expect([7, 8, 14, 15, 30, 31].map((d) => scoreSafety(d, false, [7, 14, 30]))).toEqual([4, 3, 3, 2, 2, 1]);
  });
});
