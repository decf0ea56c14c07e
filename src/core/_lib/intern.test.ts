import fc from "fast-check";
import { Interner, TextIds } from "./intern";
import { customerKey } from "./text";

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

describe("TextIds.keyId", () => {
  it("numbers a text's customerKey, lowering ids in place; a blank key is -1", () => {
    const ids = new TextIds(4);
    expect([ids.keyId("SO-1"), ids.id("so-1"), ids.keyId("so-1"), ids.keyId(" ＳＯ-1 ")]).toEqual([0, 0, 0, 0]);
    expect([ids.keyId(""), ids.keyId("  "), ids.keyId("客户A")]).toEqual([-1, -1, 1]);
    expect(ids.find("客户a")).toBe(1);
  });

  it("gives every text the id of its customerKey", () => {
    const text = fc.oneof(
      fc.string({ maxLength: 8 }),
      fc.stringMatching(/^[A-Za-z0-9 ]{0,8}$/),
      fc.constantFrom("SO00000001", "so00000001", "Ａ1", "a1", "客户Ａ", "客户a", " x", "x "),
    );
    fc.assert(
      fc.property(fc.array(text, { maxLength: 30 }), (texts) => {
        const byKey = new TextIds(4);
        const byText = new TextIds(4);
        return texts.every((t) => {
          const key = customerKey(t);
          return byKey.keyId(t) === (key === "" ? -1 : byText.id(key));
        });
      }),
    );
  });
});
