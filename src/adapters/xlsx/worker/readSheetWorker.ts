import { isMainThread, parentPort, workerData, type MessagePort } from "node:worker_threads";
import { openXlsx } from "../package/openXlsx";
import { EncodeCells, type CellBatch } from "../stream/encodeCells";
import type { ByteChunks } from "../stream/parseXmlStream";
import { streamSheet, type SheetEnd } from "../stream/readSheetCells";
import { postedError, type PostedError } from "../../postedError";

export const READ_WORKER = "sales-review/readSheet";

/** What a sheet-reading worker is started with (`workerData`). */
export interface ReadJob {
  role: typeof READ_WORKER;
  /** The .xlsx file, opened again here (its directory is cheap to read). */
  file: string;
  date1904: boolean;
  /** The sheet parts to read, one after another in this order. */
  parts: ReadPart[];
}

/** A sheet part a worker reads. */
export interface ReadPart {
  part: string;
  /** Whether formulas and styles are told (the sheet has tables). */
  marks: boolean;
}

/**
 * The worker's messages: rows read so far (0 as a part starts), a batch of cells, then the part's
 * end (each naming its part by its place in `ReadJob.parts`), or the error that ended the reading.
 */
export type FromReadWorker =
  | { batch: CellBatch; sheet: number }
  | { rows: number; sheet: number }
  | { done: SheetEnd; sheet: number }
  | { failed: PostedError };

/** The main thread's answer to each batch once it has replayed it. */
export type ToReadWorker = { took: true };

/**
 * Batches posted and not yet replayed, at most (2 MB of numbers each), whichever parts they are
 * of: when the main thread is busy, this thread waits rather than filling the heap with a
 * million-row sheet's cells. 16 rather than 4 lets a team review's worker read on while the main
 * thread merges the input before (at 4 it waited there, and the combine was slower).
 */
const IN_FLIGHT = 16;

/**
 * The worker's side: opens the file and streams each part in turn through the same reader as the
 * main thread (`streamSheet`) into an `EncodeCells`, posting its start, its batches (buffers
 * moved), the rows read, then its end; the first error ends the reading and is posted.
 */
export async function serveReadJob(port: MessagePort, job: ReadJob): Promise<void> {
  const credit = new Credit(IN_FLIGHT);
  port.on("message", (_m: ToReadWorker) => credit.give());
  const post = (m: FromReadWorker, transfer: ArrayBuffer[] = []) => port.postMessage(m, transfer);
  try {
    const pkg = await openXlsx(job.file, { offThreadFrom: Infinity });
    try {
      for (const [sheet, { part, marks }] of job.parts.entries()) {
        const sink = new EncodeCells(marks, (batch, transfer) => {
          credit.spend();
          post({ batch, sheet }, transfer);
        });
        const opts = { date1904: job.date1904, part, onRows: (rows: number) => post({ rows, sheet }) };
        opts.onRows(0);
        const end = await streamSheet(paced(await pkg.openStream(part), credit), sink, opts);
        sink.flush();
        post({ done: end, sheet });
      }
    } finally {
      await pkg.close();
    }
  } catch (e) {
    post({ failed: postedError(e) });
  }
}

/** Batches out and not yet answered; `ready` waits until fewer than the limit are. */
class Credit {
  private out = 0;
  private wake: (() => void) | undefined;
  constructor(private readonly limit: number) {}
  spend(): void {
    this.out++;
  }
  give(): void {
    this.out--;
    this.wake?.();
  }
  async ready(): Promise<void> {
    while (this.out >= this.limit) await new Promise<void>((resolve) => (this.wake = resolve));
  }
}

/** The part's chunks, each one only once the main thread has room for what it may add. */
async function* paced(stream: ByteChunks, credit: Credit): AsyncGenerator<Uint8Array | string> {
  for await (const chunk of stream) {
    await credit.ready();
    yield chunk;
  }
}

const job = workerData as ReadJob | undefined;
if (!isMainThread && parentPort && job?.role === READ_WORKER) void serveReadJob(parentPort, job);
