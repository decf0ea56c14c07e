import { clipText } from "./_lib/clipText";
import type { Cell } from "./_lib/cells";
import { EXCEL_LIMITS } from "./_lib/excelLimits";
import type { WritePlan } from "./output";

/**
 * Makes every value the plan would write one an Excel cell can hold: text is cut to
 * 32,767 characters (ending `…`), and a number that is not finite (a ratio over a sum
 * that rounds to nothing) is left blank, as Excel has no cell for NaN or ±Infinity.
 * Covers owned-column values and headers, the created customer sheet and the analysis
 * sheet (action list names, issue values). Changes the plan in place: it is built for
 * this one write. Returns how many cells were cut and blanked.
 * @example a customer name of 40,000 characters is written as 32,766 of them and `…`
 */
export function fitPlanCells(plan: WritePlan): { clipped: number; blanked: number } {
  const counts = { clipped: 0, blanked: 0 };
  const fit = (cells: Cell[]): void => {
    for (let i = 0; i < cells.length; i++) {
      const v = cells[i];
      if (typeof v === "string" && v.length > EXCEL_LIMITS.text) {
        cells[i] = clipText(v);
        counts.clipped++;
      } else if (typeof v === "number" && !Number.isFinite(v)) {
        cells[i] = null;
        counts.blanked++;
      }
    }
  };
  for (const s of plan.sheets) {
    for (const c of s.columns) {
      fit(c.values);
      c.header = clipText(c.header);
    }
  }
  if (plan.created) {
    plan.created.header = plan.created.header.map((h) => clipText(h));
    for (const r of plan.created.rows) fit(r);
  }
  for (const r of plan.report.rows) fit(r.cells);
  return counts;
}
