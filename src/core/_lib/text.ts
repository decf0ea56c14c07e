/**
 * Folds full-width forms to half-width (NFKC does exactly this for digits, letters,
 * punctuation and the ideographic space), trims and collapses inner white space.
 * @example foldText("  ＡＢＣ　１２ ") === "ABC 12"
 */
export function foldText(text: string): string {
  return isFolded(text) >= 0 ? text : text.normalize("NFKC").replace(/\s+/gu, " ").trim();
}

/**
 * Whether foldText would return the text unchanged, decided by one scan without
 * allocating: every character is printable ASCII or a CJK unified ideograph (both
 * unchanged by NFKC, and no character of either composes with the next), and spaces
 * stand alone between other characters. Then gives 1 when it has an ASCII capital (its
 * customerKey is then the text with A–Z lowered), else 0; −1 when in doubt (foldText's full
 * path decides). Ids and names of a million rows are almost all such text, and NFKC
 * through ICU costs far more than this scan.
 */
export function isFolded(text: string): -1 | 0 | 1 {
  let upper: 0 | 1 = 0;
  let prevSpace = true; // a leading space is not folded
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x20) {
      if (prevSpace) return -1;
      prevSpace = true;
      continue;
    }
    prevSpace = false;
    if (c > 0x20 && c < 0x7f) {
      if (c >= 0x41 && c <= 0x5a) upper = 1;
    } else if (!((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf))) return -1;
  }
  return prevSpace && text.length > 0 ? -1 : upper;
}

/**
 * The key two customer cells match on: folded, case-insensitive.
 * @example customerKey(" Ｃ0001 ") === customerKey("c0001")
 */
export function customerKey(text: string): string {
  const folded = isFolded(text);
  if (folded === 0) return text;
  return (folded === 1 ? text : foldText(text)).toLowerCase();
}

/**
 * The key two headers match on: folded, case-insensitive, with every space removed
 * (real headers write "客户 ID", "Customer  Name" and "CustomerName" alike).
 * @example headerKey("Customer  ID") === headerKey("customerid")
 */
export function headerKey(text: string): string {
  return text.normalize("NFKC").replace(/\s+/gu, "").toLowerCase();
}
