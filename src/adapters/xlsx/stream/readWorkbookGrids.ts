import type { Readable } from "node:stream";
import type { Cell } from "../../../core/_lib/cells";
import type { Grid } from "../../../core/types";
import { readSharedStrings } from "./readSharedStrings";
import { columnOf, readSheetCells, type SheetCells } from "./readSheetCells";
import { readTablePart } from "./readTablePart";

/** What the streaming reader needs of an opened .xlsx package. */
export interface StreamPackage {
  sheets: { name: string; partPath: string; tables: { partPath: string }[] }[];
  sharedStringsPath?: string;
  date1904: boolean;
  openStream(path: string): Promise<Readable>;
  readText(path: string): Promise<string>;
}

/**
 * The grids `workbookGrids` gives, read by streaming each sheet part: each table as
 * its own grid (totals row excluded), each sheet without tables as its used range.
 */
export async function readWorkbookGrids(pkg: StreamPackage, skip: ReadonlySet<string> = new Set()): Promise<Grid[]> {
  const shared = pkg.sharedStringsPath ? await readSharedStrings(await pkg.openStream(pkg.sharedStringsPath)) : [];
  const grids: Grid[] = [];
  for (const sheet of pkg.sheets) {
    if (skip.has(sheet.name)) continue;
    const cells = await readSheetCells(await pkg.openStream(sheet.partPath), shared, { date1904: pkg.date1904 });
    if (sheet.tables.length > 0) {
      for (const t of sheet.tables) {
        const table = readTablePart(await pkg.readText(t.partPath));
        const [a, b] = table.ref.split(":");
        const tl = parseRef(a);
        const br = parseRef(b ?? a);
        const bottom = br.row - (table.totalsRowCount > 0 ? 1 : 0);
        grids.push(block(sheet.name, cells, tl.row, tl.col, bottom, br.col, table.name));
      }
      continue;
    }
    const u = cells.used;
    if (u) grids.push(block(sheet.name, cells, u.top, u.left, u.bottom, u.right));
  }
  return grids;
}

function parseRef(ref: string): { row: number; col: number } {
  return { row: Number(ref.replace(/^[A-Z$]+/i, "").replace("$", "")), col: columnOf(ref.replace(/\$/g, "").toUpperCase()) };
}

function block(sheet: string, cells: SheetCells, top: number, left: number, bottom: number, right: number, table?: string): Grid {
  const values: Cell[][] = [];
  for (let r = top; r <= bottom; r++) {
    const row = cells.rows.get(r);
    const out: Cell[] = new Array(right - left + 1);
    for (let c = left; c <= right; c++) out[c - left] = row?.get(c) ?? null;
    values.push(out);
  }
  const grid: Grid = { sheet, origin: { row: top - 1, col: left - 1 }, values };
  if (table !== undefined) grid.table = table;
  return grid;
}
