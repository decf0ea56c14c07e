/**
 * Office.js `range.values` takes a string that starts with `=`, `+`, `-` or `@` as
 * something to evaluate (so `+86 138…` becomes a formula error and `=HYPERLINK(…)`
 * runs), and reads `00123` or `2024-03-05` as a number or a date. Excel's documented
 * way to keep typed text as text is a leading apostrophe, which it stores as the cell's
 * quote prefix, not as part of the value.
 */
const EVALUATED = /^[=+\-@']/;

/**
 * The value to assign for text from the workbook (names, ids, salespeople): always
 * apostrophe-prefixed, so Excel stores exactly this text whatever it looks like.
 * @example asUserText("=HYPERLINK(\"x\")") === "'=HYPERLINK(\"x\")"; asUserText("00123") === "'00123"
 */
export function asUserText(text: string): string {
  return text === "" ? "" : `'${text}`;
}

/**
 * The value to assign for text the add-in generated (headers, flags): prefixed only
 * when Excel would evaluate it.
 * @example asText("逾期5天") === "逾期5天"; asText("-") === "'-"
 */
export function asText(text: string): string {
  return EVALUATED.test(text) ? `'${text}` : text;
}
