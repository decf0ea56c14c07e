import { CHANGE_FLAGS } from "./flagOrderChanges";
import { scoreFuture } from "./scoreFuture";
import { DEFAULT_SCREENING_OPTIONS } from "./screeningOptions";

describe("scoreFuture", () => {
  it("scores each order change as SPEC.md lists", () => {
    expect(CHANGE_FLAGS.map((f) => [f, scoreFuture(f, DEFAULT_SCREENING_OPTIONS.futureScores)])).toEqual([
      ["New", 4],
      ["Up", 5],
      ["Stable", 3],
      ["Down", 2],
      ["Lost", 1],
      ["Returning", 4],
      ["Inactive", 1],
    ]);
  });

  it("uses the scores it is given", () => {
    expect(scoreFuture("New", { ...DEFAULT_SCREENING_OPTIONS.futureScores, New: 2 })).toBe(2);
  });
});
