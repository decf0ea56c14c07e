/**
 * A cell's `<v>` text as a number, exactly as `Number()` reads it, but about twice as fast
 * for the plain decimals that fill a sheet (`-12.5`, `45001`): the digits form an integer
 * below 2^53 and one division by a power of ten rounds correctly, as `Number()` does.
 * Anything else (exponents, spaces, more than 15 digits) goes to `Number()`.
 *
 * @example parseDecimal("-12.5") // -12.5
 */
export function parseDecimal(text: string): number {
  const end = text.length;
  let i = 0;
  const negative = text.charCodeAt(0) === 0x2d; /* - */
  if (negative) i++;
  if (i >= end || end - i > 16) return Number(text);
  let digits = 0;
  let m = 0;
  let scale = 1;
  let point = false;
  for (; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x30 && code <= 0x39) {
      m = m * 10 + (code - 0x30);
      digits++;
      if (point) scale *= 10;
    } else if (code === 0x2e /* . */ && !point) point = true;
    else return Number(text);
  }
  if (digits === 0 || digits > 15) return Number(text);
  const value = point ? m / scale : m;
  return negative ? -value : value;
}
