import { EXCEL_LIMITS } from "./excelLimits";

/** What ends a cut text: one character, so the cell still fits. */
export const CLIP_MARK = "…";

/**
 * Text cut to what an Excel cell holds (32,767 characters, counted in UTF-16 units as
 * Excel counts), ending in `…` when cut. A surrogate pair is never split, so an emoji
 * at the cut goes whole rather than leaving half a character.
 * @example clipText("a".repeat(40000)).length === 32767; clipText("abc", 2) === "a…"
 */
export function clipText(text: string, max: number = EXCEL_LIMITS.text): string {
  if (text.length <= max) return text;
  let end = max - CLIP_MARK.length;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return text.slice(0, end) + CLIP_MARK;
}
