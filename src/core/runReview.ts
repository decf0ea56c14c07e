import { monthEnd, monthOfDay } from "./_lib/dates";
import { monthLocator } from "./_lib/months";
import type { Interner } from "./_lib/intern";
import type { ActivityInputs } from "./activityInputs";
import { allocateVisitCosts } from "./allocateVisitCosts";
import { assessReceivables, type CreditReview } from "./assessReceivables";
import { buildAgeingTable, type AgeingRow } from "./buildAgeingTable";
import { tierColumns } from "./assignTiers";
import { buildActionList, type ActionItem } from "./buildActionList";
import { buildMonthlyTable, TABLE_MONTHS, type MonthFigures } from "./buildMonthlyTable";
import { buildRepTable, type RepFigures } from "./buildRepTable";
import { buildSalesHistory, historyMonths, sumMonths } from "./buildSalesHistory";
import { computeToNextTier } from "./computeToNextTier";
import { computeVisitDue } from "./computeVisitDue";
import type { CustomerTable } from "./customerTable";
import { detectSheets } from "./detectSheets";
import { describeMissing } from "./describeMissing";
import { NoReadableRowsError } from "./errors";
import { flagCosts, type CostFlag } from "./flagCosts";
import { flagOrderChange, type ChangeFlag, type ChangeSettings } from "./flagOrderChanges";
import { withDefaults, type ReviewOptions, type Tier } from "./options";
import { listCollect } from "./listCollect";
import { numberOrderIds, readInputs, type Inputs } from "./readInputs";
import { scoreCustomers } from "./scoreCustomers";
import type { Screening } from "./screenCustomers";
import { summarizeScreening, type ScreeningCell } from "./summarizeScreening";
import { summarizeTiers, type TierSummary } from "./summarizeTiers";
import type { CellIssue, Detection, Grid, OwnedColumn } from "./types";
import { readPlanInputs, splitProspects, type PlanInputs } from "./plan/readPlanInputs";

/** Everything the review computes for one customer. Money in the workbook's currency; days are epoch days. */
export interface CustomerResult {
  tier: Tier;
  sales: number;
  share: number | null;
  cum: number | null;
  rank: number | null;
  change: ChangeFlag;
  changePct: number | null;
  recent: number;
  prior: number;
  visits: number;
  visitCost: number;
  costRatio: number | null;
  costFlag: CostFlag | null;
  lastVisit: number | null;
  due: number | null;
  overdueDays: number | null;
  /** First order date f (epoch day), NaN when none. */
  firstDay: number;
}

export interface Review {
  options: ReviewOptions;
  detection: Detection;
  /** Review month M (month index) and its last day. */
  month: number;
  asOf: number;
  customers: CustomerTable;
  reps: Interner;
  results: CustomerResult[];
  inputs: Inputs;
  /** Per order row: allocated for visits; tier/type read from results via inputs.orders.customer. */
  visitCost: Float64Array;
  orderMonth: Int32Array;
  visitMonth: Int32Array;
  monthly: MonthFigures[];
  byRep: RepFigures[];
  tiers: TierSummary[];
  actions: ActionItem[];
  /**
   * Receivables and where paid came from; null without paid data (no paid column, no payment
   * sheet): the receivable columns are not written, and the pane and summary say why.
   */
  credit: CreditReview | null;
  /** The five criteria, score and recommendation per customer (profit null without margin, safety without receivables). */
  screening: Screening;
  /** 距上一等级: cents-exact increase of sales for a better tier; NaN for A. */
  toNextTier: Float64Array;
  /** The action list's Collect part: customers with a credit flag, by tier then overdue amount descending. */
  collect: number[];
  /** Receivables ageing per salesperson and a total row (last); empty without receivables. */
  ageing: AgeingRow[];
  /** Customers and sales per recommendation and tier. */
  screeningSummary: ScreeningCell[];
  issues: CellIssue[];
  ignoredAfterAsOf: { orders: number; visits: number };
  /** Birthdays and the prospect sheet, for next month's plan (plan/planNextMonth). */
  planInputs?: PlanInputs;
}

export interface RunOptions extends Partial<ReviewOptions> {
  owned?: readonly OwnedColumn[];
}

/**
 * Runs the whole review on a workbook's grids: detect the inputs, read them, compute
 * every rule of SPEC.md. Throws MissingColumnError only when no order sheet is found.
 * @example runReview(grids, { month: monthIndex(2026, 10) }).results[0].tier
 */
export function runReview(grids: readonly Grid[], options: RunOptions = {}): Review {
  const opts = withDefaults(options);
  const split = splitProspects(grids, options.owned, opts); // before the customer-sheet rule
  const detection = detectSheets(split.rest, { owned: options.owned, overrides: opts.overrides });
  if (!detection.orders) throw describeMissing(grids);
  const inputs = readInputs(grids, detection, opts);
  const { customers, orders, visits } = inputs;
  resolveRowReps(inputs);
  // Without a readable order, the latest visit dates the review; without either there is no month.
  const month = opts.month ?? latestMonth(orders.day, orders.n) ?? latestMonth(visits.day, visits.n);
  if (month === undefined) throw new NoReadableRowsError(detection.orders.sheet, inputs.issues);
  const asOf = monthEnd(month);
  const tierFrom = month - opts.tierWindow + 1;
  const months = historyMonths(opts.changeWindow, TABLE_MONTHS, opts.tierWindow);
  const history = buildSalesHistory(orders, customers.size, month, asOf, tierFrom, months);
  const change: ChangeSettings = { window: opts.changeWindow, baseline: opts.baseline, threshold: opts.threshold };

  const firstDay = new Float64Array(customers.size);
  const firstMonth = new Float64Array(customers.size);
  for (let c = 0; c < customers.size; c++) {
    const f = Math.min(history.firstOrder[c], customers.firstTrade[c]);
    firstDay[c] = Number.isNaN(history.firstOrder[c])
      ? customers.firstTrade[c]
      : Number.isNaN(customers.firstTrade[c])
        ? history.firstOrder[c]
        : f;
    firstMonth[c] = Number.isNaN(firstDay[c]) ? NaN : monthOfDay(firstDay[c]);
  }

  const hasCostData = inputs.costs.length > 0 || inputs.hasVisitCost;
  const costs = allocateVisitCosts(visits, inputs.costs, asOf, hasCostData, opts.defaultVisitCost);
  const sales = new Float64Array(customers.size);
  for (let c = 0; c < customers.size; c++) sales[c] = sumMonths(history, history.sales, c, tierFrom, month);
  const keys = customers.ids.map((_, c) => customers.sortKey(c));
  const tiers = tierColumns(sales, keys, opts.tierCuts);

  const visitCount = new Float64Array(customers.size);
  const visitCost = new Float64Array(customers.size);
  const lastVisit = new Float64Array(customers.size).fill(NaN);
  const visitMonth = new Int32Array(visits.n);
  const visitDirect = new Float64Array(visits.n);
  for (let i = 0; i < visits.n; i++) {
    const day = visits.day[i];
    if (day > asOf) {
      visitMonth[i] = -1;
      continue;
    }
    visitMonth[i] = costs.month[i];
    visitDirect[i] = hasCostData ? visits.cost[i] : opts.defaultVisitCost;
    const c = visits.customer[i];
    if (!(lastVisit[c] >= day)) lastVisit[c] = day;
    if (costs.month[i] >= tierFrom) {
      visitCount[c]++;
      visitCost[c] += costs.allocated[i];
    }
  }
  if (!detection.visits) {
    for (let c = 0; c < customers.size; c++) {
      visitCount[c] = Number.isNaN(customers.sheetVisits[c]) ? 0 : customers.sheetVisits[c];
      visitCost[c] = Number.isNaN(customers.sheetVisitCost[c])
        ? visitCount[c] * opts.defaultVisitCost
        : customers.sheetVisitCost[c];
    }
  }

  const results = new Array<CustomerResult>(customers.size); // made at its size: grown by push, a 50,000-element array is copied ~10 times
  for (let c = 0; c < customers.size; c++) {
    const ch = flagOrderChange(history, c, month, firstDay[c], change);
    const tier = tiers.tier[c];
    const last = Number.isNaN(lastVisit[c]) ? null : lastVisit[c];
    const due = computeVisitDue(tier, last, asOf, opts.visitIntervals);
    const ranked = tier !== "D";
    results[c] = {
      tier,
      sales: sales[c],
      share: ranked ? tiers.share[c] : null,
      cum: ranked ? tiers.cum[c] : null,
      rank: ranked ? tiers.rank[c] : null,
      change: ch.flag,
      changePct: ch.changePct,
      recent: ch.recent,
      prior: ch.prior,
      visits: visitCount[c],
      visitCost: visitCost[c],
      costRatio: sales[c] > 0 ? visitCost[c] / sales[c] : null,
      costFlag: null,
      lastVisit: last,
      due: due.due,
      overdueDays: due.overdueDays,
      firstDay: firstDay[c],
    };
  }
  const flags = flagCosts(
    results.map((r, c) => ({
      visits: r.visits,
      visitCost: r.visitCost,
      sales: r.sales,
      margin: inputs.hasMargin ? history.margin[c] : null,
    })),
  );
  flags.forEach((f, c) => (results[c].costFlag = f));

  const credit = assessReceivables(inputs, asOf, opts.defaultTerms);
  const receivables = credit?.receivables ?? null;
  const changes = results.map((r) => r.change);
  const screening = scoreCustomers(
    { inputs, history, sales, visitCost, change: changes, receivables, tierFrom, month },
    opts,
  );

  const orderMonth = placeOrders(inputs, month, asOf);
  numberOrderIds(orders, orderMonth, month - TABLE_MONTHS + 1, month); // the months the monthly and salesperson tables count
  const activity: ActivityInputs = {
    orders,
    orderMonth,
    visits,
    visitMonth,
    visitDirect,
    firstMonth,
    monthlyByMonth: costs.monthlyByMonth,
    monthlyByRepMonth: costs.monthlyByRepMonth,
  };
  let visitsAfter = 0;
  for (let i = 0; i < visits.n; i++) if (visits.day[i] > asOf) visitsAfter++;
  return {
    options: opts,
    detection,
    month,
    asOf,
    customers,
    reps: inputs.reps,
    results,
    inputs,
    visitCost: costs.allocated,
    orderMonth,
    visitMonth,
    monthly: buildMonthlyTable(activity, history, firstDay, month, change),
    byRep: buildRepTable(activity, month),
    tiers: summarizeTiers(
      results.map((r) => r.tier),
      sales,
    ),
    actions: buildActionList(results),
    credit,
    screening,
    toNextTier: computeToNextTier(sales, keys, opts.tierCuts, tiers),
    collect: receivables ? listCollect(tiers.tier, receivables.flag, receivables.overdue) : [],
    ageing: receivables ? buildAgeingTable(receivables, customers.rep) : [],
    screeningSummary: summarizeScreening(screening.recommendation, tiers.tier, sales),
    issues: inputs.issues,
    ignoredAfterAsOf: { orders: history.ignoredAfterAsOf, visits: visitsAfter },
    planInputs: readPlanInputs(grids, detection, customers, opts, split.prospects),
  };
}

/** How many months back placeOrders locates without a Date per row: a century, beyond any real order log. */
const MAX_LOCATED_MONTHS = 1200;

/** A row's salesperson is its own salesperson cell if present, else its customer's. */
function resolveRowReps({ orders, visits, customers }: Inputs): void {
  for (let i = 0; i < orders.n; i++) if (orders.rep[i] < 0) orders.rep[i] = customers.rep[orders.customer[i]];
  for (let i = 0; i < visits.n; i++) if (visits.rep[i] < 0) visits.rep[i] = customers.rep[visits.customer[i]];
}

/** The month of the latest order date (the default review month). */
function latestMonth(days: Int32Array, n: number): number | undefined {
  if (n === 0) return undefined;
  let max = days[0];
  for (let i = 1; i < n; i++) if (days[i] > max) max = days[i];
  return monthOfDay(max);
}

/**
 * Month index of each order row on or before the as-of date; −1 after it. The months are
 * located from the earliest order's month (at most MAX_LOCATED_MONTHS back), not from the
 * sales history's first month: a two-year log has a sixth of its orders before that, and a
 * Date per such row (monthOfDay) cost more than the rest of the pass.
 */
function placeOrders({ orders }: Inputs, month: number, asOf: number): Int32Array {
  const out = new Int32Array(orders.n);
  let earliest = asOf;
  for (let i = 0; i < orders.n; i++) if (orders.day[i] < earliest) earliest = orders.day[i];
  const first = Math.max(monthOfDay(earliest), month - MAX_LOCATED_MONTHS + 1);
  const locate = monthLocator(first, month - first + 1);
  for (let i = 0; i < orders.n; i++) {
    const day = orders.day[i];
    if (day > asOf) out[i] = -1;
    else {
      const k = locate(day);
      out[i] = k >= 0 ? first + k : monthOfDay(day);
    }
  }
  return out;
}
