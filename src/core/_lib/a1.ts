/**
 * Column letters for a 0-based column index.
 * @example columnLetters(0) === "A"; columnLetters(27) === "AB"
 */
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

/**
 * A1 address of a 0-based (row, col) cell, optionally qualified by its sheet.
 * Sheet names are quoted the way Excel quotes them when they need it.
 * @example toA1(16, 2) === "C17"; toA1(16, 2, "订单表") === "订单表!C17"
 */
export function toA1(row: number, col: number, sheet?: string): string {
  const cell = `${columnLetters(col)}${row + 1}`;
  return sheet === undefined ? cell : `${quoteSheetName(sheet)}!${cell}`;
}

/**
 * A1 range address of a block of rows × cols starting at (row, col).
 * @example toA1Range(0, 0, 2, 3) === "A1:C2"
 */
export function toA1Range(row: number, col: number, rows: number, cols: number, sheet?: string): string {
  const a = toA1(row, col);
  const b = toA1(row + rows - 1, col + cols - 1);
  const range = a === b ? a : `${a}:${b}`;
  return sheet === undefined ? range : `${quoteSheetName(sheet)}!${range}`;
}

/** Excel needs quotes around sheet names with spaces, punctuation or a leading digit. */
export function quoteSheetName(sheet: string): string {
  // CJK letters are fine unquoted; anything that is not a letter, digit or underscore needs quotes.
  if (/^[\p{L}_][\p{L}\p{N}_.]*$/u.test(sheet) && !/^[A-Za-z]{1,3}\d+$/.test(sheet)) return sheet;
  return `'${sheet.replace(/'/g, "''")}'`;
}

/**
 * Parses an A1 cell address (no sheet) into 0-based row and column.
 * @example parseA1("C17") → { row: 16, col: 2 }
 */
export function parseA1(address: string): { row: number; col: number } {
  const m = /^\$?([A-Za-z]{1,3})\$?([1-9]\d*)$/.exec(address.trim());
  if (!m) throw new Error(`Not an A1 cell address: ${address}`);
  return { row: Number(m[2]) - 1, col: columnNumber(m[1], 0, true) - 1 };
}

/**
 * The 1-based column number of the letters that start at `from` in an A1 reference, 0 when
 * none do: reading stops at the first character that is not a letter (`A`–`Z`, and `a`–`z`
 * when `anyCase`). It checks nothing else, as the callers differ in what they tolerate (see
 * test/stream/columnParsers.test.ts): no limit on the letters (`ZZZZZ3` gives 12,356,630;
 * callers compare with Excel's limits) and no `$` (a caller skips it with `from`). The
 * streaming reader calls it for every cell, so it allocates nothing.
 * @example columnNumber("AB12") === 28; columnNumber("$AB$12", 1) === 28; columnNumber("ab12") === 0; columnNumber("ab12", 0, true) === 28
 */
export function columnNumber(ref: string, from = 0, anyCase = false): number {
  let col = 0;
  for (let i = from; i < ref.length; i++) {
    let code = ref.charCodeAt(i);
    if (anyCase && code >= 97 && code <= 122) code -= 32;
    if (code < 65 || code > 90) break;
    col = col * 26 + code - 64;
  }
  return col;
}
