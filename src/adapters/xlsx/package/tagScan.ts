/**
 * Reads the start tags of rows and cells without allocating: the tag's end, whether it is
 * empty, where the value of `r` and the whole `spans` attribute stand. One object is read
 * into again and again; rows and cells are millions, Tag objects would be garbage.
 */
export class TagScan {
  end = 0;
  empty = false;
  rStart = -1;
  rEnd = -1;
  spansStart = -1;
  spansEnd = -1;

  /**
   * Reads a start tag's attributes from just after its name: sets `end` (after ">"),
   * `empty`, the value span of `r` and the whole span of `spans` (-1 when absent).
   * Returns false when the text ends inside the tag.
   */
  read(s: string, from: number): boolean {
    this.rStart = this.rEnd = this.spansStart = this.spansEnd = -1;
    let i = from;
    for (;;) {
      const ws = i;
      let c = s.charCodeAt(i);
      while (c === 32 || c === 9 || c === 10 || c === 13) c = s.charCodeAt(++i);
      if (c === 62 /* > */ || c === 47 /* / */) {
        const gt = c === 62 ? i : s.indexOf(">", i);
        if (gt < 0) return false;
        this.end = gt + 1;
        this.empty = c === 47;
        return true;
      }
      if (Number.isNaN(c)) return false;
      const nameStart = i;
      while (c !== 61 /* = */ && c !== 32 && c !== 9 && c !== 10 && c !== 13 && !Number.isNaN(c)) c = s.charCodeAt(++i);
      const nameEnd = i;
      while (c !== 34 && c !== 39 && !Number.isNaN(c)) c = s.charCodeAt(++i);
      if (Number.isNaN(c)) return false;
      const close = s.indexOf(c === 34 ? '"' : "'", i + 1);
      if (close < 0) return false;
      const len = nameEnd - nameStart;
      if (len === 1 && s.charCodeAt(nameStart) === 114 /* r */) {
        this.rStart = i + 1;
        this.rEnd = close;
      } else if (len === 5 && s.startsWith("spans", nameStart)) {
        this.spansStart = ws;
        this.spansEnd = close + 1;
      }
      i = close + 1;
    }
  }
}

/**
 * The number written in s[start, end) as decimal digits; NaN for anything else.
 * @example digits('r="42"', 3, 5) === 42
 */
export function digits(s: string, start: number, end: number): number {
  if (end <= start || end - start > 9) return NaN;
  let n = 0;
  for (let i = start; i < end; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return NaN;
    n = n * 10 + d;
  }
  return n;
}
