import { join } from "node:path";
import type { Readable } from "node:stream";
import type { Worker } from "node:worker_threads";
import type { SheetPlan } from "../../../core/output";
import type { SheetStyles } from "./ownedCells";
import { patchSheet } from "./patchSheet";
import { PATCH_WORKER, type FromWorker, type PatchJob, type ToWorker } from "./patchWorker";
import { styleTableOf } from "./sheetStyleTable";
import { errorFromWorker } from "../worker/postedError";
import { startWorker } from "../worker/startWorker";
import { deflateEntry, type Deflated } from "./zipWriter";

/** A patched part on its way, made ahead of the zip writer; `cancel` stops a worker that is still at it. */
export interface PatchAhead {
  result: Promise<Deflated>;
  cancel(): void;
}

/**
 * Patches and deflates a sheet part into memory while the zip writer is busy with others:
 * on a worker thread when `offThread` (the largest part, so that both cores work), else on
 * this thread. Either way the bytes are those `patchSheet` and `writeZip` make in one stream.
 * `open` gives the part's inflated bytes (inflated here, so the package's checks stay in one place).
 * @example const { result } = patchAhead(() => pkg.openStream(part), plan, styles, 1, true)
 */
export function patchAhead(
  open: () => Promise<Readable>,
  plan: SheetPlan,
  styles: SheetStyles,
  level: number,
  offThread: boolean,
): PatchAhead {
  if (!offThread) {
    const result = open().then((source) => deflateEntry(patchSheet(source, plan, styles), level));
    // The writer awaits `result` and throws its error; this handler only keeps a part that
    // fails after the writer has already stopped on another error from ending the process.
    result.catch(() => undefined);
    return { result, cancel: () => {} };
  }
  const job: PatchJob = { role: PATCH_WORKER, plan, styles: styleTableOf(plan, styles), level };
  const worker = startWorker(join(__dirname, "patchWorker"), job);
  const credit = new Credit(IN_FLIGHT);
  const answer = new Promise<Deflated>((resolve, reject) => {
    worker.on("message", (m: FromWorker) =>
      "took" in m ? credit.give() : "done" in m ? resolve(m.done) : reject(errorFromWorker(m.failed)),
    );
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`patchAhead: the worker for ${plan.sheet} exited (${code})`)));
  });
  const result = Promise.all([answer, feed(open, worker, credit)]).then(([done]) => done);
  const cancel = () => void worker.terminate();
  result.then(cancel, cancel);
  return { result, cancel };
}

/** Chunks posted and not yet taken by the worker's patcher, at most (64 KiB each: the inflater's chunks). */
const IN_FLIGHT = 16;

/** How many more chunks may be posted; `take` waits for one to be given back. */
class Credit {
  private wake: (() => void) | undefined;
  constructor(private left: number) {}
  async take(): Promise<void> {
    while (this.left === 0) await new Promise<void>((resolve) => (this.wake = resolve));
    this.left--;
  }
  give(): void {
    this.left++;
    this.wake?.();
  }
}

/**
 * Posts the part's bytes to the worker as they are inflated (each chunk copied once, its copy
 * moved), never more than the credit allows ahead of the worker: memory stays bounded.
 */
async function feed(open: () => Promise<Readable>, worker: Worker, credit: Credit): Promise<void> {
  for await (const chunk of await open()) {
    await credit.take();
    const copy = new Uint8Array(chunk as Buffer);
    worker.postMessage({ chunk: copy } satisfies ToWorker, [copy.buffer]);
  }
  worker.postMessage({ end: true } satisfies ToWorker);
}
