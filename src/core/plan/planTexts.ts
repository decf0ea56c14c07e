import { dayToYmd } from "../_lib/dates";
import { t, type Lang } from "../../i18n";
import type { Greeting } from "./listGreetings";
import type { VisitReason } from "./pickPlanVisits";
import type { NextMonthPlan } from "./planNextMonth";

/**
 * The words of the plan that the plan sheet and the pane's Plan view both show, in one place.
 */

/**
 * A visit's reasons in one cell, in the order given.
 * @example visitReasons([{ kind: "overdue", days: 5 }, { kind: "down" }], "en-US") === "Overdue 5 days, Down"
 */
export function visitReasons(reasons: readonly VisitReason[], lang: Lang): string {
  const sep = lang === "zh-CN" ? "、" : ", ";
  return reasons
    .map((r) => (r.kind === "overdue" ? t(lang, "due.overdue", { n: r.days }) : t(lang, `plan.reason.${r.kind}`)))
    .join(sep);
}

/**
 * visitReasons for many rows (tens of thousands share a few hundred lists): each distinct
 * list of reasons is worded once. pickPlanVisits gives equal lists as one array, found here
 * by identity; another equal array is found by its contents.
 * @example const words = reasonWords("en-US"); words([{ kind: "due" }]) === "Due"
 */
export function reasonWords(lang: Lang): (reasons: readonly VisitReason[]) => string {
  const byList = new Map<readonly VisitReason[], string>();
  const byKey = new Map<string, string>();
  return (reasons) => {
    let text = byList.get(reasons);
    if (text !== undefined) return text;
    let key = "";
    for (const r of reasons) key += `${r.kind === "overdue" ? r.days : r.kind},`;
    text = byKey.get(key);
    if (text === undefined) byKey.set(key, (text = visitReasons(reasons, lang)));
    byList.set(reasons, text);
    return text;
  };
}

/**
 * What a greeting is for: a birthday, N years as customer, or the festival's name.
 * @example greetingOccasion({ day: 0, kind: "anniversary", customer: 3, years: 2 }, "en-US") === "2 years as customer"
 */
export function greetingOccasion(g: Greeting, lang: Lang): string {
  if (g.kind === "festival") return t(lang, g.festival);
  return g.kind === "birthday" ? t(lang, "greeting.birthday") : t(lang, "greeting.anniversary", { n: g.years });
}

/**
 * Which working days the plan used and how many: the calendar's, or Monday–Friday where the
 * calendar lacks the year's official schedule.
 * @example calendarLine({ calendar: "none", official: true, workingDays: days21, … }, "en-US") === "Monday–Friday: 21 working days"
 */
export function calendarLine(plan: Pick<NextMonthPlan, "calendar" | "official" | "workingDays">, lang: Lang): string {
  const n = plan.workingDays.length;
  if (plan.official) return t(lang, `plan.calendar.${plan.calendar}`, { n });
  return t(lang, "plan.calendar.fallback", { year: dayToYmd(plan.workingDays[0] ?? 0).year, n });
}
