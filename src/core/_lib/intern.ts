import { customerKey } from "./text";

/**
 * Interns text values (salespeople, order ids) as small integers, so that the
 * engine compares numbers, not strings, in its per-row loops. Matching folds
 * width, case and white space; the first spelling seen is the one shown.
 */
export class Interner {
  readonly names: string[] = [];
  private readonly index = new Map<string, number>();
  /** Raw text → id: the same few spellings repeat on every row, and folding each costs far more than a lookup. */
  private readonly raw = new Map<string, number>();

  /** The id of a text, adding it when new; -1 for null. */
  add(text: string | null): number {
    if (text === null) return -1;
    const known = this.raw.get(text);
    if (known !== undefined) return known;
    const key = customerKey(text);
    let id = this.index.get(key);
    if (id === undefined) {
      id = this.names.length;
      this.names.push(text);
      this.index.set(key, id);
    }
    this.raw.set(text, id);
    return id;
  }

  /** The id of a text already added, or -1. */
  get(text: string | null): number {
    return text === null ? -1 : this.index.get(customerKey(text)) ?? -1;
  }

  get size(): number {
    return this.names.length;
  }
}

/**
 * Numbers distinct texts 0, 1, 2… in order of first appearance, matching them exactly
 * (no folding): the order ids of up to a million rows. A Map of a million fresh strings
 * costs ~0.4 µs a lookup and tens of MB of short-lived tables; this open-addressing
 * table of ints (FNV-1a hash, linear probing, at most half full) is a few times cheaper.
 * Each slot keeps the text's hash beside its id, so probing past other texts reads no string.
 * @example const ids = new TextIds(); [ids.id("SO-1"), ids.id("SO-2"), ids.id("SO-1")] → [0, 1, 0]
 */
export class TextIds {
  private readonly texts: string[];
  private count = 0;
  /** Slot i is [2i] = id + 1 (0 when empty), [2i + 1] = the text's hash. */
  private slots: Int32Array;

  /** @param expected how many texts may come, so that the table is made once at its final size. */
  constructor(expected = 1024) {
    let slots = 1024;
    while (slots < 2 * expected) slots *= 2;
    this.slots = new Int32Array(2 * slots);
    this.texts = new Array<string>(expected); // sized once: growing a million-element array copies it ~20 times
  }

  get size(): number {
    return this.count;
  }

  id(text: string): number {
    const h = hash(text);
    const mask = (this.slots.length >> 1) - 1;
    for (let i = h & mask; ; i = (i + 1) & mask) {
      const id = this.slots[2 * i] - 1;
      if (id < 0) {
        this.texts[this.count] = text;
        this.slots[2 * i] = ++this.count;
        this.slots[2 * i + 1] = h;
        if (this.count * 4 > this.slots.length) this.grow();
        return this.count - 1;
      }
      if (this.slots[2 * i + 1] === h && this.texts[id] === text) return id;
    }
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

function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h ^ (h >>> 16);
}
