import ExcelJS from "exceljs";
import type { Cell } from "../../src/core/_lib/cells";
import type { Grid } from "../../src/core/types";
import { normalizePackage } from "./normalizePackage";

/** ExcelJS turns date-formatted numbers into Dates with this offset; the inverse recovers the serial exactly. */
const EXCELJS_EPOCH_SERIAL = 25_569;
const MS_PER_DAY = 86_400_000;

/** Loads an .xlsx file's bytes into an ExcelJS workbook. */
export async function loadWorkbook(data: Buffer | Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await normalizePackage(data)) as unknown as ExcelJS.Buffer);
  return workbook;
}

/**
 * The grids of a workbook: each Excel table as its own grid, and each sheet without
 * tables as its used range. Values are what Office.js would give: dates as serials,
 * formulas as their cached results, rich text as plain text, errors as `#N/A` text.
 */
export function workbookGrids(workbook: ExcelJS.Workbook, skipSheets: ReadonlySet<string> = new Set()): Grid[] {
  const grids: Grid[] = [];
  const date1904 = workbook.properties.date1904 === true;
  for (const ws of workbook.worksheets) {
    if (skipSheets.has(ws.name)) continue;
    const tables = sheetTables(ws);
    if (tables.length > 0) {
      for (const t of tables) grids.push(readBlock(ws, t.top, t.left, t.bottom, t.right, date1904, t.name));
      continue;
    }
    const used = usedRange(ws);
    if (used) grids.push(readBlock(ws, used.top, used.left, used.bottom, used.right, date1904));
  }
  return grids;
}

export interface TableBox {
  name: string;
  top: number;
  left: number;
  bottom: number;
  right: number;
  totalsRow: boolean;
}

/** The sheet's tables with their 1-based boxes (header row included, totals row excluded). */
export function sheetTables(ws: ExcelJS.Worksheet): TableBox[] {
  const out: TableBox[] = [];
  for (const t of Object.values((ws as unknown as { tables?: object }).tables ?? {}) as {
    table: { name: string; tableRef?: string; ref: string; totalsRow?: boolean };
  }[]) {
    const ref = t.table.tableRef ?? t.table.ref;
    const [a, b] = ref.split(":");
    const tl = ws.getCell(a);
    const br = ws.getCell(b ?? a);
    const totals = t.table.totalsRow === true;
    out.push({
      name: t.table.name,
      top: +tl.row,
      left: +tl.col,
      bottom: +br.row - (totals ? 1 : 0),
      right: +br.col,
      totalsRow: totals,
    });
  }
  return out;
}

/** 1-based box of the cells that hold a value. */
export function usedRange(
  ws: ExcelJS.Worksheet,
): { top: number; left: number; bottom: number; right: number } | undefined {
  let top = Infinity;
  let left = Infinity;
  let bottom = 0;
  let right = 0;
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (cell.value === null || cell.value === undefined || cell.value === "") return;
      top = Math.min(top, r);
      bottom = Math.max(bottom, r);
      left = Math.min(left, c);
      right = Math.max(right, c);
    });
  });
  return bottom === 0 ? undefined : { top, left, bottom, right };
}

function readBlock(
  ws: ExcelJS.Worksheet,
  top: number,
  left: number,
  bottom: number,
  right: number,
  date1904: boolean,
  table?: string,
): Grid {
  const values: Cell[][] = [];
  for (let r = top; r <= bottom; r++) {
    const row = ws.getRow(r);
    const out: Cell[] = new Array(right - left + 1);
    for (let c = left; c <= right; c++) out[c - left] = toCell(row.getCell(c).value, date1904);
    values.push(out);
  }
  const grid: Grid = { sheet: ws.name, origin: { row: top - 1, col: left - 1 }, values };
  if (table !== undefined) grid.table = table;
  return grid;
}

/** An ExcelJS cell value as the plain value Office.js `range.values` would give. */
export function toCell(value: ExcelJS.CellValue, date1904 = false): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  if (value instanceof Date) {
    const serial = value.getTime() / MS_PER_DAY + EXCELJS_EPOCH_SERIAL - (date1904 ? 1462 : 0);
    return Math.round(serial * 1e9) / 1e9;
  }
  if ("error" in value) return String(value.error);
  if ("richText" in value) return value.richText.map((p) => p.text).join("");
  if ("formula" in value || "sharedFormula" in value) {
    const result = (value as { result?: unknown }).result;
    if (result === undefined || result === null) return null;
    if (typeof result === "object" && result !== null && "error" in result)
      return String((result as { error: unknown }).error);
    return toCell(result as ExcelJS.CellValue, date1904);
  }
  if ("text" in value) return String((value as { text: unknown }).text);
  return null;
}
