import { EXCEL_LIMITS } from "../../../core/_lib/excelLimits";
import type { BlockedTable } from "../../port";
import type { Box } from "./sheetRows";

/**
 * Watches, while a sheet part streams, what stands right of its tables in their rows and how
 * far right the sheet is used, so that no second pass over the part is needed. A cell counts
 * when it holds a value or a formula or has a style other than the default (`s="0"`), as
 * Office's `getUsedRange(false)` counts cells with values or formats.
 * @example const b = new BesideTables([{ top: 1, left: 1, bottom: 50, right: 3 }]); b.note(5, 5);
 *   b.firstBeside // [5]; b.rightmost // 5
 */
export class BesideTables {
  /** Per watched table, the first occupied column (1-based) right of it in its rows; Infinity when none. */
  readonly firstBeside: number[];
  /** The rightmost occupied column (1-based) of the sheet; 0 when none. */
  rightmost = 0;
  /** Columns right of which a cell may matter: the narrowest table's right edge. */
  private readonly edge: number;

  /** @param tables each table's whole box (1-based), header and totals rows included */
  constructor(private readonly tables: readonly Box[]) {
    this.firstBeside = tables.map(() => Infinity);
    this.edge = Math.min(...tables.map((t) => t.right));
  }

  /** An occupied cell (1-based row and column). */
  note(row: number, col: number): void {
    if (col > this.rightmost) this.rightmost = col;
    if (col <= this.edge) return;
    const tables = this.tables;
    for (let i = 0; i < tables.length; i++) {
      const t = tables[i];
      if (col > t.right && row >= t.top && row <= t.bottom && col < this.firstBeside[i]) this.firstBeside[i] = col;
    }
  }

  /**
   * The blocked tables among `listed` (indexes into the watched tables, with their names),
   * as the Office.js reader reports them, so that both paths write the same cells.
   */
  blocked(sheet: string, listed: readonly { index: number; name: string }[]): BlockedTable[] {
    const out: BlockedTable[] = [];
    for (const { index, name } of listed) {
      const first = this.firstBeside[index];
      const right = this.tables[index].right;
      if (first === Infinity || right >= EXCEL_LIMITS.cols) continue;
      out.push({ sheet, table: name, from: right, room: first - 1 - right, freeCol: this.rightmost });
    }
    return out;
  }
}
