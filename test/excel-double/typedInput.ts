/**
 * What Excel makes of text written through `range.values` / `range.formulas` into a cell whose
 * number format is General: it takes the text as if the user had typed it (learn.microsoft.com,
 * "Set and get range values, text, or formulas": values are written as entered), so numbers,
 * percentages, dates, times and booleans become numbers and booleans, and the cell takes a
 * matching number format. The rules and their sources are listed in README.md ("Text Excel
 * changes"). The double takes the union of what an en-US and a zh-CN Excel recognise: a text
 * either one would change is changed, so a pane tested here keeps its text in both.
 */

/** What the cell stores: the value, and the number format Excel gives a General cell with it. */
export interface Typed {
  value: number | boolean | string;
  numberFormat?: string;
}

const DIGITS = String.raw`(?:\d{1,3}(?:,\d{3})+|\d+)`;
const NUMBER = new RegExp(String.raw`^([+-]?)(${DIGITS}(?:\.\d*)?|\.\d+)(?:[eE]([+-]?\d+))?$`);
const CURRENCY = /^([+-]?)([$¥￥€£])(.+)$/;
const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const MONTH_NAME = String.raw`(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)`;
const TIME = String.raw`(\d{1,2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?(?:\s*([ap])m?)?`;

/**
 * The value Excel stores for `text` typed into a General cell (no apostrophe, not formula).
 * `year` is the current year, which Excel gives dates typed without one.
 * @example parseTyped("2026-10", 2026) → { value: 46296, numberFormat: "mmm-yy" }
 * @example parseTyped("00123", 2026) → { value: 123 }
 * @example parseTyped("12.5%", 2026) → { value: 0.125, numberFormat: "0.00%" }
 * @example parseTyped("逾期5天", 2026) → { value: "逾期5天" }
 */
export function parseTyped(text: string, year: number): Typed {
  const s = text.trim();
  if (/^(true|false)$/i.test(s)) return { value: s.toLowerCase() === "true" };
  return parseNumber(s) ?? parseDateTime(text, year) ?? { value: text };
}

/** Plain, grouped (1,234.5), percent (12%), currency ($1,234), negative in brackets ((1,200)), mixed fraction (1 1/2). */
function parseNumber(s: string): Typed | undefined {
  const bracketed = /^\((.+)\)$/.exec(s);
  if (bracketed) {
    const inner = parseNumber(bracketed[1]!.trim());
    return inner && typeof inner.value === "number" && inner.value >= 0 ? { ...inner, value: -inner.value } : undefined;
  }
  const percent = /^(.+?)\s*%$/.exec(s);
  if (percent) {
    const n = plain(percent[1]!);
    return n === undefined ? undefined : { value: n.value / 100, numberFormat: n.decimals ? "0.00%" : "0%" };
  }
  const currency = CURRENCY.exec(s);
  if (currency) {
    const n = plain(currency[1]! + currency[3]!.trim());
    const symbol = currency[2] === "￥" ? "¥" : currency[2]!;
    return n === undefined ? undefined : { value: n.value, numberFormat: `${symbol}#,##0${n.decimals ? ".00" : ""}` };
  }
  const mixed = /^([+-]?)(\d+) (\d+)\/(\d+)$/.exec(s);
  if (mixed && Number(mixed[4]) > 0 && Number(mixed[3]) < Number(mixed[4])) {
    const v = Number(mixed[2]) + Number(mixed[3]) / Number(mixed[4]);
    return { value: mixed[1] === "-" ? -v : v, numberFormat: "# ?/?" };
  }
  const n = plain(s);
  if (!n) return undefined;
  return n.grouped ? { value: n.value, numberFormat: n.decimals ? "#,##0.00" : "#,##0" } : { value: n.value };
}

function plain(s: string): { value: number; grouped: boolean; decimals: boolean } | undefined {
  const m = NUMBER.exec(s);
  if (!m) return undefined;
  const value = Number(`${m[1]}${m[2]!.replace(/,/g, "")}${m[3] !== undefined ? `e${m[3]}` : ""}`);
  return Number.isFinite(value)
    ? { value: value === 0 ? 0 : value, grouped: m[2]!.includes(","), decimals: /\.\d/.test(m[2]!) }
    : undefined;
}

/** A date, a date with a time, or a time; undefined when the text is none of them or not a real day. */
function parseDateTime(text: string, year: number): Typed | undefined {
  // A leading space keeps a date as text (one of Microsoft's ways to stop dates), unlike a number.
  const s = text.trimEnd();
  const withTime = new RegExp(String.raw`^(.+?)\s+${TIME}$`, "i").exec(s);
  if (withTime) {
    const day = parseDate(withTime[1]!, year);
    const time = timeOf(withTime.slice(2));
    if (day && time !== undefined) return { value: day.serial + time, numberFormat: "m/d/yyyy h:mm" };
  }
  const time = new RegExp(String.raw`^${TIME}$`, "i").exec(s);
  if (time) {
    const t = timeOf(time.slice(1));
    return t === undefined ? undefined : { value: t, numberFormat: "h:mm" };
  }
  const day = parseDate(s, year);
  return day ? { value: day.serial, numberFormat: day.format } : undefined;
}

function timeOf([h, m, sec, ampm]: (string | undefined)[]): number | undefined {
  let hours = Number(h);
  const minutes = Number(m);
  const seconds = sec === undefined ? 0 : Number(sec);
  if (ampm) {
    if (hours < 1 || hours > 12) return undefined;
    hours = (hours % 12) + (ampm.toLowerCase() === "p" ? 12 : 0);
  }
  if (hours > 23 || minutes > 59 || seconds >= 60) return undefined;
  return (hours * 3600 + minutes * 60 + seconds) / 86400;
}

/** Year, month, day, and the format when it is not the form's (two parts read as month and year). */
type Ymd = [number, number, number, string?];
type DateForm = [RegExp, (m: RegExpExecArray, year: number) => Ymd | undefined, string];

/** Each recognised form: how its parts give year, month, day, and the format Excel then shows. */
const DATE_FORMS: DateForm[] = [
  // ISO and year-first with / (zh-CN's own order): 2026-10-05, 2026/10/5
  [/^(\d{4})([-/])(\d{1,2})\2(\d{1,2})$/, (m) => [+m[1]!, +m[3]!, +m[4]!], "m/d/yyyy"],
  // Month-first (en-US), or day-first when the first part cannot be a month (en-GB): 3/5/2024, 13/5/2024, 3-5-24
  [
    /^(\d{1,2})([-/])(\d{1,2})\2(\d{2}|\d{4})$/,
    (m) => (+m[1]! > 12 ? [fullYear(m[4]!), +m[3]!, +m[1]!] : [fullYear(m[4]!), +m[1]!, +m[3]!]),
    "m/d/yyyy",
  ],
  // Two parts: day and month of this year when they can be (3/5, 5-3), else month and year (2026-10, 10/2026, 3/30)
  [/^(\d{1,4})([-/])(\d{1,4})$/, (m, year) => twoParts(+m[1]!, +m[3]!, m[1]!.length, m[3]!.length, year), "d-mmm"],
  // Chinese: 2026年10月5日, 2026年10月, 10月5日
  [/^(\d{4})年(\d{1,2})月(\d{1,2})日$/, (m) => [+m[1]!, +m[2]!, +m[3]!], 'yyyy"年"m"月"d"日"'],
  [/^(\d{4})年(\d{1,2})月$/, (m) => [+m[1]!, +m[2]!, 1], 'yyyy"年"m"月"'],
  [/^(\d{1,2})月(\d{1,2})日$/, (m, year) => [year, +m[1]!, +m[2]!], 'm"月"d"日"'],
  // Month names: 5-Oct-2026, 5 Oct 2026, 5-Oct, Oct-26, October 2026, October 5, 2026
  [
    new RegExp(String.raw`^(\d{1,2})[- /]${MONTH_NAME}(?:[- /](\d{2}|\d{4}))?$`, "i"),
    (m, year) => (m[3] ? [fullYear(m[3]), monthOf(m[2]!), +m[1]!] : [year, monthOf(m[2]!), +m[1]!, "d-mmm"]),
    "d-mmm-yy",
  ],
  [
    new RegExp(String.raw`^${MONTH_NAME}[- /](\d{2}|\d{4})$`, "i"),
    (m) => [fullYear(m[2]!), monthOf(m[1]!), 1],
    "mmm-yy",
  ],
  [
    new RegExp(String.raw`^${MONTH_NAME} (\d{1,2}),? (\d{4})$`, "i"),
    (m) => [+m[3]!, monthOf(m[1]!), +m[2]!],
    "d-mmm-yy",
  ],
];

function parseDate(s: string, year: number): { serial: number; format: string } | undefined {
  for (const [pattern, parts, format] of DATE_FORMS) {
    const m = pattern.exec(s);
    const ymd = m ? parts(m, year) : undefined;
    if (!ymd) continue;
    const serial = serialOf(ymd[0], ymd[1], ymd[2]);
    // A form whose numbers are no real day (2/30/2024) leaves the text as it is.
    if (serial !== undefined) return { serial, format: ymd[3] ?? format };
  }
  return undefined;
}

/** KB 214391: two parts are day and month (this year) when they can be, else month and year. */
function twoParts(a: number, b: number, aLen: number, bLen: number, year: number): Ymd | undefined {
  if (aLen <= 2 && bLen <= 2 && a >= 1 && a <= 12 && b >= 1 && b <= daysIn(year, a)) return [year, a, b]; // m/d (en-US)
  if (aLen <= 2 && bLen <= 2 && b >= 1 && b <= 12 && a >= 1 && a <= daysIn(year, b)) return [year, b, a]; // d/m (en-GB)
  if (aLen === 4 && bLen <= 2) return [a, b, 1, "mmm-yy"]; // 2026-10
  if (aLen <= 2 && (bLen === 4 || bLen === 2)) return [fullYear(String(b).padStart(bLen, "0")), a, 1, "mmm-yy"]; // 10/2026, 3/30
  return undefined;
}

/** KB 214391, "the 2029 rule": 00–29 are 2000–2029, 30–99 are 1930–1999. */
function fullYear(y: string): number {
  const n = Number(y);
  return y.length === 4 ? n : n <= 29 ? 2000 + n : 1900 + n;
}

function monthOf(name: string): number {
  return MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;
}

function daysIn(year: number, month: number): number {
  if (year === 1900 && month === 2) return 29; // Excel's 1900 leap-year bug: 2/29/1900 is a date
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Excel's 1900 date system: 1 is 1900-01-01, 60 is the 1900-02-29 that never was. */
export function serialOf(year: number, month: number, day: number): number | undefined {
  if (year < 1900 || year > 9999 || month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return undefined;
  if (year === 1900 && month === 2 && day === 29) return 60;
  const serial = Date.UTC(year, month - 1, day) / 86_400_000 + 25_569;
  return serial < 61 ? serial - 1 : serial;
}
