import type { SheetPlan } from "./output";
import type { OwnedColumn } from "./types";

/**
 * A table whose next columns are not free in its rows (0-based columns): `from` is the first
 * column right of the table, `room` the free columns there before the first occupied one,
 * `freeCol` the first column right of everything on the sheet. The adapters find these while
 * reading; widening such a table would shift the user's cells right in Office.js and write
 * over them in an .xlsx package.
 */
export interface BlockedTable {
  sheet: string;
  table: string;
  from: number;
  room: number;
  freeCol: number;
}

/**
 * Moves the new owned columns of a blocked table that would not fit in its `room` to the
 * sheet's first free column (`freeCol`, or right of the sheet's other owned columns if
 * further), outside the table, keeping their order. A column at the place the record gives
 * for it stays where it is. Changes the sheets in place (they are built for this one
 * write); returns whether anything moved.
 * @example a table A:B with a note in D: `from` 2, `room` 1, `freeCol` 4; three new
 *   columns placed at C, D, E move to E, F, G.
 */
export function placeOutsideBlockedTables(
  sheets: readonly SheetPlan[],
  owned: readonly OwnedColumn[],
  blocked: readonly BlockedTable[],
): boolean {
  let moved = false;
  for (const s of sheets) {
    const b = blocked.find((x) => x.sheet === s.sheet && x.table === s.table);
    if (!b) continue;
    const fresh = s.columns.filter(
      (c) => c.col >= b.from && !owned.some((o) => o.sheet === s.sheet && o.output === c.output && o.col === c.col),
    );
    if (fresh.length === 0 || fresh.every((c) => c.col < b.from + b.room)) continue;
    const start = Math.max(b.freeCol, ...s.columns.filter((c) => !fresh.includes(c)).map((c) => c.col + 1));
    fresh.sort((x, y) => x.col - y.col).forEach((c, i) => (c.col = start + i));
    moved = true;
  }
  return moved;
}
