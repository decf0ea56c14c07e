import { textHash } from "./intern";

/** What a row is compared by: its normalised fields, and a cost row's monthly columns (header key and normalised amount). */
export interface RowKey {
  norms: readonly string[];
  monthly?: readonly { key: string; norm: string }[];
}

/**
 * Numbers distinct rows 0, 1, 2… in order of first appearance, two rows being the same when
 * every normalised field (and monthly column) is. A million order rows are merged: joining
 * each row's fields into one text to look it up built a string and copied its characters per
 * row (~200 MB at full size); here a row is hashed field by field into an open-addressing
 * table of ints, and a hash match is confirmed field by field against the row first numbered,
 * so rows whose hashes collide stay apart.
 * @example const ids = new RowIds(); [ids.id({ norms: ["a", "1"] }), ids.id({ norms: ["b", "1"] }), ids.id({ norms: ["a", "1"] })] → [0, 1, 0]
 */
export class RowIds {
  /** The first row of each number's fields (not the row object: a million rows' other parts may go). */
  private readonly norms: (readonly string[])[] = [];
  private readonly monthly: RowKey["monthly"][] = [];
  /** Slot i is [2i] = id + 1 (0 when empty), [2i + 1] = the row's hash. */
  private slots = new Int32Array(2 * 1024);

  get size(): number {
    return this.norms.length;
  }

  /** The number of a row, numbering it when new (its fields are kept, unchanged, to confirm later matches). */
  id(row: RowKey): number {
    const h = rowHash(row);
    const mask = (this.slots.length >> 1) - 1;
    for (let i = h & mask; ; i = (i + 1) & mask) {
      const id = this.slots[2 * i] - 1;
      if (id < 0) return this.add(row, h, i);
      if (this.slots[2 * i + 1] === h && sameRow(this.norms[id], this.monthly[id], row)) return id;
    }
  }

  private add(row: RowKey, h: number, slot: number): number {
    const id = this.norms.length;
    this.norms.push(row.norms);
    this.monthly.push(row.monthly);
    this.slots[2 * slot] = id + 1;
    this.slots[2 * slot + 1] = h;
    if (this.norms.length * 4 > this.slots.length) this.grow();
    return id;
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Int32Array(old.length * 2);
    const mask = (this.slots.length >> 1) - 1;
    for (let j = 0; j < old.length; j += 2) {
      if (old[j] === 0) continue;
      let i = old[j + 1] & mask;
      while (this.slots[2 * i] !== 0) i = (i + 1) & mask;
      this.slots[2 * i] = old[j];
      this.slots[2 * i + 1] = old[j + 1];
    }
  }
}

/** The fields' text hashes mixed in order (FNV-style), so that swapped fields hash apart. */
function rowHash(row: RowKey): number {
  let h = 0x811c9dc5 | 0;
  for (const n of row.norms) h = Math.imul(h ^ textHash(n), 0x01000193);
  if (row.monthly) {
    h = Math.imul(h ^ 0x2bad, 0x01000193);
    for (const m of row.monthly)
      h = Math.imul(Math.imul(h ^ textHash(m.key), 0x01000193) ^ textHash(m.norm), 0x01000193);
  }
  return h ^ (h >>> 15);
}

function sameRow(norms: readonly string[], monthly: RowKey["monthly"], b: RowKey): boolean {
  if (norms.length !== b.norms.length) return false;
  for (let f = 0; f < norms.length; f++) if (norms[f] !== b.norms[f]) return false;
  if (!monthly || !b.monthly) return monthly === b.monthly;
  if (monthly.length !== b.monthly.length) return false;
  for (let k = 0; k < monthly.length; k++)
    if (monthly[k].key !== b.monthly[k].key || monthly[k].norm !== b.monthly[k].norm) return false;
  return true;
}
