/** A unit of work for one request: its estimated size in bytes and what to queue. */
export interface QueuedOp {
  bytes: number;
  queue: () => void;
}

/** What an Office request may carry: Excel on the web refuses over 5 MB; we stay under 4 MB. */
export const DEFAULT_LIMIT_BYTES = 4 * 1024 * 1024;
/** Share of the limit a request is planned to fill, leaving room for estimates that run short. */
export const FILL = 0.85;

/**
 * Packs operations, in order, into batches whose estimated bytes stay within `budget`;
 * an operation bigger than the budget on its own gets a batch to itself (callers split
 * rows so that this does not happen).
 * @example packOps([{ bytes: 3 }, { bytes: 3 }, { bytes: 3 }], 6).map((b) => b.length) → [2, 1]
 */
export function packOps<T extends { bytes: number }>(ops: readonly T[], budget: number): T[][] {
  const batches: T[][] = [];
  let current: T[] = [];
  let size = 0;
  for (const op of ops) {
    if (current.length > 0 && size + op.bytes > budget) {
      batches.push(current);
      current = [];
      size = 0;
    }
    current.push(op);
    size += op.bytes;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

/**
 * Splits rows [0, count) into runs whose summed byte cost stays within `budget`.
 * @example splitRows([5, 5, 5, 5], 10) → [[0, 2], [2, 4]]
 */
export function splitRows(rowBytes: ArrayLike<number>, budget: number): [number, number][] {
  const runs: [number, number][] = [];
  let start = 0;
  let size = 0;
  for (let i = 0; i < rowBytes.length; i++) {
    if (i > start && size + rowBytes[i] > budget) {
      runs.push([start, i]);
      start = i;
      size = 0;
    }
    size += rowBytes[i];
  }
  if (rowBytes.length > start) runs.push([start, rowBytes.length]);
  return runs;
}

/** Bytes a value adds to a request's JSON. */
export function jsonBytes(v: unknown): number {
  if (typeof v === "string") return v.length * (/[^\x00-\x7f]/.test(v) ? 3 : 1) + 3;
  if (typeof v === "number") return 12;
  return 6;
}
