import type { Cell } from "../../../core/_lib/cells";
import type { BesideTables } from "./besideTables";
import { SheetRows } from "./sheetRows";

/**
 * Where a sheet reader puts what it reads, in document order: stored here (`StoreCells`), or
 * encoded for another thread (`EncodeCells`), which replays it into a `StoreCells` there.
 */
export interface CellSink {
  /** Whether a cell without a value but with a formula or a style counts (the sheet has tables). */
  readonly marks: boolean;
  /** A cell's value (null: none), `marked` when it has a formula or a style other than the default. */
  cell(row: number, col: number, value: Cell, marked: boolean): void;
  /** A shared-string cell, by its `<v>` number (any number: one naming no string gives no value). */
  sharedCell(row: number, col: number, index: number, marked: boolean): void;
  /** The end of a `<row>`. */
  endRow(row: number): void;
}

/**
 * The sink that keeps a sheet: values in a `SheetRows`, occupied cells told to `beside` when
 * the sheet has tables. A cell is occupied when it holds a value or is marked.
 */
export class StoreCells implements CellSink {
  readonly cells = new SheetRows();
  readonly marks: boolean;

  constructor(
    private readonly shared: readonly string[],
    private readonly beside?: BesideTables,
  ) {
    this.marks = beside !== undefined;
  }

  cell(row: number, col: number, value: Cell, marked: boolean): void {
    if (value !== null) this.cells.set(row, col, value);
    if (this.beside !== undefined && (value !== null || marked)) this.beside.note(row, col);
  }

  sharedCell(row: number, col: number, index: number, marked: boolean): void {
    this.cell(row, col, this.shared[index] ?? null, marked);
  }

  endRow(row: number): void {
    this.cells.endRow(row);
  }
}
