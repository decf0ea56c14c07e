import fc from "fast-check";
import { customerKey } from "./_lib/text";
import { DistinctRows } from "./distinctRows";
import { RowNorms } from "./rowNorms";

describe("RowNorms", () => {
  it("gives back each value as the string the merge compared before", () => {
    const n = new RowNorms(4, 1);
    n.setNumber(0, 0, 1234.5);
    n.setText(0, 1, "acme");
    n.setText(0, 2, "?3/x/2024");
    expect([0, 1, 2, 3].map((f) => n.norm(0, f))).toEqual(["1234.5", "acme", "?3/x/2024", ""]);
  });

  it("compares a key text as its customerKey, and gives that key back", () => {
    const n = new RowNorms(1, 6);
    ["SO-1", "so-1", " ＳＯ-1 ", "SO-2", "  ", "客户A"].forEach((t, r) => n.setKey(r, 0, t));
    expect([1, 2, 3].map((r) => n.same(0, n, r))).toEqual([true, true, false]);
    expect([0, 1, 2, 4, 5].map((r) => n.norm(r, 0))).toEqual(["so-1", "so-1", "so-1", "", "客户a"]);
    expect([n.hash(1), n.hash(2)]).toEqual([n.hash(0), n.hash(0)]);
  });

  it("compares a text set as it is without folding, and never with a key", () => {
    const n = new RowNorms(1, 3);
    n.setText(0, 0, "?ABC");
    n.setText(1, 0, "?abc");
    n.setKey(2, 0, "?abc");
    expect([n.same(0, n, 1), n.same(1, n, 2), n.norm(0, 0)]).toEqual([false, false, "?ABC"]);
  });

  it("compares any two key texts exactly as their customerKeys compare", () => {
    // b is another text, or a spelled another way: its case, full-width forms, spaces around.
    const fullWidth = (t: string) => t.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    const variants: ((t: string) => string | undefined)[] = [
      () => undefined,
      (t) => t.toUpperCase(),
      (t) => t.toLowerCase(),
      (t) => ` ${t}　`,
      fullWidth,
    ];
    const text = fc.oneof(
      fc.string({ maxLength: 8 }),
      fc.stringMatching(/^[A-Za-z0-9 ]{0,8}$/),
      fc.constantFrom("SO00000001", "so00000001", "Ａ1", "a1", "客户Ａ", "客户a", " x", "x ", "Ä", "ä", "ǅ", "İ"),
    );
    fc.assert(
      fc.property(text, text, fc.constantFrom(...variants), (a, other, variant) => {
        const b = variant(a) ?? other;
        const n = new RowNorms(1, 2);
        n.setKey(0, 0, a);
        n.setKey(1, 0, b);
        const equal = customerKey(a) === customerKey(b);
        return (
          n.same(0, n, 1) === equal &&
          (!equal || n.hash(0) === n.hash(1)) &&
          n.norm(0, 0) === customerKey(a) &&
          n.norm(1, 0) === customerKey(b)
        );
      }),
      { numRuns: 2000 },
    );
  });

  it("grows past the rows it was made for", () => {
    const n = new RowNorms(2, 1);
    for (let r = 0; r < 100; r++) n.setNumber(r, 1, r);
    expect([n.norm(0, 1), n.norm(99, 1), n.norm(99, 0)]).toEqual(["0", "99", ""]);
  });

  describe("edge cases", () => {
    it("compares −0 with 0, and an empty text with a blank, as their strings did", () => {
      const n = new RowNorms(2, 2);
      n.setNumber(0, 0, -0);
      n.setNumber(1, 0, 0);
      n.setText(0, 1, "");
      expect(n.same(0, n, 1)).toBe(true);
      expect(n.hash(0)).toBe(n.hash(1));
      expect(n.norm(0, 0)).toBe("0");
    });

    it("keeps a number apart from a text that reads like it", () => {
      const n = new RowNorms(1, 2);
      n.setNumber(0, 0, 1);
      n.setText(1, 0, "?1");
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
    const n = new RowNorms(2, 4);
    const rows: [number, string][] = [
      [1, "a"],
      [2, "a"],
      [1, "a"],
      [1, "b"],
    ];
    rows.forEach(([x, t], r) => {
      n.setNumber(r, 0, x);
      n.setText(r, 1, t);
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
