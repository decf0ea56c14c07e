import type { Box } from "../excel-double/address";
import type { CellData, CellValue, WorkbookModel } from "../excel-double/model";

/**
 * What the user does in Excel between a run and Undo, done to the double's model as Excel
 * does it: whole sheet columns or rows inserted or deleted (cells, tables and rule ranges
 * move; a table spanning the place grows or shrinks), and a table's body sorted.
 */

type Axis = "col" | "row";

/** Moves every cell at or past `at` on `axis` by `by` (+1 insert, -1 delete; a delete drops the cells at `at` first). */
function shift(model: WorkbookModel, sheetName: string, axis: Axis, at: number, by: 1 | -1): void {
  const sheet = model.sheet(sheetName)!;
  const pos = (r: number, c: number) => (axis === "col" ? c : r);
  const moving = [...sheet.entries()].filter(([r, c]) => pos(r, c) >= at);
  for (const [r, c] of moving) sheet.put(r, c, {});
  for (const [r, c, cell] of moving) {
    if (by < 0 && pos(r, c) === at) continue;
    sheet.put(axis === "row" ? r + by : r, axis === "col" ? c + by : c, cell);
  }
  const [lo, hi] = axis === "col" ? (["left", "right"] as const) : (["top", "bottom"] as const);
  const move = (box: Box): Box => {
    if (box[lo] >= at + (by < 0 ? 1 : 0)) return { ...box, [lo]: box[lo] + by, [hi]: box[hi] + by };
    if (box[hi] >= at) return { ...box, [hi]: box[hi] + by };
    return box;
  };
  for (const t of model.tables.filter((x) => x.sheetId === sheet.id)) {
    const box = move(t.box);
    if (axis === "col" && box.right - box.left !== t.box.right - t.box.left) {
      const k = at - t.box.left;
      if (by > 0) t.columns.splice(k, 0, { id: Math.max(...t.columns.map((x) => x.id)) + 1, name: String(sheet.get(t.box.top, at)?.value ?? `Column${t.columns.length + 1}`) });
      else t.columns.splice(k, 1);
    }
    t.box = box;
  }
  for (const cf of model.conditionalFormats.filter((x) => x.sheetId === sheet.id)) cf.box = move(cf.box);
}

/** The user inserts a sheet column at `col`, then types `cells` (top to bottom from row 1) into it. */
export function insertColumn(model: WorkbookModel, sheet: string, col: number, cells: (CellValue | null)[] = []): void {
  shift(model, sheet, "col", col, 1);
  cells.forEach((v, r) => v !== null && model.sheet(sheet)!.put(r, col, { value: v }));
  // A table's new column takes its header from what was typed there.
  for (const t of model.tables.filter((x) => x.sheetId === model.sheet(sheet)!.id && x.box.left <= col && col <= x.box.right)) {
    const typed = model.sheet(sheet)!.get(t.box.top, col)?.value;
    if (typed !== undefined) t.columns[col - t.box.left]!.name = String(typed);
  }
}

export function deleteColumn(model: WorkbookModel, sheet: string, col: number): void {
  shift(model, sheet, "col", col, -1);
}

/** The user inserts a sheet row at `row` (0-based), then types `cells` (left to right from column A) into it. */
export function insertRow(model: WorkbookModel, sheet: string, row: number, cells: (CellValue | null)[] = []): void {
  shift(model, sheet, "row", row, 1);
  cells.forEach((v, c) => v !== null && model.sheet(sheet)!.put(row, c, { value: v }));
}

export function deleteRow(model: WorkbookModel, sheet: string, row: number): void {
  shift(model, sheet, "row", row, -1);
}

/** The user sorts rows `top..bottom` (0-based) of a sheet by column `by`, descending: whole rows move, every column with them. */
export function sortRowsDescending(model: WorkbookModel, sheetName: string, top: number, bottom: number, by: number): void {
  const sheet = model.sheet(sheetName)!;
  const rows: Map<number, CellData>[] = [];
  for (let r = top; r <= bottom; r++) rows.push(new Map([...sheet.entries()].filter(([rr]) => rr === r).map(([, c, cell]) => [c, cell])));
  const value = (m: Map<number, CellData>) => String(m.get(by)?.value ?? "");
  const sorted = [...rows].sort((a, b) => value(b).localeCompare(value(a)));
  for (const [r, c] of [...sheet.entries()].filter(([rr]) => rr >= top && rr <= bottom)) sheet.put(r, c, {});
  sorted.forEach((m, k) => m.forEach((cell, c) => sheet.put(top + k, c, cell)));
}
