import type { TextIds } from "./_lib/intern";

const BLANK = 0;
const NUMBER = 1;
const TEXT = 2;

/** The bits of a number, for hashing without a string. */
const bits = new Float64Array(1);
const bitWords = new Int32Array(bits.buffer);

/**
 * The normalised values of a sheet's rows, `width` a row, that a team review compares rows
 * by: blank, a number (day, amount, month) or the id of a normalised text (a folded text,
 * or `?raw` for a cell its review could not read) in the merge's TextIds. Two rows compare
 * equal exactly when the strings `norm` gives are equal field by field, but no string is
 * made per cell: a million order rows' amounts written as text and joined into keys were
 * a fifth of the merge, and their garbage most of the rest.
 * @example const n = new RowNorms(2); n.setNumber(0, 0, 1.5); n.setText(0, 1, texts.id("acme")); n.norm(0, 1, texts) === "acme"
 */
export class RowNorms {
  private tags: Uint8Array;
  private values: Float64Array;

  constructor(
    readonly width: number,
    rows = 16,
  ) {
    this.tags = new Uint8Array(Math.max(1, rows) * width);
    this.values = new Float64Array(Math.max(1, rows) * width);
  }

  setNumber(row: number, field: number, x: number): void {
    const at = this.at(row, field);
    this.tags[at] = NUMBER;
    this.values[at] = x + 0; // −0 reads as "0", as 0 does
  }

  /** A normalised text: "" is blank, as the merge always compared it. */
  setText(row: number, field: number, text: string, texts: TextIds): void {
    this.setId(row, field, text === "" ? -1 : texts.id(text));
  }

  /** A text normalised as its customerKey (`TextIds.keyId`): a blank key is blank. */
  setKey(row: number, field: number, text: string, texts: TextIds): void {
    this.setId(row, field, texts.keyId(text));
  }

  private setId(row: number, field: number, id: number): void {
    const at = this.at(row, field);
    this.tags[at] = id < 0 ? BLANK : TEXT;
    this.values[at] = id < 0 ? 0 : id;
  }

  /** The normalised value as a string: "" when blank, a number as `String` writes it, or the text. */
  norm(row: number, field: number, texts: TextIds): string {
    const at = row * this.width + field;
    const tag = this.tags[at];
    return tag === BLANK ? "" : tag === NUMBER ? String(this.values[at]) : texts.text(this.values[at]);
  }

  /** A hash of a row's values (equal rows hash alike). */
  hash(row: number): number {
    let h = 0x811c9dc5;
    for (let at = row * this.width, end = at + this.width; at < end; at++) {
      const v = this.values[at];
      bits[0] = v;
      // NaN's bits may vary; every NaN is one value here, as "NaN" was.
      const lo = v === v ? bitWords[0] : 0;
      const hi = v === v ? bitWords[1] : 0x7ff80000;
      h = Math.imul(h ^ this.tags[at], 0x01000193);
      h = Math.imul(h ^ lo, 0x01000193);
      h = Math.imul(h ^ hi, 0x01000193);
    }
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    return h ^ (h >>> 13);
  }

  /** Whether row `row` holds the values of row `other` of `from` (of the same width). */
  same(row: number, from: RowNorms, other: number): boolean {
    const a = row * this.width;
    const b = other * from.width;
    for (let f = 0; f < this.width; f++) {
      if (this.tags[a + f] !== from.tags[b + f]) return false;
      const x = this.values[a + f];
      const y = from.values[b + f];
      if (x !== y && (x === x || y === y)) return false;
    }
    return true;
  }

  /** The index of a field of a row, growing the tables to hold it. */
  private at(row: number, field: number): number {
    const at = row * this.width + field;
    if (at >= this.tags.length) {
      const size = Math.max(2 * this.tags.length, (row + 1) * this.width);
      const tags = new Uint8Array(size);
      tags.set(this.tags);
      const values = new Float64Array(size);
      values.set(this.values);
      this.tags = tags;
      this.values = values;
    }
    return at;
  }
}
