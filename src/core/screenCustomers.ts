import { combineScores } from "./combineScores";
import type { CreditFlag } from "./computeReceivables";
import type { ChangeFlag } from "./flagOrderChanges";
import { recommendCustomer, type Recommendation } from "./recommendCustomer";
import { scoreByRank } from "./scoreByRank";
import { scoreCooperation } from "./scoreCooperation";
import { scoreFuture } from "./scoreFuture";
import { scoreSafety } from "./scoreSafety";
import type { Score, ScreeningOptions } from "./screeningOptions";
import type { Cell } from "./types";

/** Per customer (every customer analysed, the customer sheet's and the unmatched). */
export interface ScreeningInputs {
  /** s: net sales in the tier window. */
  sales: ArrayLike<number>;
  /** Gross margin − visit cost in the tier window; null without a margin column. */
  contribution: ArrayLike<number> | null;
  /** From computeReceivables; null without paid data. */
  receivables: { daysOverdue: ArrayLike<number>; flag: readonly (CreditFlag | null)[] } | null;
  change: readonly ChangeFlag[];
  /** The cooperation cell of each customer; null without the column. */
  cooperation: readonly (Cell | undefined)[] | null;
  /** Months of the tier window with positive net sales. */
  activeMonths: ArrayLike<number>;
  /** Months in the tier window. */
  windowMonths: number;
}

/** The screening columns; a criterion that is not available is null. */
export interface Screening {
  purchase: Int8Array;
  profit: Int8Array | null;
  safety: Int8Array | null;
  future: Int8Array;
  cooperation: Int8Array;
  /** 0–100, one decimal; NaN when no available criterion has weight. */
  score: Float64Array;
  recommendation: Recommendation[];
}

/**
 * The five criteria, the score and the recommendation of every customer (SPEC
 * "Screening"): purchase and profitability by rank among all customers, safety from the
 * receivables (Over limit scores 1), future from the order change, cooperation from its
 * column or regularity; profitability and safety are null when their data is missing.
 * @example screenCustomers({ sales: [100], contribution: null, receivables: null, change: ["Up"], cooperation: null, activeMonths: [12], windowMonths: 12 }, opts).score → [100]
 */
export function screenCustomers(input: ScreeningInputs, opts: ScreeningOptions): Screening {
  const n = input.sales.length;
  const purchase = scoreByRank(input.sales, opts.rankCuts);
  const profit = input.contribution && scoreByRank(input.contribution, opts.rankCuts);
  const r = input.receivables;
  const safety =
    r &&
    Int8Array.from({ length: n }, (_, c) => scoreSafety(r.daysOverdue[c], r.flag[c] === "OverLimit", opts.safetyDays));
  const future = Int8Array.from(input.change, (f) => scoreFuture(f, opts.futureScores));
  const cells = input.cooperation;
  const cooperation = Int8Array.from({ length: n }, (_, c) =>
    scoreCooperation(cells?.[c], input.activeMonths[c], input.windowMonths, opts.regularityCuts),
  );
  const score = new Float64Array(n);
  const recommendation = new Array<Recommendation>(n);
  for (let c = 0; c < n; c++) {
    const scores = {
      purchase: purchase[c] as Score,
      profit: profit ? (profit[c] as Score) : null,
      safety: safety ? (safety[c] as Score) : null,
      future: future[c] as Score,
      cooperation: cooperation[c] as Score,
    };
    const total = combineScores(scores, opts.weights);
    score[c] = total ?? NaN;
    recommendation[c] = recommendCustomer(scores, total, opts);
  }
  return { purchase, profit, safety, future, cooperation, score, recommendation };
}
