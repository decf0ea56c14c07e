import { textHash } from "./intern";
import { RowIds } from "./rowIds";

describe("RowIds", () => {
  it("numbers rows by all their fields, in order of first appearance", () => {
    const ids = new RowIds();
    const got = [
      ["a", "1"],
      ["b", "1"],
      ["a", "1"],
      ["1", "a"],
      ["a", ""],
      ["b", "1"],
    ].map((norms) => ids.id({ norms }));
    expect(got).toEqual([0, 1, 0, 2, 3, 1]);
    expect(ids.size).toBe(4);
  });

  it("tells a cost row's monthly columns apart by header and amount", () => {
    const ids = new RowIds();
    const row = (m: [string, string][]) => ({
      norms: ["2026-01", "张三"],
      monthly: m.map(([key, norm]) => ({ key, norm })),
    });
    const got = [
      row([["工资", "100"]]),
      row([["工资", "200"]]),
      row([["提成", "100"]]),
      row([["工资", "100"]]),
      row([]),
      { norms: ["2026-01", "张三"] },
    ].map((r) => ids.id(r));
    expect(got).toEqual([0, 1, 2, 0, 3, 4]);
  });

  describe("edge cases", () => {
    it("keeps rows whose fields' hashes collide apart", () => {
      expect(textHash("Aa")).toBe(textHash("BB"));
      const ids = new RowIds();
      expect([["Aa"], ["BB"], ["Aa"], ["BB"]].map((norms) => ids.id({ norms }))).toEqual([0, 1, 0, 1]);
    });

    it("keeps numbering after its table grows past a thousand rows", () => {
      const ids = new RowIds();
      const first = Array.from({ length: 3000 }, (_, i) => ids.id({ norms: [`SO${i}`, String(i % 7)] }));
      const again = Array.from({ length: 3000 }, (_, i) => ids.id({ norms: [`SO${i}`, String(i % 7)] }));
      expect(first).toEqual(Array.from({ length: 3000 }, (_, i) => i));
      expect(again).toEqual(first);
    });
  });
});
