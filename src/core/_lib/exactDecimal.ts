const POWERS_OF_TEN = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/**
 * The number that `text[start..end)` spells when it is plain ASCII digits with an optional
 * `.` followed by digits — and, when `grouped`, thousands commas in their places before the
 * point (`1,234,567.5`) — read to the very double `Number()` gives for the same decimal: at
 * most 15 digits make an integer below 2^53, and one division by a power of ten rounds
 * correctly. NaN for anything else, which the caller's full reader decides. It allocates
 * nothing, for readers of a million cells.
 * @example exactDecimal("1,234.50", 0, 8, true) === 1234.5; Number.isNaN(exactDecimal("1,23", 0, 4, true)) === true
 */
export function exactDecimal(text: string, start: number, end: number, grouped: boolean): number {
  let digits = 0;
  let mantissa = 0;
  let lead = 0; // digits before the first comma
  let group = -1; // digits since the last comma, −1 before any
  let decimals = -1; // digits after the point, −1 before it
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) {
      mantissa = mantissa * 10 + (c - 0x30);
      digits++;
      if (decimals >= 0) decimals++;
      else if (group >= 0) group++;
      else lead++;
    } else if (c === 0x2c && grouped && decimals < 0 && (group < 0 ? lead >= 1 && lead <= 3 : group === 3)) group = 0;
    else if (c === 0x2e && decimals < 0 && digits > 0 && (group < 0 || group === 3)) decimals = 0;
    else return NaN;
  }
  if (digits === 0 || digits > 15 || decimals === 0 || (group >= 0 && decimals < 0 && group !== 3)) return NaN;
  return decimals > 0 ? mantissa / POWERS_OF_TEN[decimals] : mantissa;
}
