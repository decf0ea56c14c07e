import { sameLowered, textHash } from "./_lib/intern";
import { customerKey, isFolded } from "./_lib/text";

const BLANK = 0;
const NUMBER = 1;
/** A text compared as its customerKey. */
const KEY = 2;
/** A text compared as it is. */
const EXACT = 3;

/** The bits of a number, for hashing without a string. */
const bits = new Float64Array(1);
const bitWords = new Int32Array(bits.buffer);

/**
 * The normalised values of a sheet's rows, `width` a row, that a team review compares rows
 * by: blank, a number (day, amount, month) or a text (a customer key, or `?raw` for a cell
 * its review could not read). Two rows compare equal exactly when the strings `norm` gives
 * are equal field by field, but no string is made per cell: a million order rows' amounts
 * written as text and joined into keys were a fifth of the merge. A text is kept as the
 * cell's own string, hashed where it stands; numbering every text in one table of the merge's
 * million texts cost as much again as the rest of reading the rows (docs/decisions.md).
 * @example const n = new RowNorms(2); n.setNumber(0, 0, 1.5); n.setKey(0, 1, "ACME"); n.norm(0, 1) === "acme"
 */
export class RowNorms {
  private tags: Uint8Array;
  /** A number, or a text's hash. */
  private values: Float64Array;
  /** Each field's texts by row. */
  private readonly texts: string[][];

  constructor(
    readonly width: number,
    rows = 16,
  ) {
    this.tags = new Uint8Array(Math.max(1, rows) * width);
    this.values = new Float64Array(Math.max(1, rows) * width);
    this.texts = Array.from({ length: width }, () => []);
  }

  setNumber(row: number, field: number, x: number): void {
    const at = this.at(row, field);
    this.tags[at] = NUMBER;
    this.values[at] = x + 0; // −0 reads as "0", as 0 does
  }

  /** A text compared as it is: "" is blank, as the merge always compared it. */
  setText(row: number, field: number, text: string): void {
    this.setString(row, field, EXACT, text, textHash(text));
  }

  /**
   * A text compared as its customerKey: a blank key is blank. Most texts (ids, names) are
   * their key with A–Z lowered and are kept as they are; others are kept as their key, which
   * has no A–Z, so that every kept text's key is itself with A–Z lowered.
   */
  setKey(row: number, field: number, text: string): void {
    const held = isFolded(text) >= 0 ? text : customerKey(text);
    this.setString(row, field, KEY, held, textHash(held, true));
  }

  private setString(row: number, field: number, tag: number, text: string, hash: number): void {
    const at = this.at(row, field);
    this.tags[at] = text === "" ? BLANK : tag;
    this.values[at] = text === "" ? 0 : hash;
    if (text !== "") this.texts[field][row] = text;
  }

  /** The normalised value as a string: "" when blank, a number as `String` writes it, or the text (a key as customerKey gives it). */
  norm(row: number, field: number): string {
    const at = row * this.width + field;
    const tag = this.tags[at];
    if (tag === BLANK) return "";
    if (tag === NUMBER) return String(this.values[at]);
    const text = this.texts[field][row];
    return tag === KEY && isFolded(text) === 1 ? text.toLowerCase() : text;
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
      const tag = this.tags[a + f];
      if (tag !== from.tags[b + f]) return false;
      const x = this.values[a + f];
      const y = from.values[b + f];
      if (x !== y && (x === x || y === y)) return false;
      if (tag >= KEY && !this.sameText(tag, this.texts[f][row], from.texts[f][other])) return false;
    }
    return true;
  }

  private sameText(tag: number, a: string, b: string): boolean {
    return tag === KEY ? sameLowered(a, b) : a === b;
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
