import { dayToSerial, dayToYmd, formatMonth } from "../_lib/dates";
import type { Cell } from "../_lib/cells";
import { t, type Lang, type MessageKey } from "../../i18n";
import type { NumberFormat, ReportPlan, ReportRow } from "../output";
import type { Review } from "../runReview";
import { MAN_LETTERS } from "./classifyProspect";
import type { NextMonthPlan } from "./planNextMonth";
import type { VisitReason } from "./pickPlanVisits";

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
  const L = (key: MessageKey, params?: Record<string, string | number>) =>
    t(lang, key, params);
  const rows: ReportRow[] = [];
  const add = (
    style: ReportRow["style"],
    cells: Cell[],
    formats?: (NumberFormat | null)[],
  ) => {
    rows.push(formats ? { style, cells, formats } : { style, cells });
  };
  const sys = review.options.dateSystem;
  const date = (d: number | null) => (d === null ? null : dayToSerial(d, sys));
  const c = review.customers;
  const repName = (rep: number) => (rep >= 0 ? review.reps.names[rep] : null);
  const n = plan.workingDays.length;
  const calendarLine = plan.official
    ? L(`plan.calendar.${plan.calendar}`, { n })
    : L("plan.calendar.fallback", {
        year: dayToYmd(plan.workingDays[0] ?? 0).year,
        n,
      });

  add("title", [L("plan.title", { month: formatMonth(plan.month) })]);
  add("body", [L("plan.reviewMonth"), formatMonth(review.month)]);
  add("body", [L("plan.calendar"), calendarLine]);
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
  else {
    add("header", [
      L("report.salesperson"),
      L("plan.col.date"),
      L("plan.col.region"),
      L("report.customerId"),
      L("report.customerName"),
      L("report.tier"),
      L("plan.col.reasons"),
      L("report.lastVisit"),
      L("plan.col.due"),
    ]);
    const sep = lang === "zh-CN" ? "、" : ", ";
    // Tens of thousands of rows share a few dozen reason texts: each is made once.
    const texts = new Map<string, string>();
    const text = (x: VisitReason) => {
      const key = x.kind === "overdue" ? `${x.kind}${x.days}` : x.kind;
      if (!texts.has(key)) texts.set(key, reasonText(x, L));
      return texts.get(key)!;
    };
    for (const v of plan.visits) {
      const r = review.results[v.customer];
      const reasons = v.reasons.map(text).join(sep);
      add(
        "body",
        [
          repName(v.rep),
          v.day === null ? L("plan.overCapacity") : date(v.day),
          v.region,
          c.ids[v.customer],
          c.names[v.customer],
          v.tier,
          reasons,
          date(r.lastVisit),
          date(r.due),
        ],
        [
          null,
          v.day === null ? null : "date",
          null,
          null,
          null,
          null,
          null,
          "date",
          "date",
        ],
      );
    }
  }
  add("body", []);

  add("section", [L("plan.section.greetings")]);
  if (plan.greetings.length === 0) add("note", [L("report.none")]);
  else {
    add("header", [
      L("plan.col.date"),
      L("plan.col.occasion"),
      L("report.customerId"),
      L("report.customerName"),
      L("report.salesperson"),
      L("report.tier"),
    ]);
    const formats: NumberFormat[] = [
      "date",
      "general",
      "general",
      "general",
      "general",
      "general",
    ];
    for (const g of plan.greetings) {
      if (g.kind === "festival")
        add(
          "body",
          [date(g.day), L(g.festival), null, g.count, repName(g.rep), null],
          [...formats.slice(0, 3), "integer", "general", "general"],
        );
      else {
        const occasion =
          g.kind === "birthday"
            ? L("greeting.birthday")
            : L("greeting.anniversary", { n: g.years });
        add(
          "body",
          [
            date(g.day),
            occasion,
            c.ids[g.customer],
            c.names[g.customer],
            repName(c.rep[g.customer]),
            review.results[g.customer].tier,
          ],
          formats,
        );
      }
    }
  }
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

function reasonText(
  r: VisitReason,
  L: (key: MessageKey, params?: Record<string, string | number>) => string,
): string {
  return r.kind === "overdue"
    ? L("due.overdue", { n: r.days })
    : L(`plan.reason.${r.kind}`);
}

function addProspectSummary(
  review: Review,
  plan: NextMonthPlan,
  L: (key: MessageKey) => string,
  add: (
    style: ReportRow["style"],
    cells: Cell[],
    formats?: (NumberFormat | null)[],
  ) => void,
): void {
  const target = review.options.prospectTarget;
  const names = [
    ...new Set([
      ...review.reps.names.filter((x) => x !== ""),
      ...plan.prospects!.map((p) => p.salesperson ?? ""),
    ]),
  ];
  names.sort((a, b) =>
    a === "" ? 1 : b === "" ? -1 : a < b ? -1 : a > b ? 1 : 0,
  );
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
  const formats: (NumberFormat | null)[] = [
    null,
    ...Array<NumberFormat>(14).fill("integer"),
  ];
  for (const name of names) {
    const mine = plan.prospects!.filter((p) => (p.salesperson ?? "") === name);
    if (name === "" && mine.length === 0) continue;
    const byClass = MAN_LETTERS.map(
      (_, k) => mine.filter((p) => p.man === k + 1).length,
    );
    const byClose = (["A", "B", "C"] as const).map(
      (x) => mine.filter((p) => p.closeness === x).length,
    );
    add(
      "body",
      [
        name === "" ? L("report.unassigned") : name,
        ...byClass,
        ...byClose,
        mine.length,
        target,
        Math.max(0, target - mine.length),
      ],
      formats,
    );
  }
}
