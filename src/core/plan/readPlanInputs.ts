import { readDate } from "../_lib/cells";
import type { CustomerTable } from "../customerTable";
import type { ReviewOptions } from "../options";
import type { Detection, Grid, OwnedColumn } from "../types";
import { detectProspects, type ProspectSheet } from "./detectProspects";

/** What the plan reads from the workbook beyond the review: birthdays and the prospect sheet. */
export interface PlanInputs {
  /** Birthday per customer (epoch day), NaN when none or unreadable. */
  birthday: Float64Array;
  prospects?: ProspectSheet;
}

/**
 * Reads each customer's birthday from the customer sheet's birthday column (an unreadable
 * birthday is left out of the greetings, not a data issue: it never stops a review) and
 * the prospect sheet, found by detectProspects.
 * @example readPlanInputs(grids, detection, customers, options).birthday[0] === ymdToDay(1974, 5, 16)
 */
export function readPlanInputs(
  grids: readonly Grid[],
  detection: Detection,
  customers: CustomerTable,
  options: Pick<ReviewOptions, "dateSystem">,
  prospects?: ProspectSheet,
): PlanInputs {
  const birthday = new Float64Array(customers.size).fill(NaN);
  const m = detection.customers;
  const col = m?.columns.birthday;
  const grid = m && grids.find((g) => g.sheet === m.sheet && g.table === m.table);
  if (grid && col !== undefined) {
    for (let c = 0; c < customers.size; c++) {
      const row = customers.sheetRows[c]?.[0];
      if (row === undefined) continue;
      const read = readDate(
        grid.values[row - grid.origin.row]?.[col - grid.origin.col] ?? null,
        "monthFirst",
        options.dateSystem,
      );
      if (read.ok) birthday[c] = read.value;
    }
  }
  return prospects ? { birthday, prospects } : { birthday };
}

/** The prospect sheet and the grids left for the other roles (it is decided before the customer-sheet rule). */
export function splitProspects(
  grids: readonly Grid[],
  owned: readonly OwnedColumn[] | undefined,
  options: Pick<ReviewOptions, "dateSystem">,
) {
  const prospects = detectProspects(grids, owned, options.dateSystem);
  return {
    prospects,
    rest: prospects ? grids.filter((g) => g !== prospects.grid) : grids,
  };
}
