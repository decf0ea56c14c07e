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

/** The sizes `sheetsOffThread` picks parts by (inflated bytes). */
export interface OffThreadSizes {
  /** The largest part's least size (default OFF_THREAD_BYTES); Infinity: no part goes. */
  from?: number;
  /** The other parts' least size to go with it (default Infinity: none; COMBINE_BESIDE_BYTES in a team review). */
  besideFrom?: number;
}

/**
 * The team review's inputs' other sheet parts from this inflated size go to the worker too (see
 * docs/decisions.md): there the main thread merges each input while the worker reads the next, so
 * the worker has time to spare; in a single review it has none and reads the largest part alone.
 * The full-size benchmark cuts' 12.3 MB customers and 5 MB visits parts go, beside their 38 MB orders.
 */
export const COMBINE_BESIDE_BYTES = 4 * 1024 * 1024;

/**
 * The command line's `OffThreadSheets` for the .xlsx `file`: when the largest part inflates to
 * `from` bytes or more and the other parts to `from / 4` or more together (`sizeOf` gives a
 * part's inflated size), it is read on a worker thread, and with it, on the same worker in the
 * order given, every other part of `besideFrom` bytes or more.
 */
export function sheetsOffThread(
  file: string,
  sizeOf: (part: string) => number | undefined,
  { from = OFF_THREAD_BYTES, besideFrom = Infinity }: OffThreadSizes = {},
): OffThreadSheets {
  const size = (part: string) => sizeOf(part) ?? 0;
  return {
    pick(parts) {
      const largest = parts.reduce<string | undefined>(
        (a, p) => (a === undefined || size(p) > size(a) ? p : a),
        undefined,
      );
      const rest = parts.reduce((sum, p) => sum + size(p), 0) - (largest === undefined ? 0 : size(largest));
      if (largest === undefined || size(largest) < from || rest < from / 4) return [];
      return parts.filter((p) => p === largest || size(p) >= besideFrom);
    },
    start: (parts, date1904) =>
      new WorkerSheets(
        { role: READ_WORKER, file, date1904, parts: parts.map(({ part, marks }) => ({ part, marks })) },
        parts.map((p) => p.onRows),
      ).sheets,
  };
}

/**
 * Parts read on one worker, one after another: each part's batches are replayed into its sink as
 * they come (kept until it has one), each answered so the worker may post more. The worker is
 * ended once every part is read, at the first failure (which fails the part being read and
 * those after it, never read), or on `cancel`, so it never keeps the process alive.
 */
class WorkerSheets {
  readonly sheets: PartOnWorker[];
  private readonly worker: Worker;

  constructor(job: ReadJob, onRows: readonly ((rows: number) => void)[]) {
    this.worker = startWorker(join(__dirname, "readSheetWorker"), job);
    const took = () => this.worker.postMessage({ took: true } satisfies ToReadWorker);
    this.sheets = job.parts.map((_, i) => new PartOnWorker(took, onRows[i], this.cancel));
    this.worker.on("message", (m: FromReadWorker) => {
      try {
        if ("failed" in m) this.fail(errorFromWorker(m.failed));
        else this.sheets[m.sheet].hear(m);
      } catch (e) {
        this.fail(e);
      }
    });
    this.worker.once("error", (e) => this.fail(e));
    const names = job.parts.map((p) => p.part).join(", ");
    this.worker.once("exit", (code) => this.fail(new Error(`the worker reading ${names} stopped (exit code ${code})`)));
    // Also what keeps a failure before a part's `into` is called from being unhandled: `into` returns its `end` itself.
    void Promise.allSettled(this.sheets.map((s) => s.end)).then(this.cancel);
  }

  readonly cancel = (): void => void this.worker.terminate();

  /** Fails every part not yet read (the parts before the one being read are); a settled part keeps its end. */
  private fail(e: unknown): void {
    for (const sheet of this.sheets) sheet.fail(e);
    this.cancel();
  }
}

/** One part read on a `WorkerSheets`' worker. */
class PartOnWorker implements OffThreadSheet {
  readonly end: Promise<SheetEnd>;
  private readonly waiting: CellBatch[] = [];
  private sink: CellSink | undefined;
  private settle!: { resolve(end: SheetEnd): void; reject(e: unknown): void };

  constructor(
    private readonly took: () => void,
    private readonly onRows: (rows: number) => void,
    readonly cancel: () => void,
  ) {
    this.end = new Promise<SheetEnd>((resolve, reject) => (this.settle = { resolve, reject }));
  }

  async into(sink: CellSink): Promise<SheetEnd> {
    this.sink = sink;
    for (const batch of this.waiting.splice(0)) this.replay(batch, sink);
    return this.end;
  }

  hear(m: Exclude<FromReadWorker, { failed: unknown }>): void {
    if ("batch" in m) this.take(m.batch);
    else if ("rows" in m) this.onRows(m.rows);
    else this.settle.resolve(m.done);
  }

  fail(e: unknown): void {
    this.settle.reject(e);
  }

  private take(batch: CellBatch): void {
    if (this.sink) this.replay(batch, this.sink);
    else this.waiting.push(batch);
  }

  private replay(batch: CellBatch, sink: CellSink): void {
    replayCells(batch, sink);
    this.took();
  }
}
