import { foldText } from "../_lib/text";
import type { Cell } from "../_lib/cells";

/** The eight MAN classes, 1 = MAN (money, authority and need) … 8 = man (none), as the seeds number them. */
export const MAN_LETTERS = ["MAN", "MAn", "MaN", "mAN", "Man", "mAn", "maN", "man"] as const;
export type ManClass = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8;
export type Closeness = "A" | "B" | "C";

const YES = new Set(["有", "是", "y", "yes", "√", "✓", "✔", "1", "true", "对"]);
const NO = new Set(["无", "否", "n", "no", "×", "✗", "✘", "x", "0", "false", "没有"]);

/**
 * A yes/no cell: 有/无, 是/否, Y/N, Yes/No, √/×, 1/0, TRUE/FALSE (any case and width);
 * null when blank or anything else.
 * @example readYesNo("Y") === true; readYesNo("无") === false; readYesNo("maybe") === null
 */
export function readYesNo(cell: Cell): boolean | null {
  if (typeof cell === "boolean") return cell;
  if (typeof cell === "number") return cell === 1 ? true : cell === 0 ? false : null;
  if (typeof cell !== "string") return null;
  const key = foldText(cell).trim().toLowerCase();
  return YES.has(key) ? true : NO.has(key) ? false : null;
}

/**
 * MAN class 1–8 from money, authority and need; an unknown (blank or unreadable) counts as no,
 * so a sheet with two of the three columns still classes every prospect.
 * @example classifyMan(true, true, false) === 2 (MAn); classifyMan(false, true, true) === 4 (mAN)
 */
export function classifyMan(money: boolean | null, authority: boolean | null, need: boolean | null): ManClass {
  const key = `${money ? "M" : "m"}${authority ? "A" : "a"}${need ? "N" : "n"}`;
  return (MAN_LETTERS.indexOf(key as (typeof MAN_LETTERS)[number]) + 1) as ManClass;
}

/**
 * Closeness from the expected close date: A within 7 days of the as-of date, B within 30, C within
 * 90, else none. A date before the as-of date is past, not close: none.
 * @example closenessOf(asOf + 7, asOf) === "A"; closenessOf(asOf + 31, asOf) === "C"; closenessOf(asOf - 1, asOf) === null
 */
export function closenessOf(close: number | null, asOf: number): Closeness | null {
  if (close === null || Number.isNaN(close)) return null;
  const days = close - asOf;
  if (days < 0) return null;
  return days <= 7 ? "A" : days <= 30 ? "B" : days <= 90 ? "C" : null;
}
