/** A unit of work for one request: its size in bytes and what to queue (a promise when it builds its arguments paced). */
export interface QueuedOp {
  bytes: number;
  queue: () => void | Promise<void>;
}

/**
 * Rows of a 2-D block that may go out over several requests: each row's bytes, the fixed
 * bytes of one request's share of the block (object paths, property names) and what queues
 * rows [a, b).
 */
export interface RowsOp {
  rowBytes: ArrayLike<number>;
  partBytes: number;
  queueRows: (a: number, b: number) => void | Promise<void>;
}

/** What an Office request may carry: Excel on the web refuses over 5 MB; we stay under 4 MB. */
export const DEFAULT_LIMIT_BYTES = 4 * 1024 * 1024;
/**
 * Share of the limit a request is planned to fill. Written values are counted exactly
 * (`jsonBytes`); what is estimated (formats, rules, object paths) is estimated high.
 */
export const FILL = 0.95;

/**
 * Packs operations, in order, into batches whose bytes stay within `budget`; an operation
 * bigger than the budget on its own gets a batch to itself.
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
 * Packs work, in order, into requests of at most `budget` bytes, cutting row blocks at the
 * row where a request is full so that every request but the last is filled (a block does not
 * start a request of its own). A single row or operation over the budget goes alone. Each
 * operation returned says which item of `work` it came from.
 * @example packWork([{ bytes: 4, queue }, { rowBytes: [3, 3, 3], partBytes: 1, queueRows }], 10)
 *   → two requests: the 4-byte op with rows [0, 1) (4 + 1 + 3 bytes), then rows [1, 3)
 */
export function packWork(work: readonly (QueuedOp | RowsOp)[], budget: number): (QueuedOp & { from: number })[][] {
  const batches: (QueuedOp & { from: number })[][] = [];
  let current: (QueuedOp & { from: number })[] = [];
  let size = 0;
  const flush = (): void => {
    if (current.length > 0) batches.push(current);
    current = [];
    size = 0;
  };
  work.forEach((w, from) => {
    if ("bytes" in w) {
      if (current.length > 0 && size + w.bytes > budget) flush();
      current.push({ bytes: w.bytes, queue: w.queue, from });
      size += w.bytes;
      return;
    }
    const n = w.rowBytes.length;
    let a = 0;
    while (a < n) {
      let b = a;
      let bytes = w.partBytes;
      while (b < n && size + bytes + w.rowBytes[b] <= budget) bytes += w.rowBytes[b++];
      if (b === a) {
        if (current.length > 0) {
          flush();
          continue;
        }
        bytes += w.rowBytes[b++];
      }
      const [start, end] = [a, b];
      current.push({ bytes, queue: () => w.queueRows(start, end), from });
      size += bytes;
      a = b;
      if (a < n) flush();
    }
  });
  flush();
  return batches;
}

/**
 * Bytes a value takes in a request's or response's JSON (UTF-8), with the comma after it:
 * exact for text, numbers, booleans and null, as `JSON.stringify` writes them.
 * @example [jsonBytes("abc"), jsonBytes("客户"), jsonBytes(1.5), jsonBytes(true)] → [6, 9, 4, 5]
 */
export function jsonBytes(v: unknown): number {
  if (typeof v === "string") return textBytes(v) + 1;
  if (typeof v === "number") return numberBytes(v) + 1;
  if (typeof v === "boolean") return v ? 5 : 6;
  if (v === null || v === undefined) return 5;
  return new TextEncoder().encode(JSON.stringify(v)).length + 1;
}

/**
 * Bytes of one row of a 2-D array in JSON, brackets and the comma after it included
 * (the first `width` cells, blanks counting as "").
 * @example rowJsonBytes([1, "a"]) === 9 // [1,"a"],
 */
export function rowJsonBytes(row: readonly unknown[], width = row.length): number {
  let n = 2;
  for (let c = 0; c < width; c++) n += jsonBytes(row[c] ?? "");
  return n;
}

/** Characters of a number in JSON (null for NaN and ±Infinity); whole numbers counted without making a string. */
function numberBytes(v: number): number {
  if (!Number.isFinite(v)) return 4;
  if (!Number.isInteger(v) || Math.abs(v) >= 1e15) return String(v).length;
  let n = v < 0 ? 2 : 1;
  for (let x = Math.abs(v); x >= 10; x /= 10) n++;
  return n;
}

/** UTF-8 bytes of a string written as JSON text, quotes and escapes included. */
function textBytes(s: string): number {
  let n = 2;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80)
      n +=
        c === 0x22 || c === 0x5c ? 2 : c >= 0x20 ? 1 : c === 8 || c === 9 || c === 10 || c === 12 || c === 13 ? 2 : 6;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      i++;
    } else if (c >= 0xd800 && c <= 0xdfff)
      n += 6; // a lone surrogate: JSON.stringify writes \udxxx
    else n += 3;
  }
  return n;
}

/**
 * Bytes a request spends on `ops` operations (method calls, property sets) on objects of a
 * sheet, besides their arguments: each names its object by a path from the workbook, which
 * names the sheet. Taken high (the Excel double measured 100–190 bytes an operation).
 */
export function opBytes(sheet: string, ops: number): number {
  return ops * (200 + 2 * textBytes(sheet));
}

/** Bytes a request spends on one part of a block written to a sheet besides its rows (getItem, getRangeByIndexes, two assignments). */
export function partBytes(sheet: string): number {
  return opBytes(sheet, 4);
}
