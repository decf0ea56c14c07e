import { asText } from "./escapeText";

describe("asText", () => {
  it("prefixes every non-empty text with an apostrophe, so Excel keeps it as typed", () => {
    const texts = [
      '=HYPERLINK("x")',
      "+86 138",
      "-1+2",
      "@cmd",
      "00123",
      "2024-03-05",
      "2026-10",
      "2026-11-30 13:45",
      "12%",
      "TRUE",
      "甲公司",
      "逾期5天",
      "'a",
    ];
    expect(texts.map(asText)).toEqual(texts.map((s) => `'${s}`));
  });

  it("leaves an empty text empty (it clears the cell)", () => {
    expect(asText("")).toBe("");
  });
});
