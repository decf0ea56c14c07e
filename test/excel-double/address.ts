/**
 * A1 addresses as Excel itself writes and reads them. The double keeps its own copy
 * rather than importing the core's helpers, so a bug there cannot hide behind the
 * double agreeing with it.
 */

/** Excel's grid: 1,048,576 rows by 16,384 columns (XFD). */
export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

/** A rectangular block of cells, 0-based and inclusive. */
export interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export function boxRows(box: Box): number {
  return box.bottom - box.top + 1;
}

export function boxCols(box: Box): number {
  return box.right - box.left + 1;
}

export function boxInGrid(box: Box): boolean {
  return (
    box.top >= 0 &&
    box.left >= 0 &&
    box.bottom < MAX_ROWS &&
    box.right < MAX_COLS &&
    box.top <= box.bottom &&
    box.left <= box.right
  );
}

export function boxesIntersect(a: Box, b: Box): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

export function columnLetters(col: number): string {
  let n = col + 1;
  let out = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

function lettersToColumn(letters: string): number {
  let col = 0;
  for (const ch of letters.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return col - 1;
}

/**
 * Excel quotes a sheet name in an address unless it is a plain identifier: CJK and
 * other letters are fine, but spaces, punctuation, a leading digit, or a name that
 * could be read as a cell (A1, R1C1) need single quotes, with inner quotes doubled.
 */
export function quoteSheetName(name: string): string {
  const plain = /^[\p{L}_\\][\p{L}\p{N}_.]*$/u.test(name);
  const cellLike = /^[A-Za-z]{1,3}\d+$/.test(name) || /^[Rr]\d*([Cc]\d*)?$/.test(name) || /^[Cc]\d*$/.test(name);
  return plain && !cellLike ? name : `'${name.replace(/'/g, "''")}'`;
}

/** The address Excel reports for a box: "A1", "A1:C5", whole columns "A:C", whole rows "1:3". */
export function formatBox(box: Box): string {
  const fullRows = box.top === 0 && box.bottom === MAX_ROWS - 1;
  const fullCols = box.left === 0 && box.right === MAX_COLS - 1;
  if (fullRows && !fullCols) return `${columnLetters(box.left)}:${columnLetters(box.right)}`;
  if (fullCols) return `${box.top + 1}:${box.bottom + 1}`;
  const a = `${columnLetters(box.left)}${box.top + 1}`;
  const b = `${columnLetters(box.right)}${box.bottom + 1}`;
  return a === b ? a : `${a}:${b}`;
}

export function formatAddress(sheet: string, box: Box): string {
  return `${quoteSheetName(sheet)}!${formatBox(box)}`;
}

/** A parsed address: the sheet named in it (if any) and its box. */
export interface ParsedAddress {
  sheet?: string;
  box: Box;
}

const PART = /^\$?([A-Za-z]{1,3})?\$?(\d+)?$/;

/**
 * Parses "A1", "B2:D9", "A:C", "3:5", optionally prefixed by "Sheet!" or "'My sheet'!".
 * Returns undefined for anything else (named ranges are not supported by the double).
 */
export function parseAddress(address: string): ParsedAddress | undefined {
  let text = address.trim();
  let sheet: string | undefined;
  const bang = text.lastIndexOf("!");
  if (bang >= 0) {
    const raw = text.slice(0, bang);
    sheet = raw.startsWith("'") && raw.endsWith("'") && raw.length >= 2 ? raw.slice(1, -1).replace(/''/g, "'") : raw;
    text = text.slice(bang + 1);
  }
  const [first, second, extra] = text.split(":");
  if (extra !== undefined || first === undefined || first === "") return undefined;
  const a = PART.exec(first);
  const b = PART.exec(second ?? first);
  if (!a || !b) return undefined;
  const colsOnly = !a[2] && !b[2] && !!a[1] && !!b[1];
  const rowsOnly = !a[1] && !b[1] && !!a[2] && !!b[2];
  const cells = !!a[1] && !!a[2] && !!b[1] && !!b[2];
  if (!colsOnly && !rowsOnly && !cells) return undefined;
  if (second === undefined && !cells) return undefined;
  const top = rowsOnly || cells ? Number(a[2]) - 1 : 0;
  const bottom = rowsOnly || cells ? Number(b[2]) - 1 : MAX_ROWS - 1;
  const left = colsOnly || cells ? lettersToColumn(a[1]!) : 0;
  const right = colsOnly || cells ? lettersToColumn(b[1]!) : MAX_COLS - 1;
  const box = {
    top: Math.min(top, bottom),
    bottom: Math.max(top, bottom),
    left: Math.min(left, right),
    right: Math.max(left, right),
  };
  if (!boxInGrid(box)) return undefined;
  return sheet === undefined ? { box } : { sheet, box };
}
