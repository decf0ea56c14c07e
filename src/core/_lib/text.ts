/**
 * Folds full-width forms to half-width (NFKC does exactly this for digits, letters,
 * punctuation and the ideographic space), trims and collapses inner white space.
 * @example foldText("  ＡＢＣ　１２ ") === "ABC 12"
 */
export function foldText(text: string): string {
  return text.normalize("NFKC").replace(/\s+/gu, " ").trim();
}

/**
 * The key two customer cells match on: folded, case-insensitive.
 * @example customerKey(" Ｃ0001 ") === customerKey("c0001")
 */
export function customerKey(text: string): string {
  return foldText(text).toLowerCase();
}

/**
 * The key two headers match on: folded, case-insensitive, with every space removed
 * (real headers write "客户 ID", "Customer  Name" and "CustomerName" alike).
 * @example headerKey("Customer  ID") === headerKey("customerid")
 */
export function headerKey(text: string): string {
  return text.normalize("NFKC").replace(/\s+/gu, "").toLowerCase();
}
