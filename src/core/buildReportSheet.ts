import { cleanMoney } from "./_lib/cents";
import { dayToSerial, formatMonth } from "./_lib/dates";
import type { Cell } from "./_lib/cells";
import { t, type Lang, type MessageKey } from "../i18n";
import { ACTIVITY_KEYS, type ActivityFigures } from "./buildActivity";
import type { MonthFigures } from "./buildMonthlyTable";
import type { ChartPlan, NumberFormat, ReportPlan, ReportRow } from "./output";
import type { Review } from "./runReview";
import type { Role } from "./columns";
import { addCollectList, addCreditSections } from "./buildCreditSections";
import { customerListCells, customerListHeads } from "./customerListColumns";

/** The first data issues listed in the report sheet (SPEC: the first 200, and the total count). */
export const ISSUES_SHOWN = 200;
/**
 * The most rows the action list and the unmatched-customer list each take; the rest is
 * one closing row "… and N more". Two full lists, the 200 issues and the fixed rows stay
 * under Excel's 1,048,576 rows (checkLimits guards the sum).
 */
export const LIST_SHOWN = 500_000;

type MonthKey = keyof Omit<MonthFigures, "month">;
const MONTH_KEYS: readonly MonthKey[] = [...ACTIVITY_KEYS, "newCustomers", "activeCustomers", "lostCustomers"];
const FORMAT: Record<MonthKey, NumberFormat> = {
  workingDays: "integer",
  visits: "integer",
  visitsNew: "integer",
  visitsExisting: "integer",
  visitsPerDay: "decimal",
  orderAmount: "money",
  amountNew: "money",
  amountExisting: "money",
  directCost: "money",
  orders: "integer",
  costPerOrder: "money",
  costRatio: "percent",
  newCustomers: "integer",
  activeCustomers: "integer",
  lostCustomers: "integer",
};

/**
 * The monthly analysis sheet, top to bottom: title block, monthly activity table
 * (M−5 … M and month-on-month change), by salesperson, tier summary, action list,
 * unmatched customers, data issues; two native charts stand to the right.
 * `generatedAt` is passed in: the core has no clock.
 */
export function buildReportSheet(
  review: Review,
  lang: Lang,
  sheet: string,
  generatedAt: string,
  created?: { sheet: string; rows: number },
  listShown: number = LIST_SHOWN,
): ReportPlan {
  const rows: ReportRow[] = [];
  const add = (style: ReportRow["style"], cells: Cell[], formats?: (NumberFormat | null)[]) => {
    const row: ReportRow = { style, cells };
    if (formats) row.formats = formats;
    rows.push(row);
    return rows.length - 1;
  };
  const L = (key: MessageKey, params?: Record<string, string | number>) => t(lang, key, params);
  const o = review.options;
  const month = formatMonth(review.month);

  add("title", [L("report.title", { month })]);
  add("body", [L("report.month"), month]);
  add("body", [L("report.asOf"), dayToSerial(review.asOf, o.dateSystem)], [null, "date"]);
  const roles: Role[] = ["customers", "orders", "visits", "costs", "payments"];
  let firstLine = true;
  roles.forEach((role) => {
    // A created customer sheet is listed as the next run, which reads it, will list it.
    const m =
      review.detection[role] ??
      (role === "customers" && created ? { sheet: created.sheet, rowCount: created.rows } : undefined);
    if (!m) return;
    add("body", [
      firstLine ? L("report.sheetsRead") : null,
      L("report.sheetLine", { role: L(`role.${role}`), sheet: m.sheet, rows: m.rowCount }),
    ]);
    firstLine = false;
  });
  add("body", [L("report.rowsSkipped"), skippedRows(review)], [null, "integer"]);
  add(
    "body",
    [L("report.rowsAfterAsOf"), review.ignoredAfterAsOf.orders + review.ignoredAfterAsOf.visits],
    [null, "integer"],
  );
  const baseline = L(`report.baseline.${o.baseline}`, { k: o.changeWindow });
  add("body", [
    L("report.settings"),
    L("report.settingsLine", {
      tier: o.tierWindow,
      k: o.changeWindow,
      baseline,
      t: pct(o.threshold),
      a: pct(o.tierCuts.a),
      b: pct(o.tierCuts.b),
    }),
  ]);
  const w = o.weights;
  add("body", [
    null,
    L("report.creditLine", {
      days: o.defaultTerms,
      purchase: w.purchase,
      profit: w.profit,
      safety: w.safety,
      future: w.future,
      cooperation: w.cooperation,
    }),
  ]);
  add("body", [null, review.credit ? L(`report.paidFrom.${review.credit.source}`) : L("report.noReceivables")]);
  add("body", [L("report.generated"), generatedAt]);
  add("body", []);

  add("section", [L("report.section.monthly")]);
  const monthHeader = add("header", [
    L("report.metric"),
    ...review.monthly.map((m) => formatMonth(m.month)),
    L("report.vsPrev"),
  ]);
  for (const key of MONTH_KEYS) {
    const values = review.monthly.map((m) => m[key]);
    const last = values[values.length - 1];
    const prev = values[values.length - 2];
    const change =
      last === null || prev === null || prev === undefined || prev === 0 ? null : (last - prev) / Math.abs(prev);
    add(
      "body",
      [L(`metric.${key}`), ...values.map(money(FORMAT[key])), change],
      [null, ...values.map(() => FORMAT[key]), "percent"],
    );
  }
  add("body", []);

  add("section", [L("report.section.byRep", { month })]);
  add("header", [L("report.salesperson"), ...ACTIVITY_KEYS.map((k) => L(`metric.${k}`))]);
  const repFormats = [null, ...ACTIVITY_KEYS.map((k) => FORMAT[k])];
  for (const r of review.byRep) {
    const name = r.rep >= 0 ? review.reps.names[r.rep] : L("report.unassigned");
    add("body", [name, ...activityCells(r)], repFormats);
  }
  add("total", [L("report.total"), ...activityCells(review.monthly[review.monthly.length - 1])], repFormats);
  add("body", []);

  add("section", [L("report.section.tiers")]);
  add("header", [
    L("report.tier"),
    L("report.customers"),
    L("report.customerShare"),
    L("report.sales"),
    L("report.salesShare"),
    L("report.averageSales"),
  ]);
  const tierFormats: NumberFormat[] = ["general", "integer", "percent", "money", "percent", "money"];
  for (const s of review.tiers)
    add(
      "body",
      [
        s.tier,
        s.customers,
        s.customerShare,
        cleanMoney(s.sales),
        s.salesShare,
        s.averageSales === null ? null : cleanMoney(s.averageSales),
      ],
      tierFormats,
    );
  const totalCustomers = review.tiers.reduce((a, s) => a + s.customers, 0);
  const totalSales = review.tiers.reduce((a, s) => a + s.sales, 0);
  add(
    "total",
    [
      L("report.total"),
      totalCustomers,
      totalCustomers ? 1 : null,
      cleanMoney(totalSales),
      null,
      totalCustomers ? cleanMoney(totalSales / totalCustomers) : null,
    ],
    tierFormats,
  );
  add("body", []);

  addCreditSections(review, lang, add);

  add("section", [L("report.section.actions")]);
  addActionList(review, lang, add, listShown);
  addCollectList(review, lang, add, listShown);
  add("body", []);

  // Without a customer sheet, the one created from the orders lists everybody: nobody is unmatched.
  const unmatched = review.detection.customers
    ? review.results.map((_, c) => c).filter((c) => review.customers.isUnmatched(c))
    : [];
  add("section", [L("report.section.unmatched")]);
  if (unmatched.length === 0) add("note", [L("report.none")]);
  else {
    add("header", [L("report.customerId"), L("report.customerName"), L("report.sales"), L("report.tier")]);
    for (const c of unmatched.slice(0, listShown)) {
      add(
        "body",
        [
          review.customers.ids[c],
          review.customers.names[c],
          cleanMoney(review.results[c].sales),
          review.results[c].tier,
        ],
        [null, null, "money", null],
      );
    }
    if (unmatched.length > listShown) add("note", [L("report.more", { n: unmatched.length - listShown })]);
  }
  add("body", []);

  add("section", [L("report.section.issues")]);
  const issuesRow = rows.length;
  add("note", [
    L("report.issuesShown", { shown: Math.min(ISSUES_SHOWN, review.issues.length), total: review.issues.length }),
  ]);
  if (review.issues.length > 0) {
    add("header", [
      L("report.issueSheet"),
      L("report.issueCell"),
      L("report.issueField"),
      L("report.issueValue"),
      L("report.issueReason"),
    ]);
    for (const i of review.issues.slice(0, ISSUES_SHOWN)) {
      add("body", [
        i.sheet,
        i.address,
        L(`field.${i.field}`),
        i.value === null ? null : String(i.value),
        L(`issue.${i.code}`),
      ]);
    }
    if (review.issues.length > ISSUES_SHOWN)
      add("note", [L("report.more", { n: review.issues.length - ISSUES_SHOWN })]);
  }

  // Chart data: compact blocks the charts read (first row categories, first column series names).
  add("body", []);
  add("section", [L("report.section.charts")]);
  const amountBlock = add("header", [null, ...review.monthly.map((m) => formatMonth(m.month))]);
  for (const k of ["amountNew", "amountExisting"] as const) {
    add(
      "body",
      [L(`metric.${k}`), ...review.monthly.map((m) => cleanMoney(m[k]))],
      [null, ...review.monthly.map((): NumberFormat => "money")],
    );
  }
  add("body", []);
  const tierBlock = add("header", [null, L("report.customerShare"), L("report.salesShare")]);
  for (const s of review.tiers) add("body", [s.tier, s.customerShare, s.salesShare], [null, "percent", "percent"]);

  const width = review.monthly.length + 2;
  const charts: ChartPlan[] = [
    {
      kind: "stackedColumn",
      title: L("chart.amount"),
      anchor: { row: monthHeader, col: width + 1, rows: 16, cols: 8 },
      source: { row: amountBlock, col: 0, rows: 3, cols: review.monthly.length + 1 },
      seriesBy: "rows",
      axisFormat: "#,##0",
    },
    {
      kind: "clusteredColumn",
      title: L("chart.tiers"),
      anchor: { row: monthHeader + 17, col: width + 1, rows: 16, cols: 8 },
      source: { row: tierBlock, col: 0, rows: 5, cols: 3 },
      seriesBy: "columns",
      axisFormat: "0%",
    },
  ];
  return { sheet, rows, columnWidths: [26, 16, 16, 16, 16, 16, 16, 16, 14, 14, 14, 14, 14], charts, issuesRow };
}

function addActionList(
  review: Review,
  lang: Lang,
  add: (style: ReportRow["style"], cells: Cell[], formats?: (NumberFormat | null)[]) => number,
  listShown: number,
): void {
  const L = (key: MessageKey, params?: Record<string, string | number>) => t(lang, key, params);
  if (review.actions.length === 0) {
    if (review.collect.length === 0) add("note", [L("report.none")]);
    return;
  }
  add("header", [
    ...customerListHeads(lang),
    L("report.change"),
    L("report.recent"),
    L("report.prior"),
    L("report.lostAmount"),
    L("report.lastVisit"),
    L("report.visitDue"),
    L("report.visitCost"),
    L("report.costFlag"),
  ]);
  const formats: (NumberFormat | null)[] = [
    null,
    null,
    null,
    null,
    null,
    null,
    "money",
    "money",
    "money",
    "date",
    null,
    "money",
    null,
  ];
  for (const a of review.actions.slice(0, listShown)) {
    const r = review.results[a.customer];
    const overdue = (r.overdueDays ?? 0) > 0;
    const due =
      r.due === null
        ? null
        : overdue
          ? L("due.overdue", { n: r.overdueDays! })
          : dayToSerial(r.due, review.options.dateSystem);
    add(
      "body",
      [
        ...customerListCells(review, a.customer, L(`reason.${a.reason}`)),
        L(`change.${r.change}`),
        cleanMoney(r.recent),
        cleanMoney(r.prior),
        cleanMoney(r.prior - r.recent),
        r.lastVisit === null ? null : dayToSerial(r.lastVisit, review.options.dateSystem),
        due,
        cleanMoney(r.visitCost),
        r.costFlag ? L(`costFlag.${r.costFlag}`) : null,
      ],
      formats.map((f, k) => (k === 10 && !overdue && due !== null ? "date" : f)),
    );
  }
  if (review.actions.length > listShown) add("note", [L("report.more", { n: review.actions.length - listShown })]);
}

function activityCells(f: ActivityFigures): Cell[] {
  return ACTIVITY_KEYS.map((k) => money(FORMAT[k])(f[k]));
}

function money(format: NumberFormat): (v: number | null) => Cell {
  return (v) => (v === null ? null : format === "money" ? cleanMoney(v) : v);
}

/** Money at full precision, cleaned of the binary noise of long sums (see planColumns). */
function pct(x: number): string {
  return `${Math.round(x * 1000) / 10}%`;
}

/** Rows of the inputs that were not read (a required cell could not be read). */
export function skippedRows(review: Review): number {
  const d = review.detection;
  const listed = review.customers.sheetRows.reduce((a, rows) => a + rows.length, 0);
  return (
    (d.orders ? d.orders.rowCount - review.inputs.orders.n : 0) +
    (d.visits ? d.visits.rowCount - review.inputs.visits.n : 0) +
    (d.costs ? d.costs.rowCount - review.inputs.costs.length : 0) +
    (d.payments ? d.payments.rowCount - (review.inputs.payments?.n ?? 0) : 0) +
    (d.customers ? d.customers.rowCount - listed : 0)
  );
}
