import type { ByteChunks } from "./parseXmlStream";
import { columnNumber } from "../../../core/_lib/a1";
import { EXCEL_LIMITS } from "../../../core/_lib/excelLimits";
import type { Grid } from "../../../core/types";
import type { BlockedTable } from "../../port";
import { BesideTables } from "./besideTables";
import { readSharedStrings } from "./readSharedStrings";
import { StoreCells } from "./cellSink";
import type { OffThreadSheet, OffThreadSheets } from "./offThreadSheet";
import { streamSheet } from "./readSheetCells";
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
  /** Reads the largest sheet part on another thread meanwhile, when the package offers it (the command line). */
  offThread?: OffThreadSheets;
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

type Tell = (rows: number, finished?: boolean) => void;

/** One sheet's grids and blocked tables. */
interface SheetGrids {
  grids: Grid[];
  blocked: BlockedTable[];
}

/**
 * The grids `workbookGrids` gives, read by streaming each sheet part: each table as
 * its own grid (totals row excluded), each sheet without tables as its used range.
 * Tables are those the sheet lists in `<tableParts>`, in that order, as ExcelJS reads them.
 * `blocked` lists the tables with the user's cells right of them in their rows, found in
 * the same pass (see `BesideTables`). `onRows` hears of each sheet as it starts, every
 * 65,536 rows (ROWS_PER_REPORT) and as it ends. With `pkg.offThread`, the part it picks is
 * read on another thread from the start while this one reads the shared strings and the
 * other sheets; the result, and the error when sheets fail, are those of reading one after another.
 */
export async function readWorkbook(
  pkg: StreamPackage,
  skip: ReadonlySet<string> = new Set(),
  onRows?: (p: ReadProgress) => void,
): Promise<{ grids: Grid[]; blocked: BlockedTable[] }> {
  const read = pkg.sheets.filter((s) => !skip.has(s.name));
  const teller = progressTeller(read.length, onRows);
  const far = startFar(pkg, read, teller);
  try {
    const shared = pkg.sharedStringsPath
      ? await readSharedStrings(await pkg.openStream(pkg.sharedStringsPath), pkg.sharedStringsPath)
      : [];
    const out: SheetGrids = { grids: [], blocked: [] };
    for (const one of await readInOrder(pkg, read, shared, teller, far)) {
      const { grids, blocked } = await one;
      out.grids.push(...grids);
      out.blocked.push(...blocked);
    }
    return out;
  } finally {
    far?.sheet.cancel();
  }
}

/** A sheet's progress teller; `done` counts the sheets finished, in the order they finish. */
function progressTeller(total: number, onRows?: (p: ReadProgress) => void): (sheet: string) => Tell {
  let done = 0;
  return (sheet) =>
    (rows, finished = false) => {
      if (finished) done++;
      onRows?.({ sheet, rows, done, total });
    };
}

type SheetInfo = StreamPackage["sheets"][number];

/** The sheet `pkg.offThread` picks, started on another thread (its start told), if any. */
function startFar(pkg: StreamPackage, read: readonly SheetInfo[], teller: (sheet: string) => Tell) {
  const part = pkg.offThread?.pick(read.map((s) => s.partPath));
  const index = read.findIndex((s) => s.partPath === part);
  if (!pkg.offThread || index < 0) return undefined;
  const sheet = read[index];
  const tell = teller(sheet.name);
  tell(0);
  const opts = { date1904: pkg.date1904, marks: sheet.tables.length > 0, onRows: (rows: number) => tell(rows) };
  return { index, tell, sheet: pkg.offThread.start(sheet.partPath, opts) };
}

/**
 * Each sheet's read, in workbook order: `far`'s cells told as they come from the other thread
 * while the others are read here one after another, until one fails (as reading all in order would)
 * or `far` has failed and the next comes after it.
 */
async function readInOrder(
  pkg: StreamPackage,
  read: readonly SheetInfo[],
  shared: readonly string[],
  teller: (sheet: string) => Tell,
  far: ReturnType<typeof startFar>,
): Promise<Promise<SheetGrids>[]> {
  const farRead = far && readSheet(pkg, read[far.index], shared, far.tell, far.sheet);
  let farFailed = false;
  // Awaited in the sheets' order by the caller; this handler keeps it from being unhandled meanwhile,
  // and once it has failed the sheets after it are not read (its error comes before theirs).
  farRead?.catch(() => (farFailed = true));
  const got: Promise<SheetGrids>[] = [];
  for (const [i, sheet] of read.entries()) {
    if (far && farFailed && i > far.index) break;
    if (farRead && i === far.index) got.push(farRead);
    else {
      const one = readSheet(pkg, sheet, shared, teller(sheet.name));
      got.push(one);
      if (!(await succeeds(one))) break;
    }
  }
  return got;
}

const succeeds = (p: Promise<unknown>): Promise<boolean> =>
  p.then(
    () => true,
    () => false,
  );

/**
 * One sheet's grids: its table parts read (they are small, and its `<tableParts>` come last),
 * then its cells, streamed here or told by `far`, the same reader on another thread.
 */
async function readSheet(
  pkg: StreamPackage,
  sheet: SheetInfo,
  shared: readonly string[],
  tell: Tell,
  far?: OffThreadSheet,
): Promise<SheetGrids> {
  if (!far) tell(0);
  const tables = new Map<string, TablePart>();
  for (const t of sheet.tables)
    tables.set(t.rId, { ...tableBox(await pkg.readText(t.partPath), t.partPath), index: tables.size });
  const beside = tables.size > 0 ? new BesideTables([...tables.values()].map((t) => t.whole)) : undefined;
  const sink = new StoreCells(shared, beside);
  const { tableParts, rows } = far
    ? await far.into(sink)
    : await streamSheet(await pkg.openStream(sheet.partPath), sink, {
        date1904: pkg.date1904,
        part: sheet.partPath,
        onRows: tell,
      });
  tell(rows, true);
  const cells = sink.cells;
  // Excel stores rows in order, and the package writer patches them in order: a sheet stored otherwise is refused.
  if (cells.outOfOrder)
    throw new UnreadablePartError(
      "rowOrder",
      sheet.partPath,
      `row ${cells.outOfOrder.row} after row ${cells.outOfOrder.after} in ${sheet.name}`,
    );
  const listed = tableParts.map((id) => tables.get(id)).filter((t) => t !== undefined);
  if (listed.length > 0)
    return {
      grids: listed.map((t) => cut(sheet.name, cells, t.box, t.name)),
      blocked: beside ? beside.blocked(sheet.name, listed) : [],
    };
  const used = cells.used();
  return { grids: used ? [cut(sheet.name, cells, used)] : [], blocked: [] };
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
