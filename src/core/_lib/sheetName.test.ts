import { sanitizeSheetName } from "./sheetName";

const none = new Set<string>();

describe("sanitizeSheetName", () => {
  it("keeps a valid name", () => {
    expect(sanitizeSheetName("月度分析 2026-10", none)).toBe("月度分析 2026-10");
    expect(sanitizeSheetName("Review 2026-10", none)).toBe("Review 2026-10");
  });

  it("replaces each of []:*?/\\ with an underscore", () => {
    expect(sanitizeSheetName("a[b]c:d*e?f/g\\h", none)).toBe("a_b_c_d_e_f_g_h");
  });

  it("drops control characters and apostrophes (and spaces) at either end", () => {
    expect(sanitizeSheetName("'quoted'", none)).toBe("quoted");
    expect(sanitizeSheetName(" ' it's ' ", none)).toBe("it's");
    expect(sanitizeSheetName("tab\there\n", none)).toBe("tabhere");
  });

  it("cuts to 31 characters without splitting an emoji", () => {
    expect(sanitizeSheetName("x".repeat(40), none)).toBe("x".repeat(31));
    expect(sanitizeSheetName("x".repeat(30) + "😀", none)).toBe("x".repeat(30));
  });

  it("never gives an empty name or History", () => {
    expect(sanitizeSheetName("", none)).toBe("Sheet");
    expect(sanitizeSheetName("''", none)).toBe("Sheet");
    expect(sanitizeSheetName("History", none)).toBe("History_");
    expect(sanitizeSheetName("history", none)).toBe("history_");
  });

  it("adds (2), (3) … when the name is taken, compared case-insensitively as Excel does", () => {
    expect(sanitizeSheetName("Review 2026-10", new Set(["review 2026-10"]))).toBe("Review 2026-10 (2)");
    expect(sanitizeSheetName("Review 2026-10", new Set(["REVIEW 2026-10", "Review 2026-10 (2)"]))).toBe(
      "Review 2026-10 (3)",
    );
    expect(sanitizeSheetName("客户表", new Set(["客户表"]))).toBe("客户表 (2)");
  });

  it("keeps the suffix within 31 characters", () => {
    const long = "y".repeat(31);
    const out = sanitizeSheetName(long, new Set([long]));
    expect(out).toBe("y".repeat(27) + " (2)");
    expect(out.length).toBe(31);
  });
});
