import type { ByteOut } from "./byteOut";
import type { OwnedRow } from "./ownedCells";
import type { TagScan } from "./tagScan";
import { columnOfRef, endsName, findAttr, findClose, localName, nextTag, prefixOf, type Tag } from "./xmlScan";
import { UnreadablePartError } from "./openXlsxError";

/**
 * Puts owned cells into one existing row of a sheet part, keeping every other byte: the
 * row's `spans` is dropped (it would be wrong), cells in owned columns are replaced, the
 * others stay, ours go in column order (before a row's extLst).
 */
export class RowPatcher {
  private rowName = "row";
  private cellOpen = "<c";

  constructor(
    private readonly sheet: string,
    private readonly scan: TagScan,
  ) {}

  /** The part's spreadsheetml prefix with its colon. */
  usePrefix(prefix: string): void {
    this.rowName = `${prefix}row`;
    this.cellOpen = `<${prefix}c`;
  }

  /**
   * Writes row `t` (its tag just read by `scan`, its content ending at `contentEnd`) with the
   * loaded owned cells of `owned` (columns ascending) replacing or joining its cells.
   */
  patch(s: string, t: Tag, row: number, contentEnd: number, owned: OwnedRow, out: ByteOut): void {
    if (this.scan.spansStart >= 0) out.drop(this.scan.spansStart, this.scan.spansEnd);
    if (t.kind === "empty") {
      const w = out.at(s.lastIndexOf("/", t.end - 1));
      w.ascii(">");
      owned.write(w, 0, owned.n);
      w.ascii(`</${t.name}>`);
      out.skipTo(t.end);
      return;
    }
    // Usual case: every cell lies left of the owned columns, so ours go after the last one.
    const lastEnd = this.endOfLastCellBefore(s, t, contentEnd, owned.cols[0]);
    if (lastEnd >= 0) owned.write(out.at(lastEnd), 0, owned.n);
    else this.mergeCells(s, t, row, contentEnd, owned, out);
  }

  /**
   * Where the row's last cell ends when it has an explicit reference left of `col` and only
   * white space follows it; -1 otherwise (the general merge then decides). Cells stand in
   * column order in a valid part, so no earlier cell can be in an owned column.
   */
  private endOfLastCellBefore(s: string, t: Tag, contentEnd: number, col: number): number {
    const open = t.name === this.rowName ? this.cellOpen : `<${prefixOf(t.name)}c`;
    let at = s.lastIndexOf(open, contentEnd - 1);
    // "<c" followed by a name character is another element (<color> in rich text).
    while (at >= t.end && !endsName(s.charCodeAt(at + open.length))) at = s.lastIndexOf(open, at - 1);
    const scan = this.scan;
    if (at < t.end || !scan.read(s, at + open.length) || scan.rStart < 0) return -1;
    const refCol = columnOfRef(s.slice(scan.rStart, scan.rEnd));
    if (refCol < 0 || refCol >= col) return -1;
    let end = scan.end;
    if (!scan.empty) {
      const close = findClose(s, open.slice(1), end);
      if (!close || close.end > contentEnd) return -1;
      end = close.end;
    }
    return s.indexOf("<", end) === contentEnd ? end : -1;
  }

  /** Writes the row's cells with owned cells merged in column order. */
  private mergeCells(s: string, t: Tag, row: number, contentEnd: number, owned: OwnedRow, out: ByteOut): void {
    let k = 0;
    let at = t.end; // where owned cells left over go: after the last cell
    let scan = t.end;
    let prevCol = -1;
    for (let c = nextTag(s, scan); c && c.start < contentEnd; c = nextTag(s, scan)) {
      scan = c.end;
      if (c.kind === "other") continue;
      if (c.kind === "close" || localName(c.name) !== "c") {
        at = c.start; // extLst: owned cells go before it
        break;
      }
      const ref = findAttr(s, c, "r");
      const col = ref ? columnOfRef(ref.value) : prevCol + 1;
      if (col < 0)
        throw new UnreadablePartError(
          "malformed",
          this.sheet,
          `patchSheet: cell reference "${ref?.value}" in row ${row + 1} of ${this.sheet}`,
        );
      let cellEnd = c.end;
      if (c.kind === "open") {
        const close = findClose(s, c.name, c.end);
        if (!close || close.end > contentEnd)
          throw new UnreadablePartError(
            "malformed",
            this.sheet,
            `patchSheet: unclosed <${c.name}> in row ${row + 1} of ${this.sheet}`,
          );
        cellEnd = close.end;
      }
      if (k < owned.n && owned.cols[k] <= col) {
        const w = out.at(c.start);
        k = owned.writeBefore(w, col, k);
        // An owned column's cell replaces the row's.
        if (k < owned.n && owned.cols[k] === col) {
          owned.write(w, k, k + 1);
          k++;
          out.skipTo(cellEnd);
        }
      }
      prevCol = col;
      at = scan = cellEnd;
    }
    if (k < owned.n) owned.write(out.at(at), k, owned.n);
  }
}
