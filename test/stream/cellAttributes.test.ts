import {
  BOOLEAN,
  cellType,
  ERROR,
  FORMULA_TEXT,
  INLINE,
  ISO_DATE,
  NUMBER,
  rowNumber,
  SHARED,
} from "../../src/adapters/xlsx/stream/cellAttributes";

describe("cellAttributes", () => {
  it("reads a cell's type", () => {
    expect(["n", "s", "b", "e", "d", "str", "inlineStr"].map(cellType)).toEqual([
      NUMBER,
      SHARED,
      BOOLEAN,
      ERROR,
      ISO_DATE,
      FORMULA_TEXT,
      INLINE,
    ]);
  });

  describe("edge cases", () => {
    it("gives 0 for a row number that is not plain digits", () => {
      expect(["7", "2000000000", "2.5", "", " 3", "-1"].map(rowNumber)).toEqual([7, 2_000_000_000, 0, 0, 0, 0]);
    });

    it("takes an unknown type for a number", () => {
      expect(["x", "", "S", "string"].map(cellType)).toEqual([NUMBER, NUMBER, NUMBER, NUMBER]);
    });
  });
});
