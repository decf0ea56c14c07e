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
  return joinReasons(
    reasons.map((r) => reasonWord(r, lang)),
    lang,
  );
}

/**
 * visitReasons for many rows (tens of thousands share a few hundred lists): pickPlanVisits
 * gives equal lists as one array and equal reasons as one object, so each list and each
 * reason is worded once, found by identity. Other arrays are worded as they come.
 * @example const words = reasonWords("en-US"); words([{ kind: "due" }]) === "Due"
 */
export function reasonWords(lang: Lang): (reasons: readonly VisitReason[]) => string {
  const byList = new Map<readonly VisitReason[], string>();
  const byReason = new Map<VisitReason, string>();
  const word = (r: VisitReason) => {
    let w = byReason.get(r);
    if (w === undefined) byReason.set(r, (w = reasonWord(r, lang)));
    return w;
  };
  return (reasons) => {
    let text = byList.get(reasons);
    if (text === undefined) byList.set(reasons, (text = joinReasons(reasons.map(word), lang)));
    return text;
  };
}

function reasonWord(r: VisitReason, lang: Lang): string {
  return r.kind === "overdue" ? t(lang, "due.overdue", { n: r.days }) : t(lang, `plan.reason.${r.kind}`);
}

function joinReasons(words: readonly string[], lang: Lang): string {
  return words.join(lang === "zh-CN" ? "、" : ", ");
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
