import { join } from "node:path";
import type { Worker } from "node:worker_threads";
import type { CellSink } from "../stream/cellSink";
import { replayCells, type CellBatch } from "../stream/encodeCells";
import type { OffThreadSheet, OffThreadSheets } from "../stream/offThreadSheet";
import type { SheetEnd } from "../stream/readSheetCells";
import { errorFromWorker } from "../../postedError";
import { READ_WORKER, type FromReadWorker, type ReadJob, type ToReadWorker } from "./readSheetWorker";
import { startWorker } from "./startWorker";

/**
 * From this inflated size (the zip directory's), the largest sheet part is read on a worker
 * thread while the main thread reads the rest, when the other parts read inflate to a quarter
 * of it or more (see docs/decisions.md): the issue-size workbook's 45 MB orders part, beside
 * 21 MB of other sheets. Below it, or with little else to read meanwhile, a worker's start and
 * the cells' crossing cost more than they save (measured: a combine input of 8.9 MB took longer).
 */
export const OFF_THREAD_BYTES = 16 * 1024 * 1024;

/**
 * The command line's `OffThreadSheets` for the .xlsx `file`: the largest part, when it
 * inflates to `from` bytes or more and the other parts to `from / 4` or more together
 * (`sizeOf` gives a part's inflated size), is read on a worker thread.
 */
export function sheetsOffThread(
  file: string,
  sizeOf: (part: string) => number | undefined,
  from = OFF_THREAD_BYTES,
): OffThreadSheets {
  return {
    pick(parts) {
      let best: string | undefined;
      let bestSize = -1;
      let total = 0;
      for (const part of parts) {
        const size = sizeOf(part) ?? 0;
        total += size;
        if (size > bestSize) [best, bestSize] = [part, size];
      }
      return bestSize >= from && total - bestSize >= from / 4 ? best : undefined;
    },
    start: (part, opts) =>
      new WorkerSheet({ role: READ_WORKER, file, part, date1904: opts.date1904, marks: opts.marks }, opts.onRows),
  };
}

/**
 * A part read on a worker: its batches are replayed into the sink as they come (kept until
 * there is one), each answered so the worker may post more; the worker is ended once the part
 * is read or fails, or on `cancel`, so it never keeps the process alive.
 */
class WorkerSheet implements OffThreadSheet {
  private readonly worker: Worker;
  private readonly end: Promise<SheetEnd>;
  private readonly waiting: CellBatch[] = [];
  private sink: CellSink | undefined;

  constructor(job: ReadJob, onRows: (rows: number) => void) {
    this.worker = startWorker(join(__dirname, "readSheetWorker"), job);
    this.end = new Promise<SheetEnd>((resolve, reject) => {
      this.worker.on("message", (m: FromReadWorker) => {
        try {
          if ("batch" in m) this.take(m.batch);
          else if ("rows" in m) onRows(m.rows);
          else if ("done" in m) resolve(m.done);
          else reject(errorFromWorker(m.failed));
        } catch (e) {
          reject(e);
        }
      });
      this.worker.once("error", reject);
      this.worker.once("exit", (code) =>
        reject(new Error(`the worker reading ${job.part} stopped (exit code ${code})`)),
      );
    });
    // Also what keeps a failure before `into` is called from being unhandled: `into` returns `end` itself.
    this.end.then(this.cancel, this.cancel);
  }

  async into(sink: CellSink): Promise<SheetEnd> {
    this.sink = sink;
    for (const batch of this.waiting.splice(0)) this.replay(batch, sink);
    return this.end;
  }

  readonly cancel = (): void => void this.worker.terminate();

  private take(batch: CellBatch): void {
    if (this.sink) this.replay(batch, this.sink);
    else this.waiting.push(batch);
  }

  private replay(batch: CellBatch, sink: CellSink): void {
    replayCells(batch, sink);
    this.worker.postMessage({ took: true } satisfies ToReadWorker);
  }
}
