import { toA1 } from "./_lib/a1";
import { isBlank, leadingDatePart, readAmount, readDate, readMonth, readText, type Cell, type DayMonthOrder, type Read } from "./_lib/cells";
import { serialToDay } from "./_lib/dates";
import { Interner, TextIds } from "./_lib/intern";
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

/**
 * `1,234.50`, `¥1,234.50`, `$12`, `1234.5元`: the text amounts exports write. NFKC and
 * readAmount's clean-up leave them as the bare number, so they are read without either.
 */
const PLAIN_AMOUNT = /^[¥$]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?元?$/;
const PLAIN_AMOUNT_SIGNS = /[¥$元,]/g;

type Cells = readonly Cell[] | undefined;

/** Whether String.prototype.trim might remove this character (every control character counts, to be safe). */
function mayBeSpace(c: number): boolean {
  return c <= 0x20 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** !isBlank(v), deciding the commonest cells (numbers, text that starts with no space) without trimming. */
function hasValue(v: Cell | undefined): boolean {
  if (typeof v === "number") return true;
  if (typeof v === "string" && v !== "" && !mayBeSpace(v.charCodeAt(0))) return true;
  return !isBlank(v);
}

/** Cell access for one mapped sheet, in sheet coordinates, with issue reporting. */
class SheetReader {
  readonly firstRow: number;
  readonly lastRow: number;
  /** Row-array indexes of every mapped field and monthly cost column, for isBlankRow. */
  private readonly mappedCols: number[];
  private readonly columns = new Map<Field, Column>();
  constructor(readonly grid: Grid, readonly mapping: SheetMapping, private readonly issues: CellIssue[]) {
    this.firstRow = mapping.headerRow + 1;
    this.lastRow = grid.origin.row + grid.values.length - 1;
    const cols = [...Object.values(mapping.columns), ...mapping.monthlyCostColumns] as number[];
    this.mappedCols = cols.map((c) => c - grid.origin.col);
  }

  /** The cells of a sheet row (undefined outside the grid). */
  cells(row: number): Cells {
    return this.grid.values[row - this.grid.origin.row];
  }

  cell(row: number, col: number | undefined): Cell {
    if (col === undefined) return null;
    const v = this.cells(row)?.[col - this.grid.origin.col];
    return v === undefined ? null : v;
  }

  /** The reader of one field's column, made once per sheet so that per-row reads are array indexes. */
  column(field: Field): Column {
    let c = this.columns.get(field);
    if (!c) this.columns.set(field, (c = new Column(this, field)));
    return c;
  }

  /** True when every mapped cell of the row is blank. */
  isBlankRow(cells: Cells): boolean {
    if (!cells) return true;
    for (const c of this.mappedCols) {
      if (hasValue(cells[c])) return false;
    }
    return true;
  }

  report(row: number, col: number, field: CellIssue["field"], code: CellIssue["code"], value: Cell): void {
    this.issues.push({ sheet: this.mapping.sheet, address: toA1(row, col), field, code, value: value ?? "" });
  }

  /** Reads a cell, reporting it when it cannot be read (blank too, when `required`). */
  read<T>(row: number, field: Field, reader: (c: Cell) => Read<T>, required: boolean): T | undefined {
    return this.column(field).read(this.cells(row), row, reader, required);
  }

  text(row: number, field: Field): string | null {
    return this.column(field).text(this.cells(row));
  }

  /** Day-first when the column shows a first part above 12 (SPEC), unless the user chose. */
  dayMonthOrder(field: Field, setting: ReviewOptions["dayMonthOrder"], out: Inputs["dateOrders"]): DayMonthOrder {
    const col = this.mapping.columns[field];
    let seen = false;
    let dayFirst = false;
    if (col !== undefined) {
      const parts = new Map<string, number | null>();
      for (let row = this.firstRow; row <= this.lastRow; row++) {
        const v = this.cell(row, col);
        if (typeof v !== "string") continue; // leadingDatePart is null for any other cell
        let p = parts.get(v);
        if (p === undefined) parts.set(v, (p = leadingDatePart(v)));
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

/**
 * One field's column of a sheet. Its readers run on up to a million rows, so they
 * take the row's cells, index them by number and allocate nothing for the common
 * cells (numbers, plain amounts, repeated text dates), falling back to _lib/cells.
 */
class Column {
  /** 0-based sheet column, undefined when the field is not mapped. */
  readonly col: number | undefined;
  /** Index in a row's cells; -1 when not mapped. */
  private readonly at: number;
  /** Text dates already read: a million of them hold only a few hundred distinct days. */
  private readonly dates = new Map<string, Read<number>>();
  private dateOrder: DayMonthOrder = "monthFirst";
  /** memoDate as a value, made once (not a closure per row). */
  private readonly readDateMemo = (c: Cell): Read<number> => this.memoDate(c);
  constructor(private readonly sheet: SheetReader, readonly field: Field) {
    this.col = sheet.mapping.columns[field];
    this.at = this.col === undefined ? -1 : this.col - sheet.grid.origin.col;
  }

  cell(cells: Cells): Cell {
    if (this.at < 0 || !cells) return null;
    const v = cells[this.at];
    return v === undefined ? null : v;
  }

  /** readText, with its commonest case inline: text with nothing to trim is returned as is. */
  text(cells: Cells): string | null {
    const v = this.cell(cells);
    if (typeof v === "string" && v !== "" && !mayBeSpace(v.charCodeAt(0)) && !mayBeSpace(v.charCodeAt(v.length - 1))) return v;
    return readText(v);
  }

  /** Reads the cell, reporting it when it cannot be read (blank too, when `required`). */
  read<T>(cells: Cells, row: number, reader: (c: Cell) => Read<T>, required: boolean): T | undefined {
    if (this.col === undefined) return undefined;
    const v = this.cell(cells);
    if (!required && isBlank(v)) return undefined;
    const r = reader(v);
    if (r.ok) return r.value;
    this.sheet.report(row, this.col, this.field, r.problem, v);
    return undefined;
  }

  /** Reads an amount as readAmount does. */
  amount(cells: Cells, row: number, required: boolean): number | undefined {
    const v = this.cell(cells);
    if (typeof v === "number" && Number.isFinite(v)) return v;
    if (typeof v === "string" && PLAIN_AMOUNT.test(v)) return Number(v.replace(PLAIN_AMOUNT_SIGNS, ""));
    return this.read(cells, row, readAmount, required);
  }

  /** Reads a date as readDate does, in the given day/month order. */
  date(cells: Cells, row: number, order: DayMonthOrder, required: boolean): number | undefined {
    const v = this.cell(cells);
    if (typeof v === "number") {
      const day = serialToDay(v);
      if (day !== null) return day;
    }
    if (order !== this.dateOrder) {
      this.dates.clear();
      this.dateOrder = order;
    }
    return this.read(cells, row, this.readDateMemo, required);
  }

  private memoDate(c: Cell): Read<number> {
    if (typeof c !== "string") return readDate(c, this.dateOrder);
    let r = this.dates.get(c);
    if (r === undefined) this.dates.set(c, (r = readDate(c, this.dateOrder)));
    return r;
  }
}

function readCustomers(s: SheetReader, table: CustomerTable, reps: Interner, dateOrders: Inputs["dateOrders"], options: ReviewOptions): void {
  const order = s.dayMonthOrder("firstTradeDate", options.dayMonthOrder, dateOrders);
  const firstTrade = s.column("firstTradeDate");
  const keyField: Field = s.mapping.columns.customerId !== undefined ? "customerId" : "customerName";
  for (let row = s.firstRow; row <= s.lastRow; row++) {
    const cells = s.cells(row);
    if (s.isBlankRow(cells)) continue;
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
    const first = firstTrade.date(cells, row, order, false) ?? NaN;
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
  const { columns } = s.mapping;
  const byQuantity = columns.amount === undefined;
  const customerCol = columns.customerId ?? columns.customerName!;
  const [date, amountCol, marginCol, repCol] = (["orderDate", "amount", "grossMargin", "salesperson"] as const).map((f) => s.column(f));
  const customerOf = resolveCustomers(s, customers);
  for (let row = s.firstRow; row <= s.lastRow; row++) {
    const cells = s.cells(row);
    if (s.isBlankRow(cells)) continue;
    const day = date.date(cells, row, order, true);
    const amount = byQuantity ? readProduct(s, row) : amountCol.amount(cells, row, true);
    const customer = customerOf[row - s.firstRow];
    if (customer < 0) s.report(row, customerCol, columns.customerId !== undefined ? "customerId" : "customerName", "missing", s.cell(row, customerCol));
    if (day === undefined || amount === undefined || customer < 0) continue;
    const i = out.n++;
    out.row[i] = row;
    out.day[i] = day;
    out.amount[i] = amount;
    out.margin[i] = marginCol.amount(cells, row, false) ?? 0;
    out.customer[i] = customer;
    const ownRep = repCol.text(cells);
    out.rep[i] = ownRep === null ? -1 : reps.add(ownRep);
  }
  internOrderIds(s.column("orderId"), s, out);
  return out;
}

/**
 * The customer of each non-blank row (−1 when it names none), in row order so that
 * unmatched customers are numbered as they appear. A pass of its own, because the
 * lookups then keep their table in the CPU cache (a million rows, ~3× faster).
 */
function resolveCustomers(s: SheetReader, customers: CustomerTable): Int32Array {
  const out = new Int32Array(Math.max(0, s.lastRow - s.firstRow + 1)).fill(-1);
  const idCol = s.column("customerId");
  const nameCol = s.column("customerName");
  for (let row = s.firstRow; row <= s.lastRow; row++) {
    const cells = s.cells(row);
    if (s.isBlankRow(cells)) continue;
    const id = idCol.text(cells);
    const name = nameCol.text(cells);
    if (id !== null || name !== null) out[row - s.firstRow] = customers.resolve(id, name);
  }
  return out;
}

/** Numbers the order ids of the rows read, in order of first appearance (−1: none), in a pass of its own (see resolveCustomers). */
function internOrderIds(col: Column, s: SheetReader, out: OrderRows): void {
  const ids = new TextIds(out.n);
  let last: string | null = null;
  for (let i = 0; i < out.n; i++) {
    const orderId = col.text(s.cells(out.row[i]));
    if (orderId === null) out.orderId[i] = -1;
    else if (orderId === last) out.orderId[i] = out.orderId[i - 1]; // an order's next line
    else out.orderId[i] = ids.id(orderId);
    last = orderId;
  }
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
  const [date, repCol, costCol] = (["visitDate", "salesperson", "visitCost"] as const).map((f) => s.column(f));
  const customerOf = resolveCustomers(s, customers);
  for (let row = s.firstRow; row <= s.lastRow; row++) {
    const cells = s.cells(row);
    if (s.isBlankRow(cells)) continue;
    const day = date.date(cells, row, order, true);
    const customer = customerOf[row - s.firstRow];
    if (customer < 0) s.report(row, customerCol, columns.customerId !== undefined ? "customerId" : "customerName", "missing", s.cell(row, customerCol));
    if (day === undefined || customer < 0) continue;
    const i = out.n++;
    out.row[i] = row;
    out.day[i] = day;
    out.customer[i] = customer;
    out.rep[i] = reps.add(repCol.text(cells));
    out.cost[i] = costCol.amount(cells, row, false) ?? 0;
  }
  return out;
}

function readCosts(s: SheetReader, reps: Interner): CostRow[] {
  const out: CostRow[] = [];
  for (let row = s.firstRow; row <= s.lastRow; row++) {
    if (s.isBlankRow(s.cells(row))) continue;
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
