import { EXCEL_LIMITS } from "../../core/_lib/excelLimits";
import { RECORD_CHUNK, UNDO_SHEET } from "../../core/record";
import { FILL, jsonBytes, opBytes, packOps, type QueuedOp } from "./chunking";
import { checkAborted } from "./cancel";
import { asText } from "./escapeText";
import type { UndoSnapshot } from "./snapshot";

/**
 * What the undo sheet's first cell says: whose snapshot it holds, in how many cells, and
 * the most bytes one of those cells takes in a response (to read them back in full
 * requests; undo sheets written before it was kept are read at 3 bytes a character).
 */
interface Marker {
  id: string;
  chunks: number;
  cellBytes?: number;
  /** The column the chunks are in (rows 2 on); 0 (column A) when not said. */
  col?: number;
}

/**
 * Where a run writes its snapshot: the undo sheet exists or not, and the marker cell as read
 * (the snapshot it names stays whole until the new one's marker replaces it).
 */
export interface UndoSlot {
  exists: boolean;
  /** The marker cell's text as read, when it names a whole snapshot. */
  marker?: string;
}

/** Queues the read of the undo sheet's marker cell, to go with the caller's next sync. */
export function queueUndoSlot(context: Excel.RequestContext, exists: boolean): () => UndoSlot {
  if (!exists) return () => ({ exists });
  const first = context.workbook.worksheets.getItem(UNDO_SHEET).getRangeByIndexes(0, 0, 1, 1).load("values");
  return () => {
    const text = first.values[0][0];
    return parseMarker(text) ? { exists, marker: String(text) } : { exists };
  };
}

/**
 * Writes a run's undo snapshot into the very hidden undo sheet (made when missing): the
 * snapshot's JSON goes down one column in 30,000-character cells, packed into requests under
 * the limit, and the first cell — the marker naming the run and the column — is written with
 * the last chunk, so a snapshot cut short is never taken for a whole one. The earlier run's
 * snapshot, named by the marker as read, stays whole in the other column until then: a run
 * cancelled or failing at any request leaves the earlier run undoable. Returns the column the
 * earlier snapshot is in, for the caller to clear once its run is complete.
 */
export async function writeUndoSheet(
  context: Excel.RequestContext,
  snapshot: UndoSnapshot,
  slot: UndoSlot,
  limitBytes: number,
  signal?: AbortSignal,
): Promise<number | undefined> {
  const sheets = context.workbook.worksheets;
  const live = slot.marker === undefined ? undefined : (parseMarker(slot.marker)?.col ?? 0);
  const col = live === 0 ? 1 : 0;
  const ws = () => sheets.getItem(UNDO_SHEET);
  const ops: QueuedOp[] = [];
  if (!slot.exists)
    ops.push({
      bytes: opBytes(UNDO_SHEET, 2),
      queue: () => {
        sheets.add(UNDO_SHEET).visibility = "VeryHidden";
      },
    });
  // What a run cancelled in this column left behind.
  else ops.push({ bytes: opBytes(UNDO_SHEET, 2), queue: () => clearColumn(ws(), col) });
  const json = JSON.stringify(snapshot);
  const chunks: string[] = [];
  for (let i = 0; i < json.length; i += RECORD_CHUNK) chunks.push(json.slice(i, i + RECORD_CHUNK));
  // Exact UTF-8 size of each cell as sent (its apostrophe included), and of its operations taken high.
  for (const [i, c] of chunks.entries())
    ops.push({
      bytes: jsonBytes(c) + 5 + opBytes(UNDO_SHEET, 3),
      queue: () => {
        ws().getRangeByIndexes(i + 1, col, 1, 1).values = [[asText(c)]];
      },
    });
  const marker: Marker = {
    id: snapshot.id,
    chunks: chunks.length,
    cellBytes: chunks.reduce((n, c) => Math.max(n, jsonBytes(c) + 2), 0),
    col,
  };
  ops.push({
    bytes: opBytes(UNDO_SHEET, 3) + 200,
    queue: () => {
      ws().getRangeByIndexes(0, 0, 1, 1).values = [[asText(JSON.stringify(marker))]];
    },
  });
  for (const batch of packOps(ops, limitBytes * FILL)) {
    checkAborted(signal);
    for (const op of batch) await op.queue();
    // A sync per batch cut to Office's request size limit (packOps), not per row or item.
    // eslint-disable-next-line office-addins/no-context-sync-in-loop
    await context.sync();
  }
  return live;
}

/** Queues the emptying of one snapshot column of the undo sheet (the marker cell A1 stays). */
export function clearColumn(ws: Excel.Worksheet, col: number): void {
  ws.getRangeByIndexes(1, col, EXCEL_LIMITS.rows - 1, 1).clear("Contents");
}

/** Queues putting back a marker as read: the earlier run's snapshot, still whole in its column, is the live one again. */
export function restoreMarker(ws: Excel.Worksheet, marker: string): void {
  ws.getRangeByIndexes(0, 0, 1, 1).values = [[asText(marker)]];
}

/**
 * Takes back a snapshot write that a Cancel stopped, so the cancelled run leaves nothing behind:
 * an undo sheet this run made is deleted; an existing one gets the earlier run's marker back,
 * whose snapshot, still whole in its column, is the live one again.
 */
export async function cancelUndoWrite(context: Excel.RequestContext, slot: UndoSlot): Promise<void> {
  if (slot.exists) {
    if (slot.marker === undefined) return;
    restoreMarker(context.workbook.worksheets.getItem(UNDO_SHEET), slot.marker);
  } else {
    // The cancel may have come before the request that adds the sheet.
    const made = context.workbook.worksheets.getItemOrNullObject(UNDO_SHEET);
    await context.sync();
    if (made.isNullObject) return;
    made.delete();
  }
  await context.sync();
}

/** The run id the undo sheet holds a whole snapshot for, or undefined (no sheet, or a snapshot cut short). */
export async function readUndoMarker(context: Excel.RequestContext): Promise<Marker | undefined> {
  const sheet = context.workbook.worksheets.getItemOrNullObject(UNDO_SHEET);
  await context.sync();
  if (sheet.isNullObject) return undefined;
  const first = sheet.getRangeByIndexes(0, 0, 1, 1).load("values");
  await context.sync();
  return parseMarker(first.values[0][0]);
}

/** The snapshot of run `id`, read in requests under the limit; undefined when the sheet holds no whole snapshot of that run. */
export async function readUndoSheet(
  context: Excel.RequestContext,
  id: string,
  limitBytes: number,
): Promise<UndoSnapshot | undefined> {
  const marker = await readUndoMarker(context);
  if (!marker || marker.id !== id) return undefined;
  const ws = context.workbook.worksheets.getItem(UNDO_SHEET);
  const col = marker.col ?? 0;
  const rowBytes = (marker.cellBytes ?? RECORD_CHUNK * 3 + 10) + 16;
  const step = Math.max(1, Math.floor((limitBytes * FILL) / rowBytes));
  const texts: string[] = [];
  for (let start = 0; start < marker.chunks; start += step) {
    const range = ws.getRangeByIndexes(start + 1, col, Math.min(step, marker.chunks - start), 1).load("values");
    // A sync per batch cut to Office's request size limit (step), not per row or item.
    // eslint-disable-next-line office-addins/no-context-sync-in-loop
    await context.sync();
    for (const row of range.values) texts.push(String(row[0]));
  }
  try {
    const snapshot = JSON.parse(texts.join("")) as UndoSnapshot;
    return snapshot.id === id ? snapshot : undefined;
  } catch {
    // A hand-edited undo sheet: there is nothing trustworthy to put back, which the caller says.
    return undefined;
  }
}

function parseMarker(cell: unknown): Marker | undefined {
  if (typeof cell !== "string" || cell === "") return undefined;
  try {
    const m = JSON.parse(cell) as Partial<Marker>;
    if (typeof m.id !== "string" || typeof m.chunks !== "number") return undefined;
    const marker: Marker = { id: m.id, chunks: m.chunks };
    if (typeof m.cellBytes === "number" && m.cellBytes > 0) marker.cellBytes = m.cellBytes;
    if (m.col === 0 || m.col === 1) marker.col = m.col;
    return marker;
  } catch {
    // Not ours (somebody typed in the sheet): no snapshot, as documented above.
    return undefined;
  }
}
