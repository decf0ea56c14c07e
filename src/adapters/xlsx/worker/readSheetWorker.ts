import { isMainThread, parentPort, workerData, type MessagePort } from "node:worker_threads";
import { openXlsx } from "../package/openXlsx";
import { EncodeCells, type CellBatch } from "../stream/encodeCells";
import type { ByteChunks } from "../stream/parseXmlStream";
import { streamSheet, type SheetEnd } from "../stream/readSheetCells";
import { postedError, type PostedError } from "../../postedError";

export const READ_WORKER = "sales-review/readSheet";

/** What a sheet-reading worker is started with (`workerData`). */
export interface ReadWorkerData {
  role: typeof READ_WORKER;
}

/** One part to read: posted to the worker with the port its answers go to (`ReadRequest`). */
export interface ReadJob {
  /** The .xlsx file, opened again here (its directory is cheap to read). */
  file: string;
  part: string;
  date1904: boolean;
  /** Whether formulas and styles are told (the sheet has tables). */
  marks: boolean;
}

/** The worker's messages: a batch of cells, rows read so far, then the part's end or the error. */
export type FromReadWorker = { batch: CellBatch } | { rows: number } | { done: SheetEnd } | { failed: PostedError };

/** The main thread's answer to each batch once it has replayed it. */
export type ToReadWorker = { took: true };

/**
 * Batches posted and not yet replayed, at most (2 MB of numbers each): when the main thread is
 * busy, this thread waits rather than filling the heap with a million-row sheet's cells. 16, not
 * 4: while the main thread reads the other sheets it answers late, and at 4 this thread waited on
 * it (the full-size single run took ~2 s longer); 64 made the combine slower (docs/decisions.md).
 */
const IN_FLIGHT = 16;

/**
 * The worker's side: opens the file, streams the part through the same reader as the main
 * thread (`streamSheet`) into an `EncodeCells`, posting its batches (buffers moved), the rows
 * read, then the end or the error.
 */
export async function serveReadJob(port: MessagePort, job: ReadJob): Promise<void> {
  const credit = new Credit(IN_FLIGHT);
  port.on("message", (_m: ToReadWorker) => credit.give());
  const post = (m: FromReadWorker, transfer: ArrayBuffer[] = []) => port.postMessage(m, transfer);
  try {
    const pkg = await openXlsx(job.file, { offThreadFrom: Infinity });
    try {
      const sink = new EncodeCells(job.marks, (batch, transfer) => {
        credit.spend();
        post({ batch }, transfer);
      });
      const opts = { date1904: job.date1904, part: job.part, onRows: (rows: number) => post({ rows }) };
      const end = await streamSheet(paced(await pkg.openStream(job.part), credit), sink, opts);
      sink.flush();
      post({ done: end });
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

/** What the main thread posts to the worker for each part: the job and the port of its messages. */
export interface ReadRequest {
  job: ReadJob;
  port: MessagePort;
}

/**
 * The worker's loop: the parts it is sent, read one after another, each answered on its own
 * port (closed once the part is read or has failed), so that one warm worker reads a team
 * review's every input.
 */
function serveRequests(from: MessagePort): void {
  let last = Promise.resolve();
  from.on("message", ({ job, port }: ReadRequest) => {
    last = last.then(() => serveReadJob(port, job)).then(() => port.close());
  });
}

const data = workerData as ReadWorkerData | undefined;
if (!isMainThread && parentPort && data?.role === READ_WORKER) serveRequests(parentPort);
