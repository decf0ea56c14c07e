import { classifyMan, closenessOf, MAN_LETTERS, readYesNo } from "./classifyProspect";

describe("classifyProspect", () => {
  it("numbers the eight MAN classes as the seeds do", () => {
    const all = [true, false].flatMap((m) =>
      [true, false].flatMap((a) =>
        [true, false].map((n) => [classifyMan(m, a, n), MAN_LETTERS[classifyMan(m, a, n) - 1]]),
      ),
    );
    expect(all).toEqual([
      [1, "MAN"],
      [2, "MAn"],
      [3, "MaN"],
      [5, "Man"],
      [4, "mAN"],
      [6, "mAn"],
      [7, "maN"],
      [8, "man"],
    ]);
  });

  it("takes a missing column as no (two of three MAN columns)", () => {
    expect(classifyMan(true, null, true)).toBe(3);
  });

  it("reads the yes/no spellings", () => {
    expect(["有", "是", "Y", "y", "Yes", "√", "1", "TRUE", 1, true, "Ｙ"].map(readYesNo)).toEqual(Array(11).fill(true));
    expect(["无", "否", "N", "no", "×", "0", "false", 0, false].map(readYesNo)).toEqual(Array(9).fill(false));
    expect(["", null, "maybe", 2].map(readYesNo)).toEqual([null, null, null, null]);
  });

  it("grades closeness A within 7 days, B within 30, C within 90", () => {
    const asOf = 20_000;
    expect([0, 7, 8, 30, 31, 90, 91].map((d) => closenessOf(asOf + d, asOf))).toEqual([
      "A",
      "A",
      "B",
      "B",
      "C",
      "C",
      null,
    ]);
  });

  describe("edge cases", () => {
    it("gives no closeness to a close date in the past or none", () => {
      expect(closenessOf(19_999, 20_000)).toBeNull();
      expect(closenessOf(null, 20_000)).toBeNull();
    });
  });
});
