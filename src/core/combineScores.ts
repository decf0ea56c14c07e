import { CRITERIA, type Criterion, type Score, type ScreeningOptions } from "./screeningOptions";

/**
 * The 0–100 score: Σ wᵢ × (scoreᵢ − 1) / 4 × 100 over the available criteria (null is
 * not available), the weights renormalised to sum to 1 over them; null when no available
 * criterion has a positive weight. Rounded to one decimal, half up, after snapping away
 * binary noise (weights such as 0.1 and 0.2 make 62.5 come out as 62.4999…), so that
 * 62.5 shows 62.5 and 6.25 shows 6.3 as Excel's ROUND shows them.
 * @example combineScores({ purchase: 5, profit: null, safety: 4, future: 3, cooperation: 1 }, weights) === 56.3
 */
export function combineScores(
  scores: Readonly<Record<Criterion, Score | null>>,
  weights: ScreeningOptions["weights"],
): number | null {
  let sum = 0;
  let weight = 0;
  for (const k of CRITERIA) {
    const s = scores[k];
    const w = weights[k];
    if (!(w >= 0) || w === Infinity) throw new RangeError(`The weight of ${k} must be a number ≥ 0, not ${w}`);
    if (s === null || w === 0) continue;
    sum += w * (s - 1);
    weight += w;
  }
  if (weight === 0) return null;
  const tenths = Math.round((sum / weight) * 250 * 1e6) / 1e6;
  return Math.floor(tenths + 0.5) / 10;
}
