import fc from "fast-check";
import { MAX_COLS, MAX_ROWS, formatAddress, formatBox, parseAddress, quoteSheetName } from "./address";
import { interpretInput } from "./cells";

describe("interpretInput", () => {
  const take = (v: unknown, textFormat = false) => interpretInput(v, textFormat, "test");

  it("takes text starting with = as a formula", () => {
    expect(take("=A1*2")).toEqual({ value: "=A1*2", formula: "=A1*2" });
  });

  it("takes + or - before something that is not a number as a formula", () => {
    expect([take("+86 138 0000 0000"), take("-Lost")]).toEqual([
      { value: "+86 138 0000 0000", formula: "=+86 138 0000 0000" },
      { value: "-Lost", formula: "=-Lost" },
    ]);
  });

  it("takes number-like text as a number and TRUE/FALSE as booleans, as typing into Excel does", () => {
    expect([take("-3.5"), take("+7"), take("00123"), take("1e3"), take("true")]).toEqual([
      { value: -3.5 },
      { value: 7 },
      { value: 123 },
      { value: 1000 },
      { value: true },
    ]);
  });

  it("drops a leading apostrophe and keeps the rest as text", () => {
    expect([take("'=A1"), take("'00123"), take("'")]).toEqual([{ value: "=A1" }, { value: "00123" }, { value: "" }]);
  });

  it("keeps text as text in a cell formatted as text (@)", () => {
    expect([take("=A1", true), take("00123", true)]).toEqual([{ value: "=A1" }, { value: "00123" }]);
  });

  it("clears for an empty string and leaves the cell for null", () => {
    expect([take(""), take(null), take(undefined)]).toEqual([{}, undefined, undefined]);
  });

  describe("invalid input", () => {
    it("refuses NaN, Infinity, Dates and objects with InvalidArgument", () => {
      for (const bad of [NaN, Infinity, new Date(0), { a: 1 }])
        expect(() => take(bad)).toThrow(expect.objectContaining({ code: "InvalidArgument" }));
    });
  });

  it("never stores text that starts with = + - without making it a formula or a number (property)", () => {
    fc.assert(
      fc.property(fc.constantFrom("=", "+", "-"), fc.string({ minLength: 1 }), (lead, rest) => {
        const out = take(lead + rest)!;
        return out.formula !== undefined || typeof out.value === "number";
      }),
    );
  });
});

describe("addresses", () => {
  it("quotes sheet names the way Excel does", () => {
    expect(["订单表", "Sheet1", "Q1 orders", "2024", "A1", "O'Brien", "R1C1", "销售-汇总"].map(quoteSheetName)).toEqual(
      ["订单表", "Sheet1", "'Q1 orders'", "'2024'", "'A1'", "'O''Brien'", "'R1C1'", "'销售-汇总'"],
    );
  });

  it("parses what it formats, for any block and sheet name (property)", () => {
    const box = fc
      .tuple(fc.nat(MAX_ROWS - 1), fc.nat(MAX_ROWS - 1), fc.nat(MAX_COLS - 1), fc.nat(MAX_COLS - 1))
      .map(([r1, r2, c1, c2]) => ({
        top: Math.min(r1, r2),
        bottom: Math.max(r1, r2),
        left: Math.min(c1, c2),
        right: Math.max(c1, c2),
      }));
    const name = fc.string({ minLength: 1, maxLength: 31 }).filter((s) => !/[:\\/?*[\]!]/.test(s));
    fc.assert(
      fc.property(box, name, (b, sheet) => expect(parseAddress(formatAddress(sheet, b))).toEqual({ sheet, box: b })),
    );
  });

  it("formats whole columns and rows as Excel does", () => {
    expect([
      formatBox({ top: 0, bottom: MAX_ROWS - 1, left: 0, right: 2 }),
      formatBox({ top: 2, bottom: 4, left: 0, right: MAX_COLS - 1 }),
    ]).toEqual(["A:C", "3:5"]);
  });

  it("rejects what is not an A1 address", () => {
    expect(["", "A", "A0", "XFE1", "A1:B2:C3", "Sales"].map(parseAddress)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });
});
