import { Interner, sameLowered } from "./intern";

describe("Interner", () => {
  it("numbers new texts from 0 in the order seen", () => {
    const interner = new Interner();
    expect([interner.add("张三"), interner.add("李四"), interner.add("王五")]).toEqual([0, 1, 2]);
    expect(interner.names).toEqual(["张三", "李四", "王五"]);
    expect(interner.size).toBe(3);
  });

  it("gives the same id to the same text", () => {
    const interner = new Interner();
    interner.add("张三");
    interner.add("李四");
    expect(interner.add("张三")).toBe(0);
    expect(interner.size).toBe(2);
  });

  it("folds case, width and white space", () => {
    const interner = new Interner();
    const id = interner.add("Sales Rep A");
    expect([
      interner.add("sales rep a"),
      interner.add("ＳＡＬＥＳ　ＲＥＰ　Ａ"),
      interner.add("  Sales   Rep A "),
    ]).toEqual([id, id, id]);
    expect(interner.size).toBe(1);
  });

  it("keeps the first spelling seen", () => {
    const interner = new Interner();
    interner.add(" Ｃ0001 ");
    interner.add("c0001");
    expect(interner.names).toEqual([" Ｃ0001 "]);
  });

  it("keeps texts that differ only by an inner space apart", () => {
    const interner = new Interner();
    expect([interner.add("AB"), interner.add("A B")]).toEqual([0, 1]);
  });

  describe("get", () => {
    it("finds a text already added, folded", () => {
      const interner = new Interner();
      interner.add("Order-001");
      interner.add("Order-002");
      expect([interner.get("order-002"), interner.get("ＯＲＤＥＲ－００１")]).toEqual([1, 0]);
    });

    it("returns -1 for a text never added, without adding it", () => {
      const interner = new Interner();
      interner.add("张三");
      expect(interner.get("李四")).toBe(-1);
      expect(interner.size).toBe(1);
    });
  });

  describe("invalid input", () => {
    it("returns -1 for null and adds nothing", () => {
      const interner = new Interner();
      expect([interner.add(null), interner.get(null)]).toEqual([-1, -1]);
      expect(interner.size).toBe(0);
      expect(interner.names).toEqual([]);
    });
  });
});

describe("sameLowered", () => {
  it("compares texts with A–Z lowered on both sides, nothing else folded", () => {
    expect([sameLowered("SO-1", "so-1"), sameLowered("so-1", "SO-1"), sameLowered("客户A", "客户a")]).toEqual([
      true,
      true,
      true,
    ]);
    expect([sameLowered("Ａ", "a"), sameLowered("ab", "abc"), sameLowered("[", "{"), sameLowered("É", "é")]).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });
});
