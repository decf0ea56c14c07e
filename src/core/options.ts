import type { DayMonthOrder } from "./_lib/cells";
import type { DateSystem } from "./_lib/dates";
import type { Field, Role } from "./columns";
import { DEFAULT_SCREENING_OPTIONS, type ScreeningOptions } from "./screeningOptions";
import type { MappingOverride } from "./types";

export type Tier = "A" | "B" | "C" | "D";
export const TIERS: readonly Tier[] = ["A", "B", "C", "D"];

/**
 * Every setting of a review, with SPEC.md's defaults in DEFAULT_OPTIONS; the screening's
 * weights and thresholds (ScreeningOptions) are settings like the others, saved with them.
 */
export interface ReviewOptions extends ScreeningOptions {
  /** Review month M as a month index (year × 12 + month − 1); default: the month of the latest order. */
  month?: number;
  /** Months in the tier window, ending with M. */
  tierWindow: 3 | 6 | 12;
  /** Months k in the change window, ending with M. */
  changeWindow: 1 | 3 | 6;
  /** What the change window is compared with: the k months before it, or the same k months a year earlier. */
  baseline: "previous" | "lastYear";
  /** Change threshold t: Down below b × (1 − t), Up above b × (1 + t). */
  threshold: number;
  /** Cumulative-share cuts: A while the share before a customer is below `a`, B below `b`. */
  tierCuts: { a: number; b: number };
  /** Days between visits by tier; null: no visit due. */
  visitIntervals: Record<Tier, number | null>;
  /** Cost of a visit when the workbook has no cost data at all. */
  defaultVisitCost: number;
  /** Payment terms in days for an order without a due date whose customer has no terms of its own. */
  defaultTerms: number;
  /** How `3/5/2024`-style dates are read; "auto" reads a column day-first when any first part is above 12. */
  dayMonthOrder: "auto" | DayMonthOrder;
  /** The user's mapping choices. */
  overrides?: Partial<Record<Role, MappingOverride>>;
  /**
   * The workbook's date system, as its adapter found it (never a saved setting): serial
   * dates read and written count from 1900 (Windows) or 1904 (Mac Excel's old default).
   */
  dateSystem: DateSystem;
  /** Whether the run writes next month's plan sheet (issue 16); off unless chosen, saved in the workbook. */
  plan?: boolean;
  /** Next month's plan (issue 16): most visits a salesperson makes in a day. */
  visitsPerDay: number;
  /** Working days of the plan: a country's official calendar, or Monday–Friday ("none"); absent: the output language's. */
  planCalendar?: "zh-CN" | "en-US" | "none";
  /** Prospects each salesperson should keep in the pool; the plan shows the shortfall. */
  prospectTarget: number;
}

export const DEFAULT_OPTIONS: Readonly<ReviewOptions> = {
  ...DEFAULT_SCREENING_OPTIONS,
  tierWindow: 12,
  changeWindow: 3,
  baseline: "previous",
  threshold: 0.3,
  tierCuts: { a: 0.8, b: 0.95 },
  visitIntervals: { A: 30, B: 60, C: 90, D: null },
  defaultVisitCost: 0,
  defaultTerms: 30,
  dayMonthOrder: "auto",
  dateSystem: 1900,
  visitsPerDay: 4,
  prospectTarget: 10,
};

/** Options with every missing setting taken from the defaults. */
export function withDefaults(options: Partial<ReviewOptions> = {}): ReviewOptions {
  return {
    ...DEFAULT_OPTIONS,
    ...options,
    tierCuts: { ...DEFAULT_OPTIONS.tierCuts, ...options.tierCuts },
    visitIntervals: { ...DEFAULT_OPTIONS.visitIntervals, ...options.visitIntervals },
    futureScores: { ...DEFAULT_OPTIONS.futureScores, ...options.futureScores },
    weights: { ...DEFAULT_OPTIONS.weights, ...options.weights },
  };
}

export type { Field };
