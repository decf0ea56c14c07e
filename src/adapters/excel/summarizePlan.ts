import { formatDay, formatMonth } from "../../core/_lib/dates";
import type { WritePlan } from "../../core/output";
import { groupPlanDays } from "../../core/plan/groupPlanDays";
import { calendarLine, greetingOccasion, reasonWords } from "../../core/plan/planTexts";
import { summarizeProspects } from "../../core/plan/summarizeProspects";
import type { Review } from "../../core/runReview";
import { t, type Lang } from "../../i18n";
import type { PlanSummary, PlanVisitView } from "../../taskpane/host";

/** Where a customer's row is, as the action list finds it (excelHost's `summarize`). */
export type CustomerTarget = (customer: number) => { sheet: string; address: string } | undefined;

/**
 * Next month's plan as the pane's Plan view shows it, from the plan the run computed and
 * wrote (no second reading): each salesperson's days with the customers and their reasons,
 * the greetings and the prospect pools, in `lang`. Undefined when the run wrote no plan.
 */
export function summarizePlan(
  review: Review,
  plan: WritePlan,
  lang: Lang,
  target: CustomerTarget,
): PlanSummary | undefined {
  const next = plan.nextMonth;
  if (!next || !plan.planSheet) return undefined;
  const c = review.customers;
  const person = (name: string | null | undefined) => (name ? name : t(lang, "report.unassigned"));
  const repName = (rep: number) => person(rep >= 0 ? review.reps.names[rep] : null);
  const words = reasonWords(lang);
  const customer = (i: number): Omit<PlanVisitView, "reasons"> => {
    const view = { customer: c.key(i), name: c.names[i], tier: review.results[i].tier };
    const where = target(i);
    return where ? { ...view, target: where } : view;
  };
  const visit = (i: number, reasons: Parameters<typeof words>[0]): PlanVisitView => ({
    ...customer(i),
    reasons: words(reasons),
  });
  const summary: PlanSummary = {
    month: formatMonth(next.month),
    sheet: plan.planSheet.sheet,
    calendar: calendarLine(next, lang),
    reps: groupPlanDays(next.visits).map((r) => ({
      salesperson: repName(r.rep),
      days: r.days.map((d) => ({
        date: d.day === null ? null : formatDay(d.day),
        region: d.region,
        visits: d.visits.map((v) => visit(v.customer, v.reasons)),
      })),
    })),
    greetings: next.greetings.map((g) => {
      const line = { date: formatDay(g.day), occasion: greetingOccasion(g, lang) };
      if (g.kind === "festival")
        return { ...line, who: t(lang, "pane.plan.customers", { n: g.count }), salesperson: repName(g.rep) };
      const who = [c.key(g.customer), c.names[g.customer]].filter(Boolean).join(" ");
      return { ...line, who, salesperson: repName(c.rep[g.customer]), customer: customer(g.customer) };
    }),
  };
  if (next.prospects) {
    summary.prospects = summarizeProspects(next.prospects, review.reps.names, review.options.prospectTarget).map(
      (p) => ({
        salesperson: person(p.salesperson),
        total: p.total,
        target: p.target,
        shortfall: p.shortfall,
      }),
    );
  }
  return summary;
}
