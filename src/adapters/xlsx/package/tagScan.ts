import { AttrCursor, readAttr } from "./xmlScan";

/**
 * Reads the start tags of rows and cells without allocating: the tag's end, whether it is
 * empty, where the value of `r` and the whole `spans` attribute stand. One object (and one
 * `AttrCursor`) is read into again and again; rows and cells are millions, Tag objects
 * would be garbage.
 */
export class TagScan {
  end = 0;
  empty = false;
  rStart = -1;
  rEnd = -1;
  spansStart = -1;
  spansEnd = -1;
  private readonly attr = new AttrCursor();

  /**
   * Reads a start tag's attributes from just after its name: sets `end` (after ">"),
   * `empty`, the value span of `r` and the whole span of `spans` (-1 when absent).
   * Returns false when the text ends inside the tag.
   */
  read(s: string, from: number): boolean {
    this.rStart = this.rEnd = this.spansStart = this.spansEnd = -1;
    const a = this.attr;
    for (let i = from; ; i = a.next) {
      const read = readAttr(s, i, a);
      if (read < 0) return false;
      if (read === 0) {
        const slash = s.charCodeAt(a.next) === 47; /* / */
        const gt = slash ? s.indexOf(">", a.next) : a.next;
        if (gt < 0) return false;
        this.end = gt + 1;
        this.empty = slash;
        return true;
      }
      const len = a.nameEnd - a.nameStart;
      if (len === 1 && s.charCodeAt(a.nameStart) === 114 /* r */) {
        this.rStart = a.valueStart;
        this.rEnd = a.valueEnd;
      } else if (len === 5 && s.startsWith("spans", a.nameStart)) {
        this.spansStart = a.wsStart;
        this.spansEnd = a.valueEnd + 1;
      }
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
