import type { NumberFormat, SheetPlan } from "../../../core/output";
import type { SheetStyles } from "./ownedCells";

/**
 * The style indices one sheet plan's patcher asks for, as plain data: `SheetStyles` answers
 * through functions, which cannot be posted to a worker thread. Highlights are listed in the
 * plan's order (column by column), so no key of a highlight is worked out a second time here.
 */
export interface SheetStyleTable {
  header: number;
  body: Partial<Record<NumberFormat, number>>;
  /** dxfs index of each highlight, column by column in `plan.columns`' order. */
  dxf: number[][];
}

/**
 * Asks `styles` once for every style `plan` needs.
 * @example styleTableOf(plan, styles).body.money // the money cells' cellXfs index
 */
export function styleTableOf(plan: SheetPlan, styles: SheetStyles): SheetStyleTable {
  const body: Partial<Record<NumberFormat, number>> = {};
  for (const c of plan.columns) {
    body[c.format] ??= styles.body(c.format);
    for (const f of new Set(c.cellFormats ?? [])) if (f) body[f] ??= styles.body(f);
  }
  const dxf = plan.columns.map((c) => (c.highlights ?? []).map((h) => styles.dxf(h)));
  return { header: styles.header, body, dxf };
}

/**
 * The table's answers as `SheetStyles` for `plan` (the worker's copy of the plan the table
 * was made from): a style the table lacks is a programmer's error, thrown as `appendStyles` would.
 */
export function stylesFromTable(plan: SheetPlan, table: SheetStyleTable): SheetStyles {
  const dxf = new Map(plan.columns.flatMap((c, i) => (c.highlights ?? []).map((h, k) => [h, table.dxf[i][k]])));
  return {
    header: table.header,
    body(format) {
      const id = table.body[format];
      if (id === undefined) throw new Error(`sheetStyleTable: format ${format} of ${plan.sheet} was not planned`);
      return id;
    },
    dxf(h) {
      const id = dxf.get(h);
      if (id === undefined) throw new Error(`sheetStyleTable: a highlight of ${plan.sheet} was not planned`);
      return id;
    },
  };
}
