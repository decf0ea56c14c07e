import { TextIds } from "./intern";

describe("TextIds", () => {
  it("numbers distinct texts from 0 in the order seen", () => {
    const ids = new TextIds();
    expect(["SO-1", "SO-2", "SO-1", "SO-3", "SO-2"].map((t) => ids.id(t))).toEqual([0, 1, 0, 2, 1]);
    expect(ids.size).toBe(3);
  });

  it("matches texts exactly: no folding of case, width or space", () => {
    const ids = new TextIds();
    expect(["a", "A", "ａ", " a", "a ", "", "客户"].map((t) => ids.id(t))).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(["客户", "", "a"].map((t) => ids.id(t))).toEqual([6, 5, 0]);
  });

  it("tells apart a text from its prefix and from texts of the same hash slot", () => {
    const ids = new TextIds(1);
    const texts = Array.from({ length: 5000 }, (_, i) => `C${i}`);
    expect(texts.map((t) => ids.id(t))).toEqual(texts.map((_, i) => i));
    expect(texts.map((t) => ids.id(t))).toEqual(texts.map((_, i) => i));
    expect([ids.id("C1"), ids.id("C12"), ids.id("C123")]).toEqual([1, 12, 123]);
  });

  it("finds a numbered text without numbering the others", () => {
    const ids = new TextIds();
    ids.id("SO-1");
    ids.id("SO-2");
    expect([ids.find("SO-2"), ids.find("SO-1"), ids.find("SO-3"), ids.find("so-1"), ids.find("")]).toEqual([
      1, 0, -1, -1, -1,
    ]);
    expect(ids.size).toBe(2);
    expect(ids.id("SO-3")).toBe(2);
  });

  it("gives back each numbered text as it was numbered", () => {
    const ids = new TextIds(1);
    const texts = ["SO-1", "", "客户 A", "订单".repeat(500)];
    const numbers = texts.map((t) => ids.id(t));
    expect(numbers.map((n) => ids.text(n))).toEqual(texts);
  });

  describe("edge cases", () => {
    it("grows past the size it was made for, long texts included", () => {
      const ids = new TextIds(2);
      const long = "订单".repeat(500);
      expect([ids.id("x"), ids.id(long), ids.id("y"), ids.id(`${long}!`), ids.id(long)]).toEqual([0, 1, 2, 3, 1]);
      expect(ids.size).toBe(4);
    });
  });
});
