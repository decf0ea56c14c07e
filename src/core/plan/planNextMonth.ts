import { monthEnd } from "../_lib/dates";
import { customerKey } from "../_lib/text";
import type { Lang } from "../../i18n";
import type { Review } from "../runReview";
import { classifyMan, closenessOf, type Closeness, type ManClass } from "./classifyProspect";
import { listFestivals } from "./listFestivals";
import { listGreetings, type Greeting } from "./listGreetings";
import { listWorkingDays, type PlanCalendar } from "./listWorkingDays";
import { pickPlanVisits, type VisitReason } from "./pickPlanVisits";
import { scheduleVisits, type PlacedVisit, type VisitToPlace } from "./scheduleVisits";

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
  const o = review.options;
  const calendar: PlanCalendar = o.planCalendar ?? lang;
  const { days, official } = listWorkingDays(month, calendar);
  const c = review.customers;
  const reps = repOfEach(review);
  const picked = pickPlanVisits(review.results, monthEnd(month), review.credit?.receivables.flag);
  const toPlace = picked.map(({ customer, reasons }) => {
    const r = review.results[customer];
    const key = c.sortKey(customer);
    return {
      customer,
      rep: reps[customer],
      region: c.region[customer] ?? null,
      tier: r.tier,
      due: r.due,
      key,
      reasons,
    };
  });
  const name = (rep: number) => (rep >= 0 ? review.reps.names[rep] : null);
  const repOrder = (a: number, b: number) => (a < 0 ? 1 : b < 0 ? -1 : compare(name(a)!, name(b)!));
  const visits = scheduleVisits(toPlace, days, o.visitsPerDay, repOrder, plannedOn);
  const inputs = review.planInputs;
  const greeted = review.results.map((r, i) => ({
    tier: r.tier,
    rep: reps[i],
    birthday: inputs ? inputs.birthday[i] : null,
    firstTrade: c.firstTrade[i],
  }));
  const plan: NextMonthPlan = {
    month,
    calendar,
    official,
    workingDays: days,
    visits,
    greetings: listGreetings(greeted, month, listFestivals(month, lang)),
  };
  if (inputs?.prospects) {
    const last = new Map<string, number>();
    review.results.forEach((r, i) => {
      const n = c.names[i];
      if (n !== null && r.lastVisit !== null && !(last.get(customerKey(n))! >= r.lastVisit))
        last.set(customerKey(n), r.lastVisit);
    });
    plan.prospects = inputs.prospects.prospects.map((p) => ({
      row: p.row,
      name: p.name,
      salesperson: p.salesperson,
      man: classifyMan(p.money, p.authority, p.need),
      closeness: closenessOf(p.close, review.asOf),
      lastVisit: last.get(customerKey(p.name)) ?? null,
    }));
  }
  return plan;
}

/** A placed visit with its reasons, made whole at once: no property added to 48,000 objects afterwards. */
function plannedOn(v: VisitToPlace & { reasons: VisitReason[] }, day: number | null): PlannedVisit {
  const { customer, rep, region, tier, due, key, reasons } = v;
  return { customer, rep, region, tier, due, key, day, reasons };
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
