import fc from "fast-check";
import { customerKey, foldText, headerKey } from "./text";

/** foldText and customerKey as written before their no-allocation path, to check that path against. */
const slowFold = (t: string) => t.normalize("NFKC").replace(/\s+/gu, " ").trim();
const slowKey = (t: string) => slowFold(t).toLowerCase();

describe("foldText", () => {
  it("folds full-width letters, digits and the ideographic space", () => {
    expect(foldText("  ＡＢＣ　１２ ")).toBe("ABC 12");
  });

  it("folds full-width punctuation", () => {
    expect(foldText("２０２４／３／５（一）")).toBe("2024/3/5(一)");
  });

  it("trims and collapses inner white space, tabs and newlines", () => {
    expect(foldText(" 华东\t\t 区 \n 一部 ")).toBe("华东 区 一部");
  });

  it("keeps case", () => {
    expect(foldText("Acme Ltd")).toBe("Acme Ltd");
  });

  it("keeps Chinese text as it is", () => {
    expect(foldText("上海某某贸易有限公司")).toBe("上海某某贸易有限公司");
  });

  describe("edge cases", () => {
    it("turns text of only white space into the empty string", () => {
      expect(foldText(" \u3000\t ")).toBe("");
    });

    it("treats a no-break space as white space", () => {
      expect(foldText("A\u00a0\u00a0B")).toBe("A B");
    });

    it("folds the full-width yen sign to the half-width one", () => {
      expect(foldText("￥")).toBe("¥");
    });
  });
});

describe("customerKey", () => {
  it("matches full-width and half-width spellings", () => {
    expect(customerKey(" Ｃ0001 ")).toBe(customerKey("c0001"));
    expect(customerKey(" Ｃ0001 ")).toBe("c0001");
  });

  it("ignores case", () => {
    expect(customerKey("ACME Ltd")).toBe("acme ltd");
  });

  it("collapses inner spaces but keeps one", () => {
    expect(customerKey("Acme   Ltd")).toBe("acme ltd");
    expect(customerKey("Acme Ltd")).not.toBe(customerKey("AcmeLtd"));
  });

  it("treats the ideographic space as a space", () => {
    expect(customerKey("北京\u3000某某公司")).toBe("北京 某某公司");
  });

  describe("edge cases", () => {
    it("keys a blank as the empty string", () => {
      expect(customerKey("\u3000 ")).toBe("");
    });
  });
});

describe("headerKey", () => {
  it("ignores every space", () => {
    expect(headerKey("Customer  ID")).toBe(headerKey("customerid"));
    expect(headerKey("Customer  ID")).toBe("customerid");
  });

  it("matches 客户 ID with 客户ID", () => {
    expect(headerKey("客户 ID")).toBe("客户id");
  });

  it("folds full-width forms and the ideographic space", () => {
    expect(headerKey("客户\u3000ＩＤ")).toBe("客户id");
  });

  it("ignores case", () => {
    expect(headerKey("ORDER DATE")).toBe("orderdate");
  });

  it("trims leading and trailing spaces", () => {
    expect(headerKey("  金额 \t")).toBe("金额");
  });
});

describe("foldText and customerKey take a shortcut for text NFKC leaves alone", () => {
  it("give what the full path gives on ids, names and spaced text", () => {
    for (const t of [
      "C000123",
      "c000123",
      "客户000001有限公司",
      "Acme Ltd",
      "ACME  LTD",
      " C1",
      "C1 ",
      "",
      " ",
      "Ｃ0001",
      "A\u0301",
      "e\u0301",
      "東京都",
      "ﬁ",
      "㈱",
      "\uf900",
      "한국",
      "x\u3000y",
      "a\tb",
    ])
      expect([foldText(t), customerKey(t)]).toEqual([slowFold(t), slowKey(t)]);
  });

  it("give what the full path gives on any mix of ASCII, CJK, full-width forms, spaces and combining marks", () => {
    const chars = [
      "A",
      "z",
      "Q",
      "0",
      "-",
      "~",
      " ",
      "\t",
      "\u00a0",
      "\u3000",
      "\u4e00",
      "\u9fff",
      "\u3400",
      "\u4dbf",
      "\u9fa5",
      "\uf900",
      "\uff21",
      "\uff41",
      "\uff10",
      "\u0301",
      "\u0300",
      "\u00c5",
      "\u212b",
      "\u1100",
      "\u1161",
      "\uac00",
      "\u2160",
      "\u00b2",
      "\u200b",
      "\ufeff",
      "\u0130",
      "\u03a3",
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...chars), { maxLength: 12 }), (parts) => {
        const t = parts.join("");
        expect([foldText(t), customerKey(t)]).toEqual([slowFold(t), slowKey(t)]);
      }),
      { numRuns: 5000 },
    );
  });
});
