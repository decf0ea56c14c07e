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
    return text === null ? -1 : (this.index.get(customerKey(text)) ?? -1);
  }

  get size(): number {
    return this.names.length;
  }
}

/**
 * Numbers distinct texts 0, 1, 2… in order of first appearance, matching them exactly
 * (no folding): the raw customer cells of up to a million order rows, which CustomerTable
 * memoizes, and the folded keys it matches on. A Map of a million fresh strings costs
 * ~0.4 µs a lookup and tens of MB of short-lived tables; this open-addressing table of
 * ints (linear probing, at most half full) is a few times cheaper. Each slot keeps the text's
 * hash beside its id, so probing past other texts reads no string, and the texts are
 * kept as char codes end to end: confirming a match reads this compact array, not a
 * string somewhere in a heap of a million cells (a cache miss each), and the GC has
 * no array of a million strings to trace.
 * @example const ids = new TextIds(); [ids.id("SO-1"), ids.id("SO-2"), ids.id("SO-1")] → [0, 1, 0]
 */
export class TextIds {
  private count = 0;
  /** Slot i is [2i] = id + 1 (0 when empty), [2i + 1] = the text's hash. */
  private slots: Int32Array;
  /** Text n's char codes are chars[starts[n]] … chars[starts[n + 1] − 1]. */
  private chars: Uint16Array;
  private starts: Int32Array;

  /** @param expected how many texts may come, so that the tables are made once at their final size. */
  constructor(expected = 1024) {
    let slots = 1024;
    while (slots < 2 * expected) slots *= 2;
    this.slots = new Int32Array(2 * slots);
    this.starts = new Int32Array(expected + 1);
    this.chars = new Uint16Array(12 * expected);
  }

  get size(): number {
    return this.count;
  }

  /** The number of a text, numbering it when new. */
  id(text: string): number {
    const h = textHash(text);
    const mask = (this.slots.length >> 1) - 1;
    for (let i = h & mask; ; i = (i + 1) & mask) {
      const id = this.slots[2 * i] - 1;
      if (id < 0) return this.add(text, h, i);
      if (this.slots[2 * i + 1] === h && this.holds(id, text)) return id;
    }
  }

  /** The number of a text already numbered, or −1. */
  find(text: string): number {
    const h = textHash(text);
    const mask = (this.slots.length >> 1) - 1;
    for (let i = h & mask; ; i = (i + 1) & mask) {
      const id = this.slots[2 * i] - 1;
      if (id < 0) return -1;
      if (this.slots[2 * i + 1] === h && this.holds(id, text)) return id;
    }
  }

  /** Text number `id`, as it was numbered. */
  text(id: number): string {
    let out = "";
    for (let j = this.starts[id]; j < this.starts[id + 1]; j++) out += String.fromCharCode(this.chars[j]);
    return out;
  }

  /** Whether text number `id` is `text`. */
  private holds(id: number, text: string): boolean {
    const start = this.starts[id];
    if (this.starts[id + 1] - start !== text.length) return false;
    for (let j = 0; j < text.length; j++) if (this.chars[start + j] !== text.charCodeAt(j)) return false;
    return true;
  }

  /** Numbers a new text, in empty slot `slot`. */
  private add(text: string, h: number, slot: number): number {
    const id = this.count++;
    if (this.starts.length < this.count + 1)
      this.starts = copyInto(new Int32Array(2 * this.starts.length), this.starts);
    const start = this.starts[id];
    const end = start + text.length;
    if (this.chars.length < end)
      this.chars = copyInto(new Uint16Array(Math.max(2 * this.chars.length, end)), this.chars);
    for (let j = 0; j < text.length; j++) this.chars[start + j] = text.charCodeAt(j);
    this.starts[id + 1] = end;
    this.slots[2 * slot] = id + 1;
    this.slots[2 * slot + 1] = h;
    if (this.count * 4 > this.slots.length) this.slots = doubledSlots(this.slots);
    return id;
  }
}

/**
 * An open-addressing table's slots (slot i: [2i] = id + 1, 0 when empty; [2i + 1] = the hash)
 * moved into a table twice as large, each at its hash's first free slot (linear probing):
 * TextIds' and DistinctRows' one way to grow.
 */
export function doubledSlots(old: Int32Array): Int32Array<ArrayBuffer> {
  const slots = new Int32Array(old.length * 2);
  const mask = (slots.length >> 1) - 1;
  for (let j = 0; j < old.length; j += 2) {
    if (old[j] === 0) continue;
    let i = old[j + 1] & mask;
    while (slots[2 * i] !== 0) i = (i + 1) & mask;
    slots[2 * i] = old[j];
    slots[2 * i + 1] = old[j + 1];
  }
  return slots;
}

/** `from` copied into the start of `bigger`, which is returned: how a table of ints grows. */
export function copyInto<T extends Int32Array | Uint16Array>(bigger: T, from: T): T {
  bigger.set(from);
  return bigger;
}

/**
 * A multiply-by-31 string hash, high bits folded into the low ones. Unlike FNV it keeps
 * ids that differ in their last characters (SO00000001, SO00000002…) in neighbouring
 * slots, so numbering a million sequential order ids walks the table instead of missing
 * the cache on every row (2× faster); the runs it forms cost a few more probes of ints.
 * Distinct texts may share a hash ("Aa" and "BB" do): tables confirm a match on the text.
 */
export function textHash(text: string, lower = false): number {
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (Math.imul(h, 31) + charAt(text, i, lower)) | 0;
  return h ^ (h >>> 16);
}

/**
 * Whether two texts are equal with A–Z lowered in both: how the merge compares texts held so
 * that their customerKey is themselves with A–Z lowered (see RowNorms.setKey).
 * @example sameLowered("SO-1", "so-1") → true; sameLowered("Ａ", "a") → false
 */
export function sameLowered(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (charAt(a, i, true) !== charAt(b, i, true)) return false;
  return true;
}

/** The char code at `i`, A–Z lowered when `lower`. */
function charAt(text: string, i: number, lower: boolean): number {
  const c = text.charCodeAt(i);
  return lower && c >= 0x41 && c <= 0x5a ? c + 0x20 : c;
}
