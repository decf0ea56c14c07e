import { isBlank, readAmount, readMonth, readText, type Cell } from "./_lib/cells";
import { Interner, textHash } from "./_lib/intern";
import type { Field } from "./columns";
import { CustomerTable } from "./customerTable";
import type { ReviewOptions } from "./options";
import { SheetReader, type Cells, type DateOrderNote } from "./sheetReader";
import type { CellIssue, Detection, Grid, SheetMapping } from "./types";

/** Readable order rows as columns. Days are epoch days; reps are interned (-1: none). */
export interface OrderRows {
  n: number;
  row: Int32Array;
  day: Int32Array;
  amount: Float64Array;
  margin: Float64Array;
  /** The paid cell (NaN when blank or without a paid column) and the due-date cell (epoch day, NaN when none). */
  paid: Float64Array;
  dueCell: Float64Array;
  customer: Int32Array;
  rep: Int32Array;
  /**
   * Order ids numbered 0, 1, 2… (−1: none), only for the rows numberOrderIds was asked
   * to number; the others hold −1 and must not be read. Only the monthly and salesperson
   * tables count orders, so a review numbers the ids of its last six months alone.
   */
  orderId: Int32Array;
  /**
   * textHash of each row's order id text, 0 when it has none (a text may hash to 0 too),
   * taken while reading, when the row's cells are in the CPU cache: numberOrderIds then
   * reads a row's text again only to confirm that two rows with one hash share an id.
   */
  orderIdHash: Int32Array;
  /** The order id text of row i (trimmed), null when blank or when the sheet has no order id column. */
  orderIdText(i: number): string | null;
}

export interface VisitRows {
  n: number;
  row: Int32Array;
  day: Int32Array;
  customer: Int32Array;
  rep: Int32Array;
  /** The visit's own cost cell, 0 when blank. */
  cost: Float64Array;
}

/** One cost-sheet row: the sum of its monthly cost columns. */
export interface CostRow {
  row: number;
  month: number;
  rep: number;
  amount: number;
}

/** Readable payment-sheet rows: the customer, payment date (epoch day) and amount. */
export interface PaymentSheetRows {
  n: number;
  row: Int32Array;
  day: Int32Array;
  customer: Int32Array;
  amount: Float64Array;
}

export interface Inputs {
  customers: CustomerTable;
  reps: Interner;
  orders: OrderRows;
  visits: VisitRows;
  /** The payment sheet's rows; null without a payment sheet. */
  payments: PaymentSheetRows | null;
  costs: CostRow[];
  issues: CellIssue[];
  /** How `3/5/2024`-style dates were read in each sheet that has them. */
  dateOrders: DateOrderNote[];
  hasMargin: boolean;
  hasVisitCost: boolean;
  /** Whether the order sheet has a paid column. */
  hasPaid: boolean;
  /** Whether the customer sheet has a cooperation column. */
  hasCooperation: boolean;
}

/**
 * Reads every mapped input row into typed columns, matching orders and visits to
 * customers. Unreadable required cells skip their row and become issues; blank rows
 * are skipped silently; nothing here throws for bad data.
 */
export function readInputs(grids: readonly Grid[], detection: Detection, options: ReviewOptions): Inputs {
  const gridOf = (m: SheetMapping) =>
    grids.find((g) => g.sheet === m.sheet && g.table === m.table) ?? grids.find((g) => g.sheet === m.sheet)!;
  const issues: CellIssue[] = [];
  const reps = new Interner();
  const dateOrders: Inputs["dateOrders"] = [];
  const cm = detection.customers;
  const om = detection.orders;
  const customerGrid = cm && gridOf(cm);
  const customers = new CustomerTable(
    cm ? cm.columns.customerId !== undefined : om?.columns.customerId !== undefined,
    (customerGrid?.values.length ?? 0) + 1024,
  );
  if (cm && customerGrid)
    readCustomers(new SheetReader(customerGrid, cm, issues, options.dateSystem), customers, reps, dateOrders, options);
  const orders = om
    ? readOrders(new SheetReader(gridOf(om), om, issues, options.dateSystem), customers, reps, dateOrders, options)
    : emptyOrders();
  const vm = detection.visits;
  const visits = vm
    ? readVisits(new SheetReader(gridOf(vm), vm, issues, options.dateSystem), customers, reps, dateOrders, options)
    : emptyVisits();
  const km = detection.costs;
  const costs = km ? readCosts(new SheetReader(gridOf(km), km, issues, options.dateSystem), reps) : [];
  const pm = detection.payments;
  const payments = pm
    ? readPayments(new SheetReader(gridOf(pm), pm, issues, options.dateSystem), customers, dateOrders, options)
    : null;
  if (!cm && om) fillFromOrders(customers, orders, gridOf(om), om);
  customers.finish();
  return {
    customers,
    reps,
    orders,
    visits,
    payments,
    costs,
    issues,
    dateOrders,
    hasMargin: om?.columns.grossMargin !== undefined,
    hasVisitCost: vm?.columns.visitCost !== undefined,
    hasPaid: om?.columns.paid !== undefined,
    hasCooperation: cm?.columns.cooperation !== undefined,
  };
}

function readCustomers(
  s: SheetReader,
  table: CustomerTable,
  reps: Interner,
  dateOrders: Inputs["dateOrders"],
  options: ReviewOptions,
): void {
  const order = s.dayMonthOrder("firstTradeDate", options.dayMonthOrder, dateOrders);
  const [idCol, nameCol, repCol, regionCol, firstTrade] = (
    ["customerId", "customerName", "salesperson", "region", "firstTradeDate"] as const
  ).map((f) => s.column(f));
  const figures = customerFigures(s, table);
  const keyField: Field = s.mapping.columns.customerId !== undefined ? "customerId" : "customerName";
  for (let row = s.firstRow; row <= s.lastRow; row++) {
    const cells = s.cells(row);
    if (s.isBlankRow(cells)) continue;
    const id = idCol.text(cells);
    const name = nameCol.text(cells);
    if (id === null && name === null) {
      s.report(row, s.mapping.columns[keyField]!, keyField, "missing", s.cell(row, s.mapping.columns[keyField]));
      continue;
    }
    const { index, duplicate } = table.addListed(id, name, row);
    if (duplicate) {
      const col = s.mapping.columns[id !== null && table.sheetHasIds ? "customerId" : "customerName"]!;
      s.report(row, col, "customer", "duplicateCustomer", s.cell(row, col));
    }
    // A duplicate row completes the first: a salesperson or region it lacked, and the earlier first trade date.
    if (table.rep[index] < 0) table.rep[index] = reps.add(repCol.text(cells));
    table.region[index] ??= regionCol.text(cells);
    const first = firstTrade.date(cells, row, order, false) ?? NaN;
    if (!Number.isNaN(first) && !(table.firstTrade[index] <= first)) table.firstTrade[index] = first;
    if (!duplicate) figures(cells, row, index);
  }
}

/** Reads a listed customer's own figures (its first row's): visits, visit cost, credit limit, terms, cooperation. */
function customerFigures(s: SheetReader, table: CustomerTable): (cells: Cells, row: number, index: number) => void {
  const [visits, visitCost, limit, terms, cooperation] = (
    ["visitCount", "visitCostTotal", "creditLimit", "paymentTerms", "cooperation"] as const
  ).map((f) => s.column(f));
  return (cells, row, index) => {
    table.sheetVisits[index] = visits.amount(cells, row, false) ?? NaN;
    table.sheetVisitCost[index] = visitCost.amount(cells, row, false) ?? NaN;
    table.creditLimit[index] = limit.amount(cells, row, false) ?? NaN;
    table.terms[index] = terms.amount(cells, row, false) ?? NaN;
    table.cooperation[index] = cooperation.cell(cells);
  };
}

function readOrders(
  s: SheetReader,
  customers: CustomerTable,
  reps: Interner,
  dateOrders: Inputs["dateOrders"],
  options: ReviewOptions,
): OrderRows {
  const order = s.dayMonthOrder("orderDate", options.dayMonthOrder, dateOrders);
  const cap = Math.max(0, s.lastRow - s.firstRow + 1);
  const rows = new Int32Array(cap);
  const out: OrderRows = {
    n: 0,
    row: rows,
    day: new Int32Array(cap),
    amount: new Float64Array(cap),
    margin: new Float64Array(cap),
    paid: new Float64Array(cap),
    dueCell: new Float64Array(cap),
    customer: new Int32Array(cap),
    rep: new Int32Array(cap),
    orderId: new Int32Array(cap).fill(-1),
    orderIdHash: new Int32Array(cap),
    orderIdText: orderIdReader(s, rows),
  };
  const { columns } = s.mapping;
  const byQuantity = columns.amount === undefined;
  const [date, amountCol, marginCol, repCol, idCol, paidCol, dueCol] = (
    ["orderDate", "amount", "grossMargin", "salesperson", "orderId", "paid", "dueDate"] as const
  ).map((f) => s.column(f));
  const dueOrder =
    columns.dueDate === undefined ? order : s.dayMonthOrder("dueDate", options.dayMonthOrder, dateOrders);
  const customerOf = resolveCustomers(s, customers, out.customer);
  for (let row = s.firstRow; row <= s.lastRow; row++) {
    const cells = s.cells(row);
    if (s.isBlankRow(cells)) continue;
    const day = date.date(cells, row, order, true);
    const amount = byQuantity ? readProduct(s, row) : amountCol.amount(cells, row, true);
    const customer = customerOf[row - s.firstRow];
    if (customer < 0) reportMissingCustomer(s, row);
    if (day === undefined || amount === undefined || customer < 0) continue;
    const i = out.n++;
    out.row[i] = row;
    out.day[i] = day;
    out.amount[i] = amount;
    out.margin[i] = marginCol.amount(cells, row, false) ?? 0;
    out.paid[i] = paidCol.col === undefined ? NaN : (paidCol.amount(cells, row, false) ?? NaN);
    out.dueCell[i] = dueCol.col === undefined ? NaN : (dueCol.date(cells, row, dueOrder, false) ?? NaN);
    out.customer[i] = customer;
    const ownRep = repCol.text(cells);
    out.rep[i] = ownRep === null ? -1 : reps.add(ownRep);
    const id = idCol.text(cells);
    out.orderIdHash[i] = id === null ? 0 : textHash(id);
  }
  customerOf.fill(0, out.n); // past the rows read, as the other columns
  return out;
}

/** Reads order row i's id cell on demand (a function of its own, so that readOrders' loop keeps `out` in a register, not in a closure). */
function orderIdReader(s: SheetReader, rows: Int32Array): OrderRows["orderIdText"] {
  const col = s.column("orderId");
  return (i) => col.text(s.cells(rows[i]));
}

/**
 * The customer of each row (−1 when it names none), in row order so that unmatched
 * customers are numbered as they appear. A pass of its own, because the lookups then
 * keep their table in the CPU cache (a million rows, ~3× faster). It does not test
 * for blank rows: a blank row names no customer, and testing reads every cell.
 * Written into `out` (the rows' customer column, one slot a sheet row), which the
 * reading loop then compacts in place: the i-th row read is never after sheet row i.
 */
function resolveCustomers(s: SheetReader, customers: CustomerTable, out: Int32Array): Int32Array {
  out.fill(-1);
  const idCol = s.column("customerId");
  const nameCol = s.column("customerName");
  let lastId: string | null = null;
  let lastName: string | null = null;
  let last = -1;
  for (let row = s.firstRow; row <= s.lastRow; row++) {
    const cells = s.cells(row);
    const id = idCol.text(cells);
    const name = nameCol.text(cells);
    if (id === null && name === null) continue;
    // An order's next line, or a sheet sorted by customer, names the row above's customer: no lookup.
    if (last < 0 || id !== lastId || name !== lastName) last = customers.resolve(id, name);
    out[row - s.firstRow] = last;
    lastId = id;
    lastName = name;
  }
  return out;
}

/**
 * Numbers the order ids of the rows whose month (`months[i]`) is in from … to, in order of
 * first appearance, into orders.orderId (−1: none). Numbering a million ids is a tenth of
 * a review, and a review counts orders in six months only (a quarter of a two-year log).
 * Rows are matched on the hashes taken while reading; a row's text is read again only
 * when its hash is already in the table — an order's next line, or another id with the
 * same hash — so that most rows cost a probe of ints, not a visit to a cell.
 * @example numberOrderIds(orders, orderMonth, month - 5, month)
 */
export function numberOrderIds(orders: OrderRows, months: Int32Array, from: number, to: number): void {
  const { orderId, orderIdHash } = orders;
  let inRange = 0;
  for (let i = 0; i < orders.n; i++) if (months[i] >= from && months[i] <= to) inRange++;
  let size = 1024;
  while (size < 2 * inRange) size *= 2;
  const mask = size - 1;
  // Slot k: [2k] = 1 + the first row with the id (0: empty), [2k + 1] = its hash.
  const slots = new Int32Array(2 * size);
  let count = 0;
  for (let i = 0; i < orders.n; i++) {
    if (!(months[i] >= from && months[i] <= to)) continue;
    const h = orderIdHash[i];
    if (h === 0 && orders.orderIdText(i) === null) continue; // orderId stays −1
    for (let k = h & mask; ; k = (k + 1) & mask) {
      const first = slots[2 * k] - 1;
      if (first < 0) {
        slots[2 * k] = i + 1;
        slots[2 * k + 1] = h;
        orderId[i] = count++;
        break;
      }
      if (slots[2 * k + 1] === h && orders.orderIdText(first) === orders.orderIdText(i)) {
        orderId[i] = orderId[first];
        break;
      }
    }
  }
}

/** A dated row (order, visit, payment) without its customer cell: a data issue at that cell. */
function reportMissingCustomer(s: SheetReader, row: number): void {
  const { customerId, customerName } = s.mapping.columns;
  const col = customerId ?? customerName!;
  s.report(row, col, customerId !== undefined ? "customerId" : "customerName", "missing", s.cell(row, col));
}

function readProduct(s: SheetReader, row: number): number | undefined {
  const q = s.read(row, "quantity", readAmount, true);
  const p = s.read(row, "unitPrice", readAmount, true);
  return q === undefined || p === undefined ? undefined : q * p;
}

function readVisits(
  s: SheetReader,
  customers: CustomerTable,
  reps: Interner,
  dateOrders: Inputs["dateOrders"],
  options: ReviewOptions,
): VisitRows {
  const order = s.dayMonthOrder("visitDate", options.dayMonthOrder, dateOrders);
  const cap = Math.max(0, s.lastRow - s.firstRow + 1);
  const out: VisitRows = {
    n: 0,
    row: new Int32Array(cap),
    day: new Int32Array(cap),
    customer: new Int32Array(cap),
    rep: new Int32Array(cap),
    cost: new Float64Array(cap),
  };
  const [date, repCol, costCol] = (["visitDate", "salesperson", "visitCost"] as const).map((f) => s.column(f));
  const customerOf = resolveCustomers(s, customers, out.customer);
  for (let row = s.firstRow; row <= s.lastRow; row++) {
    const cells = s.cells(row);
    if (s.isBlankRow(cells)) continue;
    const day = date.date(cells, row, order, true);
    const customer = customerOf[row - s.firstRow];
    if (customer < 0) reportMissingCustomer(s, row);
    if (day === undefined || customer < 0) continue;
    const i = out.n++;
    out.row[i] = row;
    out.day[i] = day;
    out.customer[i] = customer;
    out.rep[i] = reps.add(repCol.text(cells));
    out.cost[i] = costCol.amount(cells, row, false) ?? 0;
  }
  customerOf.fill(0, out.n);
  return out;
}

/** Payment rows: date, customer and amount all required, as an order's are; the customer is matched as orders match. */
function readPayments(
  s: SheetReader,
  customers: CustomerTable,
  dateOrders: Inputs["dateOrders"],
  options: ReviewOptions,
): PaymentSheetRows {
  const order = s.dayMonthOrder("paymentDate", options.dayMonthOrder, dateOrders);
  const cap = Math.max(0, s.lastRow - s.firstRow + 1);
  const out: PaymentSheetRows = {
    n: 0,
    row: new Int32Array(cap),
    day: new Int32Array(cap),
    customer: new Int32Array(cap),
    amount: new Float64Array(cap),
  };
  const { columns } = s.mapping;
  const date = s.column("paymentDate");
  const amountCol = s.column(columns.paymentAmount !== undefined ? "paymentAmount" : "amount");
  const customerOf = resolveCustomers(s, customers, out.customer);
  for (let row = s.firstRow; row <= s.lastRow; row++) {
    const cells = s.cells(row);
    if (s.isBlankRow(cells)) continue;
    const day = date.date(cells, row, order, true);
    const amount = amountCol.amount(cells, row, true);
    const customer = customerOf[row - s.firstRow];
    if (customer < 0) reportMissingCustomer(s, row);
    if (day === undefined || amount === undefined || customer < 0) continue;
    const i = out.n++;
    out.row[i] = row;
    out.day[i] = day;
    out.amount[i] = amount;
    out.customer[i] = customer;
  }
  customerOf.fill(0, out.n);
  return out;
}

function readCosts(s: SheetReader, reps: Interner): CostRow[] {
  const out: CostRow[] = [];
  const monthOf = (c: Cell) => readMonth(c, s.dateSystem);
  for (let row = s.firstRow; row <= s.lastRow; row++) {
    if (s.isBlankRow(s.cells(row))) continue;
    const month = s.read(row, "month", monthOf, true);
    const repText = s.text(row, "salesperson");
    if (repText === null) s.report(row, s.mapping.columns.salesperson!, "salesperson", "missing", null);
    let amount = 0;
    for (const col of s.mapping.monthlyCostColumns) {
      const v = s.cell(row, col);
      if (isBlank(v)) continue;
      const r = readAmount(v);
      if (r.ok) amount += r.value;
      else s.report(row, col, "monthlyCost", r.problem, v);
    }
    if (month === undefined || repText === null) continue;
    out.push({ row, month, rep: reps.add(repText), amount });
  }
  return out;
}

/**
 * Without a customer sheet, each customer takes the salesperson and region that
 * occur most often in its orders (the first seen wins a tie). It takes the order grid
 * that was read, not its sheet's first grid: a sheet may hold several tables.
 */
function fillFromOrders(customers: CustomerTable, orders: OrderRows, grid: Grid, om: SheetMapping): void {
  const regionCol = om.columns.region;
  const repVotes = new Map<number, Map<number, number>>();
  const regionVotes = new Map<number, Map<string, number>>();
  for (let i = 0; i < orders.n; i++) {
    const c = orders.customer[i];
    if (orders.rep[i] >= 0) vote(repVotes, c, orders.rep[i]);
    if (regionCol !== undefined) {
      const r = readText(grid.values[orders.row[i] - grid.origin.row]?.[regionCol - grid.origin.col] ?? null);
      if (r !== null) vote(regionVotes, c, r);
    }
  }
  for (let c = 0; c < customers.size; c++) {
    customers.rep[c] = topVote(repVotes.get(c)) ?? -1;
    customers.region[c] = topVote(regionVotes.get(c)) ?? null;
  }
}

function vote<T>(votes: Map<number, Map<T, number>>, c: number, v: T): void {
  let m = votes.get(c);
  if (!m) votes.set(c, (m = new Map()));
  m.set(v, (m.get(v) ?? 0) + 1);
}

function topVote<T>(m: Map<T, number> | undefined): T | undefined {
  let best: T | undefined;
  let count = 0;
  for (const [v, n] of m ?? []) if (n > count) [best, count] = [v, n];
  return best;
}

function emptyOrders(): OrderRows {
  const z = new Int32Array(0);
  const f = new Float64Array(0);
  return {
    n: 0,
    row: z,
    day: z,
    amount: f,
    margin: f,
    paid: f,
    dueCell: f,
    customer: z,
    rep: z,
    orderId: z,
    orderIdHash: z,
    orderIdText: () => null,
  };
}

function emptyVisits(): VisitRows {
  const z = new Int32Array(0);
  return { n: 0, row: z, day: z, customer: z, rep: z, cost: new Float64Array(0) };
}
