import { monthEnd } from "../_lib/dates";
import { customerKey } from "../_lib/text";
import type { Lang } from "../../i18n";
import type { Review } from "../runReview";
import { classifyMan, closenessOf, type Closeness, type ManClass } from "./classifyProspect";
import type { Prospect } from "./detectProspects";
import { listFestivals } from "./listFestivals";
import { listGreetings, type Greeting } from "./listGreetings";
import { listWorkingDays, type PlanCalendar } from "./listWorkingDays";
import { pickPlanVisits, type VisitReason } from "./pickPlanVisits";
import { scheduleVisits, type PlacedVisit } from "./scheduleVisits";

export interface PlannedVisit extends PlacedVisit {
  reasons: VisitReason[];
}

export interface ClassedProspect {
  row: number;
  name: string;
  salesperson: string | null;
  man: ManClass;
  closeness: Closeness | null;
  lastVisit: number | null;
}

export interface NextMonthPlan {
  /** Plan month P (month index), the month after the review month. */
  month: number;
  calendar: PlanCalendar;
  /** False when the calendar lacks P's official schedule and Monday–Friday was used. */
  official: boolean;
  workingDays: number[];
  visits: PlannedVisit[];
  greetings: Greeting[];
  prospects?: ClassedProspect[];
}

/**
 * Next month's plan from a review (SPEC "The plan for next month"): who to visit and when,
 * whom to greet, and the prospects by MAN class. A–C customers with a receivables credit flag
 * are listed to collect; without receivables (no paid data) no Collect reason is given.
 * @example planNextMonth(runReview(grids, { month: monthIndex(2026, 10) }), "zh-CN").month === monthIndex(2026, 11)
 */
export function planNextMonth(review: Review, lang: Lang): NextMonthPlan {
  const month = review.month + 1;
  const calendar: PlanCalendar = review.options.planCalendar ?? lang;
  const { days, official } = listWorkingDays(month, calendar);
  const reps = repOfEach(review);
  const plan: NextMonthPlan = {
    month,
    calendar,
    official,
    workingDays: days,
    visits: planVisits(review, reps, days),
    greetings: planGreetings(review, reps, month, lang),
  };
  const prospects = review.planInputs?.prospects;
  if (prospects) plan.prospects = classProspects(review, prospects.prospects);
  return plan;
}

function planGreetings(review: Review, reps: readonly number[], month: number, lang: Lang): Greeting[] {
  const birthdays = review.planInputs?.birthday;
  const { firstTrade } = review.customers;
  const greeted = review.results.map((r, i) => ({
    tier: r.tier,
    rep: reps[i],
    birthday: birthdays ? birthdays[i] : null,
    firstTrade: firstTrade[i],
  }));
  return listGreetings(greeted, month, listFestivals(month, lang));
}

/** Each prospect's MAN class and closeness, and the last visit of the customer of that name (if any). */
function classProspects(review: Review, prospects: readonly Prospect[]): ClassedProspect[] {
  const last = new Map<string, number>();
  review.results.forEach((r, i) => {
    const n = review.customers.names[i];
    if (n !== null && r.lastVisit !== null && !(last.get(customerKey(n))! >= r.lastVisit))
      last.set(customerKey(n), r.lastVisit);
  });
  return prospects.map((p) => ({
    row: p.row,
    name: p.name,
    salesperson: p.salesperson,
    man: classifyMan(p.money, p.authority, p.need),
    closeness: closenessOf(p.close, review.asOf),
    lastVisit: last.get(customerKey(p.name)) ?? null,
  }));
}

/** Who to visit and when: each picked customer, with its reasons, laid onto the working days. */
function planVisits(review: Review, reps: readonly number[], days: readonly number[]): PlannedVisit[] {
  const c = review.customers;
  const picked = pickPlanVisits(review.results, monthEnd(review.month + 1), review.credit?.receivables.flag);
  // Each visit is made once, whole (day too, so its shape never changes): placing it gives it its day.
  const toPlace = picked.map(({ customer, reasons }): PlannedVisit => {
    const { tier, due } = review.results[customer];
    const region = c.region[customer] ?? null;
    return { customer, rep: reps[customer], region, tier, due, key: c.sortKey(customer), day: null, reasons };
  });
  const name = (rep: number) => (rep >= 0 ? review.reps.names[rep] : null);
  const repOrder = (a: number, b: number) => (a < 0 ? 1 : b < 0 ? -1 : compare(name(a)!, name(b)!));
  return scheduleVisits(toPlace, days, review.options.visitsPerDay, repOrder, placeOn);
}

function placeOn(v: PlannedVisit, day: number | null): PlannedVisit {
  v.day = day;
  return v;
}

/** Each customer's salesperson; a customer missing from the customer sheet takes the one of most of its orders (first seen wins a tie). */
function repOfEach(review: Review): number[] {
  const c = review.customers;
  const out = c.rep.slice();
  // A byte per customer that votes (none in most workbooks): the pass over a million orders reads little, or is skipped.
  const voter = new Uint8Array(out.length);
  let voters = 0;
  for (let k = 0; k < out.length; k++) if (out[k] < 0 && c.isUnmatched(k)) voters += voter[k] = 1;
  const votes = new Map<number, Map<number, number>>();
  const { orders } = review.inputs;
  for (let i = 0; i < (voters > 0 ? orders.n : 0); i++) {
    const k = orders.customer[i];
    if (voter[k] !== 1 || orders.rep[i] < 0) continue;
    const m = votes.get(k) ?? new Map<number, number>();
    m.set(orders.rep[i], (m.get(orders.rep[i]) ?? 0) + 1);
    votes.set(k, m);
  }
  for (const [k, m] of votes) {
    let best = -1;
    let n = 0;
    for (const [rep, count] of m) if (count > n) [best, n] = [rep, count];
    out[k] = best;
  }
  return out;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
