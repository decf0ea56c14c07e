import { join } from "node:path";
import { MessageChannel, type MessagePort } from "node:worker_threads";
import type { CellSink } from "../stream/cellSink";
import { replayCells, type CellBatch } from "../stream/encodeCells";
import type { OffThreadSheet, OffThreadSheets } from "../stream/offThreadSheet";
import type { SheetEnd } from "../stream/readSheetCells";
import { errorFromWorker } from "../../postedError";
import {
  READ_WORKER,
  type FromReadWorker,
  type ReadJob,
  type ReadRequest,
  type ReadWorkerData,
  type ToReadWorker,
} from "./readSheetWorker";
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
    start: (part, opts) => new WorkerSheet({ file, part, date1904: opts.date1904, marks: opts.marks }, opts.onRows),
  };
}

/**
 * How long the read worker waits, idle, for the next part before it ends. A team review reads
 * its inputs' largest parts one after another, each begun as soon as the one before is read:
 * a worker started for each began cold (its reader loaded and compiled again, ~0.3 s of the
 * other core an input); between runs nothing waits, and an idle worker never keeps the process alive.
 */
const IDLE_MS = 1000;

/**
 * The one worker thread that reads parts, started with the first and kept between parts:
 * each part is told on a channel of its own. It ends when a part fails or is cancelled
 * (the next part starts another) or after IDLE_MS without a part.
 */
class ReadWorker {
  private static current: ReadWorker | undefined;
  readonly worker = startWorker(join(__dirname, "readSheetWorker"), { role: READ_WORKER } satisfies ReadWorkerData);
  private idle: NodeJS.Timeout | undefined;
  /** Parts sent and not yet released. */
  private parts = 0;

  private constructor() {
    // The parts in flight hear the worker's error and exit themselves (WorkerSheet); this one only
    // forgets it, so that an error while idle is no unhandled 'error' event and the next part starts a new one.
    this.worker.on("error", () => this.forget()).once("exit", () => this.forget());
  }

  /** The worker, started if there is none, no longer idle. */
  static take(): ReadWorker {
    const one = (ReadWorker.current ??= new ReadWorker());
    clearTimeout(one.idle);
    one.worker.ref();
    one.parts++;
    return one;
  }

  /** Sends `job`; its messages come on the port returned. */
  send(job: ReadJob): MessagePort {
    const { port1, port2 } = new MessageChannel();
    this.worker.postMessage({ job, port: port2 } satisfies ReadRequest, [port2]);
    return port1;
  }

  /** A part is read: with none left, the worker waits for the next one, keeping nothing alive. */
  release(): void {
    if (--this.parts > 0) return;
    this.worker.unref();
    this.idle = setTimeout(() => this.end(), IDLE_MS).unref();
  }

  end(): void {
    this.forget();
    void this.worker.terminate();
  }

  private forget(): void {
    clearTimeout(this.idle);
    if (ReadWorker.current === this) ReadWorker.current = undefined;
  }
}

/**
 * A part read on the read worker: its batches are replayed into the sink as they come (kept
 * until there is one), each answered so the worker may post more. Once the part is read the
 * worker is released for the next; when it fails, or on `cancel`, the worker is ended.
 */
class WorkerSheet implements OffThreadSheet {
  private readonly reader = ReadWorker.take();
  private readonly port: MessagePort;
  private readonly end: Promise<SheetEnd>;
  private readonly waiting: CellBatch[] = [];
  private sink: CellSink | undefined;
  private settled = false;
  /** Rejects `end`: the worker's own error, or its exit while reading. */
  private fail: (e: unknown) => void = () => undefined;
  private readonly exited: (code: number) => void;

  constructor(job: ReadJob, onRows: (rows: number) => void) {
    this.exited = (code) => this.fail(new Error(`the worker reading ${job.part} stopped (exit code ${code})`));
    this.port = this.reader.send(job);
    this.end = new Promise<SheetEnd>((resolve, reject) => {
      this.fail = reject;
      this.port.on("message", (m: FromReadWorker) => {
        try {
          if ("batch" in m) this.take(m.batch);
          else if ("rows" in m) onRows(m.rows);
          else if ("done" in m) resolve(m.done);
          else reject(errorFromWorker(m.failed));
        } catch (e) {
          reject(e);
        }
      });
    });
    this.reader.worker.once("error", this.fail).once("exit", this.exited);
    // Also what keeps a failure before `into` is called from being unhandled: `into` returns `end` itself.
    this.end.then(
      () => this.settle(false),
      () => this.settle(true),
    );
  }

  async into(sink: CellSink): Promise<SheetEnd> {
    this.sink = sink;
    for (const batch of this.waiting.splice(0)) this.replay(batch, sink);
    return this.end;
  }

  /** Stops the part's read (harmless once it is done): the worker is ended. */
  readonly cancel = (): void => this.settle(true);

  private settle(failed: boolean): void {
    if (this.settled) return;
    this.settled = true;
    this.reader.worker.off("error", this.fail).off("exit", this.exited);
    this.port.close();
    if (failed) this.reader.end();
    else this.reader.release();
  }

  private take(batch: CellBatch): void {
    if (this.sink) this.replay(batch, this.sink);
    else this.waiting.push(batch);
  }

  private replay(batch: CellBatch, sink: CellSink): void {
    replayCells(batch, sink);
    this.port.postMessage({ took: true } satisfies ToReadWorker);
  }
}
