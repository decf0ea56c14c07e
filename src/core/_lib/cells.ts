import { serialToDay, ymdToDay, monthIndex, type DateSystem } from "./dates";
import { foldText } from "./text";

/**
 * A cell value as both Office.js `range.values` and the .xlsx reader give it:
 * dates are Excel serial numbers, empty cells are "" or null.
 */
export type Cell = string | number | boolean | null;

/** Why a cell could not be read; the UI words each code in i18n (`issue.<code>`). */
export type CellProblem = "notADate" | "notANumber" | "notAMonth" | "errorValue" | "missing";

/** A value read from a cell, or the reason it could not be. */
export type Read<T> = { ok: true; value: T } | { ok: false; problem: CellProblem };

/** Order of the day and month in `3/5/2024`-style text dates. */
export type DayMonthOrder = "monthFirst" | "dayFirst";

const EXCEL_ERROR =
  /^#(?:N\/A|REF!|VALUE!|DIV\/0!|NAME\?|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!|PYTHON!|EXTERNAL!)$/i;

/**
 * True for null, "" and text that is only white space. Text that starts with anything
 * but a space is decided without trimming: readers call this on a million cells.
 * @example isBlank("  ") === true
 */
export function isBlank(cell: Cell | undefined): boolean {
  if (typeof cell === "string") return cell === "" || (mayBeSpace(cell.charCodeAt(0)) && cell.trim() === "");
  return cell === null || cell === undefined;
}

/** Whether String.prototype.trim might remove this character (every control character counts, to be safe). */
export function mayBeSpace(c: number): boolean {
  return (
    c <= 0x20 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** True when a text cell holds one of Excel's error values such as `#N/A`. */
export function isErrorValue(cell: Cell): boolean {
  return typeof cell === "string" && EXCEL_ERROR.test(cell.trim());
}

const TIME_SUFFIX = String.raw`(?:[ T]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?`;
const YMD = new RegExp(String.raw`^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})${TIME_SUFFIX}$`);
const YMD_CJK = new RegExp(String.raw`^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?${TIME_SUFFIX}$`);
const YMD_COMPACT = new RegExp(String.raw`^(\d{4})(\d{2})(\d{2})${TIME_SUFFIX}$`);
const XY_YEAR = new RegExp(String.raw`^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})${TIME_SUFFIX}$`);

/**
 * Reads a date cell as an epoch day. Accepts Excel serials, `2024-03-05`, `2024/3/5`,
 * `2024.3.5`, `2024年3月5日`, `20240305` (text or number), each optionally followed by a
 * time, and `3/5/2024` in the given day/month order; serials in the workbook's date system.
 * @example readDate(45292) → { ok: true, value: 19723 }; readDate(43830, "monthFirst", 1904) → 19723; readDate("下周二") → { ok: false, problem: "notADate" }
 */
export function readDate(cell: Cell, order: DayMonthOrder = "monthFirst", system: DateSystem = 1900): Read<number> {
  if (typeof cell === "number") {
    const day = serialToDay(cell, system);
    if (day !== null) return { ok: true, value: day };
    return fromCompact(String(cell)) ?? { ok: false, problem: "notADate" };
  }
  if (typeof cell !== "string") return { ok: false, problem: cell === null ? "missing" : "notADate" };
  const text = foldText(cell);
  if (text === "") return { ok: false, problem: "missing" };
  if (EXCEL_ERROR.test(text)) return { ok: false, problem: "errorValue" };
  const m = YMD.exec(text) ?? YMD_CJK.exec(text);
  if (m) return fromParts(+m[1], +m[2], +m[3]);
  const compact = fromCompact(text);
  if (compact) return compact;
  const x = XY_YEAR.exec(text);
  if (x) return order === "dayFirst" ? fromParts(+x[3], +x[2], +x[1]) : fromParts(+x[3], +x[1], +x[2]);
  return { ok: false, problem: "notADate" };
}

/**
 * The first number of a `3/5/2024`-style text date, or null for any other cell:
 * a column in which any first part is above 12 is read day-first.
 */
export function leadingDatePart(cell: Cell): number | null {
  if (typeof cell !== "string" || !mayBeDayMonthDate(cell)) return null;
  const x = XY_YEAR.exec(foldText(cell));
  return x ? Number(x[1]) : null;
}

/**
 * False when a text cannot be a `3/5/2024`-style date: it starts with three ASCII digits,
 * which folding keeps where they are, and such a date's first part has two at most. It
 * decides the commonest text dates (`2024-03-05`, `2024年3月5日`) without folding them.
 * @example mayBeDayMonthDate("2024-03-05") === false; mayBeDayMonthDate("3/5/2024") === true
 */
export function mayBeDayMonthDate(text: string): boolean {
  return !(isAsciiDigit(text.charCodeAt(0)) && isAsciiDigit(text.charCodeAt(1)) && isAsciiDigit(text.charCodeAt(2)));
}

function isAsciiDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function fromParts(y: number, m: number, d: number): Read<number> {
  const day = ymdToDay(y, m, d);
  return day === null ? { ok: false, problem: "notADate" } : { ok: true, value: day };
}

function fromCompact(text: string): Read<number> | null {
  const m = YMD_COMPACT.exec(text);
  return m ? fromParts(+m[1], +m[2], +m[3]) : null;
}

const MONTH_YM = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?$/;
const MONTH_COMPACT = /^(\d{4})(\d{2})$/;

/**
 * Reads a month cell (cost sheet) as a month index: a date (a serial in the workbook's date
 * system), `2024-03`, `2024年3月`, `202403`.
 * @example readMonth("2024年3月") → { ok: true, value: 2024 * 12 + 2 }
 */
export function readMonth(cell: Cell, system: DateSystem = 1900): Read<number> {
  // A whole number 190001..999912 is yyyymm: as a serial it would be a date after 2420,
  // so 202413 is a bad month, not a day in 2454.
  if (typeof cell === "number" && Number.isInteger(cell) && cell >= 190001 && cell <= 999912) {
    return fromMonthParts(Math.floor(cell / 100), cell % 100);
  }
  if (typeof cell === "string") {
    const text = foldText(cell);
    const m = MONTH_YM.exec(text) ?? MONTH_COMPACT.exec(text);
    if (m) return fromMonthParts(+m[1], +m[2]);
  }
  const asDate = readDate(cell, "monthFirst", system);
  if (asDate.ok) {
    const d = new Date(asDate.value * 86_400_000);
    return { ok: true, value: monthIndex(d.getUTCFullYear(), d.getUTCMonth() + 1) };
  }
  return { ok: false, problem: asDate.problem === "notADate" ? "notAMonth" : asDate.problem };
}

function fromMonthParts(year: number, month: number): Read<number> {
  if (year < 1900 || year > 9999 || month < 1 || month > 12) return { ok: false, problem: "notAMonth" };
  return { ok: true, value: monthIndex(year, month) };
}

const CURRENCY = /(?:RMB|CNY|USD|元|¥|\$|€|£)/giu;

/**
 * The largest amount read (10^15, the last whole number Excel's 15 digits hold): larger
 * ones are typing slips or overflow, and sums of a million of them must stay finite.
 */
export const MAX_AMOUNT = 1e15;

/**
 * Amounts smaller than a millionth are read as 0: the noise of a formula (`=0.1+0.2-0.3`),
 * never money, and a ratio over such a sum (cost per sales) would overflow to Infinity.
 */
export const AMOUNT_NOISE = 1e-6;

/** A finite amount within ±MAX_AMOUNT, with formula noise read as 0; undefined otherwise. */
export function fitAmount(x: number): number | undefined {
  const size = Math.abs(x);
  if (!(size <= MAX_AMOUNT)) return undefined;
  return size < AMOUNT_NOISE ? 0 : x;
}

/**
 * Reads an amount: numbers, and text with thousands separators, currency signs
 * (`¥ ￥ $ 元 RMB`), full-width digits, `(1,200)` for −1200 and a trailing `万` (× 10,000).
 * Beyond ±MAX_AMOUNT is not a number; below AMOUNT_NOISE it is 0.
 * @example readAmount("¥1,234.50") → { ok: true, value: 1234.5 }; readAmount("1.2万") → 12000
 */
export function readAmount(cell: Cell): Read<number> {
  if (typeof cell === "number") {
    const value = fitAmount(cell);
    return value === undefined ? { ok: false, problem: "notANumber" } : { ok: true, value };
  }
  if (typeof cell !== "string") return { ok: false, problem: cell === null ? "missing" : "notANumber" };
  let text = foldText(cell).replace(/\s/g, "");
  if (text === "") return { ok: false, problem: "missing" };
  if (EXCEL_ERROR.test(text)) return { ok: false, problem: "errorValue" };
  let negative = false;
  const paren = /^\((.*)\)$/.exec(text);
  if (paren) {
    negative = true;
    text = paren[1];
  }
  text = text
    .replace(/^[-−]/u, () => {
      negative = !negative;
      return "";
    })
    .replace(/^\+/, "");
  text = text.replace(CURRENCY, "");
  text = text.replace(/^[-−]/u, () => {
    negative = !negative;
    return "";
  });
  let scale = 0;
  if (text.endsWith("万")) {
    scale = 4;
    text = text.slice(0, -1);
  }
  if (!/^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$|^\.\d+$/.test(text)) return { ok: false, problem: "notANumber" };
  const value = fitAmount(Number(shiftDecimal(text.replace(/,/g, ""), scale)));
  if (value === undefined) return { ok: false, problem: "notANumber" };
  return { ok: true, value: negative ? -value : value };
}

/** Multiplies a plain decimal string by 10^scale by moving its point, so `1.23万` is exactly 12300. */
function shiftDecimal(digits: string, scale: number): string {
  if (scale === 0) return digits;
  const [int, frac = ""] = digits.split(".");
  const padded = frac.padEnd(scale, "0");
  return `${int}${padded.slice(0, scale)}.${padded.slice(scale) || "0"}`;
}

/**
 * Reads a text cell (ids, names, salespeople): numbers become their plain text, blanks null.
 * @example readText(1001) === "1001"; readText("  ") === null
 */
export function readText(cell: Cell): string | null {
  if (cell === null || typeof cell === "boolean") return cell === null ? null : String(cell).toUpperCase();
  if (typeof cell === "number") return Number.isFinite(cell) ? String(cell) : null;
  const t = cell.trim();
  return t === "" ? null : t;
}
