import { copyInto, doubledSlots } from "./_lib/intern";
import type { RowNorms } from "./rowNorms";

/**
 * Numbers distinct rows of normalised values 0, 1, 2… in order of first appearance, as
 * TextIds numbers texts: an open-addressing table of ints (linear probing, at most half
 * full), each slot keeping its row's hash beside its id. A distinct row is confirmed on where
 * it was first seen (its `RowNorms` and row there), which stays alive as long as the table:
 * a copy of each, grown by doubling, was the merge's largest allocation (docs/decisions.md).
 * @example const d = new DistinctRows(); [d.id(norms, 0), d.id(norms, 1)] → [0, 0] when rows 0 and 1 hold the same values
 */
export class DistinctRows {
  private count = 0;
  /** Slot i is [2i] = id + 1 (0 when empty), [2i + 1] = the row's hash. */
  private slots = new Int32Array(2 * 1024);
  /** Where distinct row `id` was first seen: row `rows[id]` of `sources[from[id]]`. */
  private readonly sources: RowNorms[] = [];
  private from: Int32Array = new Int32Array(1024);
  private rows: Int32Array = new Int32Array(1024);

  /** The number of row `row` of `norms`, numbering it when new. */
  id(norms: RowNorms, row: number): number {
    const h = norms.hash(row);
    const mask = (this.slots.length >> 1) - 1;
    for (let i = h & mask; ; i = (i + 1) & mask) {
      const id = this.slots[2 * i] - 1;
      if (id < 0) return this.add(norms, row, h, i);
      if (this.slots[2 * i + 1] === h && this.sources[this.from[id]].same(this.rows[id], norms, row)) return id;
    }
  }

  private add(norms: RowNorms, row: number, h: number, slot: number): number {
    const id = this.count++;
    if (this.sources[this.sources.length - 1] !== norms) this.sources.push(norms);
    if (id === this.rows.length) {
      this.from = copyInto(new Int32Array(2 * id), this.from);
      this.rows = copyInto(new Int32Array(2 * id), this.rows);
    }
    this.from[id] = this.sources.length - 1;
    this.rows[id] = row;
    this.slots[2 * slot] = id + 1;
    this.slots[2 * slot + 1] = h;
    if (this.count * 4 > this.slots.length) this.slots = doubledSlots(this.slots);
    return id;
  }
}
