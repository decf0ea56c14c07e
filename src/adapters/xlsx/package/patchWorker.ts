import { Readable } from "node:stream";
import { isMainThread, parentPort, workerData, type MessagePort } from "node:worker_threads";
import type { SheetPlan } from "../../../core/output";
import { postedError, type PostedError } from "../worker/postedError";
import { patchSheet } from "./patchSheet";
import { stylesFromTable, type SheetStyleTable } from "./sheetStyleTable";
import { deflateEntry, type Deflated } from "./zipWriter";

/** What a patch worker is started with (`workerData`); the part's inflated bytes follow as `chunk` messages. */
export interface PatchJob {
  role: typeof PATCH_WORKER;
  plan: SheetPlan;
  styles: SheetStyleTable;
  level: number;
}

export const PATCH_WORKER = "sales-review/patchSheet";

/** Messages to the worker: a chunk of the part, or its end. */
export type ToWorker = { chunk: Uint8Array } | { end: true };

/** The worker's answers: a chunk taken (the sender may post another), then the part or the error. */
export type FromWorker = { took: true } | { done: Deflated } | { failed: PostedError };

/**
 * The worker's side: the part's bytes, as they are posted, go through `patchSheet` and
 * `deflateEntry`, exactly the steps the main thread would take; the deflated part (its buffer
 * moved, not copied) or the error goes back.
 */
export function servePatchJob(port: MessagePort, job: PatchJob): void {
  const styles = stylesFromTable(job.plan, job.styles);
  deflateEntry(patchSheet(Readable.from(received(port)), job.plan, styles), job.level).then(
    (done) => port.postMessage({ done } satisfies FromWorker, ownBuffer(done.bytes)),
    (e: unknown) => port.postMessage({ failed: postedError(e) } satisfies FromWorker),
  );
}

/** The posted chunks in order, each acknowledged (`took`) as the patcher takes it, so the sender can keep a few in flight. */
async function* received(port: MessagePort): AsyncGenerator<Buffer> {
  const queue: Buffer[] = [];
  let ended = false;
  let wake: (() => void) | undefined;
  port.on("message", (m: ToWorker) => {
    if ("end" in m) ended = true;
    else queue.push(Buffer.from(m.chunk.buffer, m.chunk.byteOffset, m.chunk.byteLength));
    wake?.();
  });
  for (;;) {
    const chunk = queue.shift();
    if (chunk) {
      port.postMessage({ took: true } satisfies FromWorker);
      yield chunk;
    } else if (ended) return;
    else await new Promise<void>((resolve) => (wake = resolve));
  }
}

/** The bytes' buffer when they fill it alone (a small Buffer shares Node's pool, which must not move). */
function ownBuffer(bytes: Uint8Array): ArrayBuffer[] {
  const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
  return whole ? [bytes.buffer as ArrayBuffer] : [];
}

const job = workerData as PatchJob | undefined;
if (!isMainThread && parentPort && job?.role === PATCH_WORKER) servePatchJob(parentPort, job);
