import { ActivityTally, DistinctIds, type ActivityFigures } from "./buildActivity";
import { isNewOrder, isNewVisit, type ActivityInputs } from "./activityInputs";

export interface RepFigures extends ActivityFigures {
  /** Salesperson id (see Interner); −1 for rows with no salesperson. */
  rep: number;
}

/**
 * Figures 1–12 for month M per salesperson: everyone with a visit, an order or a
 * monthly cost that month, largest order amount first; rows with no salesperson
 * form their own group (rep −1) so that the groups add up to the month's total.
 * @example buildRepTable(a, monthIndex(2026, 10)).map((r) => r.rep)
 */
export function buildRepTable(a: ActivityInputs, month: number): RepFigures[] {
  const tallies = new Map<number, ActivityTally>();
  const orderIds = new DistinctIds(DistinctIds.sizeFor(a.orders.orderId, a.orders.n));
  const tally = (rep: number) => {
    let t = tallies.get(rep);
    if (!t) tallies.set(rep, (t = new ActivityTally(orderIds)));
    return t;
  };
  for (let i = 0; i < a.visits.n; i++) {
    if (a.visitMonth[i] === month)
      tally(a.visits.rep[i]).addVisit(a.visits.rep[i], a.visits.day[i], isNewVisit(a, i), a.visitDirect[i]);
  }
  for (let i = 0; i < a.orders.n; i++) {
    if (a.orderMonth[i] === month)
      tally(a.orders.rep[i]).addOrder(a.orders.orderId[i], a.orders.amount[i], isNewOrder(a, i));
  }
  for (const [key, amount] of a.monthlyByRepMonth) {
    const [rep, m] = key.split("|").map(Number);
    if (m === month) tally(rep).addMonthlyCost(amount);
  }
  return [...tallies]
    .map(([rep, t]) => ({ rep, ...t.figures() }))
    .sort((x, y) => Number(x.rep < 0) - Number(y.rep < 0) || y.orderAmount - x.orderAmount || x.rep - y.rep);
}
