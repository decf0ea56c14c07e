import type { Cell } from "../../../core/_lib/cells";
import type { CellSink } from "./cellSink";

/**
 * A run of `CellSink` calls as transferable arrays: one op code per call, its numbers (row,
 * column, then a number value or a shared-string index) in `nums`, its text values in `texts`.
 * Numbers are kept as doubles, so any row, column or index a damaged part holds replays as read.
 */
export interface CellBatch {
  ops: Uint8Array;
  nums: Float64Array;
  texts: string[];
}

const END_ROW = 0;
const NUMBER = 1;
const SHARED = 2;
const TEXT = 3;
const TRUE = 4;
const FALSE = 5;
const NONE = 6;
/** Or'ed into a cell's op when the cell is marked. */
const MARKED = 0x10;

/** Numbers per batch (2 MB): a batch is posted when full, so memory stays bounded at any sheet size. */
const BATCH_NUMS = 1 << 18;

/**
 * The sink that encodes: calls are written into a batch, and each full batch (and the last, at
 * `flush`) goes to `post` with the buffers it may move rather than copy.
 * @example const sink = new EncodeCells(false, (b) => replayCells(b, store)); ...; sink.flush()
 */
export class EncodeCells implements CellSink {
  private ops: Uint8Array<ArrayBuffer>;
  private nums: Float64Array<ArrayBuffer>;
  private texts: string[] = [];
  private opCount = 0;
  private numCount = 0;

  /** @param size numbers per batch, at least 3 (BATCH_NUMS; tests make it small to cut batches anywhere) */
  constructor(
    readonly marks: boolean,
    private readonly post: (batch: CellBatch, transfer: ArrayBuffer[]) => void,
    private readonly size = BATCH_NUMS,
  ) {
    this.ops = new Uint8Array(size);
    this.nums = new Float64Array(size);
  }

  cell(row: number, col: number, value: Cell, marked: boolean): void {
    const mark = marked ? MARKED : 0;
    if (typeof value === "number") this.put3(NUMBER | mark, row, col, value);
    else if (typeof value === "string") {
      this.put2(TEXT | mark, row, col);
      this.texts.push(value);
    } else this.put2((value === null ? NONE : value ? TRUE : FALSE) | mark, row, col);
  }

  sharedCell(row: number, col: number, index: number, marked: boolean): void {
    this.put3(SHARED | (marked ? MARKED : 0), row, col, index);
  }

  endRow(row: number): void {
    if (this.numCount + 1 > this.size) this.flush();
    this.ops[this.opCount++] = END_ROW;
    this.nums[this.numCount++] = row;
  }

  /** Posts what is not posted yet (a reader calls it once the part ends). */
  flush(): void {
    if (this.opCount === 0) return;
    const batch = {
      ops: this.ops.subarray(0, this.opCount),
      nums: this.nums.subarray(0, this.numCount),
      texts: this.texts,
    };
    this.post(batch, [this.ops.buffer, this.nums.buffer]);
    this.ops = new Uint8Array(this.size);
    this.nums = new Float64Array(this.size);
    this.texts = [];
    this.opCount = this.numCount = 0;
  }

  private put2(op: number, row: number, col: number): void {
    if (this.numCount + 2 > this.size) this.flush();
    this.ops[this.opCount++] = op;
    this.nums[this.numCount++] = row;
    this.nums[this.numCount++] = col;
  }

  private put3(op: number, row: number, col: number, n: number): void {
    if (this.numCount + 3 > this.size) this.flush();
    this.ops[this.opCount++] = op;
    this.nums[this.numCount++] = row;
    this.nums[this.numCount++] = col;
    this.nums[this.numCount++] = n;
  }
}

/** Makes on `sink` the calls a batch holds, in their order. */
export function replayCells(batch: CellBatch, sink: CellSink): void {
  const { ops, nums, texts } = batch;
  let n = 0;
  let t = 0;
  for (let i = 0; i < ops.length; i++) {
    const op = ops[i];
    if (op === END_ROW) {
      sink.endRow(nums[n++]);
      continue;
    }
    const row = nums[n++];
    const col = nums[n++];
    const marked = (op & MARKED) !== 0;
    switch (op & ~MARKED) {
      case NUMBER:
        sink.cell(row, col, nums[n++], marked);
        break;
      case SHARED:
        sink.sharedCell(row, col, nums[n++], marked);
        break;
      case TEXT:
        sink.cell(row, col, texts[t++], marked);
        break;
      case TRUE:
      case FALSE:
        sink.cell(row, col, (op & ~MARKED) === TRUE, marked);
        break;
      default:
        sink.cell(row, col, null, marked);
    }
  }
}
