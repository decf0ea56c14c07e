import { EXCEL_LIMITS } from "./excelLimits";

/** Excel reserves this name for its change history. */
const RESERVED = "history";

/**
 * A sheet name Excel accepts and no sheet in `taken` has (compared case-insensitively, as
 * Excel compares): `[]:*?/\` become `_`, apostrophes at either end go, control characters
 * go, at most 31 characters (a surrogate pair is never split), never empty or `History`;
 * when taken, ` (2)`, ` (3)` … is added within the 31 characters.
 * @example sanitizeSheetName("Review 2026-10", new Set(["review 2026-10"])) === "Review 2026-10 (2)"
 * @example sanitizeSheetName("'a/b'", new Set()) === "a_b"
 */
export function sanitizeSheetName(name: string, taken: ReadonlySet<string>): string {
  const lower = new Set([...taken].map((s) => s.toLowerCase()));
  let clean = fit(name.replace(/[\u0000-\u001f\u007f]/g, "").replace(/[[\]:*?/\\]/g, "_"), EXCEL_LIMITS.sheetName);
  clean = clean.replace(/^['\s]+|['\s]+$/g, "");
  if (clean === "" || clean.toLowerCase() === RESERVED) clean = clean === "" ? "Sheet" : `${clean}_`;
  if (!lower.has(clean.toLowerCase())) return clean;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = fit(clean, EXCEL_LIMITS.sheetName - suffix.length) + suffix;
    if (!lower.has(candidate.toLowerCase())) return candidate;
  }
}

/** The first `max` UTF-16 units, one fewer when the cut would split a surrogate pair. */
function fit(text: string, max: number): string {
  if (text.length <= max) return text;
  const last = text.charCodeAt(max - 1);
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? max - 1 : max);
}
