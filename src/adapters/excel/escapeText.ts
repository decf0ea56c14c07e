/**
 * Office.js `range.values` takes a string as if the user had typed it: `=`, `+`, `-` or `@`
 * start something to evaluate (`+86 138…` becomes a formula error, `=HYPERLINK(…)` runs), and
 * `00123`, `2026-10`, `12%`, `TRUE` or `2026-11-30 13:45` become numbers, dates and booleans,
 * by rules that follow the user's regional settings. Excel's documented way to keep typed text
 * as text is a leading apostrophe, which it stores as the cell's quote prefix, not as part of
 * the value. Predicting which texts a given Excel would change cannot be done reliably (the
 * date forms depend on the locale), so every text gets it: text from the workbook and text the
 * add-in generates alike (docs/decisions.md, "Text written through Office.js").
 */

/**
 * The value to assign for a text so that Excel stores exactly this text.
 * @example asText("2026-10") === "'2026-10"; asText("=HYPERLINK(\"x\")") === "'=HYPERLINK(\"x\")"; asText("") === ""
 */
export function asText(text: string): string {
  return text === "" ? "" : `'${text}`;
}
