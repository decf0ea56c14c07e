import { dayToSerial, formatMonth } from "../_lib/dates";
import type { Cell } from "../_lib/cells";
import { t, type Lang, type MessageKey } from "../../i18n";
import type { NumberFormat, ReportPlan, ReportRow } from "../output";
import type { Review } from "../runReview";
import { MAN_LETTERS } from "./classifyProspect";
import type { NextMonthPlan } from "./planNextMonth";
import { calendarLine, greetingOccasion, reasonWords } from "./planTexts";
import { summarizeProspects } from "./summarizeProspects";

/**
 * The plan sheet `拜访计划 YYYY-MM` / `Plan YYYY-MM`: a title block, then the visits (by
 * salesperson and day; rows that did not fit say Over capacity in the date column), the
 * greetings, and the prospects per salesperson by MAN class and closeness with the
 * shortfall against the target pool. Plain values: dates are date serials formatted
 * `yyyy-mm-dd`, names are text.
 * @example buildPlanSheet(review, planNextMonth(review, "en-US"), "en-US", "Plan 2026-11", "2026-11-30 09:00").rows[0].cells
 *   → ["Plan for 2026-11"]
 */
export function buildPlanSheet(
  review: Review,
  plan: NextMonthPlan,
  lang: Lang,
  sheet: string,
  generatedAt: string,
): ReportPlan {
  const L = (key: MessageKey, params?: Record<string, string | number>) => t(lang, key, params);
  const rows: ReportRow[] = [];
  const add = (style: ReportRow["style"], cells: Cell[], formats?: (NumberFormat | null)[]) => {
    rows.push(formats ? { style, cells, formats } : { style, cells });
  };
  add("title", [L("plan.title", { month: formatMonth(plan.month) })]);
  add("body", [L("plan.reviewMonth"), formatMonth(review.month)]);
  add("body", [L("plan.calendar"), calendarLine(plan, lang)]);
  add("body", [
    L("plan.settings"),
    L("plan.settingsLine", {
      n: review.options.visitsPerDay,
      target: review.options.prospectTarget,
    }),
  ]);
  add("body", [L("report.generated"), generatedAt]);
  add("body", []);

  add("section", [L("plan.section.visits")]);
  if (plan.visits.length === 0) add("note", [L("report.none")]);
  else addVisitRows(review, plan, lang, rows);
  add("body", []);

  add("section", [L("plan.section.greetings")]);
  if (plan.greetings.length === 0) add("note", [L("report.none")]);
  else addGreetingRows(review, plan, lang, add);
  add("body", []);

  add("section", [L("plan.section.prospects")]);
  if (!plan.prospects) add("note", [L("plan.noProspectSheet")]);
  else addProspectSummary(review, plan, L, add);
  return {
    sheet,
    rows,
    columnWidths: [16, 12, 12, 12, 28, 8, 24, 12, 12, 10, 10, 10, 10, 10],
    charts: [],
    issuesRow: rows.length,
  };
}

type Add = (style: ReportRow["style"], cells: Cell[], formats?: (NumberFormat | null)[]) => void;

/** The visits' header and a row per visit, by salesperson and day as planned. */
function addVisitRows(review: Review, plan: NextMonthPlan, lang: Lang, rows: ReportRow[]): void {
  const L = (key: MessageKey) => t(lang, key);
  const sys = review.options.dateSystem;
  const date = (d: number | null) => (d === null ? null : dayToSerial(d, sys));
  const c = review.customers;
  const repName = (rep: number) => (rep >= 0 ? review.reps.names[rep] : null);
  const header: MessageKey[] = ["report.salesperson", "plan.col.date", "plan.col.region", "report.customerId"];
  header.push("report.customerName", "report.tier", "plan.col.reasons", "report.lastVisit", "plan.col.due");
  rows.push({ style: "header", cells: header.map(L) });
  const words = reasonWords(lang);
  const overCapacity = L("plan.overCapacity");
  // One formats list for every placed row and one for every Over-capacity row: the writers only read them.
  const placed: (NumberFormat | null)[] = [null, "date", null, null, null, null, null, "date", "date"];
  const over = placed.map((f, i) => (i === 1 ? null : f));
  // Read in customer order once: the visits jump across the customers, and so did reading each one's result.
  const lastVisit = review.results.map((r) => r.lastVisit);
  for (const v of plan.visits)
    rows.push({
      style: "body",
      cells: [
        repName(v.rep),
        v.day === null ? overCapacity : date(v.day),
        v.region,
        c.ids[v.customer],
        c.names[v.customer],
        v.tier,
        words(v.reasons),
        date(lastVisit[v.customer]),
        date(v.due),
      ],
      formats: v.day === null ? over : placed,
    });
}

/** The greetings' header and a row per greeting: a customer's, or a festival's count per salesperson. */
function addGreetingRows(review: Review, plan: NextMonthPlan, lang: Lang, add: Add): void {
  const L = (key: MessageKey) => t(lang, key);
  const sys = review.options.dateSystem;
  const date = (d: number) => dayToSerial(d, sys);
  const c = review.customers;
  const repName = (rep: number) => (rep >= 0 ? review.reps.names[rep] : null);
  const header: MessageKey[] = ["plan.col.date", "plan.col.occasion", "report.customerId", "report.customerName"];
  header.push("report.salesperson", "report.tier");
  add("header", header.map(L));
  const formats: NumberFormat[] = ["date", "general", "general", "general", "general", "general"];
  const festivalFormats: NumberFormat[] = [...formats.slice(0, 3), "integer", "general", "general"];
  for (const g of plan.greetings) {
    if (g.kind === "festival")
      add("body", [date(g.day), greetingOccasion(g, lang), null, g.count, repName(g.rep), null], festivalFormats);
    else {
      const customer = [c.ids[g.customer], c.names[g.customer], repName(c.rep[g.customer])];
      add("body", [date(g.day), greetingOccasion(g, lang), ...customer, review.results[g.customer].tier], formats);
    }
  }
}

function addProspectSummary(review: Review, plan: NextMonthPlan, L: (key: MessageKey) => string, add: Add): void {
  add("header", [
    L("report.salesperson"),
    ...MAN_LETTERS,
    "A",
    "B",
    "C",
    L("plan.col.total"),
    L("plan.col.target"),
    L("plan.col.shortfall"),
  ]);
  const formats: (NumberFormat | null)[] = [null, ...Array<NumberFormat>(14).fill("integer")];
  const pools = summarizeProspects(plan.prospects!, review.reps.names, review.options.prospectTarget);
  for (const p of pools)
    add(
      "body",
      [
        p.salesperson === "" ? L("report.unassigned") : p.salesperson,
        ...p.byClass,
        ...p.byCloseness,
        p.total,
        p.target,
        p.shortfall,
      ],
      formats,
    );
}
