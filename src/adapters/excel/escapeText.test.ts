import { asText, asUserText } from "./escapeText";

describe("asUserText", () => {
  it("prefixes every non-empty text with an apostrophe, so Excel keeps it as typed", () => {
    expect(['=HYPERLINK("x")', "+86 138", "-1+2", "@cmd", "00123", "2024-03-05", "TRUE", "甲公司", "'a"].map(asUserText)).toEqual([
      `'=HYPERLINK("x")`,
      "'+86 138",
      "'-1+2",
      "'@cmd",
      "'00123",
      "'2024-03-05",
      "'TRUE",
      "'甲公司",
      "''a",
    ]);
  });

  it("leaves an empty text empty (it clears the cell)", () => {
    expect(asUserText("")).toBe("");
  });
});

describe("asText", () => {
  it("prefixes only text Excel would evaluate", () => {
    expect(["逾期5天", "A", "-", "=x", "+", "@", "'"].map(asText)).toEqual(["逾期5天", "A", "'-", "'=x", "'+", "'@", "''"]);
  });
});
