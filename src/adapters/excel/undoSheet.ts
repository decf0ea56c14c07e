import { RECORD_CHUNK, UNDO_SHEET } from "../../core/record";
import { FILL, jsonBytes, opBytes, packOps, type QueuedOp } from "./chunking";
import { checkAborted } from "./cancel";
import { asUserText } from "./escapeText";
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
}

/**
 * Writes a run's undo snapshot into the very hidden undo sheet: the sheet is made anew,
 * the snapshot's JSON goes down column A in 30,000-character cells, packed into requests
 * under the limit, and the first cell — naming the run — is written with the last chunk,
 * so a snapshot cut short is never taken for a whole one.
 */
export async function writeUndoSheet(context: Excel.RequestContext, snapshot: UndoSnapshot, exists: boolean, limitBytes: number, signal?: AbortSignal): Promise<void> {
  const sheets = context.workbook.worksheets;
  if (exists) sheets.getItem(UNDO_SHEET).delete();
  sheets.add(UNDO_SHEET).visibility = "VeryHidden";
  const json = JSON.stringify(snapshot);
  const chunks: string[] = [];
  for (let i = 0; i < json.length; i += RECORD_CHUNK) chunks.push(json.slice(i, i + RECORD_CHUNK));
  const ws = () => sheets.getItem(UNDO_SHEET);
  // Exact UTF-8 size of each cell as sent (its apostrophe included), and of its operations taken high.
  const ops: QueuedOp[] = chunks.map((c, i) => ({ bytes: jsonBytes(c) + 5 + opBytes(UNDO_SHEET, 3), queue: () => (ws().getRangeByIndexes(i + 1, 0, 1, 1).values = [[asUserText(c)]]) }));
  const marker: Marker = { id: snapshot.id, chunks: chunks.length, cellBytes: chunks.reduce((n, c) => Math.max(n, jsonBytes(c) + 2), 0) };
  ops.push({ bytes: opBytes(UNDO_SHEET, 3) + 200, queue: () => (ws().getRangeByIndexes(0, 0, 1, 1).values = [[asUserText(JSON.stringify(marker))]]) });
  for (const batch of packOps(ops, limitBytes * FILL)) {
    checkAborted(signal);
    for (const op of batch) op.queue();
    await context.sync();
  }
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
export async function readUndoSheet(context: Excel.RequestContext, id: string, limitBytes: number): Promise<UndoSnapshot | undefined> {
  const marker = await readUndoMarker(context);
  if (!marker || marker.id !== id) return undefined;
  const ws = context.workbook.worksheets.getItem(UNDO_SHEET);
  const rowBytes = (marker.cellBytes ?? RECORD_CHUNK * 3 + 10) + 16;
  const step = Math.max(1, Math.floor((limitBytes * FILL) / rowBytes));
  const texts: string[] = [];
  for (let start = 0; start < marker.chunks; start += step) {
    const range = ws.getRangeByIndexes(start + 1, 0, Math.min(step, marker.chunks - start), 1).load("values");
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
    return typeof m.cellBytes === "number" && m.cellBytes > 0 ? { id: m.id, chunks: m.chunks, cellBytes: m.cellBytes } : { id: m.id, chunks: m.chunks };
  } catch {
    // Not ours (somebody typed in the sheet): no snapshot, as documented above.
    return undefined;
  }
}
