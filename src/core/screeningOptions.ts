import type { ChangeFlag } from "./flagOrderChanges";

/** The five criteria, in SPEC.md's order. */
export type Criterion = "purchase" | "profit" | "safety" | "future" | "cooperation";
export const CRITERIA: readonly Criterion[] = ["purchase", "profit", "safety", "future", "cooperation"];

/** A score from 1 (worst) to 5 (best). */
export type Score = 1 | 2 | 3 | 4 | 5;

/**
 * Every setting of the screening (SPEC "Screening: the five criteria"), with its
 * defaults in DEFAULT_SCREENING_OPTIONS; part of ReviewOptions, saved in the workbook.
 */
export interface ScreeningOptions {
  /**
   * Purchase and profitability: p = share of the positive customers strictly above; 5 when
   * p < rankCuts[0], 4 when < rankCuts[1], 3 when < [2], 2 when < [3], else 1.
   */
  rankCuts: readonly [number, number, number, number];
  /** Safety: 4 when days overdue ≤ safetyDays[0], 3 when ≤ [1], 2 when ≤ [2], else 1. */
  safetyDays: readonly [number, number, number];
  /** Future: the score of each order change. */
  futureScores: Readonly<Record<ChangeFlag, Score>>;
  /** Cooperation without its column: regularity ≥ [0] → 5, ≥ [1] → 4, ≥ [2] → 3, > 0 → 2, else 1. */
  regularityCuts: readonly [number, number, number];
  /** Weight of each criterion in the score, renormalised over the available ones. */
  weights: Readonly<Record<Criterion, number>>;
  /** Drop candidate: profitability (or purchase) ≤ dropProfit and future ≤ dropFuture. */
  dropProfit: number;
  dropFuture: number;
  /** Key: score ≥ keyScore. */
  keyScore: number;
  /** Watch: safety ≤ watchSafety. */
  watchSafety: number;
}

export const DEFAULT_SCREENING_OPTIONS: Readonly<ScreeningOptions> = {
  rankCuts: [0.2, 0.4, 0.6, 0.8],
  safetyDays: [30, 60, 90],
  futureScores: { Up: 5, New: 4, Returning: 4, Stable: 3, Down: 2, Lost: 1, Inactive: 1 },
  regularityCuts: [0.75, 0.5, 0.25],
  weights: { purchase: 1, profit: 1, safety: 1, future: 1, cooperation: 1 },
  dropProfit: 1,
  dropFuture: 2,
  keyScore: 70,
  watchSafety: 2,
};

/** Screening options with every missing setting taken from the defaults. */
export function withScreeningDefaults(options: Partial<ScreeningOptions> = {}): ScreeningOptions {
  return {
    ...DEFAULT_SCREENING_OPTIONS,
    ...options,
    futureScores: { ...DEFAULT_SCREENING_OPTIONS.futureScores, ...options.futureScores },
    weights: { ...DEFAULT_SCREENING_OPTIONS.weights, ...options.weights },
  };
}
