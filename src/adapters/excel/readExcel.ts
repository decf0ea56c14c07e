import type { Cell } from "../../core/_lib/cells";
import { decodeRecord, RECORD_SHEET, type WorkbookRecord } from "../../core/record";
import type { Grid } from "../../core/types";
import type { Progress } from "../port";
import { checkAborted } from "./cancel";
import { FILL, jsonBytes, packOps } from "./chunking";

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
 * A table whose next columns are not free in its rows: Office's `table.columns.add` would
 * shift the user's cells there to the right, so new owned columns start at `freeCol`
 * (right of everything on the sheet) unless they fit in the `room` columns free beside it.
 */
export interface BlockedTable {
  sheet: string;
  table: string;
  /** First column right of the table. */
  from: number;
  room: number;
  freeCol: number;
}

/** Excel's last column index (XFD). */
const LAST_COL = 16_383;

/** First rows read of each block to learn its bytes per row before planning the rest. */
const PROBE_ROWS = 100;

export interface ExcelMeta {
  sheetNames: string[];
  sheets: { name: string; id: string; visibility: string }[];
  record: WorkbookRecord;
  hasRecord: boolean;
  recordCells: number;
}

/** Sheet names, ids and visibility, and the record sheet's cells: one request, two when a record exists. */
export async function readMetaFromExcel(context: Excel.RequestContext): Promise<ExcelMeta> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name,items/id,items/visibility");
  const rec = sheets.getItemOrNullObject(RECORD_SHEET);
  rec.load("name");
  await context.sync();
  const sheetNames = sheets.items.map((s) => s.name);
  const list = sheets.items.map((s) => ({ name: s.name, id: s.id, visibility: String(s.visibility) }));
  if (rec.isNullObject) return { sheetNames, sheets: list, record: decodeRecord([]), hasRecord: false, recordCells: 0 };
  const used = rec.getUsedRangeOrNullObject(true);
  used.load("values");
  await context.sync();
  const cells = used.isNullObject ? [] : used.values.map((r) => r[0] as unknown);
  return { sheetNames, sheets: list, record: decodeRecord(cells), hasRecord: true, recordCells: cells.length };
}

/**
 * Reads every table, and every table-less sheet's used range, as grids: geometry in
 * two requests, then the values in row chunks sized by the bytes the first rows
 * showed, several chunks a request, each request's response under the limit.
 * No request is made per row or per customer.
 */
export async function readGridsFromExcel(
  context: Excel.RequestContext,
  sheetNames: readonly string[],
  skip: ReadonlySet<string>,
  limitBytes: number,
  onProgress?: (p: Progress) => void,
  signal?: AbortSignal,
): Promise<{ grids: Grid[]; boxes: Box[]; blocked: BlockedTable[] }> {
  const names = sheetNames.filter((n) => !skip.has(n));
  const sheets = names.map((name) => {
    const ws = context.workbook.worksheets.getItem(name);
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
    const used = t.ws.getRangeByIndexes(t.range.rowIndex, right, t.range.rowCount, LAST_COL - right + 1).getUsedRangeOrNullObject(false);
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
        boxes.push({ sheet: s.name, table: t.table, row: r.rowIndex, col: r.columnIndex, rows: r.rowCount - (t.totals ? 1 : 0), cols: r.columnCount, tableRows: r.rowCount });
      }
    } else if (!s.used.isNullObject) {
      boxes.push({ sheet: s.name, row: s.used.rowIndex, col: s.used.columnIndex, rows: s.used.rowCount, cols: s.used.columnCount });
    }
  }
  const values: Cell[][][] = boxes.map(() => []);
  const total = boxes.reduce((a, b) => a + b.rows, 0);
  let done = 0;
  const loadOnce = async (parts: { box: number; start: number; rows: number }[]): Promise<void> => {
    checkAborted(signal);
    onProgress?.({ stage: "read", done, total });
    const ranges = parts.map((p) => {
      const b = boxes[p.box];
      const range = wsOf.get(b.sheet)!.getRangeByIndexes(b.row + p.start, b.col, p.rows, b.cols);
      range.load("values");
      return range;
    });
    await context.sync();
    parts.forEach((p, i) => {
      const rows = ranges[i].values as Cell[][];
      for (let k = 0; k < rows.length; k++) values[p.box][p.start + k] = rows[k];
      done += p.rows;
    });
    onProgress?.({ stage: "read", done, total });
  };
  // A response over the limit (rows far wider than the first ones) is refused by Excel and
  // nothing is read: the batch is retried in halves.
  const load = async (parts: { box: number; start: number; rows: number }[]): Promise<void> => {
    try {
      await loadOnce(parts);
    } catch (e) {
      if (!isPayloadError(e)) throw e;
      const halves = splitParts(parts);
      if (!halves) throw e;
      for (const h of halves) await load(h);
    }
  };
  const probes = boxes.map((b, i) => ({ box: i, start: 0, rows: Math.min(PROBE_ROWS, b.rows), bytes: 0 })).filter((p) => p.rows > 0);
  for (const batch of packOps(probes.map((p) => ({ ...p, bytes: estimateBytes(boxes[p.box].cols, p.rows, 64) })), limitBytes * FILL)) await load(batch);
  const chunks: { box: number; start: number; rows: number; bytes: number }[] = [];
  boxes.forEach((b, i) => {
    const probe = values[i].slice(0, Math.min(PROBE_ROWS, b.rows));
    const perRow = probe.length === 0 ? 64 : Math.max(8, rowsBytes(probe) / probe.length) * 1.25;
    const step = Math.max(1, Math.floor((limitBytes * FILL) / perRow));
    for (let start = probe.length; start < b.rows; start += step) {
      const rows = Math.min(step, b.rows - start);
      chunks.push({ box: i, start, rows, bytes: rows * perRow });
    }
  });
  for (const batch of packOps(chunks, limitBytes * FILL)) await load(batch);
  const grids = boxes.map((b, i): Grid => {
    const g: Grid = { sheet: b.sheet, origin: { row: b.row, col: b.col }, values: values[i] };
    if (b.table) g.table = b.table;
    return g;
  });
  return { grids, boxes, blocked };
}

export function isPayloadError(e: unknown): boolean {
  const code = typeof e === "object" && e !== null && "code" in e ? String((e as { code: unknown }).code) : "";
  return /PayloadSizeLimit/i.test(code);
}

/** Two halves of a batch: by parts when there are several, else by rows; null when it cannot shrink. */
function splitParts<P extends { box: number; start: number; rows: number }>(parts: P[]): P[][] | null {
  if (parts.length > 1) return [parts.slice(0, parts.length >> 1), parts.slice(parts.length >> 1)];
  const p = parts[0];
  if (p.rows < 2) return null;
  const half = p.rows >> 1;
  return [[{ ...p, rows: half }], [{ ...p, start: p.start + half, rows: p.rows - half }]];
}

function rowsBytes(rows: Cell[][]): number {
  let n = 2;
  for (const r of rows) {
    n += 3;
    for (const v of r) n += jsonBytes(v);
  }
  return n;
}

function estimateBytes(cols: number, rows: number, perCell: number): number {
  return cols * rows * perCell;
}
