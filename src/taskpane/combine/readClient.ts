import type { CombineInput } from "../../adapters/combineWorkbooks";
import { RunCancelledError } from "../../adapters/excel/cancel";
import { PickedFileError } from "../../adapters/pickedFileError";
import type { BlockedTable } from "../../adapters/port";
import type { BytesPort } from "../../adapters/xlsx/package/bytesPort";
import type { ReadProgress } from "../../adapters/xlsx/stream/readWorkbookGrids";
import type { Grid } from "../../core/types";
import type { Lang } from "../../i18n";
import type { Inspection } from "../host";
import type { ReadMeta, ReadReply, ReadRequest } from "./readProtocol";

/** The part of a `Worker` the client uses (tests pass one that calls `serveReads` in-process). */
export interface WorkerLike {
  postMessage(request: ReadRequest, transfer?: Transferable[]): void;
  onmessage: ((e: { data: ReadReply }) => void) | null;
  /** The worker's script failed to load or threw outside a request: every read waiting fails. */
  onerror?: ((e: { message?: string }) => void) | null;
  terminate(): void;
}

/** A file the user picked: its name and its bytes (a `File` is one). */
export interface PickedFile {
  name: string;
  arrayBuffer(): Promise<ArrayBuffer>;
}

type Pending = { resolve(reply: ReadReply): void; reject(e: Error): void; onProgress?: (p: ReadProgress) => void };

/**
 * The picked files as `combineWorkbooks` inputs, each read in the worker: the pane's thread only
 * posts requests and gets grids back, so a 10 MB workbook never freezes it. `onProgress` hears
 * rows read (per file); aborting `signal` terminates the worker (Cancel stops a read mid-sheet)
 * and every read waiting fails with RunCancelledError.
 */
export function pickedInputs(
  files: readonly PickedFile[],
  worker: WorkerLike,
  lang: Lang,
  options: { signal?: AbortSignal; onProgress?: (file: string, p: ReadProgress) => void } = {},
): CombineInput[] {
  const ask = connect(worker, options.signal);
  return files.map((file, id) => ({
    name: file.name,
    open: async () => {
      const bytes = await file.arrayBuffer();
      const tell = options.onProgress && ((p: ReadProgress) => options.onProgress?.(file.name, p));
      const meta = expect(
        await ask({ type: "open", id, name: file.name, lang, bytes }, tell, [bytes]),
        "meta",
        file.name,
      ).meta;
      return workerPort(id, meta, file.name, ask, worker, tell);
    },
  }));
}

function workerPort(
  id: number,
  meta: ReadMeta,
  name: string,
  ask: Ask,
  worker: WorkerLike,
  tell?: (p: ReadProgress) => void,
): BytesPort {
  let blocked: BlockedTable[] = [];
  return {
    readMeta: async () => meta,
    async readGrids(skip): Promise<Grid[]> {
      const reply = expect(await ask({ type: "grids", id, skip: [...skip] }, tell), "grids", name);
      blocked = reply.blocked;
      return reply.grids;
    },
    blockedTables: () => blocked,
    async write() {
      throw new Error(`${name} is read only`);
    },
    close: async () => worker.postMessage({ type: "close", id }),
  };
}

type Ask = (
  request: ReadRequest,
  onProgress?: (p: ReadProgress) => void,
  transfer?: Transferable[],
) => Promise<ReadReply>;

/**
 * Requests to the worker as promises of their replies (by request id). Aborting `signal`
 * terminates the worker and every request waiting fails with RunCancelledError.
 */
function connect(worker: WorkerLike, signal?: AbortSignal): Ask {
  const pending = new Map<number, Pending>();
  worker.onmessage = ({ data }) => {
    const waiting = pending.get(data.id);
    if (data.type === "progress") return waiting?.onProgress?.(data.progress);
    pending.delete(data.id);
    waiting?.resolve(data);
  };
  const failAll = (e: Error) => {
    for (const p of pending.values()) p.reject(e);
    pending.clear();
  };
  worker.onerror = (e) => failAll(new Error(`the read worker failed: ${e.message ?? "it did not start"}`));
  signal?.addEventListener("abort", () => {
    worker.terminate();
    failAll(new RunCancelledError());
  });
  return (request, onProgress, transfer = []) =>
    new Promise<ReadReply>((resolve, reject) => {
      if (signal?.aborted) return reject(new RunCancelledError());
      pending.set(request.id, { resolve, reject, onProgress });
      worker.postMessage(request, transfer);
    });
}

/**
 * What was detected in each picked file, read in the worker one file at a time (the Team view
 * shows it before a run). `onInspected` hears each file's as it comes: its Inspection, or the
 * command line's words for a file that cannot be read (PickedFileError).
 */
export async function inspectPicked(
  files: readonly PickedFile[],
  worker: WorkerLike,
  lang: Lang,
  onInspected: (index: number, result: Inspection | PickedFileError) => void,
  signal?: AbortSignal,
): Promise<void> {
  const ask = connect(worker, signal);
  for (const [id, file] of files.entries()) {
    const bytes = await file.arrayBuffer();
    const reply = await ask({ type: "inspect", id, name: file.name, lang, bytes }, undefined, [bytes]);
    try {
      onInspected(id, expect(reply, "inspection", file.name).inspection);
    } catch (e) {
      if (!(e instanceof PickedFileError)) throw e;
      onInspected(id, e);
    }
  }
}

/** The reply of the type asked for, or the worker's failure as a PickedFileError. */
function expect<T extends ReadReply["type"]>(reply: ReadReply, type: T, name: string): Extract<ReadReply, { type: T }> {
  if (reply.type === "error") throw new PickedFileError(name, reply.words, reply.detail);
  if (reply.type !== type) throw new Error(`read worker answered ${reply.type} to a ${type} request for ${name}`);
  return reply as Extract<ReadReply, { type: T }>;
}
