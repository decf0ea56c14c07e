/** Cell types (`t` attribute). */
export const NUMBER = 0;
export const SHARED = 1;
export const BOOLEAN = 2;
export const ERROR = 3;
export const FORMULA_TEXT = 4;
export const INLINE = 5;
export const ISO_DATE = 6;

/** A row number written as plain digits, or 0 for anything else (`2.5`, ``, ` 3`). */
export function rowNumber(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x30 || code > 0x39) return 0;
    n = n * 10 + code - 0x30;
  }
  return n;
}

/** A cell's `t` attribute as one of the types above (`n` and anything unknown: a number). */
export function cellType(t: string): number {
  if (t.length === 1) {
    return typeOfLetter(t.charCodeAt(0));
  }
  return t === "str" ? FORMULA_TEXT : t === "inlineStr" ? INLINE : NUMBER;
}

/**
 * `rowNumber` of the text s[start, end), read where it stands.
 * @example rowNumberAt('r="42"', 3, 5) === 42
 */
export function rowNumberAt(s: string, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) {
    const code = s.charCodeAt(i);
    if (code < 0x30 || code > 0x39) return 0;
    n = n * 10 + code - 0x30;
  }
  return n;
}

/**
 * `cellType` of the text s[start, end), read where it stands.
 * @example cellTypeAt('t="s"', 3, 4) === SHARED
 */
export function cellTypeAt(s: string, start: number, end: number): number {
  const length = end - start;
  if (length === 1) {
    return typeOfLetter(s.charCodeAt(start));
  }
  if (length === 3 && s.startsWith("str", start)) return FORMULA_TEXT;
  return length === 9 && s.startsWith("inlineStr", start) ? INLINE : NUMBER;
}

/** The type a one-letter `t` stands for, by its character code (`n` and anything unknown: a number). */
function typeOfLetter(code: number): number {
  return code === 0x73 /* s */
    ? SHARED
    : code === 0x62 /* b */
      ? BOOLEAN
      : code === 0x65 /* e */
        ? ERROR
        : code === 0x64 /* d */
          ? ISO_DATE
          : NUMBER;
}
