import type { ByteChunks } from "./parseXmlStream";
import { columnNumber } from "../../../core/_lib/a1";
import { EXCEL_LIMITS } from "../../../core/_lib/excelLimits";
import type { Grid } from "../../../core/types";
import type { BlockedTable } from "../../port";
import { BesideTables } from "./besideTables";
import { readSharedStrings } from "./readSharedStrings";
import { readSheetCells } from "./readSheetCells";
import { readTablePart } from "./readTablePart";
import type { Box, SheetRows } from "./sheetRows";
import { UnreadablePartError } from "../package/openXlsxError";

/** What the streaming reader needs of an opened .xlsx package. */
export interface StreamPackage {
  sheets: { name: string; partPath: string; tables: { partPath: string; rId: string }[] }[];
  sharedStringsPath?: string;
  date1904: boolean;
  openStream(path: string): Promise<ByteChunks>;
  readText(path: string): Promise<string>;
}

/** Rows read so far in `sheet`; `done` of `total` sheets are read (this one counts once it ends). */
export interface ReadProgress {
  sheet: string;
  rows: number;
  done: number;
  total: number;
}

/** The grids `readWorkbookGrids` gives; see `readWorkbook`. */
export async function readWorkbookGrids(pkg: StreamPackage, skip: ReadonlySet<string> = new Set()): Promise<Grid[]> {
  return (await readWorkbook(pkg, skip)).grids;
}

/**
 * The grids `workbookGrids` gives, read by streaming each sheet part: each table as
 * its own grid (totals row excluded), each sheet without tables as its used range.
 * Tables are those the sheet lists in `<tableParts>`, in that order, as ExcelJS reads them.
 * `blocked` lists the tables with the user's cells right of them in their rows, found in
 * the same pass (see `BesideTables`). `onRows` hears of each sheet as it starts, every
 * 65,536 rows (ROWS_PER_REPORT) and as it ends.
 */
export async function readWorkbook(
  pkg: StreamPackage,
  skip: ReadonlySet<string> = new Set(),
  onRows?: (p: ReadProgress) => void,
): Promise<{ grids: Grid[]; blocked: BlockedTable[] }> {
  const shared = pkg.sharedStringsPath
    ? await readSharedStrings(await pkg.openStream(pkg.sharedStringsPath), pkg.sharedStringsPath)
    : [];
  const grids: Grid[] = [];
  const blocked: BlockedTable[] = [];
  const read = pkg.sheets.filter((s) => !skip.has(s.name));
  for (const [done, sheet] of read.entries()) {
    const tell =
      onRows &&
      ((rows: number, finished = false) =>
        onRows({ sheet: sheet.name, rows, done: finished ? done + 1 : done, total: read.length }));
    tell?.(0);
    // Table parts are small: read them before the sheet, whose <tableParts> come last.
    const tables = new Map<string, TablePart>();
    for (const t of sheet.tables)
      tables.set(t.rId, { ...tableBox(await pkg.readText(t.partPath), t.partPath), index: tables.size });
    const beside = tables.size > 0 ? new BesideTables([...tables.values()].map((t) => t.whole)) : undefined;
    const { cells, tableParts, rows } = await readSheetCells(await pkg.openStream(sheet.partPath), shared, {
      date1904: pkg.date1904,
      part: sheet.partPath,
      beside,
      onRows: tell,
    });
    tell?.(rows, true);
    // Excel stores rows in order, and the package writer patches them in order: a sheet stored otherwise is refused.
    if (cells.outOfOrder)
      throw new UnreadablePartError(
        "rowOrder",
        sheet.partPath,
        `row ${cells.outOfOrder.row} after row ${cells.outOfOrder.after} in ${sheet.name}`,
      );
    const listed = tableParts.map((id) => tables.get(id)).filter((t) => t !== undefined);
    if (listed.length > 0) {
      for (const t of listed) grids.push(cut(sheet.name, cells, t.box, t.name));
      if (beside) blocked.push(...beside.blocked(sheet.name, listed));
      continue;
    }
    const used = cells.used();
    if (used) grids.push(cut(sheet.name, cells, used));
  }
  return { grids, blocked };
}

interface TablePart {
  name: string;
  /** Header row included, totals row left out: the grid. */
  box: Box;
  /** Header and totals rows included: the rows a new table column would span. */
  whole: Box;
  /** Its place among the sheet's table parts. */
  index: number;
}

/** A table's name, its grid's box and its whole box. */
function tableBox(xml: string, part: string): Omit<TablePart, "index"> {
  const table = readTablePart(xml, part);
  const [a, b] = table.ref.split(":");
  const tl = parseRef(a);
  const br = parseRef(b ?? a);
  const whole = { top: tl.row, left: tl.col, bottom: br.row, right: br.col };
  return { name: table.name, box: { ...whole, bottom: br.row - (table.totalsRowCount > 0 ? 1 : 0) }, whole };
}

/**
 * 1-based row and column of a table part's corner reference, more tolerant than Excel's
 * own files need: `$` anywhere and lower-case letters are read. A damaged reference gives
 * row 0 or NaN, or column 0 (test/stream/columnParsers.test.ts pins what).
 * @example parseRef("$AB$12") → { row: 12, col: 28 }
 */
export function parseRef(ref: string): { row: number; col: number } {
  return {
    row: Number(ref.replace(/^[A-Z$]+/i, "").replace("$", "")),
    col: columnNumber(ref.replace(/\$/g, ""), 0, true),
  };
}

/**
 * The grid of a box. A box reaching past Excel's last row or column (a damaged package) is
 * not built: its grid is the far corner cell alone, whose position makes `checkGrids` refuse
 * the workbook with the sheet's true extent.
 */
function cut(sheet: string, cells: SheetRows, box: Box, table?: string): Grid {
  if (box.bottom > EXCEL_LIMITS.rows || box.right > EXCEL_LIMITS.cols) {
    return grid(sheet, { top: box.bottom, left: box.right, bottom: box.bottom, right: box.right }, [[null]], table);
  }
  return grid(sheet, box, cells.block(box), table);
}

function grid(sheet: string, box: Box, values: Grid["values"], table?: string): Grid {
  const out: Grid = { sheet, origin: { row: box.top - 1, col: box.left - 1 }, values };
  if (table !== undefined) out.table = table;
  return out;
}
