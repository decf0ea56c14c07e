import type { Cell } from "../../src/core/_lib/cells";
import { t, type Lang } from "../../src/i18n";

/** yyyy-mm-dd of a 1900-system serial, by plain arithmetic (Excel's day 0 is 1899-12-30 for serials past 60). */
const iso = (serial: number) => new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000).toISOString().slice(0, 10);

/**
 * A plan sheet's visit rows (its cells as a reader gives them) as [salesperson, date, region,
 * customer ID, name, tier, reasons], the way the pane's Plan view groups them: no salesperson as
 * "(no salesperson)", dates `yyyy-mm-dd`, Over capacity rows with neither date nor region.
 */
export function planVisitRows(rows: Cell[][], lang: Lang): Cell[][] {
  const header = rows.findIndex((r) => r[0] === t(lang, "report.salesperson") && r[1] === t(lang, "plan.col.date"));
  if (header < 0) throw new Error("the plan sheet has no visit table");
  const out: Cell[][] = [];
  for (const r of rows.slice(header + 1)) {
    if (r.length === 0) break;
    const over = r[1] === t(lang, "plan.overCapacity");
    out.push([
      r[0] ?? t(lang, "report.unassigned"),
      over ? null : iso(r[1] as number),
      over ? null : (r[2] ?? null),
      r[3] ?? null,
      r[4] ?? null,
      r[5] ?? null,
      r[6] ?? null,
    ]);
  }
  return out;
}
