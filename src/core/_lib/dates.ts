/**
 * Dates in the core are whole "epoch days": days since 1970-01-01, in no time zone.
 * Months are "month indexes": year × 12 + (month − 1), so adding 1 is the next month.
 * Excel's 1900 date system counts serials from 1899-12-31 and wrongly includes
 * 1900-02-29 (serial 60), so serials from 61 on are one day later than a plain count.
 */

const MS_PER_DAY = 86_400_000;
/** Epoch day of Excel serial 61 (1900-03-01) minus 61: serials ≥ 61 are day + 25569. */
const SERIAL_EPOCH_OFFSET = 25_569;
/** The largest serial Excel accepts: 9999-12-31. */
export const MAX_EXCEL_SERIAL = 2_958_465;
export const MIN_YEAR = 1900;
/** A workbook's date system: which day its serial 0 (1904) or 1 (1900) is. */
export type DateSystem = 1900 | 1904;
/** Epoch day of 1904-01-01, serial 0 in the 1904 date system. */
const EPOCH_DAY_1904 = -24_107;
/** The largest serial of the 1904 date system: 9999-12-31, 1,462 below the 1900 system's. */
export const MAX_EXCEL_SERIAL_1904 = 2_957_003;
export const MAX_YEAR = 9999;

/**
 * Epoch day of a calendar date, or null when the date does not exist.
 * @example ymdToDay(2024, 2, 29) === 19782; ymdToDay(2023, 2, 29) === null
 */
export function ymdToDay(year: number, month: number, day: number): number | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12 || day < 1 || day > 31) return null;
  if (day > daysInMonth(year, month)) return null;
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

/** Days in a calendar month, leap years included. @example daysInMonth(2024, 2) === 29 */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Calendar parts of an epoch day (a fraction of a day is dropped). Counted in whole days
 * (H. Hinnant's civil_from_days: 400-year eras, years from 1 March), not through a Date:
 * the plan asks it for each of 50,000 customers' birthdays and first trades.
 * @example dayToYmd(19782) → { year: 2024, month: 2, day: 29 }
 */
export function dayToYmd(day: number): { year: number; month: number; day: number } {
  // Beyond a Date's range (or NaN) the Date's answer (NaN parts) stays the one given.
  if (!(Math.abs(day) <= 100_000_000)) {
    const d = new Date(day * MS_PER_DAY);
    return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
  }
  const z = Math.floor(day) + 719_468;
  const era = Math.floor(z / 146_097);
  const ofEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (ofEra - Math.floor(ofEra / 1460) + Math.floor(ofEra / 36_524) - Math.floor(ofEra / 146_096)) / 365,
  );
  const ofYear = ofEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const fromMarch = Math.floor((5 * ofYear + 2) / 153);
  const month = fromMarch < 10 ? fromMarch + 3 : fromMarch - 9;
  return {
    year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0),
    month,
    day: ofYear - Math.floor((153 * fromMarch + 2) / 5) + 1,
  };
}

/**
 * Epoch day of an Excel serial date (time of day dropped), or null when the serial
 * is not a date Excel can show: in the 1900 system below 1, serial 60 (Excel's phantom
 * 1900-02-29) or past 9999-12-31; in the 1904 system below 0 or past 9999-12-31.
 * @example serialToDay(45292) === 19723 (2024-01-01); serialToDay(60) === null; serialToDay(43830, 1904) === 19723
 */
export function serialToDay(serial: number, system: DateSystem = 1900): number | null {
  if (system === 1904) {
    if (!Number.isFinite(serial) || serial < 0 || serial >= MAX_EXCEL_SERIAL_1904 + 1) return null;
    return Math.floor(serial) + EPOCH_DAY_1904;
  }
  if (!Number.isFinite(serial) || serial < 1 || serial >= MAX_EXCEL_SERIAL + 1) return null;
  const whole = Math.floor(serial);
  if (whole === 60) return null;
  return whole > 60 ? whole - SERIAL_EPOCH_OFFSET : whole - SERIAL_EPOCH_OFFSET + 1;
}

/** Excel serial of an epoch day (inverse of serialToDay). @example dayToSerial(19723) === 45292; dayToSerial(19723, 1904) === 43830 */
export function dayToSerial(day: number, system: DateSystem = 1900): number {
  if (system === 1904) return day - EPOCH_DAY_1904;
  const serial = day + SERIAL_EPOCH_OFFSET;
  return serial > 60 ? serial : serial - 1;
}

/** Month index of an epoch day. @example monthOfDay(ymdToDay(2026, 10, 31)!) === 2026 * 12 + 9 */
export function monthOfDay(day: number): number {
  const d = new Date(day * MS_PER_DAY);
  return d.getUTCFullYear() * 12 + d.getUTCMonth();
}

/** Month index of a year and 1-based month. @example monthIndex(2026, 10) === 24321 */
export function monthIndex(year: number, month: number): number {
  return year * 12 + (month - 1);
}

/** First epoch day of a month index. */
export function monthStart(month: number): number {
  return Date.UTC(Math.floor(month / 12), month % 12, 1) / MS_PER_DAY;
}

/** Last epoch day of a month index: the day before the next month starts, so month ends and leap years need no table. */
export function monthEnd(month: number): number {
  return monthStart(month + 1) - 1;
}

/** `yyyy-mm-dd` of an epoch day. @example formatDay(19723) === "2024-01-01" */
export function formatDay(day: number): string {
  const { year, month, day: d } = dayToYmd(day);
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(d, 2)}`;
}

/** `yyyy-mm` of a month index. @example formatMonth(monthIndex(2026, 5)) === "2026-05" */
export function formatMonth(month: number): string {
  return `${pad(Math.floor(month / 12), 4)}-${pad((month % 12) + 1, 2)}`;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, "0");
}
