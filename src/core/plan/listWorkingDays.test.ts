import { formatDay, monthIndex, ymdToDay } from "../_lib/dates";
import { hasChineseSchedule, listWorkingDays } from "./listWorkingDays";

const dates = (y: number, m: number, cal: "zh-CN" | "en-US" | "none") =>
  listWorkingDays(monthIndex(y, m), cal).days.map(formatDay);

describe("listWorkingDays", () => {
  it("follows 春节 2026 with its make-up Saturdays 14 and 28 February", () => {
    // State Council notice 国办发明电〔2025〕7号: 春节 15–23 February 2026 off; Saturdays 14 and 28 February worked.
    expect(dates(2026, 2, "zh-CN")).toEqual([
      "2026-02-02",
      "2026-02-03",
      "2026-02-04",
      "2026-02-05",
      "2026-02-06",
      "2026-02-09",
      "2026-02-10",
      "2026-02-11",
      "2026-02-12",
      "2026-02-13",
      "2026-02-14",
      "2026-02-24",
      "2026-02-25",
      "2026-02-26",
      "2026-02-27",
      "2026-02-28",
    ]);
  });

  it("follows 国庆节 and 中秋节 2025: 1–8 October off, Saturday 11 October worked", () => {
    // State Council notice 国办发明电〔2024〕12号: 10月1日至8日放假调休, 9月28日（周日）、10月11日（周六）上班.
    const days = dates(2025, 10, "zh-CN");
    expect(days.slice(0, 4)).toEqual(["2025-10-09", "2025-10-10", "2025-10-11", "2025-10-13"]);
    expect(days).toHaveLength(18);
  });

  it("leaves out a US federal holiday on a weekday and the Friday observed for a Saturday one", () => {
    // 5 U.S.C. 6103: Independence Day 2026 is a Saturday, observed Friday 3 July.
    const july = dates(2026, 7, "en-US");
    expect(july.slice(0, 3)).toEqual(["2026-07-01", "2026-07-02", "2026-07-06"]);
    // Veterans Day Wednesday 11 November, Thanksgiving Thursday 26 November 2026.
    const nov = dates(2026, 11, "en-US");
    expect(nov).not.toContain("2026-11-11");
    expect(nov).not.toContain("2026-11-26");
    expect(nov).toHaveLength(19);
  });

  it("gives Monday–Friday with no calendar", () => {
    expect(dates(2026, 11, "none")).toHaveLength(21);
    expect(listWorkingDays(monthIndex(2026, 11), "none").days[0]).toBe(ymdToDay(2026, 11, 2));
  });

  describe("edge cases", () => {
    it("falls back to Monday–Friday, not official, for a year China has not published", () => {
      expect(hasChineseSchedule(2026)).toBe(true);
      expect(hasChineseSchedule(2099)).toBe(false);
      const w = listWorkingDays(monthIndex(2099, 1), "zh-CN");
      expect(w.official).toBe(false);
      expect(w.days).toEqual(listWorkingDays(monthIndex(2099, 1), "none").days);
    });
  });
});
