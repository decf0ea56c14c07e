import { foldText } from "./_lib/text";
import type { Cell } from "./types";
import type { Score, ScreeningOptions } from "./screeningOptions";

/** The word scale of the cooperation column, folded to lower case. */
const WORDS: Readonly<Record<string, Score>> = {
  好: 5,
  较好: 4,
  一般: 3,
  较差: 2,
  差: 1,
  excellent: 5,
  good: 4,
  fair: 3,
  poor: 2,
  bad: 1,
};

/**
 * Cooperation score (合作性): the customer sheet's cooperation cell when it holds 1–5
 * (a number, or text of one, rounded half up: 4.5 is 5) or a word of the scale (好 5,
 * 较好 4, 一般 3, 较差 2, 差 1; Excellent 5, Good 4, Fair 3, Poor 2, Bad 1; any case and
 * width); otherwise (no column, a blank or unreadable cell) regularity: months with
 * positive net sales in the tier window ÷ its months, ≥ cuts[0] (75%) 5, ≥ cuts[1] (50%)
 * 4, ≥ cuts[2] (25%) 3, > 0 2, else 1.
 * @example scoreCooperation("较好", 0, 12, cuts) === 4; scoreCooperation(null, 9, 12, cuts) === 5
 */
export function scoreCooperation(
  cell: Cell | undefined,
  activeMonths: number,
  windowMonths: number,
  cuts: ScreeningOptions["regularityCuts"],
): Score {
  const stated = readCooperation(cell);
  if (stated !== null) return stated;
  const r = windowMonths > 0 ? activeMonths / windowMonths : 0;
  return r >= cuts[0] ? 5 : r >= cuts[1] ? 4 : r >= cuts[2] ? 3 : r > 0 ? 2 : 1;
}

function readCooperation(cell: Cell | undefined): Score | null {
  if (typeof cell === "number") return fromNumber(cell);
  if (typeof cell !== "string") return null;
  const text = foldText(cell).toLowerCase();
  if (text === "") return null;
  return WORDS[text] ?? fromNumber(Number(text));
}

function fromNumber(x: number): Score | null {
  return x >= 1 && x <= 5 ? (Math.floor(x + 0.5) as Score) : null;
}
