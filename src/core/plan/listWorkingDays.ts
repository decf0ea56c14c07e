import { getDayDetail, isWorkday } from "chinese-days";
import { allForYear } from "@18f/us-federal-holidays";
import { dayToYmd, formatDay, monthEnd, monthStart } from "../_lib/dates";

/** Whose working days the plan follows: mainland China's official calendar, US federal holidays, or Monday–Friday only. */
export type PlanCalendar = "zh-CN" | "en-US" | "none";

export interface WorkingDays {
  /** Epoch days of the month's working days, ascending. */
  days: number[];
  /**
   * False when the calendar has no official schedule for the month's year (China publishes
   * its holidays and make-up working days about a year ahead): the days are then Monday–Friday.
   */
  official: boolean;
}

/**
 * The working days of a month. zh-CN: the State Council's holidays and make-up working days
 * (调休) as the chinese-days package ships them; en-US: Monday–Friday less the observed US
 * federal holidays (@18f/us-federal-holidays); none: Monday–Friday.
 * @example listWorkingDays(monthIndex(2026, 10), "zh-CN").days[0] === ymdToDay(2026, 10, 8) (国庆节 1–7 October)
 */
export function listWorkingDays(month: number, calendar: PlanCalendar): WorkingDays {
  const first = monthStart(month);
  const last = monthEnd(month);
  const year = dayToYmd(first).year;
  const weekday = (d: number) => (((d + 3) % 7) + 7) % 7 < 5; // epoch day 0 was a Thursday; 0 = Monday
  const days: number[] = [];
  if (calendar === "zh-CN" && hasChineseSchedule(year)) {
    for (let d = first; d <= last; d++) if (isWorkday(formatDay(d))) days.push(d);
    return { days, official: true };
  }
  const holidays = calendar === "en-US" ? usHolidays(year) : new Set<string>();
  for (let d = first; d <= last; d++) if (weekday(d) && !holidays.has(formatDay(d))) days.push(d);
  return { days, official: calendar !== "zh-CN" };
}

/** Whether chinese-days holds the official schedule of a year: 元旦 is a holiday in every published one. */
export function hasChineseSchedule(year: number): boolean {
  return getDayDetail(`${year}-01-01`).name.includes("元旦");
}

/** Observed federal holidays touching a year, as `yyyy-mm-dd` (New Year's Day of the next year may fall on 31 December). */
function usHolidays(year: number): Set<string> {
  return new Set([...allForYear(year), ...allForYear(year + 1)].map((h) => h.dateString));
}
