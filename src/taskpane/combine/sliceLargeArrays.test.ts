import { SliceJoiner, sliceLargeArrays } from "./sliceLargeArrays";

/** Slices `value` as the worker does and joins it as the pane does; `sent` lists each slice as [key, items]. */
function roundTrip(value: unknown, limit: number) {
  const sent: [number, unknown[]][] = [];
  const skeleton = structuredClone(sliceLargeArrays(value, (key, items) => sent.push([key, items]), limit));
  const joiner = new SliceJoiner();
  for (const [key, items] of sent) joiner.add(key, structuredClone(items));
  return { sent, skeleton: structuredClone(skeleton), joined: joiner.join(skeleton) };
}

describe("sliceLargeArrays", () => {
  it("sends an array longer than the limit in slices, in order, and leaves a mark in its place", () => {
    const sent: [number, unknown[]][] = [];
    const skeleton = sliceLargeArrays(
      { rows: [[1], [2], [3], [4], [5]], name: "a" },
      (k, items) => sent.push([k, items]),
      2,
    );
    expect(skeleton).toEqual({ rows: { slicedArray: 0, length: 5 }, name: "a" });
    expect(sent).toEqual([
      [0, [[1], [2]]],
      [0, [[3], [4]]],
      [0, [[5]]],
    ]);
  });

  it("reassembles exactly: nested large arrays, small ones, typed arrays and empty values", () => {
    const value = {
      grids: [
        { sheet: "Orders", values: Array.from({ length: 7 }, (_, r) => [r, `row ${r}`, null, r % 2 === 0]) },
        { sheet: "Costs", values: [["Month", "Cost"]] },
      ],
      columns: [{ values: [1.5, null, "x", 4, 5, 6] }],
      costs: new Float64Array([1, 2, 3, 4, 5]),
      created: undefined,
    };
    const { sent, joined } = roundTrip(value, 3);
    expect(sent.map(([key, items]) => [key, items.length])).toEqual([
      [0, 3],
      [0, 3],
      [0, 1],
      [1, 3],
      [1, 3],
    ]);
    expect(joined).toEqual(value);
    // toEqual skips undefined fields and classes (a message's copies are of another realm here): say both.
    expect(Object.keys(joined as object)).toEqual(["grids", "columns", "costs", "created"]);
    expect(Object.prototype.toString.call((joined as typeof value).costs)).toBe("[object Float64Array]");
  });

  it("keeps an array of exactly the limit in one piece", () => {
    const { sent, joined } = roundTrip({ values: [1, 2, 3] }, 3);
    expect(sent).toEqual([]);
    expect(joined).toEqual({ values: [1, 2, 3] });
  });

  describe("invalid input", () => {
    it("fails a join when a slice is missing, naming the count", () => {
      const sent: [number, unknown[]][] = [];
      const skeleton = sliceLargeArrays({ values: [1, 2, 3, 4, 5] }, (key, items) => sent.push([key, items]), 2);
      const joiner = new SliceJoiner();
      joiner.add(...sent[0]);
      expect(() => joiner.join(skeleton)).toThrow("slice 0: 2 items arrived, 5 were sent");
    });
  });
});
