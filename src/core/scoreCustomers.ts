import { isPositive } from "./_lib/compare";
import type { SalesHistory } from "./buildSalesHistory";
import type { Receivables } from "./computeReceivables";
import type { ChangeFlag } from "./flagOrderChanges";
import type { Inputs } from "./readInputs";
import { screenCustomers, type Screening } from "./screenCustomers";
import type { ScreeningOptions } from "./screeningOptions";

/** What the review has computed that the screening reads, per customer. */
export interface ScoreInputs {
  inputs: Inputs;
  history: SalesHistory;
  /** Net sales and visit cost in the tier window. */
  sales: ArrayLike<number>;
  visitCost: ArrayLike<number>;
  change: readonly ChangeFlag[];
  receivables: Receivables | null;
  /** The tier window: its first month and M (month indexes). */
  tierFrom: number;
  month: number;
}

/**
 * The five criteria, the score and the recommendation of every customer, from the
 * review's figures: contribution = gross margin − visit cost in the tier window (only
 * with a margin column), regularity = months of the tier window with positive net sales.
 * @example scoreCustomers({ inputs, history, sales, visitCost, change, receivables: null, tierFrom, month }, opts).score[c]
 */
export function scoreCustomers(x: ScoreInputs, opts: ScreeningOptions): Screening {
  const n = x.sales.length;
  const contribution = x.inputs.hasMargin
    ? Float64Array.from({ length: n }, (_, c) => x.history.margin[c] - x.visitCost[c])
    : null;
  const h = x.history;
  const activeMonths = new Int32Array(n);
  const from = Math.max(x.tierFrom, h.first) - h.first;
  const to = x.month - h.first;
  for (let c = 0; c < n; c++) {
    let k = 0;
    for (let m = from; m <= to; m++) if (isPositive(h.sales[c * h.months + m])) k++;
    activeMonths[c] = k;
  }
  return screenCustomers(
    {
      sales: x.sales,
      contribution,
      receivables: x.receivables,
      change: x.change,
      cooperation: x.inputs.hasCooperation ? x.inputs.customers.cooperation : null,
      activeMonths,
      windowMonths: x.month - x.tierFrom + 1,
    },
    opts,
  );
}
