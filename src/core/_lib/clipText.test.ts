import { clipText, CLIP_MARK } from "./clipText";
import { EXCEL_LIMITS } from "./excelLimits";

describe("clipText", () => {
  it("keeps text of up to 32,767 characters as it is", () => {
    const full = "长".repeat(32_767);
    expect(clipText(full)).toBe(full);
    expect(clipText("")).toBe("");
  });

  it("cuts longer text to 32,767 characters, the last one the mark", () => {
    const out = clipText("a".repeat(32_768));
    expect(out.length).toBe(32_767);
    expect(out).toBe("a".repeat(32_766) + "…");
    expect(clipText("x".repeat(40_000)).length).toBe(EXCEL_LIMITS.text);
    expect(CLIP_MARK).toBe("…");
  });

  it("never splits an emoji (a surrogate pair) at the cut", () => {
    // The pair would take units 32,765 and 32,766: the cut drops it whole.
    const out = clipText("a".repeat(32_765) + "😀" + "b".repeat(10));
    expect(out).toBe("a".repeat(32_765) + "…");
    expect(out.length).toBe(32_766);
  });

  it("takes a smaller limit", () => {
    expect(clipText("abcdef", 4)).toBe("abc…");
    expect(clipText("abcd", 4)).toBe("abcd");
  });
});
