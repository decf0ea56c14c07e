import { t, type Lang } from "../i18n";
import type { PlanDayView, PlanSummary, PlanVisitView } from "./host";

/** Greetings the Plan view lists before it says how many more the plan sheet holds. */
export const GREETINGS_SHOWN = 8;
/** Visits that did not fit, listed before "N more in the plan sheet" (a big team's can be thousands). */
export const OVER_CAPACITY_SHOWN = 20;

/**
 * A day's heading: its date and region, or Over capacity for the rows that did not fit.
 * @example dayHeading({ date: "2026-11-02", region: "East", visits: [] }, "en-US") === "2026-11-02 · East"
 */
export function dayHeading(day: PlanDayView, lang: Lang): string {
  if (day.date === null) return t(lang, "plan.overCapacity");
  return day.region ? `${day.date} · ${day.region}` : day.date;
}

/**
 * The accessible name of a customer in the Plan view: the day, who, the tier and every reason,
 * since a screen reader reads the button alone.
 * @example planVisitLabel({ customer: "C001", name: "Acme", tier: "A", reasons: "Due, Down" }, day, "en-US")
 *   === "2026-11-02 · East: C001 Acme, tier A, Due, Down"
 */
export function planVisitLabel(visit: PlanVisitView, day: PlanDayView, lang: Lang): string {
  const params = {
    day: dayHeading(day, lang),
    customer: visit.customer,
    name: visit.name ?? "",
    tier: visit.tier,
    reasons: visit.reasons,
  };
  return withoutGapBeforeComma(t(lang, visit.target ? "pane.plan.visitRow" : "pane.plan.visitNotInSheet", params));
}

/**
 * The visits planned over some days, those that did not fit included.
 * @example visitCount([{ date: "2026-11-02", region: null, visits: [v1, v2] }, { date: null, region: null, visits: [v3] }]) === 3
 */
export function visitCount(days: readonly PlanDayView[]): number {
  return days.reduce((sum, d) => sum + d.visits.length, 0);
}

/**
 * A salesperson's heading with the number of visits planned (those that did not fit included).
 * @example repHeading({ salesperson: "Lee", days: [{ date: "2026-11-02", region: null, visits: [v1, v2] }] }, "en-US") === "Lee (2 visits)"
 */
export function repHeading(rep: PlanSummary["reps"][number], lang: Lang): string {
  return t(lang, "pane.plan.rep", { salesperson: rep.salesperson, n: visitCount(rep.days) });
}

/**
 * The first `n` of a list the view shows and how many more the plan sheet holds.
 * @example firstFew(tenGreetings, GREETINGS_SHOWN) → { shown: the first 8, more: 2 }
 */
export function firstFew<T>(list: readonly T[], n: number): { shown: readonly T[]; more: number } {
  return { shown: list.slice(0, n), more: Math.max(0, list.length - n) };
}

/**
 * Greetings grouped under their dates, in the order they come (the plan sheet's: by date), so
 * that each row needs only its occasion and salesperson beside the customer.
 * @example greetingDays([{ date: "2026-11-01", … }, { date: "2026-11-01", … }, { date: "2026-11-06", … }])
 *   → [{ date: "2026-11-01", greetings: [first, second] }, { date: "2026-11-06", greetings: [third] }]
 */
export function greetingDays<T extends { date: string }>(list: readonly T[]): { date: string; greetings: T[] }[] {
  const days: { date: string; greetings: T[] }[] = [];
  for (const g of list) {
    const last = days[days.length - 1];
    if (last?.date === g.date) last.greetings.push(g);
    else days.push({ date: g.date, greetings: [g] });
  }
  return days;
}

/**
 * What a screen reader says for a birthday's or anniversary's customer in the Plan view.
 * @example greetingLabel({ date: "2026-11-05", occasion: "Birthday", who: "C001 Acme", salesperson: "Lee", customer }, "en-US")
 *   === "2026-11-05 Birthday: C001 Acme, tier A, Lee"
 */
export function greetingLabel(g: PlanSummary["greetings"][number], lang: Lang): string {
  const params = {
    date: g.date,
    occasion: g.occasion,
    customer: g.customer?.customer ?? g.who,
    name: g.customer?.name ?? "",
    tier: g.customer?.tier ?? "",
    salesperson: g.salesperson,
  };
  return withoutGapBeforeComma(t(lang, "pane.plan.greetingRow", params));
}

/** A customer without a name leaves `{customer} {name},` as `C004 ,`: the space goes. */
function withoutGapBeforeComma(text: string): string {
  return text.replace(/\s+([,，])/u, "$1");
}
