import type { Cell } from "../../core/_lib/cells";
import type { DateSystem } from "../../core/_lib/dates";
import { decodeRecord, RECORD_SHEET, type WorkbookRecord } from "../../core/record";
import type { Grid } from "../../core/types";
import type { BlockedTable, Progress } from "../port";
import { checkAborted } from "./cancel";
import { rowJsonBytes } from "./chunking";
import { readInChunks, READ_FILL, type ChunkSource } from "./readInChunks";

/** Where an input block stands (0-based), as read in the first requests. */
export interface Box {
  sheet: string;
  table?: string;
  row: number;
  col: number;
  rows: number;
  cols: number;
  /** A table's whole height, header to totals row (`rows` leaves the totals row out). */
  tableRows?: number;
}

/**
 * What a read of the grids gave, with what its first request saw of the sheets (`geometry`:
 * names in order, each one's tables and used ranges), so a later read can tell whether the
 * workbook still looks the same before reading any value again.
 */
export interface GridRead {
  grids: Grid[];
  boxes: Box[];
  blocked: BlockedTable[];
  geometry: string;
}

/** Excel's last column index (XFD). */
const LAST_COL = 16_383;

export interface ExcelMeta {
  sheetNames: string[];
  sheets: { name: string; id: string; visibility: string }[];
  record: WorkbookRecord;
  hasRecord: boolean;
  recordCells: number;
  /** How the workbook counts serial dates (Excel > Options > Advanced > "Use 1904 date system"). */
  dateSystem: DateSystem;
}

/**
 * Sheet names, ids and visibility, the date system, and the record sheet's cells: one
 * request, two when a record exists.
 */
export async function readMetaFromExcel(context: Excel.RequestContext): Promise<ExcelMeta> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name,items/id,items/visibility");
  const rec = sheets.getItemOrNullObject(RECORD_SHEET);
  rec.load("name");
  // No requirement set up to ExcelApi 1.20 has a property for the date system (VBA's
  // Workbook.Date1904); DATE(1904,1,1) (ExcelApi 1.2) is serial 0 in a 1904 workbook, 1462 otherwise.
  const date1904 = context.workbook.functions.date(1904, 1, 1);
  date1904.load("value,error");
  await context.sync();
  const sheetNames = sheets.items.map((s) => s.name);
  const list = sheets.items.map((s) => ({ name: s.name, id: s.id, visibility: String(s.visibility) }));
  const dateSystem: DateSystem = !date1904.error && date1904.value === 0 ? 1904 : 1900;
  if (rec.isNullObject)
    return { sheetNames, sheets: list, record: decodeRecord([]), hasRecord: false, recordCells: 0, dateSystem };
  const used = rec.getUsedRangeOrNullObject(true);
  used.load("values");
  await context.sync();
  const cells = used.isNullObject ? [] : used.values.map((r) => r[0] as unknown);
  return {
    sheetNames,
    sheets: list,
    record: decodeRecord(cells),
    hasRecord: true,
    recordCells: cells.length,
    dateSystem,
  };
}

/**
 * Reads every table, and every table-less sheet's used range, as grids: geometry in
 * two requests, then the values in row chunks sized by the bytes sampled rows took
 * (`readInChunks`), several chunks a request, each request's response under the limit.
 * No request is made per row or per customer. With `reuse` (an earlier read no change
 * event has reached since, `workbookWatch.ts`) the first request is the check: when its
 * geometry is the same, the earlier read is returned and no value is read again.
 */
export async function readGridsFromExcel(
  context: Excel.RequestContext,
  sheetNames: readonly string[],
  skip: ReadonlySet<string>,
  limitBytes: number,
  onProgress?: (p: Progress) => void,
  signal?: AbortSignal,
  reuse?: GridRead,
): Promise<GridRead> {
  const names = sheetNames.filter((n) => !skip.has(n));
  const sheets = names.map((name) => {
    const ws = context.workbook.worksheets.getItem(name);
    // `tables` is a navigation property (the plugin's own list says so): a proxy to queue
    // loads on, used without a load or a sync of `ws`. These two rules do not check that list.
    // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/load-object-before-read
    const tables = ws.tables;
    tables.load("items/name,items/showTotals");
    const used = ws.getUsedRangeOrNullObject(true);
    used.load("rowIndex,columnIndex,rowCount,columnCount");
    // With formats too: where columns right of everything start, should a table not widen.
    const usedAll = ws.getUsedRangeOrNullObject(false);
    usedAll.load("columnIndex,columnCount");
    return { name, ws, tables, used, usedAll };
  });
  await context.sync();
  checkAborted(signal);
  const geometry = JSON.stringify(
    sheets.map((s) => [
      s.name,
      s.tables.items.map((t) => [t.name, t.showTotals]),
      s.used.isNullObject ? null : [s.used.rowIndex, s.used.columnIndex, s.used.rowCount, s.used.columnCount],
      s.usedAll.isNullObject ? null : [s.usedAll.columnIndex, s.usedAll.columnCount],
    ]),
  );
  if (reuse && reuse.geometry === geometry) {
    const rows = reuse.boxes.reduce((a, b) => a + b.rows, 0);
    onProgress?.({ stage: "read", done: rows, total: rows });
    return reuse;
  }
  const tableRanges = sheets.flatMap((s) =>
    s.tables.items.map((t) => {
      const range = t.getRange();
      range.load("rowIndex,columnIndex,rowCount,columnCount");
      return { sheet: s.name, ws: s.ws, table: t.name, totals: t.showTotals, range };
    }),
  );
  if (tableRanges.length > 0) await context.sync();
  // What stands right of each table in its rows (a null object: nothing, the table can widen).
  const beside = tableRanges.map((t) => {
    const right = t.range.columnIndex + t.range.columnCount;
    if (right > LAST_COL) return { t, right, used: null };
    const used = t.ws
      .getRangeByIndexes(t.range.rowIndex, right, t.range.rowCount, LAST_COL - right + 1)
      .getUsedRangeOrNullObject(false);
    used.load("columnIndex");
    return { t, right, used };
  });
  if (beside.length > 0) await context.sync();
  const blocked: BlockedTable[] = [];
  for (const b of beside) {
    if (b.used === null || b.used.isNullObject) continue;
    const all = sheets.find((s) => s.name === b.t.sheet)!.usedAll;
    const freeCol = all.isNullObject ? b.right : all.columnIndex + all.columnCount;
    blocked.push({ sheet: b.t.sheet, table: b.t.table, from: b.right, room: b.used.columnIndex - b.right, freeCol });
  }
  const boxes: Box[] = [];
  const wsOf = new Map<string, Excel.Worksheet>();
  for (const s of sheets) {
    wsOf.set(s.name, s.ws);
    const own = tableRanges.filter((t) => t.sheet === s.name);
    if (own.length > 0) {
      for (const t of own) {
        const r = t.range;
        boxes.push({
          sheet: s.name,
          table: t.table,
          row: r.rowIndex,
          col: r.columnIndex,
          rows: r.rowCount - (t.totals ? 1 : 0),
          cols: r.columnCount,
          tableRows: r.rowCount,
        });
      }
    } else if (!s.used.isNullObject) {
      boxes.push({
        sheet: s.name,
        row: s.used.rowIndex,
        col: s.used.columnIndex,
        rows: s.used.rowCount,
        cols: s.used.columnCount,
      });
    }
  }
  const values: Cell[][][] = boxes.map(() => []);
  const total = boxes.reduce((a, b) => a + b.rows, 0);
  const source: ChunkSource<Excel.Range> = {
    blocks: boxes,
    queue: (i, start, rows) => {
      const b = boxes[i];
      return wsOf
        .get(b.sheet)!
        .getRangeByIndexes(b.row + start, b.col, rows, b.cols)
        .load("values");
    },
    rowBytes: (range, r) => rowJsonBytes(range.values[r]),
    keep: (i, start, range) => {
      const rows = range.values as Cell[][];
      for (let k = 0; k < rows.length; k++) values[i][start + k] = rows[k];
    },
  };
  await readInChunks(context, source, limitBytes * READ_FILL, signal, (done) =>
    onProgress?.({ stage: "read", done, total }),
  );
  const grids = boxes.map((b, i): Grid => {
    const g: Grid = { sheet: b.sheet, origin: { row: b.row, col: b.col }, values: values[i] };
    if (b.table) g.table = b.table;
    return g;
  });
  return { grids, boxes, blocked, geometry };
}
