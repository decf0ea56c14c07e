import { getSolarDateFromLunar, getSolarTermsInRange } from "chinese-days";
import { allForYear } from "@18f/us-federal-holidays";
import { dayToYmd, formatDay, monthEnd, monthStart, ymdToDay } from "../_lib/dates";
import type { Lang } from "../../i18n";

export interface Festival {
  day: number;
  /** i18n key of the festival's name. */
  key: FestivalKey;
}

export type FestivalKey =
  | "festival.newYear"
  | "festival.springFestival"
  | "festival.lantern"
  | "festival.qingming"
  | "festival.dragonBoat"
  | "festival.midAutumn"
  | "festival.nationalDay"
  | "festival.thanksgiving"
  | "festival.christmas";

/** Lunar festivals as lunar month-day, turned into solar dates by chinese-days (never a hand-made table). */
const LUNAR: readonly [string, FestivalKey][] = [
  ["01-01", "festival.springFestival"],
  ["01-15", "festival.lantern"],
  ["05-05", "festival.dragonBoat"],
  ["08-15", "festival.midAutumn"],
];

/**
 * The festivals greeted in a month, by language (SPEC): zh-CN 元旦, 春节, 元宵节, 清明节, 端午节,
 * 中秋节, 国庆节; en-US New Year's Day, Thanksgiving, Christmas. Ordered by date. The festival's
 * own day, not the day off (Christmas on a Saturday is still 25 December).
 * @example listFestivals(monthIndex(2026, 2), "zh-CN") → [{ day: ymdToDay(2026, 2, 17), key: "festival.springFestival" }]
 */
export function listFestivals(month: number, lang: Lang): Festival[] {
  const first = monthStart(month);
  const last = monthEnd(month);
  const { year, month: m } = dayToYmd(first);
  const out: Festival[] = [];
  const add = (day: number | null, key: FestivalKey) => {
    if (day !== null && day >= first && day <= last) out.push({ day, key });
  };
  if (lang === "zh-CN") {
    add(ymdToDay(year, 1, 1), "festival.newYear");
    for (const [md, key] of LUNAR) add(dayOf(getSolarDateFromLunar(`${year}-${md}`).date), key);
    if (m === 4) {
      const qingming = getSolarTermsInRange(formatDay(first), formatDay(last)).find(
        (t) => t.term === "pure_brightness" && t.index === 1,
      );
      if (qingming) add(dayOf(qingming.date), "festival.qingming");
    }
    add(ymdToDay(year, 10, 1), "festival.nationalDay");
  } else {
    add(ymdToDay(year, 1, 1), "festival.newYear");
    const thanksgiving = allForYear(year, {
      shiftSaturdayHolidays: false,
      shiftSundayHolidays: false,
    }).find((h) => h.name === "Thanksgiving Day");
    if (thanksgiving) add(dayOf(thanksgiving.dateString), "festival.thanksgiving");
    add(ymdToDay(year, 12, 25), "festival.christmas");
  }
  return out.sort((a, b) => a.day - b.day);
}

function dayOf(ymd: string): number | null {
  const [y, m, d] = ymd.split("-").map(Number);
  return ymdToDay(y, m, d);
}
