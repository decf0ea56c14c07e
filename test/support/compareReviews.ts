import type { Cell } from "../../src/core/_lib/cells";
import { openXlsx } from "../../src/adapters/xlsx/package/openXlsx";
import { packagePort } from "../../src/adapters/xlsx/package/packagePort";
import type { Grid } from "../../src/core/types";
import { rowOf, type SheetDump } from "./readBack";

/** A workbook's grids as the command line reads them. */
export async function readGrids(file: string): Promise<Grid[]> {
  const port = packagePort(await openXlsx(file));
  try {
    return await port.readGrids(new Set());
  } finally {
    await port.close();
  }
}

/**
 * The figures of an analysis sheet: every row from the monthly table down to the data
 * issues (monthly table, salesperson table, tiers, action list, unmatched customers), which
 * a combined review must give exactly as the whole workbook does. The title block (sheet
 * names, generated time) and the issues (which name their files) are left out.
 */
export function reportFigures(report: SheetDump, monthlyLabel: string, issuesLabel: string): Cell[][] {
  const from = rowOf(report, monthlyLabel);
  return report.rows.slice(from, rowOf(report, issuesLabel, from));
}

/**
 * The owned columns of a sheet by row key (the first header among `keys` that the sheet has),
 * each row as `key → [header: value, …]` (numbers to 13 digits, see roundFigures), sorted: rows of a combined sheet stand in another
 * order than the whole workbook's. `owned` are the headers of the owned columns.
 */
export function ownedByKey(
  sheet: SheetDump,
  headerRow: number,
  keys: readonly string[],
  owned: readonly string[],
): string[] {
  const header = sheet.rows[headerRow];
  const keyCols = keys.map((k) => header.indexOf(k)).filter((c) => c >= 0);
  const cols = owned.map((h) => header.lastIndexOf(h));
  if (cols.some((c) => c < 0)) throw new Error(`missing one of ${owned.join(", ")} in ${header.join(", ")}`);
  const out: string[] = [];
  for (const row of sheet.rows.slice(headerRow + 1)) {
    if (row.every((v) => v === null)) continue;
    out.push(JSON.stringify(roundFigures([[...keyCols.map((c) => row[c]), ...cols.map((c) => row[c])]])[0]));
  }
  return out.sort();
}

/**
 * Numbers to 13 significant digits. A combined review adds the same terms as the whole
 * workbook's in another order (input by input), so a sum's last bits, and a share or
 * ratio over it, may differ past the 15th digit; money is written cleaned to 15 digits.
 */
export function roundFigures(rows: readonly (readonly unknown[])[]): unknown[][] {
  return rows.map((r) => r.map((v) => (typeof v === "number" ? Number(v.toPrecision(13)) : v)));
}
