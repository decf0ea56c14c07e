import { parseA1 } from "../../core/_lib/a1";
import {
  BACKUP_PLAN_SHEET,
  BACKUP_SHEET,
  encodeRecord,
  RECORD_SHEET,
  UNDO_SHEET,
  type RunLog,
  type WorkbookRecord,
} from "../../core/record";
import { FILL, jsonBytes, opBytes, packWork, partBytes, rowJsonBytes, type QueuedOp, type RowsOp } from "./chunking";
import { queueLayoutCheck } from "./checkLayout";
import { asText } from "./escapeText";
import { READ_FILL } from "./readInChunks";
import type { SavedBlock, UndoSnapshot } from "./snapshot";
import { restoreMarker } from "./undoSheet";

export interface RollbackOptions {
  /** Table.resize is there (ExcelApi 1.13); without it the table columns the run added are deleted. */
  canResizeTables: boolean;
  /**
   * A cancelled run's own rollback: the record as it was before the run (the earlier run's log
   * included) and the undo marker as read, put back so that the earlier run stays undoable.
   */
  keep?: { record: WorkbookRecord; undoMarker?: string };
}

/** A rollback that would not be whole: found before its first change, so nothing was changed. */
export class RollbackBlockedError extends Error {
  readonly code = "RollbackBlocked";
  constructor(
    /**
     * "protected": a sheet to put back is protected; "cellsBesideTable": narrowing a table without
     * Table.resize would move the user's cells right of it; "moved": columns or rows were inserted,
     * deleted or sorted where the run wrote, so its saved cells would land on the user's.
     */
    readonly reason: "protected" | "cellsBesideTable" | "moved",
    readonly sheet: string,
    readonly table?: string,
  ) {
    super(
      reason === "protected"
        ? `${sheet} is protected`
        : reason === "moved"
          ? `columns or rows of ${sheet} moved since the run`
          : `narrowing table ${table ?? ""} on ${sheet} would move cells right of it`,
    );
    this.name = "RollbackBlockedError";
  }
}

/**
 * Takes a run back, whether it finished, failed midway or was cancelled: removes the
 * sheets it added, puts back the review and plan sheets it replaced, narrows the tables it
 * widened, puts every cell it overwrote back as it was (value or formula, number format,
 * header font, highlight rules) and the record back to the one before the run. Every
 * step is safe to repeat, so a rollback cut short is finished by the next one; the record
 * and the undo data change only in its last request, so until then it can be run again.
 * Before its first change it checks what would stop it (a protected sheet, a table it could
 * only narrow by moving the user's cells, columns or rows inserted, deleted or sorted where
 * the run wrote: `queueLayoutCheck`) and then changes nothing (RollbackBlockedError).
 * Without a snapshot (none was whole) the cells stay as they are and the rest is undone.
 */
export async function rollbackRun(
  context: Excel.RequestContext,
  log: RunLog,
  snapshot: UndoSnapshot | undefined,
  limitBytes: number,
  options: RollbackOptions,
): Promise<void> {
  const sheets = context.workbook.worksheets;
  const moved = await queueLayoutCheck(context, snapshot?.layout ?? [], limitBytes * READ_FILL);
  const touched = [
    ...new Set([
      ...log.tables.map((t) => t.sheet),
      ...[
        ...(snapshot?.blocks ?? []),
        ...(snapshot?.bold ?? []),
        ...(snapshot?.rules ?? []),
        ...(snapshot?.ruleColumns ?? []),
      ].map((x) => x.sheet),
    ]),
  ];
  // A user's sheet that is gone fails this first request (ItemNotFound), before anything is changed.
  const protection = touched.map((name) => ({ name, protection: sheets.getItem(name).protection.load("protected") }));
  const added = log.added.map((name) => sheets.getItemOrNullObject(name).load("id"));
  const backups = (
    [
      [log.replaced, BACKUP_SHEET],
      [log.replacedPlan, BACKUP_PLAN_SHEET],
    ] as const
  ).flatMap(([r, name]) => (r ? [{ r, sheet: sheets.getItemOrNullObject(name).load("id") }] : []));
  const record = sheets.getItemOrNullObject(RECORD_SHEET).load("id");
  const undo = sheets.getItemOrNullObject(UNDO_SHEET).load("id");
  const tables = log.tables.map((t) => sheets.getItem(t.sheet).tables.getItemOrNullObject(t.table).load("name"));
  const columns = snapshot?.ruleColumns ?? [];
  const lists = columns.map((c) =>
    sheets.getItem(c.sheet).getRangeByIndexes(c.row, c.col, c.rows, 1).conditionalFormats.load("items/type,items/id"),
  );
  await context.sync();
  const locked = protection.find((p) => p.protection.protected);
  if (locked) throw new RollbackBlockedError("protected", locked.name);
  const movedSheet = moved();
  if (movedSheet !== undefined) throw new RollbackBlockedError("moved", movedSheet);
  const ruleRanges = lists.flatMap((list, i) =>
    list.items.map((cf) => ({ cf, col: columns[i].col, range: cf.getRange().load("columnIndex,columnCount") })),
  );
  const recordUsed = record.isNullObject ? undefined : record.getUsedRangeOrNullObject(true).load("rowCount");
  // Without Table.resize the run's table columns are deleted, which moves whatever lies right of the table in its rows.
  const narrow = options.canResizeTables
    ? []
    : log.tables.flatMap((t, i) => {
        if (tables[i].isNullObject) return [];
        const whole = tables[i].getRange().load("columnIndex,columnCount");
        return [
          {
            t,
            table: tables[i],
            whole,
            columns: tables[i].columns.load("count"),
            rowsUsed: whole.getEntireRow().getUsedRangeOrNullObject(false).load("columnIndex,columnCount"),
          },
        ];
      });
  await context.sync();
  for (const n of narrow) {
    const right = n.whole.columnIndex + n.whole.columnCount;
    if (
      !n.rowsUsed.isNullObject &&
      n.rowsUsed.columnIndex + n.rowsUsed.columnCount > right &&
      n.columns.count > columnsOf(n.t.address)
    )
      throw new RollbackBlockedError("cellsBesideTable", n.t.sheet, n.t.table);
  }

  // Structure first: sheets and tables as they were, the run's rules gone (before a table column with them is deleted).
  // A sheet already put back by a rollback cut short has an added sheet's name: it stays.
  added.forEach((s) => {
    if (!s.isNullObject && !backups.some((b) => b.r.id === s.id)) s.delete();
  });
  for (const { r, sheet } of backups) {
    if (sheet.isNullObject) continue;
    sheet.name = r.sheet;
    sheet.visibility = r.visibility as Excel.SheetVisibility;
    sheet.position = r.position;
  }
  const deleted = new Set<string>();
  for (const r of ruleRanges) {
    if (r.range.columnCount !== 1 || r.range.columnIndex !== r.col || deleted.has(r.cf.id)) continue;
    deleted.add(r.cf.id);
    r.cf.delete();
  }
  if (options.canResizeTables) {
    log.tables.forEach((t, i) => {
      if (!tables[i].isNullObject) tables[i].resize(t.address);
    });
  }
  for (const n of narrow)
    for (let k = n.columns.count - 1; k >= columnsOf(n.t.address); k--) n.table.columns.getItemAt(k).delete();
  await context.sync();

  const ops: (QueuedOp | RowsOp)[] = [];
  for (const block of snapshot?.blocks ?? []) pushBlock(ops, () => sheets.getItem(block.sheet), block);
  for (const b of snapshot?.bold ?? [])
    ops.push({
      bytes: opBytes(b.sheet, 4),
      queue: () => {
        sheets.getItem(b.sheet).getRangeByIndexes(b.row, b.col, 1, 1).format.font.bold = b.bold;
      },
    });
  for (const rule of snapshot?.rules ?? []) {
    ops.push({
      bytes: opBytes(rule.sheet, 6) + jsonBytes(rule.formula) + 40,
      queue: () => {
        const cf = sheets
          .getItem(rule.sheet)
          .getRangeByIndexes(rule.row, rule.col, rule.rows, rule.cols)
          .conditionalFormats.add("Custom");
        cf.custom.rule.formula = rule.formula;
        if (rule.fill) cf.custom.format.fill.color = rule.fill;
        if (rule.font) cf.custom.format.font.color = rule.font;
      },
    });
  }
  const cells = encodeRecord(options.keep?.record ?? log.previous);
  ops.push({
    bytes: cells.reduce((a, c) => a + jsonBytes(c) + 3, opBytes(RECORD_SHEET, 8)),
    queue: () => {
      if (!record.isNullObject && !log.hadRecord) record.delete();
      else if (!record.isNullObject) {
        if (recordUsed && !recordUsed.isNullObject) record.getRangeByIndexes(0, 0, recordUsed.rowCount, 1).clear();
        record.getRangeByIndexes(0, 0, cells.length, 1).values = cells.map((c) => [asText(c)]);
      }
      const marker = options.keep?.undoMarker;
      if (!undo.isNullObject && marker !== undefined) restoreMarker(undo, marker);
      else if (!undo.isNullObject) undo.delete();
    },
  });
  for (const batch of packWork(ops, limitBytes * FILL)) {
    context.application.suspendApiCalculationUntilNextSync();
    for (const op of batch) await op.queue();
    // A sync per batch cut to Office's request size limit (packWork), not per row or item.
    // eslint-disable-next-line office-addins/no-context-sync-in-loop
    await context.sync();
  }
}

/** Columns of a table's recorded address ("A1:H203" → 8). */
function columnsOf(address: string): number {
  const [a, b] = address.split(":");
  return parseA1(b ?? a).col - parseA1(a).col + 1;
}

/** A saved block written back whole (empty cells emptied, General where no format was kept), as rows the packer cuts into requests. */
function pushBlock(ops: (QueuedOp | RowsOp)[], ws: () => Excel.Worksheet, block: SavedBlock): void {
  const inputs: (string | number | boolean)[][] = Array.from({ length: block.rows }, () =>
    new Array<string | number | boolean>(block.cols).fill(""),
  );
  const formats: string[][] = Array.from({ length: block.rows }, () => new Array<string>(block.cols).fill("General"));
  for (const [r, c, input, format] of block.cells) {
    inputs[r][c] = input;
    if (format) formats[r][c] = format;
  }
  const rowBytes = inputs.map((row, r) => rowJsonBytes(row) + rowJsonBytes(formats[r]));
  ops.push({
    rowBytes,
    partBytes: partBytes(block.sheet),
    queueRows: (a, b) => {
      const range = ws().getRangeByIndexes(block.row + a, block.col, b - a, block.cols);
      range.numberFormat = formats.slice(a, b);
      range.formulas = inputs.slice(a, b);
    },
  });
}
