import { columnLetters, toA1 } from "../../core/_lib/a1";
import type { Cell } from "../../core/_lib/cells";
import { NUMBER_FORMATS, type ColumnPlan, type ReportPlan, type RowStyle, type SheetPlan, type WritePlan } from "../../core/output";
import { encodeRecord, RECORD_SHEET, type WorkbookRecord } from "../../core/record";
import type { Progress } from "../port";
import { FILL, jsonBytes, packOps, splitRows, type QueuedOp } from "./chunking";
import { asText, asUserText } from "./escapeText";
import type { Box } from "./readExcel";

export interface WriteState {
  /** Input blocks as read (tables with their width, to widen them over new columns). */
  boxes: readonly Box[];
  /** Whether the record sheet exists, and how many cells it held. */
  hasRecord: boolean;
  recordCells: number;
  /** Sheet names in order as read, to put a replaced review sheet back where it was. */
  sheetNames: readonly string[];
}

/**
 * Writes a plan through Office.js: first the structure (sheets removed and added, table
 * columns added) in one request, then every block of values and formats in row chunks
 * packed into requests under the limit, calculation suspended in each. Text from the
 * workbook is written as text, never as a formula.
 */
export async function writePlanToExcel(
  context: Excel.RequestContext,
  plan: WritePlan,
  record: WorkbookRecord,
  replaceSheets: readonly string[],
  state: WriteState,
  limitBytes: number,
  onProgress?: (p: Progress) => void,
): Promise<void> {
  const sheets = context.workbook.worksheets;
  const sheet = (name: string) => sheets.getItem(name);
  context.application.suspendApiCalculationUntilNextSync();
  for (const name of replaceSheets) sheet(name).delete();
  if (plan.created) sheets.add(plan.created.sheet);
  const report = sheets.add(plan.report.sheet);
  // A re-run replaces its review sheet in place rather than moving it to the end.
  const at = replaceSheets.includes(plan.report.sheet) ? state.sheetNames.indexOf(plan.report.sheet) : -1;
  if (at >= 0) report.position = at;
  if (!state.hasRecord) sheets.add(RECORD_SHEET).visibility = "VeryHidden";
  for (const s of plan.sheets) addTableColumns(context, s, state.boxes);
  await context.sync();

  const ops: QueuedOp[] = [];
  if (plan.created) {
    const rows: Cell[][] = [plan.created.header, ...plan.created.rows];
    pushBlock(ops, () => sheet(plan.created!.sheet), 0, 0, rows, null, (v, r) => (r === 0 ? text(v, false) : text(v, true)), limitBytes);
    ops.push({ bytes: 200, queue: () => (sheet(plan.created!.sheet).getRangeByIndexes(0, 0, 1, plan.created!.header.length).format.font.bold = true) });
  }
  for (const s of plan.sheets) pushColumns(ops, () => sheet(s.sheet), s, limitBytes);
  pushReport(ops, () => sheet(plan.report.sheet), plan.report, limitBytes);
  const recordCells = encodeRecord(record);
  ops.push({
    bytes: recordCells.reduce((a, c) => a + jsonBytes(c), 100),
    queue: () => {
      const ws = sheet(RECORD_SHEET);
      if (state.recordCells > 0) ws.getRangeByIndexes(0, 0, state.recordCells, 1).clear();
      ws.getRangeByIndexes(0, 0, recordCells.length, 1).values = recordCells.map((c) => [asUserText(c)]);
    },
  });

  const batches = packOps(ops, limitBytes * FILL);
  for (let i = 0; i < batches.length; i++) {
    context.application.suspendApiCalculationUntilNextSync();
    for (const op of batches[i]) op.queue();
    await context.sync();
    onProgress?.({ stage: "write", done: i + 1, total: batches.length });
  }
}

/** Value to assign: numbers as numbers (never NaN or Infinity), text escaped, blanks cleared. */
function text(v: Cell, fromWorkbook: boolean): string | number | boolean {
  if (v === null) return "";
  if (typeof v === "number") return Number.isFinite(v) ? v : "";
  if (typeof v === "boolean") return v;
  return fromWorkbook ? asUserText(v) : asText(v);
}

/** Queues a 2-D block (values, optional formats) in row chunks within the limit. */
function pushBlock(
  ops: QueuedOp[],
  ws: () => Excel.Worksheet,
  row: number,
  col: number,
  rows: Cell[][],
  formats: ((string | null)[] | undefined)[] | null,
  convert: (v: Cell, r: number, c: number) => string | number | boolean,
  limitBytes: number,
): void {
  const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
  if (width === 0 || rows.length === 0) return;
  const rowBytes = rows.map((r, i) => {
    let n = 4;
    for (let c = 0; c < width; c++) n += jsonBytes(r[c] ?? "") + (formats ? jsonBytes(formats[i]?.[c] ?? "General") : 0);
    return n;
  });
  for (const [a, b] of splitRows(rowBytes, limitBytes * FILL)) {
    let bytes = 200;
    for (let i = a; i < b; i++) bytes += rowBytes[i];
    ops.push({
      bytes,
      queue: () => {
        const range = ws().getRangeByIndexes(row + a, col, b - a, width);
        if (formats) range.numberFormat = rows.slice(a, b).map((_, k) => Array.from({ length: width }, (_, c) => formats[a + k]?.[c] ?? "General"));
        range.values = rows.slice(a, b).map((r, k) => Array.from({ length: width }, (_, c) => convert(r[c] ?? null, a + k, c)));
      },
    });
  }
}

/** Owned columns of one input sheet: headers, then contiguous runs of columns in row chunks, then highlights. */
function pushColumns(ops: QueuedOp[], ws: () => Excel.Worksheet, s: SheetPlan, limitBytes: number): void {
  const cols = [...s.columns].sort((x, y) => x.col - y.col);
  const runs: ColumnPlan[][] = [];
  for (const c of cols) {
    const last = runs[runs.length - 1];
    if (last && last[last.length - 1].col + 1 === c.col) last.push(c);
    else runs.push([c]);
  }
  for (const run of runs) {
    ops.push({
      bytes: run.reduce((a, c) => a + jsonBytes(c.header), 200),
      queue: () => {
        const header = ws().getRangeByIndexes(s.headerRow, run[0].col, 1, run.length);
        header.values = [run.map((c) => asText(c.header))];
        header.format.font.bold = true;
      },
    });
    const n = s.lastRow - s.firstRow + 1;
    const rows: Cell[][] = Array.from({ length: Math.max(0, n) }, (_, k) => run.map((c) => c.values[k]));
    const formats = rows.map((_, k) => run.map((c) => NUMBER_FORMATS[c.cellFormats?.[k] ?? c.format]));
    pushBlock(ops, ws, s.firstRow, run[0].col, rows, formats, (v) => text(v, false), limitBytes);
  }
  for (const c of cols) {
    if (!c.highlights?.length || s.lastRow < s.firstRow) continue;
    const first = `${columnLetters(c.col)}${s.firstRow + 1}`;
    ops.push({
      bytes: 300 * c.highlights.length,
      queue: () => {
        const range = ws().getRangeByIndexes(s.firstRow, c.col, s.lastRow - s.firstRow + 1, 1);
        range.conditionalFormats.clearAll();
        for (const h of c.highlights!) {
          const cf = range.conditionalFormats.add("Custom");
          cf.custom.rule.formula = `=${first}="${h.text.replace(/"/g, '""')}"`;
          cf.custom.format.fill.color = h.fill;
          cf.custom.format.font.color = h.font;
        }
      },
    });
  }
}

/** Widens a table over the owned columns right of it, so the results are part of the table. */
function addTableColumns(context: Excel.RequestContext, s: SheetPlan, boxes: readonly Box[]): void {
  if (!s.table) return;
  const box = boxes.find((b) => b.table === s.table && b.sheet === s.sheet);
  if (!box) return;
  let right = box.col + box.cols - 1;
  const table = context.workbook.worksheets.getItem(s.sheet).tables.getItem(s.table);
  for (const c of [...s.columns].sort((x, y) => x.col - y.col)) {
    if (c.col <= right) continue;
    if (c.col !== right + 1) break;
    table.columns.add(undefined, undefined, c.header);
    right = c.col;
  }
}

const STYLE: Record<RowStyle, { bold?: boolean; italic?: boolean; size?: number; color?: string; fill?: string }> = {
  title: { bold: true, size: 14 },
  section: { bold: true, size: 12, color: "#1F4E78" },
  header: { bold: true, fill: "#DDEBF7" },
  total: { bold: true },
  note: { italic: true, color: "#595959" },
  body: {},
};

function pushReport(ops: QueuedOp[], ws: () => Excel.Worksheet, report: ReportPlan, limitBytes: number): void {
  const rows = report.rows.map((r) => r.cells);
  const formats = report.rows.map((r) => r.formats?.map((f) => (f ? NUMBER_FORMATS[f] : null)));
  const userText = report.rows.map((r) => new Set(r.userText ?? []));
  pushBlock(ops, ws, 0, 0, rows, formats, (v, r, c) => text(v, userText[r].has(c)), limitBytes);
  ops.push({
    bytes: 150 * report.rows.length + 100 * report.columnWidths.length,
    queue: () => {
      const sheet = ws();
      report.columnWidths.forEach((w, c) => (sheet.getRangeByIndexes(0, c, 1, 1).format.columnWidth = w * 7));
      report.rows.forEach((row, r) => {
        const st = STYLE[row.style];
        if (row.cells.length === 0 || Object.keys(st).length === 0) return;
        const format = sheet.getRangeByIndexes(r, 0, 1, Math.max(1, row.cells.length)).format;
        if (st.bold) format.font.bold = true;
        if (st.italic) format.font.italic = true;
        if (st.size) format.font.size = st.size;
        if (st.color) format.font.color = st.color;
        if (st.fill) format.fill.color = st.fill;
      });
    },
  });
  for (const chart of report.charts) {
    ops.push({
      bytes: 500,
      queue: () => {
        const sheet = ws();
        const s = chart.source;
        const c = sheet.charts.add(chart.kind === "stackedColumn" ? "ColumnStacked" : "ColumnClustered", sheet.getRangeByIndexes(s.row, s.col, s.rows, s.cols), chart.seriesBy === "rows" ? "Rows" : "Columns");
        c.title.text = chart.title;
        const a = chart.anchor;
        c.setPosition(toA1(a.row, a.col), toA1(a.row + a.rows - 1, a.col + a.cols - 1));
      },
    });
  }
}
