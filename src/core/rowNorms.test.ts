import { TextIds } from "./_lib/intern";
import { DistinctRows } from "./distinctRows";
import { RowNorms } from "./rowNorms";

describe("RowNorms", () => {
  it("gives back each value as the string the merge compared before", () => {
    const texts = new TextIds();
    const n = new RowNorms(4, 1);
    n.setNumber(0, 0, 1234.5);
    n.setText(0, 1, "acme", texts);
    n.setText(0, 2, "?3/x/2024", texts);
    expect([0, 1, 2, 3].map((f) => n.norm(0, f, texts))).toEqual(["1234.5", "acme", "?3/x/2024", ""]);
  });

  it("grows past the rows it was made for", () => {
    const texts = new TextIds();
    const n = new RowNorms(2, 1);
    for (let r = 0; r < 100; r++) n.setNumber(r, 1, r);
    expect([n.norm(0, 1, texts), n.norm(99, 1, texts), n.norm(99, 0, texts)]).toEqual(["0", "99", ""]);
  });

  describe("edge cases", () => {
    it("compares −0 with 0, and an empty text with a blank, as their strings did", () => {
      const texts = new TextIds();
      const n = new RowNorms(2, 2);
      n.setNumber(0, 0, -0);
      n.setNumber(1, 0, 0);
      n.setText(0, 1, "", texts);
      expect(n.same(0, n, 1)).toBe(true);
      expect(n.hash(0)).toBe(n.hash(1));
      expect(n.norm(0, 0, texts)).toBe("0");
    });

    it("keeps a number apart from a text that reads like it", () => {
      const texts = new TextIds();
      const n = new RowNorms(1, 2);
      n.setNumber(0, 0, 1);
      n.setText(1, 0, "?1", texts);
      expect(n.same(0, n, 1)).toBe(false);
    });

    it("compares NaN with NaN, as the string NaN did", () => {
      const n = new RowNorms(1, 2);
      n.setNumber(0, 0, NaN);
      n.setNumber(1, 0, NaN);
      expect(n.same(0, n, 1)).toBe(true);
      expect(n.hash(0)).toBe(n.hash(1));
    });
  });
});

describe("DistinctRows", () => {
  it("numbers rows in order of first appearance, the same values alike", () => {
    const texts = new TextIds();
    const n = new RowNorms(2, 4);
    const rows: [number, string][] = [
      [1, "a"],
      [2, "a"],
      [1, "a"],
      [1, "b"],
    ];
    rows.forEach(([x, t], r) => {
      n.setNumber(r, 0, x);
      n.setText(r, 1, t, texts);
    });
    const d = new DistinctRows();
    expect([0, 1, 2, 3].map((r) => d.id(n, r))).toEqual([0, 1, 0, 2]);
  });

  it("finds every row again after its table grows", () => {
    const n = new RowNorms(1, 5000);
    for (let r = 0; r < 5000; r++) n.setNumber(r, 0, r % 2500);
    const d = new DistinctRows();
    const ids = Array.from({ length: 5000 }, (_, r) => d.id(n, r));
    expect(ids.slice(2500)).toEqual(ids.slice(0, 2500));
    expect(new Set(ids).size).toBe(2500);
  });

  it("confirms a row on the norms it was first seen in, across inputs' norms", () => {
    const a = new RowNorms(1, 2);
    const b = new RowNorms(1, 3);
    a.setNumber(0, 0, 1);
    a.setNumber(1, 0, 2);
    b.setNumber(0, 0, 2);
    b.setNumber(1, 0, 3);
    b.setNumber(2, 0, 1);
    const d = new DistinctRows();
    expect([d.id(a, 0), d.id(a, 1), d.id(b, 0), d.id(b, 1), d.id(b, 2)]).toEqual([0, 1, 1, 2, 0]);
  });
});
