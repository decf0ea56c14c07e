import { RunCancelledError } from "../../adapters/excel/cancel";
import { describeRunError } from "../../adapters/describeRunError";
import { errorFromWorker } from "../../adapters/postedError";
import type { Lang } from "../../i18n";
import type { Inspection } from "../host";
import type { ReadReply, ReadRequest } from "./readProtocol";

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

/** Replies on the way to a request's answer: a combine's steps and slices. */
export type Interim = Extract<ReadReply, { type: "step" | "slice" }>;

type Pending = { resolve(reply: ReadReply): void; reject(e: Error): void; onInterim?: (reply: Interim) => void };

export type Ask = (
  request: ReadRequest,
  onInterim?: (reply: Interim) => void,
  transfer?: Transferable[],
) => Promise<ReadReply>;

/**
 * Requests to the worker as promises of their answers (by request id); replies on the way go to
 * `onInterim`. Aborting `signal` terminates the worker and every request waiting fails with RunCancelledError.
 */
export function connect(worker: WorkerLike, signal?: AbortSignal): Ask {
  const pending = new Map<number, Pending>();
  worker.onmessage = ({ data }) => {
    const waiting = pending.get(data.id);
    if (data.type === "step" || data.type === "slice") return waiting?.onInterim?.(data);
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
  return (request, onInterim, transfer = []) =>
    new Promise<ReadReply>((resolve, reject) => {
      if (signal?.aborted) return reject(new RunCancelledError());
      pending.set(request.id, { resolve, reject, onInterim });
      worker.postMessage(request, transfer);
    });
}

/**
 * What was detected in each picked file, read in the worker one file at a time (the Team view
 * shows it before a run). `onInspected` hears each file's as it comes: its Inspection, or the
 * command line's words for a file that cannot be read (`describeRunError`; a bug's own message).
 */
export async function inspectPicked(
  files: readonly PickedFile[],
  worker: WorkerLike,
  lang: Lang,
  onInspected: (index: number, result: { inspection: Inspection } | { failed: string }) => void,
  signal?: AbortSignal,
): Promise<void> {
  const ask = connect(worker, signal);
  for (const [id, file] of files.entries()) {
    const bytes = await file.arrayBuffer();
    const reply = await ask({ type: "inspect", id, name: file.name, lang, bytes }, undefined, [bytes]);
    if (reply.type === "inspection") onInspected(id, { inspection: reply.inspection });
    else if (reply.type === "error")
      onInspected(id, { failed: unreadableFile(errorFromWorker(reply.error), file.name, lang) });
    else throw new Error(`read worker answered ${reply.type} to an inspect request for ${file.name}`);
  }
}

/** The words for a picked file that could not be read: the command line's, or the error's own message after the file's name. */
function unreadableFile(e: Error, file: string, lang: Lang): string {
  return describeRunError(e, file, lang) ?? `${file}: ${e.message}`;
}
