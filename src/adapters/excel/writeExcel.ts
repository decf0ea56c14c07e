import { columnLetters, toA1 } from "../../core/_lib/a1";
import { EXCEL_LIMITS } from "../../core/_lib/excelLimits";
import type { Cell } from "../../core/_lib/cells";
import type { Grid } from "../../core/types";
import {
  NUMBER_FORMATS,
  type ColumnPlan,
  type CombinedSheetPlan,
  type ReportPlan,
  type RowStyle,
  type SheetPlan,
  type WritePlan,
} from "../../core/output";
import {
  BACKUP_PLAN_SHEET,
  BACKUP_SHEET,
  encodeRecord,
  RECORD_SHEET,
  UNDO_SHEET,
  type ReplacedSheet,
  type RunLog,
  type WorkbookRecord,
} from "../../core/record";
import type { Progress } from "../port";
import { checkAborted, RunCancelledError } from "./cancel";
import { FILL, jsonBytes, opBytes, packWork, partBytes, type QueuedOp, type RowsOp } from "./chunking";
import { asText } from "./escapeText";
import { buildPaced, pacer } from "./pace";
import type { Box } from "./readExcel";
import { rowKeys, type HeaderValue, type SheetLayout } from "./layout";
import { rollbackRun } from "./rollback";
import { readSnapshot, type Block, type RuleColumn, type SavedBlock, type UndoSnapshot } from "./snapshot";
import { cancelUndoWrite, clearColumn, queueUndoSlot, writeUndoSheet } from "./undoSheet";

export interface WriteState {
  /** Input blocks as read (tables with their width, to widen them over new columns). */
  boxes: readonly Box[];
  /** Whether the record sheet exists, and how many cells it held. */
  hasRecord: boolean;
  recordCells: number;
  /** Sheet names in order as read, with their ids and visibility (to put a replaced review sheet back). */
  sheetNames: readonly string[];
  sheets: readonly { name: string; id: string; visibility: string }[];
  /** The record as read: its owned columns are the run's to overwrite; undo puts it back. */
  previous: WorkbookRecord;
  /** The input grids as read, to fingerprint the rows under the owned columns for Undo. */
  grids?: readonly Grid[];
}

export interface WriteOptions {
  limitBytes: number;
  onProgress?: (p: Progress) => void;
  signal?: AbortSignal;
  /** When the run started, for the run log (`yyyy-mm-dd hh:mm`). */
  runAt: string;
  /** Table.resize is there (ExcelApi 1.13), for rolling back a cancelled run. */
  canResizeTables: boolean;
}

/** What a failed or cancelled write had done to each thing it writes. */
export interface TargetStatus {
  kind: "columns" | "created" | "report";
  sheet: string;
  /** Owned columns in the sheet (kind "columns"). */
  columns: number;
  status: "written" | "partly" | "notWritten";
}

/** A write that stopped after changing the workbook: the Office error and what was and was not written. */
export class WriteInterruptedError extends Error {
  constructor(
    override readonly cause: unknown,
    readonly targets: TargetStatus[],
  ) {
    super(cause instanceof Error ? cause.message : String(cause));
    this.name = "WriteInterruptedError";
  }
}

/** A column the run means to write holds a user's header or cells: nothing is written. */
export class ColumnTakenError extends Error {
  readonly code = "ColumnTaken";
  constructor(
    readonly sheet: string,
    readonly address: string,
    readonly found: string,
  ) {
    super(`${sheet}!${address} holds "${found}", not a column of this add-in`);
    this.name = "ColumnTakenError";
  }
}

/** A sheet the run writes to is protected: found before the first write, so nothing is written. */
export class ProtectedSheetError extends Error {
  readonly code = "ProtectedWorksheet";
  constructor(readonly sheet: string) {
    super(`${sheet} is protected`);
    this.name = "ProtectedSheetError";
  }
}

/**
 * Writes a plan through Office.js, all or nothing for the user:
 * 1. reads what the run will overwrite (owned cells, header fonts, highlight rules) and
 *    checks every target column is free or ours and no target sheet is protected;
 * 2. writes that snapshot to the very hidden undo sheet, beside the earlier run's, which
 *    stays the undoable one until the new snapshot is whole (and again after a cancel);
 * 3. in one request, the record marked "run in progress" (with what the run will add, so
 *    it can be taken back), then the structure: the replaced review and plan sheets hidden as
 *    backups, sheets added, tables widened, the run's old highlight rules deleted;
 * 4. every block of values and formats in row chunks packed into requests under the
 *    limit, calculation suspended in each, checking for Cancel between requests (a
 *    cancelled run is rolled back from the snapshot, so no column is left half-written);
 * 5. the record marked complete; the run's log, as written, is returned with the workbook's
 *    sheet names as they now are (loaded in that same request: the pane needs no read after).
 * A failure after step 2 leaves the record "in progress": the next run rolls it back
 * first. Text from the workbook is written as text, never as a formula.
 */
export async function writePlanToExcel(
  context: Excel.RequestContext,
  plan: WritePlan,
  record: WorkbookRecord,
  replaceSheets: readonly string[],
  state: WriteState,
  options: WriteOptions,
): Promise<{ log: RunLog; sheetNames: string[] }> {
  const { limitBytes, onProgress, signal } = options;
  const sheets = context.workbook.worksheets;
  const sheet = (name: string) => sheets.getItem(name);
  const existing = new Set(state.sheetNames);
  const targets = describeTargets(plan);

  checkAborted(signal);
  const request = snapshotRequest(plan, existing);
  const protectedSheets = [...new Set([...plan.sheets.map((s) => s.sheet), ...replaceSheets])]
    .filter((n) => existing.has(n))
    .map((n) => ({ n, p: sheet(n).protection.load("protected") }));
  const readSlot = queueUndoSlot(context, existing.has(UNDO_SHEET));
  const { saved, ruleHandles, headerRows } = await readSnapshot(context, request, limitBytes, signal);
  const slot = readSlot();
  const locked = protectedSheets.find((x) => x.p.protected);
  if (locked) throw new ProtectedSheetError(locked.n);
  checkColumnsFree(plan, saved.blocks, state.previous);
  const snapshot: UndoSnapshot = {
    id: newRunId(),
    ...saved,
    layout: sheetLayouts(plan, existing, headerRows, state.grids ?? []),
  };

  const log: RunLog = {
    id: snapshot.id,
    state: "inProgress",
    at: options.runAt,
    previous: {
      version: state.previous.version,
      settings: state.previous.settings,
      owned: state.previous.owned,
      ownedSheets: state.previous.ownedSheets,
    },
    hadRecord: state.hasRecord,
    // The review and plan sheets are added anew on every run (a re-run hides the ones it replaces).
    added: [
      ...(plan.combined ?? []).map((c) => c.sheet),
      ...(plan.created ? [plan.created.sheet] : []),
      plan.report.sheet,
      ...(plan.planSheet ? [plan.planSheet.sheet] : []),
    ],
    tables: widenedTables(plan, state.boxes),
    reportSheet: plan.report.sheet,
    columns: plan.sheets.filter((s) => existing.has(s.sheet)).reduce((n, s) => n + s.columns.length, 0),
  };
  const replacing = (name: string | undefined): ReplacedSheet | undefined => {
    const s =
      name !== undefined && replaceSheets.includes(name) ? state.sheets.find((x) => x.name === name) : undefined;
    return s && { sheet: s.name, id: s.id, position: state.sheetNames.indexOf(s.name), visibility: s.visibility };
  };
  const replaced = replacing(plan.report.sheet);
  const replacedPlan = replacing(plan.planSheet?.sheet);
  if (replaced) log.replaced = replaced;
  if (replacedPlan) log.replacedPlan = replacedPlan;

  // One pace for the run: building the requests' arrays hands the pane's thread back now and then (issue 17).
  const pace = pacer();
  const work = await dataOps(plan, targets, sheet, pace);
  const undoBatches = 1;
  const batches: TaggedOp[][] = packWork(work, limitBytes * FILL).map((b) =>
    b.map((op) => ({ ...op, target: work[op.from].target })),
  );
  const total = undoBatches + 1 + batches.length + 1;
  let done = 0;
  const step = async (work: () => Promise<void>): Promise<void> => {
    onProgress?.({ stage: "write", done, total });
    await work();
    done += 1;
  };

  let staleColumn: number | undefined;
  try {
    await step(async () => {
      staleColumn = await writeUndoSheet(context, snapshot, slot, limitBytes, signal);
    });
    checkAborted(signal);
  } catch (e) {
    // Cancelled before the record says "in progress": only the undo data was written, and it goes.
    if (e instanceof RunCancelledError) await cancelUndoWrite(context, slot);
    throw e;
  }
  let recordRows = state.recordCells;
  const writeRecord = (r: WorkbookRecord): void => {
    const cells = encodeRecord(r);
    const ws = sheet(RECORD_SHEET);
    if (recordRows > 0) ws.getRangeByIndexes(0, 0, recordRows, 1).clear();
    ws.getRangeByIndexes(0, 0, cells.length, 1).values = cells.map((c) => [asText(c)]);
    recordRows = cells.length;
  };

  // From the record "in progress" on, every failure says what was written and leaves the repair to the next run.
  const progress = { structure: false, batches: 0 };
  const interrupted = (e: unknown) => new WriteInterruptedError(e, statusOf(targets, progress, batches));
  try {
    await step(async () => {
      context.application.suspendApiCalculationUntilNextSync();
      if (!state.hasRecord) sheets.add(RECORD_SHEET).visibility = "VeryHidden";
      writeRecord({ ...state.previous, run: log });
      // The sheets replaced stay very hidden until the next run, for Undo; the earlier run's go now.
      for (const name of [BACKUP_SHEET, BACKUP_PLAN_SHEET]) if (existing.has(name)) sheet(name).delete();
      const hide = (r: ReplacedSheet, backup: string) => {
        const old = sheet(r.sheet);
        old.name = backup;
        old.visibility = "VeryHidden";
        old.position = state.sheetNames.length - 1;
      };
      if (replaced) hide(replaced, BACKUP_SHEET);
      if (replacedPlan) hide(replacedPlan, BACKUP_PLAN_SHEET);
      for (const c of plan.combined ?? []) sheets.add(c.sheet);
      if (plan.created) sheets.add(plan.created.sheet);
      // A re-run puts its review and plan sheets where the ones it replaces were, rather than at the end.
      const report = sheets.add(plan.report.sheet);
      if (replaced) report.position = replaced.position;
      const planSheet = plan.planSheet && sheets.add(plan.planSheet.sheet);
      if (planSheet && replacedPlan) planSheet.position = replacedPlan.position;
      for (const s of plan.sheets) addTableColumns(context, s, state.boxes);
      for (const cf of ruleHandles) cf.delete();
      await context.sync();
      progress.structure = true;
    });
    for (const batch of batches) {
      checkAborted(signal);
      await step(async () => {
        context.application.suspendApiCalculationUntilNextSync();
        for (const op of batch) await op.queue();
        // A sync per batch cut to Office's request size limit (packWork), not per row or item.
        // eslint-disable-next-line office-addins/no-context-sync-in-loop
        await context.sync();
        progress.batches += 1;
      });
    }
    checkAborted(signal);
    const names = sheets.load("items/name");
    await step(async () => {
      writeRecord({ ...record, run: { ...log, state: "complete" } });
      // The earlier run's undo data is no longer needed once this run is complete.
      if (staleColumn !== undefined) clearColumn(sheet(UNDO_SHEET), staleColumn);
      await context.sync();
    });
    onProgress?.({ stage: "write", done, total });
    return { log: { ...log, state: "complete" }, sheetNames: names.items.map((s) => s.name) };
  } catch (e) {
    if (!(e instanceof RunCancelledError)) throw interrupted(e);
    try {
      // The record as it was (the earlier run's log in it) and the earlier run's undo marker come back: that run stays undoable.
      await rollbackRun(context, log, snapshot, limitBytes, {
        canResizeTables: options.canResizeTables,
        keep: { record: state.previous, ...(slot.marker !== undefined ? { undoMarker: slot.marker } : {}) },
      });
    } catch (undoError) {
      throw interrupted(undoError);
    }
    throw e;
  }
}

/** A fresh id for a run, matching its record to its undo snapshot. */
function newRunId(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

type Target = Omit<TargetStatus, "status">;
type Work = QueuedOp | RowsOp;
type TaggedOp = QueuedOp & { target: number };

/** The things a run writes, as the failure message names them: the created sheet, each sheet's columns, the analysis sheet. */
function describeTargets(plan: WritePlan): Target[] {
  const targets: Target[] = [];
  for (const c of plan.combined ?? []) targets.push({ kind: "created", sheet: c.sheet, columns: 0 });
  if (plan.created) targets.push({ kind: "created", sheet: plan.created.sheet, columns: 0 });
  const made = new Set([...(plan.combined ?? []).map((c) => c.sheet), plan.created?.sheet]);
  for (const s of plan.sheets)
    if (!made.has(s.sheet)) targets.push({ kind: "columns", sheet: s.sheet, columns: s.columns.length });
  targets.push({ kind: "report", sheet: plan.report.sheet, columns: 0 });
  if (plan.planSheet) targets.push({ kind: "report", sheet: plan.planSheet.sheet, columns: 0 });
  return targets;
}

/** Each target fully written, partly, or not at all, after `progress.batches` data requests went through. */
function statusOf(
  targets: Target[],
  progress: { structure: boolean; batches: number },
  batches: TaggedOp[][],
): TargetStatus[] {
  return targets.map((t, i) => {
    let total = 0;
    let done = 0;
    let maybe = 0;
    batches.forEach((b, k) => {
      const n = b.filter((op) => op.target === i).length;
      total += n;
      if (k < progress.batches) done += n;
      else if (k === progress.batches) maybe += n;
    });
    const status = done === total ? "written" : done + maybe === 0 ? "notWritten" : "partly";
    return { ...t, status };
  });
}

/**
 * Every value, format and rule the run writes, as operations sized for packing into requests,
 * each tagged with its target. Sizing a million rows takes a while: it goes at `pace`.
 */
async function dataOps(
  plan: WritePlan,
  targets: Target[],
  sheet: (name: string) => Excel.Worksheet,
  pace: Pace,
): Promise<(Work & { target: number })[]> {
  const ops: (Work & { target: number })[] = [];
  const push = async (kind: Target["kind"], name: string, build: (list: Work[]) => Promise<void>): Promise<void> => {
    const list: Work[] = [];
    await build(list);
    const target = targets.findIndex((t) => t.kind === kind && t.sheet === name);
    for (const op of list) ops.push({ ...op, target });
  };
  for (const c of plan.combined ?? [])
    await push("created", c.sheet, (list) => pushCombined(list, () => sheet(c.sheet), c, pace));
  const combined = new Set((plan.combined ?? []).map((c) => c.sheet));
  const created = plan.created;
  if (created) {
    await push("created", created.sheet, async (list) => {
      const rows: Cell[][] = [created.header, ...created.rows];
      await pushBlock(
        list,
        () => sheet(created.sheet),
        { sheet: created.sheet, row: 0, col: 0, rows, formats: null },
        pace,
      );
      list.push({
        bytes: opBytes(created.sheet, 4),
        queue: () => {
          sheet(created.sheet).getRangeByIndexes(0, 0, 1, created.header.length).format.font.bold = true;
        },
      });
    });
  }
  for (const s of plan.sheets)
    await push(s.sheet === created?.sheet || combined.has(s.sheet) ? "created" : "columns", s.sheet, (list) =>
      pushColumns(list, () => sheet(s.sheet), s, pace),
    );
  await push("report", plan.report.sheet, (list) =>
    pushReport(list, () => sheet(plan.report.sheet), plan.report, pace),
  );
  const planSheet = plan.planSheet;
  if (planSheet)
    await push("report", planSheet.sheet, (list) => pushReport(list, () => sheet(planSheet.sheet), planSheet, pace));
  return ops;
}

/** The blocks (contiguous owned columns, header row to last row) the run overwrites in sheets that exist, their header cells and highlighted columns. */
function snapshotRequest(plan: WritePlan, existing: ReadonlySet<string>): Parameters<typeof readSnapshot>[1] {
  const blocks: Block[] = [];
  const headers: { sheet: string; row: number; col: number }[] = [];
  const ruleColumns: RuleColumn[] = [];
  const headerRows: { sheet: string; row: number; width: number }[] = [];
  for (const s of plan.sheets) {
    if (!existing.has(s.sheet) || s.columns.length === 0) continue;
    // From column A to one past the last owned column: a column inserted or deleted left of or among them moves a cell here.
    headerRows.push({
      sheet: s.sheet,
      row: s.headerRow,
      width: Math.min(EXCEL_LIMITS.cols, Math.max(...s.columns.map((c) => c.col)) + 2),
    });
    for (const run of columnRuns(s.columns))
      blocks.push({
        sheet: s.sheet,
        row: s.headerRow,
        col: run[0].col,
        rows: Math.max(s.lastRow, s.headerRow) - s.headerRow + 1,
        cols: run.length,
      });
    for (const c of s.columns) {
      headers.push({ sheet: s.sheet, row: s.headerRow, col: c.col });
      if (c.highlights?.length && s.lastRow >= s.firstRow)
        ruleColumns.push({ sheet: s.sheet, col: c.col, row: s.firstRow, rows: s.lastRow - s.firstRow + 1 });
    }
  }
  return { blocks, headers, ruleColumns, headerRows };
}

/** Where the run leaves its columns and rows in each sheet (`headerRows` as `snapshotRequest` asked for them), for Undo to check they did not move. */
function sheetLayouts(
  plan: WritePlan,
  existing: ReadonlySet<string>,
  headerRows: readonly HeaderValue[][],
  grids: readonly Grid[],
): SheetLayout[] {
  const written = plan.sheets.filter((s) => existing.has(s.sheet) && s.columns.length > 0);
  return written.map((s, i) => {
    const layout: SheetLayout = {
      sheet: s.sheet,
      row: s.headerRow,
      header: headerRows[i],
      owned: s.columns.map((c) => ({ col: c.col, header: c.header })),
    };
    const onSheet = grids.filter(
      (g) => g.sheet === s.sheet && g.origin.row <= s.headerRow && s.headerRow < g.origin.row + g.values.length,
    );
    const grid = onSheet.find((g) => g.table === s.table) ?? onSheet[0];
    const keys = grid
      ? rowKeys(grid, new Set(s.columns.map((c) => c.col)), s.firstRow, s.lastRow, s.inputColumns)
      : undefined;
    if (keys) layout.keys = keys;
    return layout;
  });
}

/**
 * Stops the run before its first write when a column it means to write is not free or
 * ours: a column is ours when its header is the one recorded for that output (or empty at
 * the recorded place); any other column must be empty.
 */
function checkColumnsFree(plan: WritePlan, blocks: readonly SavedBlock[], previous: WorkbookRecord): void {
  for (const b of blocks) {
    const s = plan.sheets.find((p) => p.sheet === b.sheet)!;
    for (let c = 0; c < b.cols; c++) {
      const col = s.columns.find((x) => x.col === b.col + c)!;
      const cells = b.cells.filter((x) => x[1] === c && x[2] !== "");
      const header = cells.find((x) => x[0] === 0);
      const headerText = header ? shownText(header[2]) : "";
      const rec = previous.owned.find((o) => o.sheet === b.sheet && o.output === col.output);
      const ours = rec !== undefined && (headerText === rec.header || (headerText === "" && rec.col === col.col));
      if (ours || cells.length === 0) continue;
      const first = header ?? cells[0];
      throw new ColumnTakenError(b.sheet, toA1(b.row + first[0], col.col), shownText(first[2]));
    }
  }
}

/** The text a saved cell shows (its formula for a formula cell). */
function shownText(input: string | number | boolean): string {
  return typeof input === "string" && input.startsWith("'") ? input.slice(1) : String(input);
}

/** Contiguous runs of columns, left to right. */
function columnRuns(columns: readonly ColumnPlan[]): ColumnPlan[][] {
  const runs: ColumnPlan[][] = [];
  for (const c of [...columns].sort((x, y) => x.col - y.col)) {
    const last = runs[runs.length - 1];
    if (last && last[last.length - 1].col + 1 === c.col) last.push(c);
    else runs.push([c]);
  }
  return runs;
}

/** Tables the run widens, with their whole address before it (header to totals row). */
function widenedTables(plan: WritePlan, boxes: readonly Box[]): RunLog["tables"] {
  const out: RunLog["tables"] = [];
  for (const s of plan.sheets) {
    const box = s.table ? boxes.find((b) => b.table === s.table && b.sheet === s.sheet) : undefined;
    if (!box || !s.columns.some((c) => c.col === box.col + box.cols)) continue;
    const rows = box.tableRows ?? box.rows;
    out.push({
      sheet: s.sheet,
      table: box.table!,
      address: `${toA1(box.row, box.col)}:${toA1(box.row + rows - 1, box.col + box.cols - 1)}`,
    });
  }
  return out;
}

/** Value to assign: numbers as numbers (never NaN or Infinity), text kept as text, blanks cleared. */
function text(v: Cell): string | number | boolean {
  if (v === null) return "";
  if (typeof v === "number") return Number.isFinite(v) ? v : "";
  if (typeof v === "boolean") return v;
  return asText(v);
}

type Pace = () => Promise<void>;

/** A 2-D block of a sheet: its top left cell, its rows, and each row's number formats when it has any (several rows may share one). */
interface BlockPlan {
  sheet: string;
  row: number;
  col: number;
  rows: Cell[][];
  formats: ((string | null)[] | undefined)[] | null;
}

/**
 * Queues a 2-D block (values, optional formats) as rows that the packer cuts into requests
 * within the limit. Both the sizing and each request's arrays, built right before it is sent,
 * go at `pace`: a sheet of 166,000 rows is never built in one task.
 */
async function pushBlock(ops: Work[], ws: () => Excel.Worksheet, block: BlockPlan, pace: Pace): Promise<void> {
  const { rows, formats } = block;
  const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
  if (width === 0 || rows.length === 0) return;
  const formatsBytes = formatsBytesOf(width);
  // Exact JSON bytes of what is sent, but for the apostrophe `text` puts before a text.
  const rowBytes = await buildPaced(
    rows.length,
    (i) => {
      const r = rows[i];
      let n = 2;
      for (let c = 0; c < width; c++) {
        const v = r[c] ?? "";
        n += jsonBytes(v) + (typeof v === "string" && v !== "" ? 1 : 0);
      }
      return formats ? n + formatsBytes(formats[i]) : n;
    },
    pace,
  );
  ops.push({
    rowBytes,
    partBytes: partBytes(block.sheet),
    queueRows: async (a, b) => {
      const range = ws().getRangeByIndexes(block.row + a, block.col, b - a, width);
      if (formats) range.numberFormat = await formatRows(formats, a, b, width, pace);
      range.values = await buildPaced(
        b - a,
        (k) => {
          const r = rows[a + k];
          const out = new Array<string | number | boolean>(width);
          for (let c = 0; c < width; c++) out[c] = text(r[c] ?? null);
          return out;
        },
        pace,
      );
    },
  });
}

/** JSON bytes of a formats row `width` wide (General where it has none); rows often share one formats row (a combined sheet's body), counted once. */
function formatsBytesOf(width: number): (row: (string | null)[] | undefined) => number {
  const formatBytes = new Map<string, number>();
  let last: { row: (string | null)[] | undefined; bytes: number } | undefined;
  return (row) => {
    if (last && last.row === row) return last.bytes;
    let n = 2;
    for (let c = 0; c < width; c++) {
      const f = row?.[c] ?? "General";
      let b = formatBytes.get(f);
      if (b === undefined) formatBytes.set(f, (b = jsonBytes(f)));
      n += b;
    }
    last = { row, bytes: n };
    return n;
  };
}

/** The numberFormat array of rows [a, b): General where a row has no format; rows sharing one formats row share its array. */
function formatRows(
  formats: ((string | null)[] | undefined)[],
  a: number,
  b: number,
  width: number,
  pace: Pace,
): Promise<string[][]> {
  let last: { row: (string | null)[] | undefined; out: string[] } | undefined;
  return buildPaced(
    b - a,
    (k) => {
      const row = formats[a + k];
      if (last && last.row === row) return last.out;
      const out = new Array<string>(width);
      for (let c = 0; c < width; c++) out[c] = row?.[c] ?? "General";
      last = { row, out };
      return out;
    },
    pace,
  );
}

/** A combined sheet's grid at A1, each column in its format, the header bold (as the command line's new workbook has it). */
async function pushCombined(ops: Work[], ws: () => Excel.Worksheet, c: CombinedSheetPlan, pace: Pace): Promise<void> {
  // One formats row shared by every body row: a combined sheet can have a million rows.
  const body = c.formats.map((f) => (f ? NUMBER_FORMATS[f] : null));
  const formats = c.rows.map((_, r) => (r === 0 ? undefined : body));
  await pushBlock(ops, ws, { sheet: c.sheet, row: 0, col: 0, rows: c.rows, formats }, pace);
  const width = c.rows[0]?.length ?? 0;
  if (width > 0)
    ops.push({
      bytes: opBytes(c.sheet, 4),
      queue: () => {
        ws().getRangeByIndexes(0, 0, 1, width).format.font.bold = true;
      },
    });
}

/** Owned columns of one input sheet: headers, then contiguous runs of columns in row chunks, then highlight rules. */
async function pushColumns(ops: Work[], ws: () => Excel.Worksheet, s: SheetPlan, pace: Pace): Promise<void> {
  const cols = [...s.columns].sort((x, y) => x.col - y.col);
  for (const run of columnRuns(cols)) {
    ops.push({
      bytes: run.reduce((a, c) => a + jsonBytes(c.header) + 1, opBytes(s.sheet, 5)),
      queue: () => {
        const header = ws().getRangeByIndexes(s.headerRow, run[0].col, 1, run.length);
        header.values = [run.map((c) => asText(c.header))];
        header.format.font.bold = true;
      },
    });
    const n = Math.max(0, s.lastRow - s.firstRow + 1);
    const rows: Cell[][] = await buildPaced(n, (k) => run.map((c) => c.values[k]), pace);
    // Columns without a format per cell share one formats row (counted and built once per request).
    const shared = run.every((c) => !c.cellFormats) ? run.map((c) => NUMBER_FORMATS[c.format]) : undefined;
    const formats = await buildPaced(
      n,
      (k) => shared ?? run.map((c) => NUMBER_FORMATS[c.cellFormats?.[k] ?? c.format]),
      pace,
    );
    await pushBlock(ops, ws, { sheet: s.sheet, row: s.firstRow, col: run[0].col, rows, formats }, pace);
  }
  for (const c of cols) {
    if (!c.highlights?.length || s.lastRow < s.firstRow) continue;
    const first = `${columnLetters(c.col)}${s.firstRow + 1}`;
    ops.push({
      bytes: c.highlights.reduce(
        (a, h) => a + opBytes(s.sheet, 4) + 2 * jsonBytes(h.text) + 2 * jsonBytes(first),
        opBytes(s.sheet, 2),
      ),
      queue: () => {
        // The run's earlier rules in this column were deleted with the structure; a user's rule reaching beyond it stays.
        const range = ws().getRangeByIndexes(s.firstRow, c.col, s.lastRow - s.firstRow + 1, 1);
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

/** Operations that styling a row of the report takes: a range, its format and one per property set (none for a plain row). */
function styleOps(style: RowStyle): number {
  const n = Object.keys(STYLE[style]).length;
  return n === 0 ? 0 : 3 + n;
}

async function pushReport(ops: Work[], ws: () => Excel.Worksheet, report: ReportPlan, pace: Pace): Promise<void> {
  const rows = report.rows.map((r) => r.cells);
  const formats = report.rows.map((r) => r.formats?.map((f) => (f ? NUMBER_FORMATS[f] : null)));
  await pushBlock(ops, ws, { sheet: report.sheet, row: 0, col: 0, rows, formats }, pace);
  ops.push({
    bytes: report.rows.reduce(
      (a, row) => a + styleOps(row.style) * opBytes(report.sheet, 1),
      opBytes(report.sheet, 1 + 3 * report.columnWidths.length),
    ),
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
      bytes: opBytes(report.sheet, 8) + jsonBytes(chart.title),
      queue: () => {
        const sheet = ws();
        const s = chart.source;
        const c = sheet.charts.add(
          chart.kind === "stackedColumn" ? "ColumnStacked" : "ColumnClustered",
          sheet.getRangeByIndexes(s.row, s.col, s.rows, s.cols),
          chart.seriesBy === "rows" ? "Rows" : "Columns",
        );
        c.title.text = chart.title;
        const a = chart.anchor;
        c.setPosition(toA1(a.row, a.col), toA1(a.row + a.rows - 1, a.col + a.cols - 1));
      },
    });
  }
}
