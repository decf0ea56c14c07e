/** Bytes of a chunk: a part is handed on a megabyte at a time, so a million-row sheet streams in bounded memory. */
const CHUNK_BYTES = 1 << 20;
/** Room past CHUNK_BYTES for the row that fills a chunk, so that a chunk is seldom grown (copied) for it. */
const ROW_ROOM = 1 << 16;
const EMPTY = Buffer.alloc(0);
/**
 * `decimal` writes whole cents itself below this magnitude (a trillion): there a double's
 * spacing (under 2^−12) is far below a cent, so no two cent values are one double.
 */
const MAX_CENTS_VALUE = 1e12;

/**
 * A generated part's bytes, written where they go: markup char by char, texts encoded as
 * UTF-8 as Node encodes them, numbers as `String` writes them. A row of a million-row sheet
 * built as one string and then encoded cost a string per piece, a flattening and an
 * encoding pass; written here it costs none of them (docs/decisions.md).
 * @example const b = new PartBytes(); b.ascii("<v>"); b.decimal(12.5); b.ascii("</v>"); b.take() // "<v>12.5</v>"
 */
export class PartBytes {
  /** Made at the first write after a `take`, so that taking the last chunk makes none. */
  private chunk = EMPTY;
  private at = 0;

  /** Whether a chunk's worth is written: the caller hands it on (`take`) between rows. */
  get full(): boolean {
    return this.at >= CHUNK_BYTES;
  }

  /** Whether a chunk's worth would be written with `more` bytes more. */
  fullWith(more: number): boolean {
    return this.at + more >= CHUNK_BYTES;
  }

  /** Everything written since the last `take`, as a buffer of its own. */
  take(): Buffer {
    const out = this.chunk.subarray(0, this.at);
    this.chunk = EMPTY;
    this.at = 0;
    return out;
  }

  /**
   * Text of one byte per char: markup and digits (below U+0080), or a byte string (the latin1
   * text of bytes, as the patcher reads a part).
   */
  ascii(s: string): void {
    this.room(s.length);
    const chunk = this.chunk;
    let at = this.at;
    for (let i = 0; i < s.length; i++) chunk[at++] = s.charCodeAt(i);
    this.at = at;
  }

  /** Bytes made once (a column's `<c r="B`, a style attribute): copied. */
  bytes(b: Uint8Array): void {
    this.room(b.length);
    const chunk = this.chunk;
    let at = this.at;
    for (let i = 0; i < b.length; i++) chunk[at++] = b[i];
    this.at = at;
  }

  /** Bytes `from`…`to` of `source` (a patched part's bytes kept as they are), in one copy. */
  copy(source: Uint8Array, from: number, to: number): void {
    this.room(to - from);
    this.chunk.set(source.subarray(from, to), this.at);
    this.at += to - from;
  }

  /** A whole number from 0 up (a row number, a string index), in decimal digits. */
  whole(n: number): void {
    this.room(16);
    this.digits(n);
  }

  /** Any text, as UTF-8 (a lone surrogate as U+FFFD, as `Buffer.from` writes it). */
  text(s: string): void {
    this.room(3 * s.length);
    const chunk = this.chunk;
    let at = this.at;
    for (let i = 0; i < s.length; i++) {
      let c = s.charCodeAt(i);
      if (c < 0x80) chunk[at++] = c;
      else if (c < 0x800) {
        chunk[at++] = 0xc0 | (c >> 6);
        chunk[at++] = 0x80 | (c & 0x3f);
      } else {
        if (c >= 0xd800 && c <= 0xdfff) {
          const next = s.charCodeAt(i + 1);
          if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
            c = 0x10000 + ((c - 0xd800) << 10) + (next - 0xdc00);
            i++;
            chunk[at++] = 0xf0 | (c >> 18);
            chunk[at++] = 0x80 | ((c >> 12) & 0x3f);
            chunk[at++] = 0x80 | ((c >> 6) & 0x3f);
            chunk[at++] = 0x80 | (c & 0x3f);
            continue;
          }
          c = 0xfffd;
        }
        chunk[at++] = 0xe0 | (c >> 12);
        chunk[at++] = 0x80 | ((c >> 6) & 0x3f);
        chunk[at++] = 0x80 | (c & 0x3f);
      }
    }
    this.at = at;
  }

  /**
   * A finite number exactly as `String(x)` writes it. An amount in whole cents (what a sheet
   * of money holds) is written digit by digit: it is the double nearest its decimal, and no
   * other decimal of as few digits is (see MAX_CENTS_VALUE), so that decimal is the shortest
   * one `String` would choose. Any other number goes through `String`.
   * @example decimal(-1234.5) writes "-1234.5"; decimal(0.07) writes "0.07"
   */
  decimal(x: number): void {
    const cents = Math.round(x * 100);
    if (cents / 100 !== x || !(Math.abs(x) < MAX_CENTS_VALUE)) {
      this.ascii(String(x));
      return;
    }
    this.room(20);
    let n = cents;
    if (n < 0) {
      this.chunk[this.at++] = 0x2d; // "-"
      n = -n;
    }
    const whole = Math.floor(n / 100);
    this.digits(whole);
    const frac = n - whole * 100;
    if (frac === 0) return;
    this.chunk[this.at++] = 0x2e; // "."
    this.chunk[this.at++] = 0x30 + Math.floor(frac / 10);
    if (frac % 10 !== 0) this.chunk[this.at++] = 0x30 + (frac % 10);
  }

  /** A whole number from 0 up, in decimal digits. */
  private digits(n: number): void {
    let end = this.at + 1;
    for (let m = n; m >= 10; m = Math.floor(m / 10)) end++;
    this.at = end;
    do {
      const d = n % 10;
      this.chunk[--end] = 0x30 + d;
      n = (n - d) / 10;
    } while (n > 0);
  }

  /** Makes room for `bytes` more: a new chunk, or a bigger one for a row longer than ROW_ROOM. */
  private room(bytes: number): void {
    if (this.at + bytes <= this.chunk.length) return;
    const bigger = Buffer.allocUnsafe(Math.max(CHUNK_BYTES + ROW_ROOM, 2 * this.chunk.length, this.at + bytes));
    this.chunk.copy(bigger, 0, 0, this.at);
    this.chunk = bigger;
  }
}
