import { BACKUP_SHEET, encodeRecord, RECORD_SHEET, UNDO_SHEET, type RunLog } from "../../core/record";
import { FILL, jsonBytes, opBytes, packWork, partBytes, rowJsonBytes, type QueuedOp, type RowsOp } from "./chunking";
import { asUserText } from "./escapeText";
import type { SavedBlock, UndoSnapshot } from "./snapshot";

/**
 * Takes a run back, whether it finished, failed midway or was cancelled: removes the
 * sheets it added, puts back the review sheet it replaced, narrows the tables it
 * widened, puts every cell it overwrote back as it was (value or formula, number format,
 * header font, highlight rules) and the record back to the one before the run. Every
 * step is safe to repeat, so a rollback cut short is finished by the next one.
 * Without a snapshot (none was whole) the cells stay as they are and the rest is undone.
 */
export async function rollbackRun(context: Excel.RequestContext, log: RunLog, snapshot: UndoSnapshot | undefined, limitBytes: number): Promise<void> {
  const sheets = context.workbook.worksheets;
  const added = log.added.map((name) => sheets.getItemOrNullObject(name).load("id"));
  const backup = log.replaced ? sheets.getItemOrNullObject(BACKUP_SHEET).load("id") : undefined;
  const record = sheets.getItemOrNullObject(RECORD_SHEET).load("id");
  const undo = sheets.getItemOrNullObject(UNDO_SHEET).load("id");
  const tables = log.tables.map((t) => sheets.getItem(t.sheet).tables.getItemOrNullObject(t.table).load("name"));
  const columns = snapshot?.ruleColumns ?? [];
  const lists = columns.map((c) => sheets.getItem(c.sheet).getRangeByIndexes(c.row, c.col, c.rows, 1).conditionalFormats.load("items/type,items/id"));
  await context.sync();
  const ruleRanges = lists.flatMap((list, i) => list.items.map((cf) => ({ cf, col: columns[i].col, range: cf.getRange().load("columnIndex,columnCount") })));
  const recordUsed = record.isNullObject ? undefined : record.getUsedRangeOrNullObject(true).load("rowCount");
  await context.sync();

  // Structure first: sheets and tables as they were, the run's rules gone.
  added.forEach((s) => {
    if (!s.isNullObject && s.id !== log.replaced?.id) s.delete();
  });
  if (log.replaced && backup && !backup.isNullObject) {
    backup.name = log.replaced.sheet;
    backup.visibility = log.replaced.visibility as Excel.SheetVisibility;
    backup.position = log.replaced.position;
  }
  log.tables.forEach((t, i) => {
    if (!tables[i].isNullObject) tables[i].resize(t.address);
  });
  const deleted = new Set<string>();
  for (const r of ruleRanges) {
    if (r.range.columnCount !== 1 || r.range.columnIndex !== r.col || deleted.has(r.cf.id)) continue;
    deleted.add(r.cf.id);
    r.cf.delete();
  }
  await context.sync();

  const ops: (QueuedOp | RowsOp)[] = [];
  for (const block of snapshot?.blocks ?? []) pushBlock(ops, () => sheets.getItem(block.sheet), block);
  for (const b of snapshot?.bold ?? []) ops.push({ bytes: opBytes(b.sheet, 4), queue: () => (sheets.getItem(b.sheet).getRangeByIndexes(b.row, b.col, 1, 1).format.font.bold = b.bold) });
  for (const rule of snapshot?.rules ?? []) {
    ops.push({
      bytes: opBytes(rule.sheet, 6) + jsonBytes(rule.formula) + 40,
      queue: () => {
        const cf = sheets.getItem(rule.sheet).getRangeByIndexes(rule.row, rule.col, rule.rows, rule.cols).conditionalFormats.add("Custom");
        cf.custom.rule.formula = rule.formula;
        if (rule.fill) cf.custom.format.fill.color = rule.fill;
        if (rule.font) cf.custom.format.font.color = rule.font;
      },
    });
  }
  const cells = encodeRecord(log.previous);
  ops.push({
    bytes: cells.reduce((a, c) => a + jsonBytes(c) + 3, opBytes(RECORD_SHEET, 8)),
    queue: () => {
      if (!record.isNullObject && !log.hadRecord) record.delete();
      else if (!record.isNullObject) {
        if (recordUsed && !recordUsed.isNullObject) record.getRangeByIndexes(0, 0, recordUsed.rowCount, 1).clear();
        record.getRangeByIndexes(0, 0, cells.length, 1).values = cells.map((c) => [asUserText(c)]);
      }
      if (!undo.isNullObject) undo.delete();
    },
  });
  for (const batch of packWork(ops, limitBytes * FILL)) {
    context.application.suspendApiCalculationUntilNextSync();
    for (const op of batch) op.queue();
    await context.sync();
  }
}

/** A saved block written back whole (empty cells emptied, General where no format was kept), as rows the packer cuts into requests. */
function pushBlock(ops: (QueuedOp | RowsOp)[], ws: () => Excel.Worksheet, block: SavedBlock): void {
  const inputs: (string | number | boolean)[][] = Array.from({ length: block.rows }, () => new Array<string | number | boolean>(block.cols).fill(""));
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
