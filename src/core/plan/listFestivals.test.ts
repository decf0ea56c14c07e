import { formatDay, monthIndex } from "../_lib/dates";
import { listFestivals } from "./listFestivals";

const list = (y: number, m: number, lang: "zh-CN" | "en-US") =>
  listFestivals(monthIndex(y, m), lang).map((f) => [formatDay(f.day), f.key]);

describe("listFestivals", () => {
  it("finds 春节 2026 on 17 February", () => {
    // Hong Kong Observatory's Gregorian–lunar tables: 正月初一 of 丙午 = 2026-02-17; 正月十五 = 2026-03-03.
    expect(list(2026, 2, "zh-CN")).toEqual([["2026-02-17", "festival.springFestival"]]);
    expect(list(2026, 3, "zh-CN")).toEqual([["2026-03-03", "festival.lantern"]]);
  });

  it("finds 国庆节 and 中秋节 in October 2025", () => {
    // Hong Kong Observatory: 八月十五 of 乙巳 (a year with a leap sixth month) = 2025-10-06.
    expect(list(2025, 10, "zh-CN")).toEqual([
      ["2025-10-01", "festival.nationalDay"],
      ["2025-10-06", "festival.midAutumn"],
    ]);
  });

  it("finds 清明 and 端午 from the solar term and the lunar calendar", () => {
    // 清明 2026 starts 5 April; 五月初五 of 2026 = 19 June (the official 端午节 holiday is that day).
    expect(list(2026, 4, "zh-CN")).toEqual([["2026-04-05", "festival.qingming"]]);
    expect(list(2026, 6, "zh-CN")).toEqual([["2026-06-19", "festival.dragonBoat"]]);
  });

  it("finds Thanksgiving, the fourth Thursday of November, and Christmas in en-US", () => {
    expect(list(2026, 11, "en-US")).toEqual([["2026-11-26", "festival.thanksgiving"]]);
    expect(list(2027, 12, "en-US")).toEqual([["2027-12-25", "festival.christmas"]]);
    expect(list(2026, 7, "en-US")).toEqual([]);
  });
});
