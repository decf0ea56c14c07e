import { type Box, boxCols, boxRows } from "./address";
import { fail } from "./proxy";
import type { CellData, CellValue, SheetModel, WorkbookModel } from "./model";
import { parseTyped } from "./typedInput";
import { assertNotMergeTail } from "./userLayout";

/**
 * How Excel turns what a caller assigns to `range.values` / `range.formulas` into
 * cell contents, and how it gives cells back. This is where the double is as
 * unforgiving as Excel: text that looks like a formula becomes one, text that looks
 * like a number, a percentage, a date, a time or a boolean becomes one (typedInput.ts),
 * and only a leading apostrophe (or the "@" text format) keeps text as text.
 */

/** What a range proxy points at: a block on a sheet. */
export interface RangeTarget {
  sheet: SheetModel;
  box: Box;
}

const ERROR_TEXT = /^#(N\/A|REF!|VALUE!|DIV\/0!|NAME\?|NUM!|NULL!|SPILL!|CALC!)$/;
/** Formatting a whole column would store a million cells; the double refuses rather than crawl. */
export const MAX_FORMAT_CELLS = 2_000_000;

/**
 * The contents Excel stores for one assigned value: `undefined` leaves the cell
 * unchanged (Office's meaning of null), `{}` empties it.
 * @example interpretInput("+86 138 0000 0000", false) → { value: "+86 138 0000 0000", formula: "=+86 138 0000 0000" }
 * @example interpretInput("'=SUM(A1)", false) → { value: "=SUM(A1)" }
 * @example interpretInput("00123", false) → { value: 123 }
 * @example interpretInput("2026-10", false) → { value: 46296, numberFormat: "mmm-yy" }
 */
export function interpretInput(
  input: unknown,
  textFormat: boolean,
  location: string,
  year = new Date().getFullYear(),
): { value?: CellValue; formula?: string; numberFormat?: string } | undefined {
  if (input === null || input === undefined) return undefined;
  if (typeof input === "boolean") return { value: input };
  if (typeof input === "number") {
    // JSON would turn these into null; the double refuses them so the bug is seen.
    if (!Number.isFinite(input)) fail("InvalidArgument", location, `${input} is not a number Excel can store`);
    return { value: input };
  }
  if (typeof input !== "string")
    fail(
      "InvalidArgument",
      location,
      `a ${input instanceof Date ? "Date" : typeof input} cannot be written to a cell; use a serial number or text`,
    );
  const text = input as string;
  if (text === "") return {};
  if (text.startsWith("'")) return { value: text.slice(1) };
  if (textFormat) return { value: text };
  if (text.startsWith("=")) {
    if (text.length === 1) fail("InvalidArgument", location, `"=" alone is not a formula`);
    return { value: text, formula: text };
  }
  const typed = parseTyped(text, year);
  if (typeof typed.value !== "string") return typed;
  if (text.startsWith("+") || text.startsWith("-")) return { value: text, formula: `=${text}` };
  return { value: text };
}

export function assertLive(model: WorkbookModel, target: RangeTarget, location: string): void {
  if (!model.sheets.includes(target.sheet))
    fail("ItemNotFound", location, `sheet ${target.sheet.name} has been deleted`);
}

/** Excel refuses any change to the cells of a protected sheet. */
export function assertWritable(sheet: SheetModel, location: string): void {
  if (sheet.protected) fail("AccessDenied", location, `sheet ${sheet.name} is protected`);
}

/**
 * The 2-D array (or single value for every cell) assigned to a range, checked
 * against the range's shape as Excel checks it.
 */
export function eachInput(
  box: Box,
  input: unknown,
  location: string,
  visit: (row: number, col: number, value: unknown) => void,
): void {
  const rows = boxRows(box);
  const cols = boxCols(box);
  if (!Array.isArray(input)) {
    for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) visit(box.top + r, box.left + c, input);
    return;
  }
  const shapeOk = input.length === rows && input.every((row) => Array.isArray(row) && row.length === cols);
  if (!shapeOk) {
    const given = `${input.length}×${Array.isArray(input[0]) ? (input[0] as unknown[]).length : "?"}`;
    fail("InvalidArgument", location, `the array is ${given} but the range is ${rows}×${cols}`);
  }
  input.forEach((row: unknown[], r) => row.forEach((value, c) => visit(box.top + r, box.left + c, value)));
}

/** `range.values = …` or `range.formulas = …`. */
export function writeContents(target: RangeTarget, input: unknown, location: string): void {
  assertWritable(target.sheet, location);
  eachInput(target.box, input, location, (r, c, value) => {
    const existing = target.sheet.get(r, c);
    const contents = interpretInput(value, existing?.numberFormat === "@", location);
    if (contents === undefined) return;
    if (contents.value !== undefined && target.sheet.merges.length > 0)
      assertNotMergeTail(target.sheet, r, c, location);
    target.sheet.update(r, c, (cell) => storeContents(cell, contents));
  });
}

/** Puts what interpretInput made of a value into a cell. */
export function storeContents(
  cell: CellData,
  contents: { value?: CellValue; formula?: string; numberFormat?: string },
): void {
  delete cell.value;
  delete cell.formula;
  const { numberFormat, ...stored } = contents;
  Object.assign(cell, stored);
  // A typed date or percentage formats a General cell; a cell with its own format keeps it.
  if (numberFormat !== undefined && (cell.numberFormat === undefined || cell.numberFormat === "General"))
    cell.numberFormat = numberFormat;
}

/** `range.numberFormat = …`; "General" is Excel's default, so it is not stored. */
export function writeNumberFormat(target: RangeTarget, input: unknown, location: string): void {
  assertWritable(target.sheet, location);
  eachInput(target.box, input, location, (r, c, value) => {
    if (value === null || value === undefined) return;
    if (typeof value !== "string") fail("InvalidArgument", location, `number formats are strings, got ${typeof value}`);
    target.sheet.update(r, c, (cell) => {
      if (value === "General") delete cell.numberFormat;
      else cell.numberFormat = value as string;
    });
  });
}

/** Changes the formatting of every cell in the box. */
export function formatCells(target: RangeTarget, location: string, edit: (cell: CellData) => void): void {
  assertWritable(target.sheet, location);
  if (boxRows(target.box) * boxCols(target.box) > MAX_FORMAT_CELLS)
    fail(
      "NotImplemented",
      location,
      "formatting whole columns or rows is not modelled by the double; format the rows in use",
    );
  for (let r = target.box.top; r <= target.box.bottom; r++)
    for (let c = target.box.left; c <= target.box.right; c++) target.sheet.update(r, c, edit);
}

/** A 2-D read of the box, refusing reads Office would refuse. */
export function readGrid<V>(
  target: RangeTarget,
  maxCells: number,
  location: string,
  pick: (cell: CellData | undefined) => V,
): V[][] {
  const cells = boxRows(target.box) * boxCols(target.box);
  if (cells > maxCells) fail("RangeExceedsLimit", location, `${cells} cells requested; the limit is ${maxCells}`);
  const out: V[][] = [];
  for (let r = target.box.top; r <= target.box.bottom; r++) {
    const row: V[] = new Array(boxCols(target.box));
    for (let c = target.box.left; c <= target.box.right; c++) row[c - target.box.left] = pick(target.sheet.get(r, c));
    out.push(row);
  }
  return out;
}

export const pickValue = (cell: CellData | undefined): CellValue => cell?.value ?? "";
export const pickFormula = (cell: CellData | undefined): CellValue => cell?.formula ?? cell?.value ?? "";
export const pickNumberFormat = (cell: CellData | undefined): string => cell?.numberFormat ?? "General";
/** Display text; number formats are not rendered (numbers show as JavaScript prints them). */
export const pickText = (cell: CellData | undefined): string => {
  const v = cell?.value;
  if (v === undefined) return "";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return String(v);
};
export const pickValueType = (cell: CellData | undefined): string => {
  const v = cell?.value;
  if (v === undefined || v === "") return "Empty";
  if (typeof v === "number") return "Double";
  if (typeof v === "boolean") return "Boolean";
  return ERROR_TEXT.test(v) ? "Error" : "String";
};

/**
 * A format property over a block: its value if every cell agrees, else null, as
 * Office reports mixed formatting. Cells never stored count with the default.
 */
export function uniform<V>(target: RangeTarget, pick: (cell: CellData | undefined) => V): V | null {
  const seen = new Set<string>();
  let first: V | undefined;
  let stored = 0;
  const note = (v: V): void => {
    if (seen.size === 0) first = v;
    seen.add(JSON.stringify(v));
  };
  for (const [, , cell] of target.sheet.entriesIn(target.box)) {
    stored += 1;
    note(pick(cell));
    if (seen.size > 1) return null;
  }
  if (stored < boxRows(target.box) * boxCols(target.box)) note(pick(undefined));
  return seen.size === 1 ? (first as V) : null;
}
