import { isAHoliday } from "@18f/us-federal-holidays";
import { isWorkday } from "chinese-days";
import fc from "fast-check";
import { dayToYmd, monthEnd, monthOfDay, serialToDay } from "../_lib/dates";
import { runReview, type Review } from "../runReview";
import { grid, month, serial } from "../testing/grids";
import type { Cell, Grid } from "../types";
import { itFull } from "../../../test/support/tier";
import { planNextMonth, type NextMonthPlan } from "./planNextMonth";

/**
 * Next month's plan on generated ledgers in both languages, against SPEC.md's rules written
 * here from the review's own per-customer figures (tier, change, visit due, credit flag: the
 * review's rules, tested elsewhere) and the calendar libraries asked directly, day by day:
 * the visit list holds exactly the customers the rules name, each once; every dated visit is
 * on a working day of the plan month; no salesperson has two regions or more than N visits on
 * a day; every A–C birthday of the month is greeted.
 */
const REPS = ["张伟", "李娜", "Tom"];
const REGIONS = ["华东", "华南", "North", null];
const START = serial("2024-06-01");
const SPAN_DAYS = 820;
type Lang = "zh-CN" | "en-US";

interface Spec {
  lang: Lang;
  perDay: number;
  customers: { rep: number | null; region: number; birthday: number | null }[];
  orders: { day: number; customer: number; amount: number; paid: number | null }[];
  visits: { day: number; customer: number }[];
  limits: boolean;
  reviewMonth: number;
}

const specs: fc.Arbitrary<Spec> = fc.integer({ min: 1, max: 14 }).chain((n) =>
  fc.record({
    lang: fc.constantFrom<Lang>("zh-CN", "en-US"),
    perDay: fc.integer({ min: 1, max: 4 }),
    customers: fc.array(
      fc.record({
        rep: fc.option(fc.integer({ min: 0, max: REPS.length - 1 }), { freq: 4 }),
        region: fc.integer({ min: 0, max: REGIONS.length - 1 }),
        // Serials of 1960-01-01 … 2000-12-31, 29 February included.
        birthday: fc.option(fc.integer({ min: serial("1960-01-01"), max: serial("2000-12-31") }), { freq: 2 }),
      }),
      { minLength: n, maxLength: n },
    ),
    orders: fc.array(
      fc.record({
        day: fc.integer({ min: 0, max: SPAN_DAYS }),
        customer: fc.integer({ min: 1, max: n }),
        amount: fc.integer({ min: 1, max: 500_000 }).map((c) => c / 100),
        paid: fc.option(
          fc.integer({ min: 0, max: 500_000 }).map((c) => c / 100),
          { freq: 2 },
        ),
      }),
      { minLength: 1, maxLength: 60 },
    ),
    visits: fc.array(
      fc.record({ day: fc.integer({ min: 0, max: SPAN_DAYS }), customer: fc.integer({ min: 1, max: n }) }),
      {
        maxLength: 30,
      },
    ),
    limits: fc.boolean(),
    // Review months 2025-06 … 2026-10: plan months in years whose official calendar is published.
    reviewMonth: fc.integer({ min: 0, max: 16 }),
  }),
);

const HEADERS: Record<Lang, { customers: string[]; orders: string[]; visits: string[] }> = {
  "zh-CN": {
    customers: ["客户编号", "客户名称", "业务员", "区域", "生日", "信用额度"],
    orders: ["订单日期", "客户编号", "金额", "已回款"],
    visits: ["拜访日期", "客户编号"],
  },
  "en-US": {
    customers: ["Customer ID", "Customer Name", "Salesperson", "Region", "Birthday", "Credit Limit"],
    orders: ["Order Date", "Customer ID", "Amount", "Paid"],
    visits: ["Visit Date", "Customer ID"],
  },
};

function ledger(s: Spec): Grid[] {
  const h = HEADERS[s.lang];
  const customers: Cell[][] = [h.customers];
  s.customers.forEach((c, i) =>
    customers.push([
      `C${i + 1}`,
      `客户${i + 1}`,
      c.rep === null ? null : REPS[c.rep],
      REGIONS[c.region],
      c.birthday,
      s.limits ? 1000 * (i + 1) : null,
    ]),
  );
  const orders: Cell[][] = [h.orders, ...s.orders.map((o) => [START + o.day, `C${o.customer}`, o.amount, o.paid])];
  const visits: Cell[][] = [h.visits, ...s.visits.map((v) => [START + v.day, `C${v.customer}`])];
  return [grid("客户表", customers), grid("订单表", orders), grid("拜访记录", visits)];
}

/**
 * The customers SPEC.md lists to visit, each with every reason: A–C overdue (by N days at the
 * as-of date) or due by the plan month's end, A/B Down or Lost, A–C with a credit flag.
 */
function expectedVisits(r: Review): string[] {
  const planEnd = monthEnd(r.month + 1);
  const flags = r.credit?.receivables.flag;
  return r.results.flatMap((c, i) => {
    if (c.tier === "D") return [];
    const reasons = [
      (c.overdueDays ?? 0) > 0 ? `overdue ${c.overdueDays}` : c.due !== null && c.due <= planEnd ? "due" : "",
      c.tier !== "C" && c.change === "Down" ? "down" : "",
      c.tier !== "C" && c.change === "Lost" ? "lost" : "",
      (flags?.[i] ?? null) !== null ? "collect" : "",
    ].filter(Boolean);
    return reasons.length > 0 ? [`${i}: ${reasons.join(", ")}`] : [];
  });
}

/** Whether an epoch day is a working day, asked of the calendar libraries directly. */
function working(day: number, lang: Lang): boolean {
  const { year: y, month: m, day: d } = dayToYmd(day);
  if (lang === "zh-CN") return isWorkday(`${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCDay() % 6 !== 0 && !isAHoliday(date, { utc: true });
}

function checkSchedule(plan: NextMonthPlan, s: Spec): void {
  const perDay = new Map<string, { regions: Set<string | null>; n: number }>();
  for (const v of plan.visits) {
    if (v.day === null) continue;
    expect([monthOfDay(v.day), working(v.day, s.lang)]).toEqual([plan.month, true]);
    const slot = perDay.get(`${v.rep}/${v.day}`) ?? { regions: new Set(), n: 0 };
    slot.regions.add(v.region);
    slot.n++;
    perDay.set(`${v.rep}/${v.day}`, slot);
  }
  for (const slot of perDay.values()) expect([slot.regions.size, slot.n <= s.perDay]).toEqual([1, true]);
}

/** Customers of tier A–C born in the plan month (29 February greeted on the 28th in other years: the same month). */
function expectedBirthdays(r: Review, s: Spec): number[] {
  const planMonth = ((r.month + 1) % 12) + 1;
  return s.customers.flatMap((c, i) =>
    c.birthday !== null && r.results[i].tier !== "D" && dayToYmd(serialToDay(c.birthday)!).month === planMonth
      ? [i]
      : [],
  );
}

function property(runs: number) {
  fc.assert(
    fc.property(specs, (s) => {
      const review = runReview(ledger(s), { month: month("2025-06") + s.reviewMonth, visitsPerDay: s.perDay });
      const plan = planNextMonth(review, s.lang);
      const listed = [...plan.visits].sort((a, b) => a.customer - b.customer);
      const said = listed.map(
        (v) =>
          `${v.customer}: ${v.reasons.map((x) => (x.kind === "overdue" ? `overdue ${x.days}` : x.kind)).join(", ")}`,
      );
      expect(said).toEqual(expectedVisits(review));
      checkSchedule(plan, s);
      const greeted = plan.greetings.flatMap((g) => (g.kind === "birthday" ? [g.customer] : []));
      expect([...new Set(greeted)].sort((a, b) => a - b)).toEqual(expectedBirthdays(review, s));
    }),
    { seed: 16, numRuns: runs },
  );
}

const TITLE =
  "lists exactly the customers the rules name with every reason, on working days, one region and ≤ N a day, greeting every A–C birthday";

describe("next month's plan on generated ledgers in both languages (issue 16, SPEC.md)", () => {
  it(`${TITLE} (200 ledgers)`, () => property(200));

  itFull(`${TITLE} (2,000 ledgers)`, () => property(2000));
});
