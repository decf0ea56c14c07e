import { toA1 } from "./_lib/a1";
import {
  fitAmount,
  isBlank,
  leadingDatePart,
  mayBeDayMonthDate,
  mayBeSpace,
  readAmount,
  readDate,
  readText,
  type Cell,
  type DayMonthOrder,
  type Read,
} from "./_lib/cells";
import { serialToDay, type DateSystem } from "./_lib/dates";
import { exactDecimal } from "./_lib/exactDecimal";
import type { Field } from "./columns";
import type { CellIssue, Grid, SheetMapping } from "./types";

/*
 * Cell access for readInputs: a mapped sheet (SheetReader) and one field's column of it
 * (Column). They read every cell exactly as _lib/cells does, only faster on the cells
 * that fill a million-row export, and report what they cannot read as CellIssues.
 */

/** How a sheet's `3/5/2024`-style dates were read. */
export interface DateOrderNote {
  sheet: string;
  order: DayMonthOrder;
}

/**
 * `1,234.50`, `¥1,234.50`, `$12`, `1234.5元`: the text amounts exports write, which NFKC
 * and readAmount's clean-up leave as the bare number. Reads them exactly in one scan
 * (exactDecimal), or gives NaN for anything else (readAmount decides those).
 * @example plainAmount("¥1,234.50") === 1234.5; Number.isNaN(plainAmount("1,23")) === true
 */
export function plainAmount(text: string): number {
  const sign = text.charCodeAt(0);
  const start = sign === 0xa5 || sign === 0x24 ? 1 : 0; // ¥ $
  const end = text.charCodeAt(text.length - 1) === 0x5143 ? text.length - 1 : text.length; // 元
  return exactDecimal(text, start, end, true);
}

/** The cells of one sheet row; undefined outside the grid. */
export type Cells = readonly Cell[] | undefined;

/** Cell access for one mapped sheet, in sheet coordinates, with issue reporting. */
export class SheetReader {
  readonly firstRow: number;
  readonly lastRow: number;
  /** Row-array indexes of every mapped field and monthly cost column, for isBlankRow. */
  private readonly mappedCols: number[];
  private readonly columns = new Map<Field, Column>();
  constructor(
    readonly grid: Grid,
    readonly mapping: SheetMapping,
    private readonly issues: CellIssue[],
    /** How the workbook counts serial dates; every date and month column reads with it. */
    readonly dateSystem: DateSystem = 1900,
  ) {
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
      if (!isBlank(cells[c])) return false;
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
  dayMonthOrder(field: Field, setting: "auto" | DayMonthOrder, out: DateOrderNote[]): DayMonthOrder {
    const col = this.mapping.columns[field];
    let seen = false;
    let dayFirst = false;
    if (col !== undefined) {
      const parts = new Map<string, number | null>();
      for (let row = this.firstRow; row <= this.lastRow; row++) {
        const v = this.cell(row, col);
        if (typeof v !== "string" || !mayBeDayMonthDate(v)) continue; // leadingDatePart is null for these
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
export class Column {
  /** 0-based sheet column, undefined when the field is not mapped. */
  readonly col: number | undefined;
  /** Index in a row's cells; -1 when not mapped. */
  private readonly at: number;
  /** Text dates already read: a million of them hold only a few hundred distinct days. */
  private readonly dates = new Map<string, Read<number>>();
  private dateOrder: DayMonthOrder = "monthFirst";
  /** memoDate as a value, made once (not a closure per row). */
  private readonly readDateMemo = (c: Cell): Read<number> => this.memoDate(c);
  constructor(
    private readonly sheet: SheetReader,
    readonly field: Field,
  ) {
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
    if (typeof v === "string" && v !== "" && !mayBeSpace(v.charCodeAt(0)) && !mayBeSpace(v.charCodeAt(v.length - 1)))
      return v;
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
    if (typeof v === "number") {
      const x = fitAmount(v);
      if (x !== undefined) return x;
    } else if (typeof v === "string") {
      const x = fitAmount(plainAmount(v));
      if (x !== undefined) return x;
    }
    return this.read(cells, row, readAmount, required);
  }

  /** Reads a date as readDate does, in the given day/month order. */
  date(cells: Cells, row: number, order: DayMonthOrder, required: boolean): number | undefined {
    const v = this.cell(cells);
    if (typeof v === "number") {
      const day = serialToDay(v, this.sheet.dateSystem);
      if (day !== null) return day;
    }
    if (order !== this.dateOrder) {
      this.dates.clear();
      this.dateOrder = order;
    }
    return this.read(cells, row, this.readDateMemo, required);
  }

  private memoDate(c: Cell): Read<number> {
    if (typeof c !== "string") return readDate(c, this.dateOrder, this.sheet.dateSystem);
    let r = this.dates.get(c);
    if (r === undefined) this.dates.set(c, (r = readDate(c, this.dateOrder, this.sheet.dateSystem)));
    return r;
  }
}
