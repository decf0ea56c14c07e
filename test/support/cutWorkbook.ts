import ExcelJS from "exceljs";
import type { Cell } from "../../src/core/_lib/cells";
import { readText } from "../../src/core/_lib/cells";
import { customerKey } from "../../src/core/_lib/text";
import type { Role } from "../../src/core/columns";
import { detectSheets } from "../../src/core/detectSheets";
import type { Grid, SheetMapping } from "../../src/core/types";

/** Which part (0-based) a row of a role's sheet goes to; the customer sheet and other sheets go to every part. */
export type PartOf = (
  role: Role,
  row: readonly Cell[],
  text: (field: "salesperson" | "region" | "customer") => string,
) => number;

/**
 * Cuts a workbook's grids into `parts` workbooks as a team would send them: each keeps
 * every sheet that is not an order, visit or cost sheet whole (the customer sheet copied into
 * each), and the order, visit and cost sheets keep their title and header rows and only the
 * rows `partOf` gives them. A row's salesperson is its own cell, else its customer's.
 */
export function cutGrids(grids: readonly Grid[], parts: number, partOf: PartOf): Grid[][] {
  const d = detectSheets(grids);
  const repOf = customerReps(grids, d.customers);
  const out: Grid[][] = Array.from({ length: parts }, () => []);
  for (const g of grids) {
    const role = (["orders", "visits", "costs"] as const).find(
      (r) => d[r] && d[r]!.sheet === g.sheet && d[r]!.table === g.table,
    );
    if (!role) {
      for (const p of out) p.push(g);
      continue;
    }
    const m = d[role]!;
    const head = m.headerRow - g.origin.row + 1;
    const cuts = out.map(() => g.values.slice(0, head));
    for (let r = head; r < g.values.length; r++) {
      const row = g.values[r];
      const cell = (col: number | undefined) => (col === undefined ? null : readText(row[col - g.origin.col] ?? null));
      const customer = cell(m.columns.customerId) ?? cell(m.columns.customerName) ?? "";
      const text = (field: "salesperson" | "region" | "customer") =>
        field === "customer"
          ? customer
          : field === "region"
            ? (cell(m.columns.region) ?? "")
            : (cell(m.columns.salesperson) ?? repOf.get(customerKey(customer)) ?? "");
      cuts[partOf(role, row, text)].push(row);
    }
    cuts.forEach((values, p) => out[p].push({ sheet: g.sheet, origin: g.origin, values }));
  }
  return out;
}

/** Customer key (id, and name) → its salesperson in the customer sheet. */
function customerReps(grids: readonly Grid[], m: SheetMapping | undefined): Map<string, string> {
  const reps = new Map<string, string>();
  const g = m && grids.find((x) => x.sheet === m.sheet && x.table === m.table);
  if (!m || !g) return reps;
  for (let r = m.headerRow - g.origin.row + 1; r < g.values.length; r++) {
    const cell = (col: number | undefined) =>
      col === undefined ? null : readText(g.values[r][col - g.origin.col] ?? null);
    const rep = cell(m.columns.salesperson);
    if (rep === null) continue;
    for (const k of [cell(m.columns.customerId), cell(m.columns.customerName)])
      if (k !== null && !reps.has(customerKey(k))) reps.set(customerKey(k), rep);
  }
  return reps;
}

/** Writes grids as a workbook of plain ranges (one sheet per sheet name, grids placed at their origin). */
export async function writeGrids(grids: readonly Grid[], file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  for (const g of grids) {
    const ws = wb.getWorksheet(g.sheet) ?? wb.addWorksheet(g.sheet);
    g.values.forEach((row, r) => {
      row.forEach((v, c) => {
        if (v !== null && v !== undefined) ws.getCell(g.origin.row + r + 1, g.origin.col + c + 1).value = v;
      });
    });
  }
  await wb.xlsx.writeFile(file);
}
