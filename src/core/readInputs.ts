import { toA1 } from "./_lib/a1";
import { isBlank, leadingDatePart, readAmount, readDate, readMonth, readText, type Cell, type DayMonthOrder, type Read } from "./_lib/cells";
import { Interner } from "./_lib/intern";
import type { Field } from "./columns";
import { CustomerTable } from "./customerTable";
import type { ReviewOptions } from "./options";
import type { CellIssue, Detection, Grid, SheetMapping } from "./types";

/** Readable order rows as columns. Days are epoch days; reps and order ids are interned (-1: none). */
export interface OrderRows {
  n: number;
  row: Int32Array;
  day: Int32Array;
  amount: Float64Array;
  margin: Float64Array;
  customer: Int32Array;
  rep: Int32Array;
  orderId: Int32Array;
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

export interface Inputs {
  customers: CustomerTable;
  reps: Interner;
  orders: OrderRows;
  visits: VisitRows;
  costs: CostRow[];
  issues: CellIssue[];
  /** How `3/5/2024`-style dates were read in each sheet that has them. */
  dateOrders: { sheet: string; order: DayMonthOrder }[];
  hasMargin: boolean;
  hasVisitCost: boolean;
}

/**
 * Reads every mapped input row into typed columns, matching orders and visits to
 * customers. Unreadable required cells skip their row and become issues; blank rows
 * are skipped silently; nothing here throws for bad data.
 */
export function readInputs(grids: readonly Grid[], detection: Detection, options: ReviewOptions): Inputs {
  const gridOf = (m: SheetMapping) => grids.find((g) => g.sheet === m.sheet && g.table === m.table) ?? grids.find((g) => g.sheet === m.sheet)!;
  const issues: CellIssue[] = [];
  const reps = new Interner();
  const dateOrders: Inputs["dateOrders"] = [];
  const cm = detection.customers;
  const om = detection.orders;
  const customers = new CustomerTable(cm ? cm.columns.customerId !== undefined : om?.columns.customerId !== undefined);
  if (cm) readCustomers(new SheetReader(gridOf(cm), cm, issues), customers, reps, dateOrders, options);
  const orders = om ? readOrders(new SheetReader(gridOf(om), om, issues), customers, reps, dateOrders, options) : emptyOrders();
  const vm = detection.visits;
  const visits = vm ? readVisits(new SheetReader(gridOf(vm), vm, issues), customers, reps, dateOrders, options) : emptyVisits();
  const km = detection.costs;
  const costs = km ? readCosts(new SheetReader(gridOf(km), km, issues), reps) : [];
  if (!cm) fillFromOrders(customers, orders, grids, om);
  return {
    customers,
    reps,
    orders,
    visits,
    costs,
    issues,
    dateOrders,
    hasMargin: om?.columns.grossMargin !== undefined,
    hasVisitCost: vm?.columns.visitCost !== undefined,
  };
}

/** Cell access for one mapped sheet, in sheet coordinates, with issue reporting. */
class SheetReader {
  readonly firstRow: number;
  readonly lastRow: number;
  constructor(readonly grid: Grid, readonly mapping: SheetMapping, private readonly issues: CellIssue[]) {
    this.firstRow = mapping.headerRow + 1;
    this.lastRow = grid.origin.row + grid.values.length - 1;
  }

  cell(row: number, col: number | undefined): Cell {
    if (col === undefined) return null;
    const v = this.grid.values[row - this.grid.origin.row]?.[col - this.grid.origin.col];
    return v === undefined ? null : v;
  }

  /** True when every mapped cell of the row is blank. */
  isBlankRow(row: number): boolean {
    const r = this.grid.values[row - this.grid.origin.row];
    if (!r) return true;
    const cols = [...Object.values(this.mapping.columns), ...this.mapping.monthlyCostColumns] as number[];
    return cols.every((c) => isBlank(r[c - this.grid.origin.col]));
  }

  report(row: number, col: number, field: CellIssue["field"], code: CellIssue["code"], value: Cell): void {
    this.issues.push({ sheet: this.mapping.sheet, address: toA1(row, col), field, code, value: value ?? "" });
  }

  /** Reads a cell, reporting it when it cannot be read (blank too, when `required`). */
  read<T>(row: number, field: Field, reader: (c: Cell) => Read<T>, required: boolean): T | undefined {
    const col = this.mapping.columns[field];
    if (col === undefined) return undefined;
    const v = this.cell(row, col);
    if (!required && isBlank(v)) return undefined;
    const r = reader(v);
    if (r.ok) return r.value;
    this.report(row, col, field, r.problem, v);
    return undefined;
  }

  text(row: number, field: Field): string | null {
    return readText(this.cell(row, this.mapping.columns[field]));
  }

  /** Day-first when the column shows a first part above 12 (SPEC), unless the user chose. */
  dayMonthOrder(field: Field, setting: ReviewOptions["dayMonthOrder"], out: Inputs["dateOrders"]): DayMonthOrder {
    const col = this.mapping.columns[field];
    let seen = false;
    let dayFirst = false;
    if (col !== undefined) {
      for (let row = this.firstRow; row <= this.lastRow; row++) {
        const p = leadingDatePart(this.cell(row, col));
        if (p === null) continue;
        seen = true;
        if (p > 12) dayFirst = true;
      }
    }
    const order: DayMonthOrder = setting === "auto" ? (dayFirst ? "dayFirst" : "monthFirst") : setting;
    if (seen) out.push({ sheet: this.mapping.sheet, order });
    return order;
  }
}

function readCustomers(s: SheetReader, table: CustomerTable, reps: Interner, dateOrders: Inputs["dateOrders"], options: ReviewOptions): void {
  const order = s.dayMonthOrder("firstTradeDate", options.dayMonthOrder, dateOrders);
  const keyField: Field = s.mapping.columns.customerId !== undefined ? "customerId" : "customerName";
  for (let row = s.firstRow; row <= s.lastRow; row++) {
    if (s.isBlankRow(row)) continue;
    const id = s.text(row, "customerId");
    const name = s.text(row, "customerName");
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
    if (table.rep[index] < 0) table.rep[index] = reps.add(s.text(row, "salesperson"));
    table.region[index] ??= s.text(row, "region");
    const first = s.read(row, "firstTradeDate", (c) => readDate(c, order), false) ?? NaN;
    if (!Number.isNaN(first) && !(table.firstTrade[index] <= first)) table.firstTrade[index] = first;
    if (duplicate) continue;
    table.sheetVisits[index] = s.read(row, "visitCount", readAmount, false) ?? NaN;
    table.sheetVisitCost[index] = s.read(row, "visitCostTotal", readAmount, false) ?? NaN;
  }
}

function readOrders(s: SheetReader, customers: CustomerTable, reps: Interner, dateOrders: Inputs["dateOrders"], options: ReviewOptions): OrderRows {
  const order = s.dayMonthOrder("orderDate", options.dayMonthOrder, dateOrders);
  const cap = Math.max(0, s.lastRow - s.firstRow + 1);
  const out: OrderRows = {
    n: 0,
    row: new Int32Array(cap),
    day: new Int32Array(cap),
    amount: new Float64Array(cap),
    margin: new Float64Array(cap),
    customer: new Int32Array(cap),
    rep: new Int32Array(cap),
    orderId: new Int32Array(cap),
  };
  const ids = new Map<string, number>();
  const { columns } = s.mapping;
  const byQuantity = columns.amount === undefined;
  const customerCol = columns.customerId ?? columns.customerName!;
  for (let row = s.firstRow; row <= s.lastRow; row++) {
    if (s.isBlankRow(row)) continue;
    const day = s.read(row, "orderDate", (c) => readDate(c, order), true);
    const amount = byQuantity ? readProduct(s, row) : s.read(row, "amount", readAmount, true);
    const id = s.text(row, "customerId");
    const name = s.text(row, "customerName");
    const customer = id === null && name === null ? -1 : customers.resolve(id, name);
    if (customer < 0) s.report(row, customerCol, columns.customerId !== undefined ? "customerId" : "customerName", "missing", s.cell(row, customerCol));
    if (day === undefined || amount === undefined || customer < 0) continue;
    const i = out.n++;
    out.row[i] = row;
    out.day[i] = day;
    out.amount[i] = amount;
    out.margin[i] = s.read(row, "grossMargin", readAmount, false) ?? 0;
    out.customer[i] = customer;
    const ownRep = s.text(row, "salesperson");
    out.rep[i] = ownRep === null ? -1 : reps.add(ownRep);
    const orderId = s.text(row, "orderId");
    if (orderId === null) out.orderId[i] = -1;
    else {
      let k = ids.get(orderId);
      if (k === undefined) ids.set(orderId, (k = ids.size));
      out.orderId[i] = k;
    }
  }
  return out;
}

function readProduct(s: SheetReader, row: number): number | undefined {
  const q = s.read(row, "quantity", readAmount, true);
  const p = s.read(row, "unitPrice", readAmount, true);
  return q === undefined || p === undefined ? undefined : q * p;
}

function readVisits(s: SheetReader, customers: CustomerTable, reps: Interner, dateOrders: Inputs["dateOrders"], options: ReviewOptions): VisitRows {
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
  const { columns } = s.mapping;
  const customerCol = columns.customerId ?? columns.customerName!;
  for (let row = s.firstRow; row <= s.lastRow; row++) {
    if (s.isBlankRow(row)) continue;
    const day = s.read(row, "visitDate", (c) => readDate(c, order), true);
    const id = s.text(row, "customerId");
    const name = s.text(row, "customerName");
    const customer = id === null && name === null ? -1 : customers.resolve(id, name);
    if (customer < 0) s.report(row, customerCol, columns.customerId !== undefined ? "customerId" : "customerName", "missing", s.cell(row, customerCol));
    if (day === undefined || customer < 0) continue;
    const i = out.n++;
    out.row[i] = row;
    out.day[i] = day;
    out.customer[i] = customer;
    out.rep[i] = reps.add(s.text(row, "salesperson"));
    out.cost[i] = s.read(row, "visitCost", readAmount, false) ?? 0;
  }
  return out;
}

function readCosts(s: SheetReader, reps: Interner): CostRow[] {
  const out: CostRow[] = [];
  for (let row = s.firstRow; row <= s.lastRow; row++) {
    if (s.isBlankRow(row)) continue;
    const month = s.read(row, "month", readMonth, true);
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
 * occur most often in its orders (the first seen wins a tie).
 */
function fillFromOrders(customers: CustomerTable, orders: OrderRows, grids: readonly Grid[], om: SheetMapping | undefined): void {
  const grid = om && grids.find((g) => g.sheet === om.sheet);
  if (!grid || !om) return;
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
  return { n: 0, row: z, day: z, amount: new Float64Array(0), margin: new Float64Array(0), customer: z, rep: z, orderId: z };
}

function emptyVisits(): VisitRows {
  const z = new Int32Array(0);
  return { n: 0, row: z, day: z, customer: z, rep: z, cost: new Float64Array(0) };
}
