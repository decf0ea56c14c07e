import { type Box, columnLetters, MAX_COLS, MAX_ROWS, quoteSheetName } from "./address";
import { cellKey, type CellData, type CellValue, type SheetModel, type WorkbookModel } from "./model";

/**
 * What the user does in Excel between a run and Undo, done to the double's model as Excel
 * does it (tests call these directly; no add-in API does this): whole sheet columns or rows
 * inserted or deleted — cells, widths, merged areas, notes, validation, hidden rows and
 * columns, the AutoFilter, frozen panes, tables, rules, chart sources and the sheet's
 * references in defined names and rule formulas move; a table or area spanning the place
 * grows or shrinks — and rows sorted.
 */

type Axis = "col" | "row";

/** A 0-based index past `at` moved by `by`; undefined for what a delete removes. */
function moved(i: number, at: number, by: 1 | -1): number | undefined {
  if (i < at) return i;
  if (by < 0 && i === at) return undefined;
  return i + by;
}

/** A box after the move: shifted when wholly past `at`, grown or shrunk when it spans it; undefined when a delete removes all of it. */
function moveBox(box: Box, axis: Axis, at: number, by: 1 | -1): Box | undefined {
  const [lo, hi] = axis === "col" ? (["left", "right"] as const) : (["top", "bottom"] as const);
  if (by < 0 && box[lo] === at && box[hi] === at) return undefined;
  if (box[lo] >= at + (by < 0 ? 1 : 0)) return { ...box, [lo]: box[lo] + by, [hi]: box[hi] + by };
  if (box[hi] >= at) return { ...box, [hi]: box[hi] + by };
  return box;
}

/** A per-cell map (notes, validation) with its keys moved. */
function moveKeys<V>(map: Map<number, V>, axis: Axis, at: number, by: 1 | -1): void {
  const entries = [...map].map(([k, v]) => [Math.floor(k / MAX_COLS), k % MAX_COLS, v] as const);
  map.clear();
  for (const [r, c, v] of entries) {
    const to = moved(axis === "col" ? c : r, at, by);
    if (to !== undefined) map.set(axis === "col" ? cellKey(r, to) : cellKey(to, c), v);
  }
}

/** A formula's A1 references moved; one to a deleted cell becomes #REF!. */
function moveRefs(formula: string, axis: Axis, at: number, by: 1 | -1): string {
  return formula.replace(/(\$?)([A-Z]{1,3})(\$?)(\d+)/g, (m, d1: string, letters: string, d2: string, row: string) => {
    const col = [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    const c = axis === "col" ? moved(col, at, by) : col;
    const r = axis === "row" ? moved(Number(row) - 1, at, by) : Number(row) - 1;
    return c === undefined || r === undefined ? "#REF!" : `${d1}${columnLetters(c)}${d2}${r + 1}`;
  });
}

function shift(model: WorkbookModel, sheetName: string, axis: Axis, at: number, by: 1 | -1): void {
  const sheet: SheetModel = model.sheet(sheetName)!;
  const pos = (r: number, c: number) => (axis === "col" ? c : r);
  const moving = [...sheet.entries()].filter(([r, c]) => pos(r, c) >= at);
  for (const [r, c] of moving) sheet.put(r, c, {});
  for (const [r, c, cell] of moving) {
    const to = moved(pos(r, c), at, by);
    if (to !== undefined) sheet.put(axis === "row" ? to : r, axis === "col" ? to : c, cell);
  }
  moveKeys(sheet.notes, axis, at, by);
  moveKeys(sheet.validations, axis, at, by);
  const hidden = axis === "col" ? sheet.hiddenColumns : sheet.hiddenRows;
  const kept = [...hidden].map((i) => moved(i, at, by)).filter((i): i is number => i !== undefined);
  hidden.clear();
  kept.forEach((i) => hidden.add(i));
  if (axis === "col") {
    const widths = [...sheet.columnWidths].map(([c, w]) => [moved(c, at, by), w] as const);
    sheet.columnWidths.clear();
    for (const [c, w] of widths) if (c !== undefined) sheet.columnWidths.set(c, w);
  }
  const merges = sheet.merges.map((b) => moveBox(b, axis, at, by)).filter((b): b is Box => b !== undefined);
  sheet.merges.splice(0, sheet.merges.length, ...merges);
  if (sheet.autoFilter) {
    const box = moveBox(sheet.autoFilter.box, axis, at, by);
    const left = sheet.autoFilter.box.left;
    const criteria =
      axis === "row"
        ? sheet.autoFilter.criteria
        : Object.fromEntries(
            Object.entries(sheet.autoFilter.criteria).flatMap(([k, v]) => {
              const c = moved(left + Number(k), at, by);
              return c === undefined ? [] : [[String(c - (box?.left ?? left)), v]];
            }),
          );
    sheet.autoFilter = box ? { box, criteria } : null;
  }
  if (sheet.freeze) {
    const k = axis === "col" ? "cols" : "rows";
    if (at < sheet.freeze[k]) sheet.freeze = { ...sheet.freeze, [k]: sheet.freeze[k] + by };
  }
  for (const t of model.tables.filter((x) => x.sheetId === sheet.id)) {
    const box = moveBox(t.box, axis, at, by)!;
    if (axis === "col" && box.right - box.left !== t.box.right - t.box.left) {
      const k = at - t.box.left;
      if (by > 0)
        t.columns.splice(k, 0, {
          id: Math.max(...t.columns.map((x) => x.id)) + 1,
          name: `Column${t.columns.length + 1}`,
        });
      else t.columns.splice(k, 1);
    }
    t.box = box;
  }
  for (const cf of model.conditionalFormats.filter((x) => x.sheetId === sheet.id)) {
    cf.box = moveBox(cf.box, axis, at, by)!;
    if (cf.formula) cf.formula = moveRefs(cf.formula, axis, at, by);
  }
  for (const chart of model.charts.filter((x) => x.source.sheetId === sheet.id))
    chart.source = { ...chart.source, box: moveBox(chart.source.box, axis, at, by)! };
  // Excel shows a name's sheet quoted or not; both forms are found.
  const prefixes = [`${quoteSheetName(sheet.name)}!`, `'${sheet.name.replace(/'/g, "''")}'!`];
  for (const n of model.names) {
    const prefix = prefixes.find((p) => n.formula.includes(p));
    if (prefix === undefined) continue;
    const i = n.formula.indexOf(prefix);
    if (n.formula.indexOf("!", i + prefix.length) >= 0)
      throw new Error(`userEdits: name ${n.name} refers to several sheets, not modelled`);
    n.formula = n.formula.slice(0, i + prefix.length) + moveRefs(n.formula.slice(i + prefix.length), axis, at, by);
  }
}

/** The user inserts a sheet column at `col`, then types `cells` (top to bottom from row 1) into it; a table spanning it names its new column after what was typed in its header row. */
export function insertColumn(model: WorkbookModel, sheet: string, col: number, cells: (CellValue | null)[] = []): void {
  shift(model, sheet, "col", col, 1);
  touchFrom(model, sheet, "col", col);
  cells.forEach((v, r) => v !== null && model.sheet(sheet)!.put(r, col, { value: v }));
  for (const t of model.tables.filter(
    (x) => x.sheetId === model.sheet(sheet)!.id && x.box.left <= col && col <= x.box.right,
  )) {
    const typed = model.sheet(sheet)!.get(t.box.top, col)?.value;
    if (typed !== undefined) t.columns[col - t.box.left]!.name = String(typed);
  }
  model.edited({ kind: "changeType", sheetId: model.sheet(sheet)!.id, changeType: "ColumnInserted" });
}

export function deleteColumn(model: WorkbookModel, sheet: string, col: number): void {
  shift(model, sheet, "col", col, -1);
  touchFrom(model, sheet, "col", col);
  model.edited({ kind: "changeType", sheetId: model.sheet(sheet)!.id, changeType: "ColumnDeleted" });
}

/** The user inserts a sheet row at `row` (0-based), then types `cells` (left to right from column A) into it. */
export function insertRow(model: WorkbookModel, sheet: string, row: number, cells: (CellValue | null)[] = []): void {
  shift(model, sheet, "row", row, 1);
  touchFrom(model, sheet, "row", row);
  cells.forEach((v, c) => v !== null && model.sheet(sheet)!.put(row, c, { value: v }));
  model.edited({ kind: "changeType", sheetId: model.sheet(sheet)!.id, changeType: "RowInserted" });
}

export function deleteRow(model: WorkbookModel, sheet: string, row: number): void {
  shift(model, sheet, "row", row, -1);
  touchFrom(model, sheet, "row", row);
  model.edited({ kind: "changeType", sheetId: model.sheet(sheet)!.id, changeType: "RowDeleted" });
}

/** Excel reports an insert or delete as the whole columns or rows from it on (a `WorksheetChanged` over them). */
function touchFrom(model: WorkbookModel, sheetName: string, axis: Axis, at: number): void {
  const sheet = model.sheet(sheetName)!;
  const box = sheet.changed;
  sheet.changed =
    axis === "col"
      ? { top: 0, left: Math.min(at, box?.left ?? at), bottom: MAX_ROWS - 1, right: MAX_COLS - 1 }
      : { top: Math.min(at, box?.top ?? at), left: 0, bottom: MAX_ROWS - 1, right: MAX_COLS - 1 };
}

/** The user types `value` into one cell (as a test would otherwise seed it): a `WorksheetChanged` follows. */
export function typeValue(
  model: WorkbookModel,
  sheetName: string,
  row: number,
  col: number,
  value: CellValue | null,
): void {
  model.sheet(sheetName)!.update(row, col, (cell) => {
    if (value === null) delete cell.value;
    else cell.value = value;
    delete cell.formula;
  });
  model.edited();
}

/**
 * Excel recalculates: volatile formulas (TODAY(), NOW(), RAND()) get new values with no cell
 * typed, so no `WorksheetChanged` is raised, only `WorksheetCalculated`. `values` are the formula
 * cells' new results, [row, col, value] (0-based).
 */
export function recalculate(model: WorkbookModel, sheetName: string, values: [number, number, CellValue][]): void {
  const sheet = model.sheet(sheetName)!;
  const before = sheet.changed && { ...sheet.changed };
  for (const [r, c, v] of values) {
    if (sheet.get(r, c)?.formula === undefined)
      throw new Error(`userEdits.recalculate: ${sheetName} ${r},${c} holds no formula`);
    sheet.update(r, c, (cell) => (cell.value = v));
  }
  sheet.changed = before;
  model.edited({ kind: "calculated", sheetId: sheet.id });
}

/** The user sorts rows `top..bottom` (0-based) of a sheet by column `by`, descending: whole rows move, every column with them (cells only). */
export function sortRowsDescending(
  model: WorkbookModel,
  sheetName: string,
  top: number,
  bottom: number,
  by: number,
): void {
  const sheet = model.sheet(sheetName)!;
  // Whether Excel also raises WorksheetChanged for a sort is not documented: the double raises only WorksheetRowSorted.
  const before = sheet.changed && { ...sheet.changed };
  const rows = Array.from({ length: bottom - top + 1 }, () => new Map<number, CellData>());
  for (const [r, c, cell] of sheet.entries()) if (r >= top && r <= bottom) rows[r - top].set(c, cell);
  const value = (m: Map<number, CellData>) => String(m.get(by)?.value ?? "");
  const sorted = [...rows].sort((a, b) => value(b).localeCompare(value(a)));
  for (const [r, c] of [...sheet.entries()].filter(([rr]) => rr >= top && rr <= bottom)) sheet.put(r, c, {});
  sorted.forEach((m, k) => m.forEach((cell, c) => sheet.put(top + k, c, cell)));
  sheet.changed = before;
  const right = Math.max(0, ...[...sheet.entries()].map(([, c]) => c));
  model.edited({ kind: "rowSorted", sheetId: sheet.id, box: { top, left: 0, bottom, right } });
}
