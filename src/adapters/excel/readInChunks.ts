import { checkAborted } from "./cancel";
import { packOps } from "./chunking";

/**
 * What `readInChunks` reads: blocks of rows, each loaded a range at a time. `queue` queues
 * the load of rows [start, start + rows) of a block and returns its handle; after the sync
 * `rowBytes` gives the JSON bytes of one of its rows as the response carried them, and
 * `keep` takes the rows.
 */
export interface ChunkSource<H> {
  blocks: readonly { rows: number; cols: number }[];
  queue(block: number, start: number, rows: number): H;
  rowBytes(handle: H, row: number): number;
  keep(block: number, start: number, handle: H): void;
}

export interface Part {
  block: number;
  start: number;
  rows: number;
}

/** Share of the limit a read request's response is planned to fill (at the estimate `MARGIN` already raised). */
export const READ_FILL = 0.95;
/** Bytes a cell is taken at before anything is known, to size the sample requests only. */
const PROBE_CELL_BYTES = 64;
/** Rows sampled in a block at most, in `SAMPLE_RUNS` runs spread over the block. */
const SAMPLE_ROWS = 512;
const SAMPLE_RUNS = 16;
/** Bytes of a part's own in the response beyond its rows: `{"values":[...]}` and the like. */
export const PART_BYTES = 64;
/** What the estimate of a row's bytes is multiplied by, for rows heavier than the ones sampled. */
export const MARGIN = 1.03;
/** Rows measured in a loaded part at most (evenly spaced), to learn its bytes per row. */
const MEASURED_ROWS = 4096;

/**
 * Reads blocks in row chunks sized by the bytes their rows were seen to take, each request's
 * response within `budget`: first one request samples runs of rows spread over every block
 * (a small block is read whole there), then each request is planned from what was learnt
 * (`ReadPlanner`), from the samples around the rows it reads and the last chunk read.
 * A response that still comes out over Excel's limit is refused whole and read again in halves.
 */
export async function readInChunks<H>(
  context: Excel.RequestContext,
  source: ChunkSource<H>,
  budget: number,
  signal?: AbortSignal,
  onProgress?: (rowsRead: number) => void,
): Promise<void> {
  const n = source.blocks.filter((b) => b.rows > 0).length;
  const samples: { start: number; perRow: number }[][] = source.blocks.map(() => []);
  const whole: boolean[] = [];
  const probe: (Part & { bytes: number; keep: boolean })[] = [];
  source.blocks.forEach((b, i) => {
    const cellBytes = Math.max(1, b.cols) * PROBE_CELL_BYTES;
    const allowance = Math.max(1, Math.min(SAMPLE_ROWS, Math.floor(budget / Math.max(1, n) / cellBytes)));
    whole[i] = b.rows <= allowance;
    if (b.rows === 0) return;
    const parts = whole[i] ? [{ start: 0, rows: b.rows }] : sampleRuns(b.rows, allowance);
    for (const p of parts) probe.push({ block: i, ...p, bytes: p.rows * cellBytes, keep: whole[i] });
  });

  let read = 0;
  const load = async (parts: (Part & { keep: boolean })[], learn: (p: Part, perRow: number) => void): Promise<void> => {
    checkAborted(signal);
    onProgress?.(read);
    const handles = parts.map((p) => source.queue(p.block, p.start, p.rows));
    try {
      await context.sync();
    } catch (e) {
      if (!isPayloadError(e)) throw e;
      const halves = splitParts(parts);
      if (!halves) throw e;
      for (const h of halves) await load(h, learn);
      return;
    }
    parts.forEach((p, i) => {
      learn(p, measure(source, handles[i], p.rows));
      if (!p.keep) return;
      source.keep(p.block, p.start, handles[i]);
      read += p.rows;
    });
    onProgress?.(read);
  };
  for (const batch of packOps(probe, budget))
    await load(batch, (p, perRow) => samples[p.block].push({ start: p.start, perRow }));

  const planner = new ReadPlanner(
    source.blocks.map((b) => b.rows),
    samples.map((s) => s.sort((x, y) => x.start - y.start)),
    whole,
  );
  for (let parts = planner.next(budget); parts.length > 0; parts = planner.next(budget)) {
    await load(
      parts.map((p) => ({ ...p, keep: true })),
      (p, perRow) => planner.observe(p.block, perRow),
    );
  }
}

/**
 * Plans read requests from what rows were seen to weigh. A row between two samples is taken
 * at the heavier of the two (rows past the last sample at its weight), and rows in the stretch
 * where the block's last part ended at no less than that part weighed, all times `MARGIN`: a
 * request's response stays within the budget unless rows are far heavier than any seen near them.
 */
export class ReadPlanner {
  private readonly cursor: number[];
  private readonly last: number[];

  constructor(
    private readonly rows: readonly number[],
    private readonly samples: readonly (readonly { start: number; perRow: number }[])[],
    done: readonly boolean[],
  ) {
    this.cursor = rows.map((r, i) => (done[i] ? r : 0));
    this.last = rows.map(() => 0);
  }

  /** The parts of the next request, filling `budget`; none when everything is planned. */
  next(budget: number): Part[] {
    const parts: Part[] = [];
    let left = budget;
    for (let b = 0; b < this.rows.length; b++) {
      const start = this.cursor[b];
      if (start >= this.rows[b]) continue;
      let fit = this.fit(b, left - PART_BYTES);
      if (fit.rows === 0) {
        if (parts.length > 0) break;
        fit = { rows: 1, bytes: 0 };
      }
      parts.push({ block: b, start, rows: fit.rows });
      this.cursor[b] += fit.rows;
      left -= fit.bytes + PART_BYTES;
      if (this.cursor[b] < this.rows[b]) break;
    }
    return parts;
  }

  /** What a part just read weighed, per row: the rest of its stretch is planned at no less. */
  observe(block: number, perRow: number): void {
    this.last[block] = perRow;
  }

  /** The most rows from the block's cursor whose planned bytes fit in `room`, stretch by stretch. */
  private fit(block: number, room: number): { rows: number; bytes: number } {
    const s = this.samples[block];
    const end = this.rows[block];
    let a = this.cursor[block];
    let bytes = 0;
    let j = 0;
    while (j + 1 < s.length && s[j + 1].start <= a) j++;
    let first = true;
    while (a < end) {
      // The stretch [a, to): from the cursor (or sample j) to the next sample.
      const to = j + 1 < s.length ? s[j + 1].start : end;
      const seen = Math.max(s[j]?.perRow ?? 0, s[j + 1]?.perRow ?? 0, first ? this.last[block] : 0);
      const perRow = Math.max(1, seen) * MARGIN;
      const n = Math.min(to - a, Math.floor((room - bytes) / perRow));
      bytes += n * perRow;
      a += n;
      if (a < to) break;
      j++;
      first = false;
    }
    return { rows: a - this.cursor[block], bytes };
  }
}

/** `SAMPLE_RUNS` runs of rows (fewer when few rows are allowed), evenly from a block's first row to its last. */
function sampleRuns(rows: number, sampleRows: number): { start: number; rows: number }[] {
  const runs = Math.min(SAMPLE_RUNS, sampleRows);
  const length = Math.max(1, Math.floor(sampleRows / runs));
  const span = rows - length;
  return Array.from({ length: runs }, (_, k) => ({
    start: runs === 1 ? 0 : Math.round((k * span) / (runs - 1)),
    rows: length,
  }));
}

/** Bytes per row of a loaded part, measured on up to `MEASURED_ROWS` rows spread over it. */
function measure<H>(source: ChunkSource<H>, handle: H, rows: number): number {
  const step = Math.max(1, Math.ceil(rows / MEASURED_ROWS));
  let bytes = 0;
  let seen = 0;
  for (let r = 0; r < rows; r += step) {
    bytes += source.rowBytes(handle, r);
    seen++;
  }
  return seen === 0 ? 0 : bytes / seen;
}

export function isPayloadError(e: unknown): boolean {
  const code = typeof e === "object" && e !== null && "code" in e ? String((e as { code: unknown }).code) : "";
  return /PayloadSizeLimit/i.test(code);
}

/** Two halves of a batch: by parts when there are several, else by rows; null when it cannot shrink. */
function splitParts<P extends Part>(parts: P[]): P[][] | null {
  if (parts.length > 1) return [parts.slice(0, parts.length >> 1), parts.slice(parts.length >> 1)];
  const p = parts[0];
  if (p.rows < 2) return null;
  const half = p.rows >> 1;
  return [[{ ...p, rows: half }], [{ ...p, start: p.start + half, rows: p.rows - half }]];
}
