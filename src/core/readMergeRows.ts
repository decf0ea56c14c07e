import { isBlank, readAmount, readMonth, type Cell, type DayMonthOrder } from "./_lib/cells";
import { dayToSerial, formatDay, formatMonth } from "./_lib/dates";
import { headerKey } from "./_lib/text";
import { ROLE_FIELDS, type Field, type Role } from "./columns";
import type { ReviewOptions } from "./options";
import type { Inputs } from "./readInputs";
import { RowNorms } from "./rowNorms";
import { SheetReader } from "./sheetReader";
import type { Detection, Grid, SheetMapping } from "./types";

/** A cost row's monthly cost column: its header key and header, and its amount. */
export interface MonthlyCell {
  key: string;
  header: string;
  value: Cell;
  norm: string;
}

/**
 * The rows of one role of one input that the single-workbook review reads, as columns
 * (row i is `sheetRows[i]`, `cells[i]`, row i of `norms`): no object per row of a million.
 */
export interface MergeSheet {
  role: Role;
  mapping: SheetMapping;
  /** 0-based rows of the input sheet. */
  sheetRows: readonly number[];
  /** Cells to write, one per field of ROLE_FIELDS[role] (dates as 1900 serials, amounts as numbers). */
  cells: Cell[][];
  /** Cost sheet only: each row's monthly cost columns. */
  monthly?: MonthlyCell[][];
  /**
   * Row i's normalised fields (row i of `norms`): one per field of ROLE_FIELDS[role], and for
   * a cost sheet one more, its monthly columns (`key=norm` joined), what rows are compared by.
   */
  norms: RowNorms;
  /** Whether the input's sheet maps each field of ROLE_FIELDS[role]. */
  mapped: boolean[];
}

/** Fields read as dates (written as 1900 serials, formatted as dates). */
export const DATE_FIELDS: ReadonlySet<Field> = new Set<Field>([
  "orderDate",
  "visitDate",
  "firstTradeDate",
  "birthday",
  "dueDate",
  "paymentDate",
]);
/** Fields read as money (written as numbers, formatted as money). */
export const MONEY_FIELDS: ReadonlySet<Field> = new Set<Field>([
  "amount",
  "unitPrice",
  "grossMargin",
  "paid",
  "visitCost",
  "creditLimit",
  "visitCostTotal",
  "paymentAmount",
]);
/** Fields read as numbers: money, and counts and days. */
const AMOUNTS: ReadonlySet<Field> = new Set<Field>([...MONEY_FIELDS, "quantity", "visitCount", "paymentTerms"]);

/**
 * Reads, for each role an input has, exactly the rows its own review reads (those `inputs`
 * kept: readable required cells, blank rows left out), each field normalised so that
 * inputs in other languages, date systems and cell styles compare: dates as days (written
 * as 1900 serials), amounts as numbers, text folded (written trimmed). A cell its review
 * could not read stays as it was, compared by its text. Orders read by quantity × unit
 * price get that product as their amount, as their review computes it.
 * @example readMergeRows(grids, detection, readInputs(grids, detection, opts), opts).map((s) => s.role) → ["customers", "orders"]
 */
export function readMergeRows(
  grids: readonly Grid[],
  detection: Detection,
  inputs: Inputs,
  options: ReviewOptions,
): MergeSheet[] {
  const out: MergeSheet[] = [];
  const gridOf = (m: SheetMapping) =>
    grids.find((g) => g.sheet === m.sheet && g.table === m.table) ?? grids.find((g) => g.sheet === m.sheet)!;
  const kept: Record<Role, () => number[]> = {
    customers: () => inputs.customers.sheetRows.flat().sort((a, b) => a - b),
    orders: () => Array.from(inputs.orders.row.subarray(0, inputs.orders.n)),
    visits: () => Array.from(inputs.visits.row.subarray(0, inputs.visits.n)),
    costs: () => inputs.costs.map((c) => c.row),
    payments: () => (inputs.payments ? Array.from(inputs.payments.row.subarray(0, inputs.payments.n)) : []),
  };
  for (const role of ["customers", "orders", "visits", "costs", "payments"] as const) {
    const mapping = detection[role];
    if (!mapping) continue;
    const s = new SheetReader(gridOf(mapping), mapping, [], options.dateSystem);
    const rows = kept[role]();
    const norms = new RowNorms(ROLE_FIELDS[role].length + (role === "costs" ? 1 : 0), rows.length);
    const monthly = role === "costs" ? new Array<MonthlyCell[]>(rows.length) : undefined;
    out.push({
      role,
      mapping,
      sheetRows: rows,
      cells: readRows(s, role, rows, options, { norms, monthly }),
      monthly,
      norms,
      mapped: ROLE_FIELDS[role].map((f) => {
        const source = sourceField(role, f, mapping);
        return source !== undefined && mapping.columns[source] !== undefined;
      }),
    });
  }
  return out;
}

const DATE = 0;
const AMOUNT = 1;
const MONTH = 2;
const TEXT = 3;

function readRows(
  s: SheetReader,
  role: Role,
  rows: readonly number[],
  options: ReviewOptions,
  { norms, monthly }: { norms: RowNorms; monthly?: MonthlyCell[][] },
): Cell[][] {
  const fields = ROLE_FIELDS[role];
  const orders: DayMonthOrder[] = fields.map((f) =>
    DATE_FIELDS.has(f) ? s.dayMonthOrder(f, options.dayMonthOrder, []) : "monthFirst",
  );
  const columns = fields.map((f) => {
    const source = sourceField(role, f, s.mapping);
    return source === undefined ? undefined : s.column(source);
  });
  const byProduct = role === "orders" && s.mapping.columns.amount === undefined;
  const monthlyHeaders = s.mapping.monthlyCostColumns.map((c) => s.mapping.headers[c] ?? "");
  // Each field's kind once, not two set lookups per cell of a million rows.
  const kinds = fields.map((f) => (DATE_FIELDS.has(f) ? DATE : AMOUNTS.has(f) ? AMOUNT : f === "month" ? MONTH : TEXT));
  const out = new Array<Cell[]>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    const cells = s.cells(row);
    const values: Cell[] = new Array(fields.length);
    for (let f = 0; f < fields.length; f++) {
      const kind = kinds[f];
      const col = columns[f];
      const raw = col ? col.cell(cells) : null;
      if (!col || isBlank(raw)) {
        values[f] = null;
      } else if (kind === DATE) {
        const day = col.date(cells, row, orders[f], false);
        values[f] = day === undefined ? raw : dayToSerial(day, 1900);
        if (day === undefined) norms.setText(i, f, `?${String(raw)}`);
        else norms.setNumber(i, f, day);
      } else if (kind === AMOUNT) {
        const x = col.amount(cells, row, false);
        values[f] = x === undefined ? raw : x;
        if (x === undefined) norms.setText(i, f, `?${String(raw)}`);
        else norms.setNumber(i, f, x);
      } else if (kind === MONTH) {
        const m = readMonth(raw, s.dateSystem);
        values[f] = m.ok ? formatMonth(m.value) : raw;
        if (m.ok) norms.setNumber(i, f, m.value);
        else norms.setText(i, f, `?${String(raw)}`);
      } else {
        const text = col.text(cells) ?? "";
        values[f] = typeof raw === "number" ? raw : text;
        norms.setKey(i, f, text);
      }
    }
    if (byProduct) productAmount(fields, values, norms, i);
    if (monthly) {
      monthly[i] = monthlyCells(s, row, monthlyHeaders);
      norms.setText(i, fields.length, monthly[i].map((m) => `${m.key}=${m.norm}`).join("\u0001"));
    }
    out[i] = values;
  }
  return out;
}

/**
 * The input column a field's cells come from. A payment sheet's plain amount column (金额 in
 * a sheet named 回款表) is its payment amount, as its review reads it: written under the
 * payment-amount header so that inputs with either header merge into one column.
 */
function sourceField(role: Role, field: Field, mapping: SheetMapping): Field | undefined {
  if (role !== "payments" || mapping.columns.paymentAmount !== undefined) return field;
  if (field === "amount") return undefined;
  return field === "paymentAmount" ? "amount" : field;
}

/** The amount its review computes for an order read by quantity × unit price. */
function productAmount(fields: readonly Field[], values: Cell[], norms: RowNorms, row: number): void {
  const q = values[fields.indexOf("quantity")];
  const p = values[fields.indexOf("unitPrice")];
  const a = fields.indexOf("amount");
  if (typeof q !== "number" || typeof p !== "number") return;
  values[a] = q * p;
  norms.setNumber(row, a, q * p);
}

function monthlyCells(s: SheetReader, row: number, headers: readonly string[]): MonthlyCell[] {
  return s.mapping.monthlyCostColumns.map((col, k) => {
    const v = s.cell(row, col);
    const r = isBlank(v) ? undefined : readAmount(v);
    const value: Cell = r === undefined ? null : r.ok ? r.value : v;
    return {
      key: headerKey(headers[k]),
      header: headers[k],
      value,
      norm: r === undefined ? "" : r.ok ? String(r.value) : `?${String(v)}`,
    };
  });
}

/** How a normalised value reads in a message: dates as yyyy-mm-dd, months as yyyy-mm. */
export function showNorm(field: Field, norm: string, cell: Cell): string {
  if (norm.startsWith("?") || norm === "") return cell === null ? "" : String(cell);
  if (DATE_FIELDS.has(field)) return formatDay(Number(norm));
  if (field === "month") return formatMonth(Number(norm));
  return String(cell);
}
