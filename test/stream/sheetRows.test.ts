import { SheetRows } from "../../src/adapters/xlsx/stream/sheetRows";
import type { Cell } from "../../src/core/_lib/cells";

/** Stores rows of [col, value] pairs, ending each row as the sheet reader does. */
function rowsOf(rows: Record<number, [number, Cell][]>): SheetRows {
  const store = new SheetRows();
  for (const [r, cells] of Object.entries(rows)) {
    for (const [c, v] of cells) store.set(Number(r), c, v);
    store.endRow(Number(r));
  }
  return store;
}

describe("SheetRows", () => {
  it("cuts a box with blanks as null, rows and columns outside left out", () => {
    const store = rowsOf({
      2: [
        [2, "h1"],
        [3, "h2"],
        [5, "far"],
      ],
      3: [[3, 1]],
      5: [
        [2, "x"],
        [3, 2],
      ],
    });
    expect(store.block({ top: 2, left: 2, bottom: 5, right: 3 })).toEqual([
      ["h1", "h2"],
      [null, 1],
      [null, null],
      ["x", 2],
    ]);
  });

  it("does not widen the used range for empty strings, but keeps them in boxes", () => {
    const store = rowsOf({
      1: [
        [1, "a"],
        [4, ""],
      ],
      9: [[2, ""]],
    });
    expect(store.used()).toEqual({ top: 1, left: 1, bottom: 1, right: 1 });
    expect(store.block({ top: 1, left: 1, bottom: 1, right: 4 })).toEqual([["a", null, null, ""]]);
    expect(store.get(9, 2)).toBe("");
    expect(store.get(9, 3)).toBeNull();
    expect(store.get(1, 0)).toBeNull();
  });

  it("gives a second, overlapping box its own copies of rows handed to the first", () => {
    const store = rowsOf({
      1: [
        [1, "a"],
        [2, "b"],
      ],
      2: [
        [1, 1],
        [2, 2],
      ],
    });
    const first = store.block({ top: 1, left: 1, bottom: 2, right: 2 });
    const second = store.block({ top: 2, left: 1, bottom: 2, right: 2 });
    first[1][0] = "changed";
    expect(second).toEqual([[1, 2]]);
    expect(first).toEqual([
      ["a", "b"],
      ["changed", 2],
    ]);
  });

  it("lines up rows whose first cells are blank, and rows starting left of the others", () => {
    const store = rowsOf({
      1: [
        [3, "a"],
        [4, "b"],
      ],
      2: [[4, "c"]],
      3: [
        [1, "left"],
        [4, "d"],
      ],
      4: [[80, "far right"]],
    });
    expect(store.used()).toEqual({ top: 1, left: 1, bottom: 4, right: 80 });
    const values = store.block({ top: 1, left: 1, bottom: 4, right: 4 });
    expect(values).toEqual([
      [null, null, "a", "b"],
      [null, null, null, "c"],
      ["left", null, null, "d"],
      [null, null, null, null],
    ]);
    expect(store.get(4, 80)).toBe("far right");
  });
});
