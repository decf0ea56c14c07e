/**
 * What issue 15 adds to a review (`npm run bench:credit`): on the full-size bench
 * workbook, the CPU time of runReview and of the added steps run alone on its inputs —
 * due dates and receivables, the screening, to next tier, Collect, ageing and the
 * screening summary. Each block starts after a full garbage collection (node --expose-gc), so
 * that the garbage runReview leaves is not charged to the steps measured after it.
 * A benchmark, not a test: it prints figures and asserts nothing.
 */
import { median } from "../src/core/_lib/median";
import { assessReceivables } from "../src/core/assessReceivables";
import { tierColumns } from "../src/core/assignTiers";
import { buildAgeingTable } from "../src/core/buildAgeingTable";
import { buildSalesHistory, historyMonths } from "../src/core/buildSalesHistory";
import { TABLE_MONTHS } from "../src/core/buildMonthlyTable";
import { computeToNextTier } from "../src/core/computeToNextTier";
import { listCollect } from "../src/core/listCollect";
import { runReview } from "../src/core/runReview";
import { scoreCustomers } from "../src/core/scoreCustomers";
import { summarizeScreening } from "../src/core/summarizeScreening";
import { generateWorkbook } from "./generate";

const cpu = (f: () => void): number => {
  (globalThis as { gc?: () => void }).gc?.();
  const c0 = process.cpuUsage();
  f();
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000;
};

const wb = generateWorkbook(1);
const engine: number[] = [];
const added: number[] = [];
for (let run = 0; run < 4; run++) {
  let review = runReview(wb.grids);
  const t = cpu(() => (review = runReview(wb.grids)));
  const o = review.options;
  const n = review.customers.size;
  const tierFrom = review.month - o.tierWindow + 1;
  const history = buildSalesHistory(
    review.inputs.orders,
    n,
    review.month,
    review.asOf,
    tierFrom,
    historyMonths(o.changeWindow, TABLE_MONTHS, o.tierWindow),
  );
  const sales = Float64Array.from(review.results, (r) => r.sales);
  const visitCost = Float64Array.from(review.results, (r) => r.visitCost);
  const keys = review.results.map((_, c) => review.customers.sortKey(c));
  const tiers = tierColumns(sales, keys, o.tierCuts);
  const a = cpu(() => {
    const credit = assessReceivables(review.inputs, review.asOf, o.defaultTerms)!;
    const s = scoreCustomers(
      {
        inputs: review.inputs,
        history,
        sales,
        visitCost,
        change: review.results.map((r) => r.change),
        receivables: credit.receivables,
        tierFrom,
        month: review.month,
      },
      o,
    );
    computeToNextTier(sales, keys, o.tierCuts, tiers);
    listCollect(tiers.tier, credit.receivables.flag, credit.receivables.overdue);
    buildAgeingTable(credit.receivables, review.customers.rep);
    summarizeScreening(s.recommendation, tiers.tier, sales);
  });
  if (run > 0) {
    engine.push(t);
    added.push(a);
  }
}
const e = median(engine);
const x = median(added);
console.log(
  `runReview cpu median ${e.toFixed(0)} ms; issue-15 steps alone ${x.toFixed(0)} ms = ${((100 * x) / e).toFixed(1)}% of the engine (runs: ${engine.map((v) => v.toFixed(0)).join(", ")} / ${added.map((v) => v.toFixed(0)).join(", ")})`,
);
