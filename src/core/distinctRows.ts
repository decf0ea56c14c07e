import { doubledSlots } from "./_lib/intern";
import { RowNorms } from "./rowNorms";

/**
 * Numbers distinct rows of normalised values 0, 1, 2… in order of first appearance, as
 * TextIds numbers texts: an open-addressing table of ints (linear probing, at most half
 * full), each slot keeping its row's hash beside its id, and a copy of each distinct
 * row's values to confirm a match on.
 * @example const d = new DistinctRows(3); [d.id(norms, 0), d.id(norms, 1)] → [0, 0] when rows 0 and 1 hold the same values
 */
export class DistinctRows {
  private count = 0;
  /** Slot i is [2i] = id + 1 (0 when empty), [2i + 1] = the row's hash. */
  private slots = new Int32Array(2 * 1024);
  private readonly rows: RowNorms;

  constructor(width: number) {
    this.rows = new RowNorms(width, 1024);
  }

  /** The number of row `row` of `norms`, numbering it when new. */
  id(norms: RowNorms, row: number): number {
    const h = norms.hash(row);
    const mask = (this.slots.length >> 1) - 1;
    for (let i = h & mask; ; i = (i + 1) & mask) {
      const id = this.slots[2 * i] - 1;
      if (id < 0) return this.add(norms, row, h, i);
      if (this.slots[2 * i + 1] === h && this.rows.same(id, norms, row)) return id;
    }
  }

  private add(norms: RowNorms, row: number, h: number, slot: number): number {
    const id = this.count++;
    this.rows.copy(id, norms, row);
    this.slots[2 * slot] = id + 1;
    this.slots[2 * slot + 1] = h;
    if (this.count * 4 > this.slots.length) this.slots = doubledSlots(this.slots);
    return id;
  }
}
