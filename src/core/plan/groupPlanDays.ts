import type { PlannedVisit } from "./planNextMonth";

/** One day of a salesperson's plan: one region's visits; `day` null for the rows that did not fit. */
export interface PlanDay {
  day: number | null;
  region: string | null;
  visits: PlannedVisit[];
}

/** A salesperson's days in the plan month (rep −1: no salesperson). */
export interface RepPlan {
  rep: number;
  days: PlanDay[];
}

/**
 * The plan's visits (as scheduleVisits laid them: by salesperson, then day) as each
 * salesperson's days. Rows that did not fit (day null) form one last "day" per salesperson,
 * whatever their regions, since they share no date.
 * @example groupPlanDays([{ rep: 0, day: 10, region: "东", … }, { rep: 0, day: 10, region: "东", … }, { rep: 0, day: null, region: "西", … }])
 *   → [{ rep: 0, days: [{ day: 10, region: "东", visits: [v1, v2] }, { day: null, region: null, visits: [v3] }] }]
 */
export function groupPlanDays(visits: readonly PlannedVisit[]): RepPlan[] {
  const out: RepPlan[] = [];
  for (const v of visits) {
    let rep = out[out.length - 1];
    if (rep?.rep !== v.rep) out.push((rep = { rep: v.rep, days: [] }));
    const last = rep.days[rep.days.length - 1];
    const region = v.day === null ? null : v.region;
    if (last && last.day === v.day && last.region === region) last.visits.push(v);
    else rep.days.push({ day: v.day, region, visits: [v] });
  }
  return out;
}
