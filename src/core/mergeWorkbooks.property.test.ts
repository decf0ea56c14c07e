import fc from "fast-check";
import { cutGrids } from "../../test/support/cutWorkbook";
import { itFull } from "../../test/support/tier";
import { dayToSerial, formatDay, formatMonth, monthEnd, monthStart, serialToDay } from "./_lib/dates";
import { SYNONYMS, type Field } from "./columns";
import { WorkbookMerger } from "./mergeWorkbooks";
import type { ActionReason } from "./buildActionList";
import { runReview, type CustomerResult, type Review } from "./runReview";
import { grid, month, serial } from "./testing/grids";
import type { Cell, Grid } from "./types";

/**
 * Issue 17: a workbook cut into three per-salesperson workbooks (each with the whole
 * customer sheet, its own orders, visits and cost rows) and combined gives every figure of
 * the whole workbook. Ledgers are generated with Chinese or English headers (any synonym
 * that names one field only), messy cells (numbers and dates as text, surrounding spaces,
 * blank rows, identical order lines), sometimes paid amounts and credit limits, and a
 * review month before the latest order month.
 */
const REPS = ["张伟", "李娜", "王芳", "Tom"];
const START = serial("2024-05-01");
const SPAN_DAYS = 910;
/** Review months from 2025-06 to 2026-09: the orders run on to 2026-10. */
const FIRST_REVIEW = month("2025-06");
const SEED = 17;

type Lang = "zh-CN" | "en-US";

interface OrderSpec {
  /** Days after START; −k: day k of the review month, so that its tables have rows. */
  day: number;
  customer: number;
  amount: number;
  margin: number;
  paid: number | null;
  id: number | null;
  rep: number | null;
  /** Written twice, identically (two lines of one file: both count). */
  twice: boolean;
}

interface Spec {
  lang: Lang;
  /** Which synonym each field's header takes (modulo the language's unambiguous ones). */
  header: number;
  customers: number;
  limits: boolean;
  paid: boolean;
  orders: OrderSpec[];
  /** Days as in OrderSpec. */
  visits: { day: number; customer: number; rep: number | null; cost: number | null }[];
  costs: { month: number; rep: number; amount: number; other: number | null }[];
  /** Which data cells are written as text with spaces around them: bit (row + column) mod 30 of this mask. */
  messy: number;
  /** Blank rows, each placed in a sheet at a row (modulo their sizes). */
  blanks: [number, number][];
  reviewMonth: number;
  /** An order this many days after the review month, so that the review month is never the latest one. */
  after: number;
}

const money = fc.oneof(
  fc.constant(0),
  fc.integer({ min: -50_000, max: 300_000 }).map((cents) => cents / 100),
);
const inReviewMonth = fc.integer({ min: -28, max: -1 });
const rep = fc.option(fc.integer({ min: 0, max: REPS.length - 1 }), { freq: 3 });

const specs: fc.Arbitrary<Spec> = fc.integer({ min: 1, max: 7 }).chain((customers) =>
  fc.record({
    lang: fc.constantFrom<Lang>("zh-CN", "en-US"),
    header: fc.nat(),
    customers: fc.constant(customers),
    limits: fc.boolean(),
    paid: fc.boolean(),
    orders: fc.array(
      fc.record({
        day: fc.oneof(fc.integer({ min: 0, max: SPAN_DAYS }), inReviewMonth),
        // customers + 1 is missing from the customer sheet
        customer: fc.integer({ min: 1, max: customers + 1 }),
        amount: money,
        margin: money,
        paid: fc.option(money, { freq: 2 }),
        id: fc.option(fc.integer({ min: 1, max: 12 }), { freq: 3 }),
        rep,
        twice: fc.integer({ min: 0, max: 5 }).map((k) => k === 0),
      }),
      { minLength: 1, maxLength: 40 },
    ),
    visits: fc.array(
      fc.record({
        day: fc.oneof(fc.integer({ min: 0, max: SPAN_DAYS + 60 }), inReviewMonth),
        // customers + 2 is a prospect without orders
        customer: fc.integer({ min: 1, max: customers + 2 }),
        rep,
        cost: fc.option(fc.integer({ min: 0, max: 500 }), { freq: 2 }),
      }),
      { maxLength: 30 },
    ),
    costs: fc.array(
      fc.record({
        // −1: the review month
        month: fc.integer({ min: -1, max: 29 }),
        rep: fc.integer({ min: 0, max: REPS.length - 1 }),
        amount: fc.integer({ min: 0, max: 5000 }),
        other: fc.option(fc.integer({ min: 0, max: 900 })),
      }),
      { maxLength: 12 },
    ),
    messy: fc.nat(),
    blanks: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 3 }),
    reviewMonth: fc.integer({ min: 0, max: 15 }),
    after: fc.integer({ min: 1, max: 60 }),
  }),
);

/** Header texts that name exactly one field: a generated header must not be read as another. */
const UNAMBIGUOUS = (() => {
  const count = new Map<string, number>();
  for (const list of Object.values(SYNONYMS)) for (const s of list) count.set(s, (count.get(s) ?? 0) + 1);
  return (field: Field, lang: Lang) =>
    SYNONYMS[field].filter((s) => count.get(s) === 1 && /^[\x20-\x7e]+$/.test(s) === (lang === "en-US"));
})();

/** The `k`-th unambiguous header of `field` in the language (cycling), for a column of a generated sheet. */
function header(field: Field, s: Spec, k = 0): string {
  const list = UNAMBIGUOUS(field, s.lang);
  if (list.length === 0) throw new Error(`no unambiguous ${s.lang} header for ${field}`);
  return list[(s.header + k) % list.length];
}

const SHEETS: Record<Lang, Record<"customers" | "orders" | "visits" | "costs", string>> = {
  "zh-CN": { customers: "客户表", orders: "订单表", visits: "拜访记录", costs: "费用表" },
  "en-US": { customers: "Customers", orders: "Orders", visits: "Visits", costs: "Costs" },
};

/**
 * A cell as a messy ledger may hold it: a date serial as `yyyy-mm-dd` text, a number as
 * text, any text with spaces around it.
 */
function messy(v: Cell, isDate: boolean): Cell {
  if (v === null) return v;
  return ` ${isDate && typeof v === "number" ? formatDay(serialToDay(v)!) : String(v)}  `;
}

/** A sheet whose data cells are made messy where the spec's mask says; column 0 holds dates when `dated`. */
function sheet(s: Spec, rows: Cell[][], dated: boolean): Cell[][] {
  return rows.map((r, i) =>
    i === 0 ? r : r.map((v, j) => (((s.messy >> ((i + j) % 30)) & 1) === 1 ? messy(v, dated && j === 0) : v)),
  );
}

const reviewMonth = (s: Spec) => FIRST_REVIEW + s.reviewMonth;

/** The serial of a generated day: days after START, or day −d of the review month when negative. */
function dayOf(s: Spec, d: number): number {
  return d >= 0 ? START + d : dayToSerial(monthStart(reviewMonth(s))) - d - 1;
}

function ledger(s: Spec): Grid[] {
  const names = SHEETS[s.lang];
  const customers: Cell[][] = [[header("customerId", s), header("customerName", s), header("salesperson", s)]];
  if (s.limits) customers[0].push(header("creditLimit", s));
  for (let k = 1; k <= s.customers; k++) {
    const row: Cell[] = [`C${k}`, `客户${k}`, k % 4 === 0 ? null : REPS[k % REPS.length]];
    if (s.limits) row.push(k % 3 === 0 ? null : 1000 * k);
    customers.push(row);
  }
  const orders: Cell[][] = [
    [
      header("orderDate", s),
      header("orderId", s),
      header("customerId", s, 1),
      header("amount", s),
      header("grossMargin", s),
      header("salesperson", s, 1),
      ...(s.paid ? [header("paid", s)] : []),
    ],
  ];
  for (const o of s.orders) {
    const row: Cell[] = [
      dayOf(s, o.day),
      o.id === null ? null : `SO-${o.id}`,
      `C${o.customer}`,
      o.amount,
      o.margin,
      o.rep === null ? null : REPS[o.rep],
      ...(s.paid ? [o.paid] : []),
    ];
    orders.push(row);
  }
  const later = dayToSerial(monthEnd(reviewMonth(s))) + s.after;
  orders.push([later, "SO-99", "C1", 100, 10, null, ...(s.paid ? [null] : [])]);
  const visits: Cell[][] = [
    [header("visitDate", s), header("customerId", s, 2), header("salesperson", s, 2), header("visitCost", s)],
  ];
  for (const v of s.visits)
    visits.push([dayOf(s, v.day), `C${v.customer}`, v.rep === null ? null : REPS[v.rep], v.cost]);
  const costs: Cell[][] = [
    [header("month", s), header("salesperson", s, 3), header("monthlyCost", s), header("monthlyCost", s, 1)],
  ];
  for (const c of s.costs)
    costs.push([
      formatMonth(c.month < 0 ? reviewMonth(s) : month("2024-05") + c.month),
      REPS[c.rep],
      c.amount,
      c.other,
    ]);
  const sheets = [sheet(s, customers, false), sheet(s, orders, true), sheet(s, visits, true), sheet(s, costs, false)];
  // Twins are written after the mask, so that they stay identical.
  for (let i = s.orders.length - 1; i >= 0; i--)
    if (s.orders[i].twice) sheets[1].splice(i + 2, 0, [...sheets[1][i + 1]]);
  for (const [at, row] of s.blanks) {
    const rows = sheets[at % sheets.length];
    rows.splice(
      1 + (row % rows.length),
      0,
      rows[0].map(() => null),
    );
  }
  return [
    grid(names.customers, sheets[0]),
    grid(names.orders, sheets[1]),
    grid(names.visits, sheets[2]),
    grid(names.costs, sheets[3]),
  ];
}

/** Three per-salesperson workbooks (salespeople dealt round-robin, rows without one with the first seen), combined. */
function combined(whole: readonly Grid[], lang: Lang): Grid[] {
  const reps: string[] = [];
  const parts = cutGrids(whole, 3, (_role, _row, text) => {
    const r = text("salesperson");
    if (!reps.includes(r)) reps.push(r);
    return reps.indexOf(r) % 3;
  });
  const merger = new WorkbookMerger(lang);
  parts.forEach((p, i) => merger.add(`rep${i + 1}.xlsx`, p));
  return merger.finish().grids;
}

/** A review's salesperson and customer names: salespeople by name, customers by folded key (indexes differ). */
interface Names {
  rep(id: number | null): string | null;
  key(c: number): string;
}

/**
 * Every field of a Review: how it is compared (its figures, salespeople by name and customers
 * by key), or why it is not. A Record over every key, so that a field added to Review does not
 * compile until it is placed here.
 */
const REVIEW_FIELDS: Record<keyof Review, ((r: Review, n: Names) => unknown) | string> = {
  month: (r) => r.month,
  asOf: (r) => r.asOf,
  customers: customerFigures,
  monthly: (r) => r.monthly,
  byRep: (r, n) =>
    tiesByName(
      r.byRep.map((g) => ({ ...g, rep: n.rep(g.rep) })),
      (g) => [g.rep === "(none)", g.orderAmount],
      (g) => g.rep!,
    ),
  tiers: (r) => r.tiers,
  actions: (r, n) =>
    tiesByName(
      r.actions.map((a) => ({
        ...a,
        customer: n.key(a.customer),
        amount: actionAmount(r.results[a.customer], a.reason),
      })),
      (a) => [SECTION[a.reason], a.tier, a.amount],
      (a) => a.customer,
    ),
  credit: (r) => r.credit?.source ?? null,
  collect: (r, n) =>
    tiesByName(r.collect, (c) => [r.results[c].tier, r.credit!.receivables.overdue[c]], n.key).map(n.key),
  ageing: (r, n) =>
    tiesByName(
      r.ageing.map((a) => ({ ...a, rep: n.rep(a.rep) })),
      (a) => [a.rep === null, a.rep === "(none)", a.receivable],
      (a) => a.rep ?? "",
    ),
  screeningSummary: (r) => r.screeningSummary,
  ignoredAfterAsOf: (r) => r.ignoredAfterAsOf,
  results: "per customer, under customers",
  screening: "per customer, under customers",
  toNextTier: "per customer, under customers",
  reps: "the names the figures give salespeople by",
  options: "the same run options on both sides",
  detection: "the combined sheets' names and headers are the merge's own",
  inputs: "the rows read; combined rows stand in another order (their figures are compared)",
  visitCost: "per visit row, in row order (the customers' visit costs are compared)",
  orderMonth: "per order row, in row order (the monthly table is compared)",
  visitMonth: "per visit row, in row order (the monthly table is compared)",
  issues: "name their files; the generated cells are all readable",
  planInputs: "next month's plan, not a figure of this review",
};

/**
 * `rows` with each run of consecutive rows that tie on the list's own sort key (`tie`)
 * ordered by name. The review breaks such ties by customer number or salesperson id, i.e.
 * by first appearance in the rows, which combining changes (docs/decisions.md, "A team
 * review orders tied rows by first appearance"): that order, and nothing else, is left out.
 */
function tiesByName<T>(rows: readonly T[], tie: (row: T) => unknown[], name: (row: T) => string): T[] {
  const out: T[] = [];
  const key = (row: T) => JSON.stringify(rounded(tie(row)));
  for (let i = 0; i < rows.length;) {
    let j = i + 1;
    while (j < rows.length && key(rows[j]) === key(rows[i])) j++;
    out.push(...rows.slice(i, j).sort((x, y) => (name(x) < name(y) ? -1 : name(x) > name(y) ? 1 : 0)));
    i = j;
  }
  return out;
}

/** The section of the action list each reason stands in (buildActionList). */
const SECTION: Record<ActionReason, number> = {
  Down: 0,
  Lost: 0,
  Overdue: 1,
  VisitsNoOrders: 2,
  LossMaking: 2,
  HighCost: 2,
};

/** The amount the action list orders a reason's customers by, within a tier (buildActionList). */
function actionAmount(c: CustomerResult, reason: ActionReason): number {
  return SECTION[reason] === 0 ? c.prior - c.recent : reason === "Overdue" ? c.overdueDays! : c.visitCost;
}

/** Each customer's results, criteria, scores, distance to the next tier and receivables, by key. */
function customerFigures(r: Review, names: Names): Record<string, unknown> {
  const n = r.customers.size;
  const out: Record<string, unknown> = {};
  for (let c = 0; c < n; c++)
    out[names.key(c)] = {
      key: r.customers.key(c),
      name: r.customers.names[c],
      rep: names.rep(r.customers.rep[c]),
      ...r.results[c],
      screening: customerColumns(r.screening, c, n),
      toNextTier: r.toNextTier[c],
      receivables: customerColumns(r.credit?.receivables ?? null, c, n),
    };
  return out;
}

const length = (v: unknown) =>
  v !== null && typeof v === "object" && "length" in v ? (v as ArrayLike<unknown>).length : -1;

/** Customer c's entry of every per-customer column of `table` (typed arrays, arrays, arrays of columns). */
function customerColumns(table: object | null, c: number, n: number): Record<string, unknown> | null {
  if (table === null) return null;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(table)) {
    // Columns of columns first: five ageing buckets for five customers are not one column.
    if (Array.isArray(v) && v.length > 0 && v.every((col) => length(col) === n))
      out[k] = v.map((col: ArrayLike<unknown>) => col[c]);
    else if (length(v) === n) out[k] = (v as ArrayLike<unknown>)[c];
    else out[k] = v;
  }
  return out;
}

/** Every figure of a review (REVIEW_FIELDS), numbers rounded (see rounded), so that two reviews compare with toEqual. */
function figures(r: Review): unknown {
  const names: Names = {
    rep: (id) => (id === null ? null : id < 0 ? "(none)" : r.reps.names[id]),
    key: (c) => r.customers.sortKey(c),
  };
  const tree: Record<string, unknown> = {};
  for (const [field, how] of Object.entries(REVIEW_FIELDS)) if (typeof how === "function") tree[field] = how(r, names);
  return rounded(tree);
}

/**
 * Numbers to a billionth, then to 13 significant digits (−0 as 0), typed arrays as arrays,
 * recursively. A sum added in another order differs past the 15th digit, and a difference of
 * two sums (amountExisting = orderAmount − amountNew) carries that 1e-14 into the 13th digit
 * of a small result: −0.02 against −0.02000000000001 (docs/decisions.md).
 */
function rounded(v: unknown): unknown {
  if (typeof v === "number") {
    if (!Number.isFinite(v)) return v;
    const x = Math.round(v * 1e9) / 1e9;
    return x === 0 ? 0 : Number(x.toPrecision(13));
  }
  if (ArrayBuffer.isView(v)) return Array.from(v as unknown as ArrayLike<number>, rounded);
  if (Array.isArray(v)) return v.map(rounded);
  if (v !== null && typeof v === "object")
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, rounded(x)]));
  return v;
}

function property(runs: number) {
  fc.assert(
    fc.property(specs, (s) => {
      const whole = ledger(s);
      const options = { month: reviewMonth(s) };
      expect(figures(runReview(combined(whole, s.lang), options))).toEqual(figures(runReview(whole, options)));
    }),
    { seed: SEED, numRuns: runs },
  );
}

describe("WorkbookMerger (property): cut by salesperson and combined", () => {
  it("gives every figure of the whole workbook (100 generated ledgers)", () => property(100));

  itFull("gives every figure of the whole workbook (1,000 generated ledgers)", () => property(1000));
});
