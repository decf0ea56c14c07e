import { cleanMoney } from "./_lib/cents";
import { dayToSerial, monthOfDay, type DateSystem } from "./_lib/dates";
import type { Cell } from "./_lib/cells";
import { t, type Lang } from "../i18n";
import { creditColumns } from "./creditColumns";
import type { ColumnPlan, ColumnSpec, CreatedSheetPlan, Highlight, NumberFormat, SheetPlan } from "./output";
import { placeColumns } from "./placeColumns";
import type { Review } from "./runReview";
import type { OwnedColumn, SheetMapping } from "./types";
import type { Tier } from "./options";

const TIER_COLOURS: Record<Tier, [string, string]> = {
  A: ["#C6EFCE", "#006100"],
  B: ["#DDEBF7", "#1F4E78"],
  C: ["#FFEB9C", "#9C5700"],
  D: ["#EDEDED", "#595959"],
};

/**
 * The owned columns of every input sheet: customer results beside each customer
 * row (every copy of a duplicate), tier and customer type beside each order, customer
 * type and allocated cost beside each visit. Without a customer sheet, one is created
 * from the orders and gets the customer columns.
 */
export function planColumns(
  review: Review,
  lang: Lang,
  owned: readonly OwnedColumn[],
): { sheets: SheetPlan[]; created?: CreatedSheetPlan } {
  const sheets: SheetPlan[] = [];
  const { detection } = review;
  const customerSpecs = [...customerColumns(review, lang), ...creditColumns(review, lang)];
  let created: CreatedSheetPlan | undefined;
  if (detection.customers) {
    const rowCustomer = noRows(detection.customers);
    review.customers.sheetRows.forEach((rows, c) => rows.forEach((r) => (rowCustomer[r] = c)));
    sheets.push(plan(detection.customers, owned, customerSpecs, (row) => rowCustomer[row] ?? -1));
  } else {
    created = createCustomerSheet(review, lang);
    const headers = created.header;
    const mapping: SheetMapping = {
      sheet: created.sheet,
      role: "customers",
      headerRow: 0,
      columns: {},
      monthlyCostColumns: [],
      headers,
      rowCount: created.rows.length,
      lastRow: created.rows.length,
    };
    sheets.push(plan(mapping, [], customerSpecs, (row) => row - 1, created.rows.length));
  }
  const o = review.inputs.orders;
  if (detection.orders) {
    const rowOrder = noRows(detection.orders);
    for (let i = 0; i < o.n; i++) if (review.orderMonth[i] >= 0) rowOrder[o.row[i]] = i;
    sheets.push(plan(detection.orders, owned, orderColumns(review, lang), (row) => rowOrder[row] ?? -1));
  }
  const v = review.inputs.visits;
  if (detection.visits) {
    const rowVisit = noRows(detection.visits);
    for (let i = 0; i < v.n; i++) if (review.visitMonth[i] >= 0) rowVisit[v.row[i]] = i;
    sheets.push(plan(detection.visits, owned, visitColumns(review, lang), (row) => rowVisit[row] ?? -1));
  }
  return created ? { sheets, created } : { sheets };
}

/**
 * Row → index of the customer, order or visit it holds, all -1 (none) to start with, over
 * the sheet's rows: a typed array, as a Map of a million rows took ~2 s at full size.
 */
function noRows(m: SheetMapping): Int32Array {
  return new Int32Array(m.lastRow + 1).fill(-1);
}

/** Places the specs in a sheet and evaluates them for every data row (-1: a row with no result stays blank). */
function plan(
  m: SheetMapping,
  owned: readonly OwnedColumn[],
  specs: ColumnSpec[],
  indexOf: (row: number) => number,
  rows?: number,
): SheetPlan {
  const firstRow = m.headerRow + 1;
  const lastRow = rows !== undefined ? m.headerRow + rows : m.lastRow;
  const placed = placeColumns(
    m.headers,
    m.headers.length,
    owned.filter((x) => x.sheet === m.sheet),
    specs,
  );
  const columns: ColumnPlan[] = specs.map((s, k) => {
    const values: Cell[] = [];
    const formats: (NumberFormat | null)[] = [];
    for (let row = firstRow; row <= lastRow; row++) {
      const i = indexOf(row);
      values.push(i < 0 ? null : s.value(i));
      if (s.cellFormat) formats.push(i < 0 ? null : s.cellFormat(i));
    }
    const col: ColumnPlan = {
      output: s.output,
      header: placed[k].header,
      col: placed[k].col,
      format: s.format,
      values,
    };
    if (s.cellFormat) col.cellFormats = formats;
    if (s.highlights) col.highlights = s.highlights;
    return col;
  });
  const inputColumns = [...new Set([...(Object.values(m.columns) as number[]), ...m.monthlyCostColumns])].sort(
    (a, b) => a - b,
  );
  const sheet: SheetPlan = { sheet: m.sheet, headerRow: m.headerRow, firstRow, lastRow, columns, inputColumns };
  if (m.table) sheet.table = m.table;
  return sheet;
}

function customerColumns(review: Review, lang: Lang): ColumnSpec[] {
  const r = review.results;
  const o = review.options;
  const money = (x: number) => cleanMoney(x);
  const changeColours: Highlight[] = [
    { text: t(lang, "change.Down"), fill: "#FFC7CE", font: "#9C0006" },
    { text: t(lang, "change.Lost"), fill: "#F4B084", font: "#833C0B" },
    { text: t(lang, "change.Up"), fill: "#C6EFCE", font: "#006100" },
    { text: t(lang, "change.New"), fill: "#DDEBF7", font: "#1F4E78" },
  ];
  return [
    {
      output: "customer.tier",
      header: t(lang, "header.customer.tier"),
      format: "general",
      value: (c) => r[c].tier,
      highlights: tierHighlights(),
    },
    {
      output: "customer.sales",
      header: t(lang, "header.customer.sales", { n: o.tierWindow }),
      format: "money",
      value: (c) => money(r[c].sales),
    },
    { output: "customer.share", header: t(lang, "header.customer.share"), format: "percent", value: (c) => r[c].share },
    { output: "customer.cum", header: t(lang, "header.customer.cum"), format: "percent", value: (c) => r[c].cum },
    { output: "customer.rank", header: t(lang, "header.customer.rank"), format: "integer", value: (c) => r[c].rank },
    {
      output: "customer.change",
      header: t(lang, "header.customer.change"),
      format: "general",
      value: (c) => t(lang, `change.${r[c].change}`),
      highlights: changeColours,
    },
    {
      output: "customer.changePct",
      header: t(lang, "header.customer.changePct"),
      format: "percent",
      value: (c) => r[c].changePct,
    },
    {
      output: "customer.recent",
      header: t(lang, "header.customer.recent", { n: o.changeWindow }),
      format: "money",
      value: (c) => money(r[c].recent),
    },
    {
      output: "customer.prior",
      header:
        o.baseline === "lastYear"
          ? t(lang, "header.customer.priorLastYear")
          : t(lang, "header.customer.prior", { n: o.changeWindow }),
      format: "money",
      value: (c) => money(r[c].prior),
    },
    {
      output: "customer.visits",
      header: t(lang, "header.customer.visits", { n: o.tierWindow }),
      format: "integer",
      value: (c) => r[c].visits,
    },
    {
      output: "customer.visitCost",
      header: t(lang, "header.customer.visitCost"),
      format: "money",
      value: (c) => money(r[c].visitCost),
    },
    {
      output: "customer.costRatio",
      header: t(lang, "header.customer.costRatio"),
      format: "percent",
      value: (c) => r[c].costRatio,
    },
    {
      output: "customer.costFlag",
      header: t(lang, "header.customer.costFlag"),
      format: "general",
      value: (c) => (r[c].costFlag ? t(lang, `costFlag.${r[c].costFlag!}`) : null),
    },
    {
      output: "customer.lastVisit",
      header: t(lang, "header.customer.lastVisit"),
      format: "date",
      value: (c) => (r[c].lastVisit === null ? null : dayToSerial(r[c].lastVisit!, o.dateSystem)),
    },
    {
      output: "customer.visitDue",
      header: t(lang, "header.customer.visitDue"),
      format: "date",
      value: (c) => dueText(r[c].due, r[c].overdueDays, lang, o.dateSystem),
      cellFormat: (c) => (r[c].due === null || (r[c].overdueDays ?? 0) > 0 ? "general" : "date"),
    },
  ];
}

/** "逾期N天" when overdue, else the next due date (a date cell). */
function dueText(due: number | null, overdue: number | null, lang: Lang, system: DateSystem): Cell {
  if (due === null) return null;
  return (overdue ?? 0) > 0 ? t(lang, "due.overdue", { n: overdue! }) : dayToSerial(due, system);
}

function tierHighlights(): Highlight[] {
  return (Object.keys(TIER_COLOURS) as Tier[]).map((tier) => ({
    text: tier,
    fill: TIER_COLOURS[tier][0],
    font: TIER_COLOURS[tier][1],
  }));
}

function orderColumns(review: Review, lang: Lang): ColumnSpec[] {
  const o = review.inputs.orders;
  const r = review.results;
  const [fresh, existing] = [t(lang, "type.new"), t(lang, "type.existing")];
  const firstMonth = firstMonths(review);
  return [
    {
      output: "order.tier",
      header: t(lang, "header.order.tier"),
      format: "general",
      value: (i) => r[o.customer[i]].tier,
      highlights: tierHighlights(),
    },
    {
      output: "order.type",
      header: t(lang, "header.order.type"),
      format: "general",
      value: (i) => (firstMonth[o.customer[i]] === review.orderMonth[i] ? fresh : existing),
    },
  ];
}

function visitColumns(review: Review, lang: Lang): ColumnSpec[] {
  const v = review.inputs.visits;
  const [fresh, existing] = [t(lang, "type.new"), t(lang, "type.existing")];
  const firstMonth = firstMonths(review);
  return [
    {
      output: "visit.type",
      header: t(lang, "header.visit.type"),
      format: "general",
      value: (i) => (firstMonth[v.customer[i]] < review.visitMonth[i] ? existing : fresh),
    },
    {
      output: "visit.cost",
      header: t(lang, "header.visit.cost"),
      format: "money",
      value: (i) => cleanMoney(review.visitCost[i]),
    },
  ];
}

/**
 * Each customer's first month (NaN without a first order), worked out once per customer
 * (6,000 Dates on the issue workbook) instead of once per order and per visit (271,000).
 */
function firstMonths(review: Review): Float64Array {
  return Float64Array.from(review.results, (c) => (Number.isNaN(c.firstDay) ? NaN : monthOfDay(c.firstDay)));
}

/**
 * Money is written at full precision (an allocated cost may hold fractions of a cent,
 * and the cell format shows cents), cleaned of the binary noise of long sums (…99999997).
 */
function createCustomerSheet(review: Review, lang: Lang): CreatedSheetPlan {
  const c = review.customers;
  const hasIds = c.ids.some((x) => x !== null);
  const hasNames = c.names.some((x) => x !== null);
  const header = [
    ...(hasIds ? [t(lang, "header.created.id")] : []),
    ...(hasNames ? [t(lang, "header.created.name")] : []),
    t(lang, "header.created.salesperson"),
    t(lang, "header.created.region"),
  ];
  const rows: Cell[][] = [];
  for (let i = 0; i < c.size; i++) {
    rows.push([
      ...(hasIds ? [c.ids[i]] : []),
      ...(hasNames ? [c.names[i]] : []),
      c.rep[i] >= 0 ? review.reps.names[c.rep[i]] : null,
      c.region[i],
    ]);
  }
  return { sheet: t(lang, "sheet.customers"), header, rows };
}
