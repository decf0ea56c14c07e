import { type Box, MAX_COLS, boxesIntersect, formatBox, parseAddress } from "./address";
import { notImplemented } from "./errors";
import { type SheetModel, type WorkbookModel, cellKey } from "./model";
import { fail } from "./proxy";

/**
 * How Excel's operations treat what the user keeps beside the cells (merged areas, notes,
 * validation, the AutoFilter, names). Where the double does not know what Excel does, it
 * throws "not implemented" rather than pass silently; the README lists each rule and its source.
 */

const inside = (inner: Box, outer: Box): boolean =>
  inner.top >= outer.top && inner.bottom <= outer.bottom && inner.left >= outer.left && inner.right <= outer.right;

/** Excel refuses to put a value into a merged area's hidden cells (all but the top-left one). */
export function assertNotMergeTail(sheet: SheetModel, row: number, col: number, location: string): void {
  const merge = sheet.merges.find(
    (m) => row >= m.top && row <= m.bottom && col >= m.left && col <= m.right && (row !== m.top || col !== m.left),
  );
  if (merge)
    fail(
      "InvalidOperation",
      location,
      `${sheet.name}!${formatBox({ top: row, left: col, bottom: row, right: col })} lies inside the merged area ${formatBox(merge)}`,
    );
}

/** `Range.clear`: "All" drops notes and validation, "All" and "Formats" unmerge the areas inside the range. */
export function clearLayout(sheet: SheetModel, box: Box, applyTo: string, location: string): void {
  if (applyTo !== "All" && applyTo !== "Formats") return;
  const touched = sheet.merges.filter((m) => boxesIntersect(m, box));
  if (touched.some((m) => !inside(m, box))) throw notImplemented(`${location} over part of a merged area`);
  for (const m of touched) sheet.merges.splice(sheet.merges.indexOf(m), 1);
  if (applyTo !== "All") return;
  for (const k of sheet.keysIn(sheet.notes, box)) sheet.notes.delete(k);
  for (const k of sheet.keysIn(sheet.validations, box)) sheet.validations.delete(k);
}

/** The blocks a defined name refers to on `sheet` (a name that is not plain references refers to none the double can see). */
function nameBoxes(model: WorkbookModel, sheet: SheetModel, formula: string, scope: string | null): Box[] {
  const out: Box[] = [];
  for (const part of formula.replace(/^=/, "").split(",")) {
    const parsed = parseAddress(part);
    const onSheet =
      parsed?.sheet === undefined ? scope === sheet.id : parsed.sheet.toLowerCase() === sheet.name.toLowerCase();
    if (parsed && onSheet) out.push(parsed.box);
  }
  return out;
}

/**
 * Cells in `region` (rows of a table, from a column to the sheet's right edge) move `by`
 * columns (+1 when cells are inserted, -1 when a column of them is deleted) with their
 * notes, validation and the merged areas wholly inside; Excel refuses to split a merged
 * area. The double does not rewrite the names, filters or rules that point into the moving
 * cells, so it refuses to move those.
 */
export function shiftLayout(model: WorkbookModel, sheet: SheetModel, region: Box, by: 1 | -1, location: string): void {
  for (const m of sheet.merges) {
    if (boxesIntersect(m, region) && !inside(m, region))
      fail("InvalidOperation", location, `moving cells would split the merged area ${sheet.name}!${formatBox(m)}`);
  }
  if (sheet.autoFilter && boxesIntersect(sheet.autoFilter.box, region))
    throw notImplemented(`${location} moving cells of an AutoFilter`);
  for (const n of model.names)
    if (nameBoxes(model, sheet, n.formula, n.sheetId).some((b) => boxesIntersect(b, region)))
      throw notImplemented(`${location} moving cells the name ${n.name} refers to`);
  for (const map of [sheet.notes, sheet.validations] as Map<number, unknown>[]) {
    const moving = sheet.keysIn(map, region).sort((a, b) => (by > 0 ? b - a : a - b));
    for (const k of moving) {
      const value = map.get(k);
      map.delete(k);
      map.set(cellKey(Math.floor(k / MAX_COLS), (k % MAX_COLS) + by), value);
    }
  }
  for (const m of sheet.merges) if (inside(m, region)) Object.assign(m, { left: m.left + by, right: m.right + by });
}

/** Throws when an operation would take or empty cells holding merged areas, notes or validation, which the double does not model for it. */
export function assertNoLayoutIn(sheet: SheetModel, box: Box, location: string): void {
  if (
    sheet.merges.some((m) => boxesIntersect(m, box)) ||
    sheet.keysIn(sheet.notes, box).length > 0 ||
    sheet.keysIn(sheet.validations, box).length > 0
  ) {
    throw notImplemented(`${location} over merged areas, notes or validation`);
  }
}

/** Throws when a write to `box` would need what the double does not model about merged areas. */
export function assertNoMergeIn(sheet: SheetModel, box: Box, location: string): void {
  if (sheet.merges.some((m) => boxesIntersect(m, box))) throw notImplemented(`${location} over a merged area`);
}
