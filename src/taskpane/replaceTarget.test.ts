import { replaceTarget, reviewMonth } from "./replaceTarget";
import { inspectionOf } from "./testFixtures";

const withSheets = inspectionOf({
  latestMonth: "2026-10",
  reviewSheets: [
    { sheet: "月度分析 2026-09", month: "2026-09" },
    { sheet: "月度分析 2026-10 (2)", month: "2026-10" },
  ],
});

describe("reviewMonth", () => {
  it("takes the typed month, written out", () => {
    expect(reviewMonth("2026-9", withSheets)).toBe("2026-09");
  });

  it("takes the saved month, else the latest order's, when nothing valid is typed", () => {
    expect(reviewMonth("", inspectionOf({ settings: { month: "2026-07" } }))).toBe("2026-07");
    expect(reviewMonth("", withSheets)).toBe("2026-10");
    expect(reviewMonth("2026-13", withSheets)).toBe("2026-10");
  });
});

describe("replaceTarget", () => {
  it("names the sheet an earlier run made for the month being reviewed", () => {
    expect(replaceTarget("2026-10", withSheets)).toEqual({ month: "2026-10", sheet: "月度分析 2026-10 (2)" });
    expect(replaceTarget(" 2026-9 ", withSheets)).toEqual({ month: "2026-09", sheet: "月度分析 2026-09" });
  });

  it("asks about the latest month when the form leaves the month blank", () => {
    expect(replaceTarget("", withSheets)).toEqual({ month: "2026-10", sheet: "月度分析 2026-10 (2)" });
  });

  it("asks nothing for a month without a review sheet", () => {
    expect(replaceTarget("2026-08", withSheets)).toBeUndefined();
  });

  describe("edge cases", () => {
    it("asks nothing when the host lists no review sheets or nothing is known", () => {
      expect(replaceTarget("2026-10", inspectionOf())).toBeUndefined();
      expect(replaceTarget("2026-10", inspectionOf({ reviewSheets: [] }))).toBeUndefined();
      expect(replaceTarget("", undefined)).toBeUndefined();
    });
  });
});
