import { isPositive } from "./_lib/compare";
import { ActivityTally, DistinctIds, type ActivityFigures } from "./buildActivity";
import { isNewOrder, isNewVisit, type ActivityInputs } from "./activityInputs";
import { sumMonths, type SalesHistory } from "./buildSalesHistory";
import { flagOrderChange, type ChangeSettings } from "./flagOrderChanges";

export interface MonthFigures extends ActivityFigures {
  month: number;
  newCustomers: number;
  activeCustomers: number;
  lostCustomers: number;
}

/** How many months the monthly table shows: M−5 … M. */
export const TABLE_MONTHS = 6;

/**
 * The 15-row monthly activity table for months M−5 … M. A month without data shows zeros.
 * @example buildMonthlyTable(a, h, firstDay, monthIndex(2026, 10), change)[5].visits — visits in 2026-10
 */
export function buildMonthlyTable(
  a: ActivityInputs,
  history: SalesHistory,
  firstDay: Float64Array,
  month: number,
  change: ChangeSettings,
): MonthFigures[] {
  const from = month - TABLE_MONTHS + 1;
  const orderIds = new DistinctIds(DistinctIds.sizeFor(a.orders.orderId, a.orders.n));
  const tallies = Array.from({ length: TABLE_MONTHS }, () => new ActivityTally(orderIds));
  for (let i = 0; i < a.visits.n; i++) {
    const k = a.visitMonth[i] - from;
    if (k >= 0 && k < TABLE_MONTHS)
      tallies[k].addVisit(a.visits.rep[i], a.visits.day[i], isNewVisit(a, i), a.visitDirect[i]);
  }
  for (let i = 0; i < a.orders.n; i++) {
    const k = a.orderMonth[i] - from;
    if (k >= 0 && k < TABLE_MONTHS) tallies[k].addOrder(a.orders.orderId[i], a.orders.amount[i], isNewOrder(a, i));
  }
  const customers = a.firstMonth.length;
  return tallies.map((tally, k) => {
    const m = from + k;
    tally.addMonthlyCost(a.monthlyByMonth.get(m) ?? 0);
    let newCustomers = 0;
    let activeCustomers = 0;
    let lostCustomers = 0;
    for (let c = 0; c < customers; c++) {
      if (a.firstMonth[c] === m) newCustomers++;
      if (isPositive(sumMonths(history, history.sales, c, m, m))) activeCustomers++;
      // Rule 2 (Lost) needs r ≤ 0: a customer with positive sales in the window cannot be Lost,
      // and skipping it spares most of the 6 × customers calls.
      if (isPositive(sumMonths(history, history.sales, c, m - change.window + 1, m))) continue;
      if (flagOrderChange(history, c, m, firstDay[c], change).flag === "Lost") lostCustomers++;
    }
    return { month: m, ...tally.figures(), newCustomers, activeCustomers, lostCustomers };
  });
}
