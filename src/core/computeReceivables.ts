import { wholeCents } from "./_lib/cents";
import { dueQueues } from "./_lib/dueQueues";

/** Over limit, overdue more than 90 days, overdue. */
export type CreditFlag = "OverLimit" | "Overdue90" | "Overdue";
export const CREDIT_FLAGS: readonly CreditFlag[] = ["OverLimit", "Overdue90", "Overdue"];

/** Ageing buckets by days overdue: not yet due, 1–30, 31–60, 61–90, over 90. */
export const AGEING_BUCKETS = ["notDue", "days1to30", "days31to60", "days61to90", "over90"] as const;
export type AgeingBucket = (typeof AGEING_BUCKETS)[number];

/** The order columns receivables are made from; days are epoch days, `due` from computeDueDates. */
export interface ReceivableOrders {
  n: number;
  customer: ArrayLike<number>;
  day: ArrayLike<number>;
  amount: ArrayLike<number>;
  /** Paid per order: the paid cell (NaN for blank, read as 0) or applyPayments' paid. */
  paid: ArrayLike<number>;
  due: ArrayLike<number>;
}

/** Per customer, in the workbook's currency; days are whole days. */
export interface Receivables {
  receivable: Float64Array;
  /** The part of the receivable due before the as-of date. */
  overdue: Float64Array;
  /** As-of − the earliest due date still open and overdue; 0 when nothing is overdue. */
  daysOverdue: Int32Array;
  /** The receivable by ageing bucket, one column per AGEING_BUCKETS entry, in that order. */
  ageing: Float64Array[];
  /** Receivable / credit limit; NaN without a positive limit. */
  creditUsed: Float64Array;
  /** Credit left once every open amount is covered (never a negative receivable). */
  creditLeft: Float64Array;
  flag: (CreditFlag | null)[];
}

/**
 * Each customer's receivables on the as-of date, from its orders dated on or before it.
 * An order's balance is amount − paid; positive balances are open amounts due on the
 * order's due date, negative ones (returns not refunded, overpayments) and `credits`
 * (applyPayments' unapplied) are credits, applied to the open amounts earliest due date
 * first (ties by row). What stays open is aged by as-of − due: ≤ 0 not yet due, then
 * 1–30, 31–60, 61–90, over 90. Flag, first that holds: receivable > limit > 0, days
 * overdue > 90, anything overdue. All money is added in whole cents (half away from
 * zero), so the buckets add up to the receivable exactly.
 * @example
 * // 500 due 40 days before the as-of date, a return of 200, limit 250
 * computeReceivables({ n: 2, customer: [0, 0], day: [0, 5], amount: [500, -200], paid: [NaN, NaN], due: [60, 5] }, 1, [250], 100)
 * // → receivable [300], overdue [300], daysOverdue [40], ageing [[0], [0], [300], [0], [0]], creditUsed [1.2], flag ["OverLimit"]
 */
export function computeReceivables(orders: ReceivableOrders, customerCount: number, limits: ArrayLike<number>, asOf: number, credits?: ArrayLike<number>): Receivables {
  const { amount, paid, due } = orders;
  const queues = dueQueues(orders, customerCount, (i) => orders.day[i] <= asOf);
  // Balances and due dates in queue order: the passes below then read memory in sequence.
  const balance = new Float64Array(queues.order.length);
  const dueAt = new Float64Array(queues.order.length);
  for (let j = 0; j < balance.length; j++) {
    const i = queues.order[j];
    balance[j] = wholeCents(amount[i]) - (Number.isNaN(paid[i]) ? 0 : wholeCents(paid[i]));
    dueAt[j] = due[i];
  }
  const r: Receivables = {
    receivable: new Float64Array(customerCount),
    overdue: new Float64Array(customerCount),
    daysOverdue: new Int32Array(customerCount),
    ageing: AGEING_BUCKETS.map(() => new Float64Array(customerCount)),
    creditUsed: new Float64Array(customerCount).fill(NaN),
    creditLeft: new Float64Array(customerCount),
    flag: new Array<CreditFlag | null>(customerCount).fill(null),
  };
  const buckets = [0, 0, 0, 0, 0];
  for (let c = 0; c < customerCount; c++) {
    const from = queues.start[c];
    const to = queues.start[c + 1];
    let credit = credits ? Math.max(0, wholeCents(credits[c])) : 0;
    for (let j = from; j < to; j++) credit -= Math.min(0, balance[j]);
    buckets.fill(0);
    let earliest = NaN;
    for (let j = from; j < to; j++) {
      if (balance[j] <= 0) continue;
      const open = balance[j] - Math.min(balance[j], credit);
      credit -= balance[j] - open;
      if (open === 0) continue;
      const days = asOf - dueAt[j];
      if (days > 0 && Number.isNaN(earliest)) earliest = dueAt[j];
      buckets[days <= 0 ? 0 : days <= 30 ? 1 : days <= 60 ? 2 : days <= 90 ? 3 : 4] += open;
    }
    const receivable = buckets[0] + buckets[1] + buckets[2] + buckets[3] + buckets[4];
    const overdue = receivable - buckets[0];
    const limit = Number.isNaN(limits[c]) ? 0 : wholeCents(limits[c]);
    r.receivable[c] = receivable / 100;
    r.overdue[c] = overdue / 100;
    r.daysOverdue[c] = Number.isNaN(earliest) ? 0 : asOf - earliest;
    for (let b = 0; b < 5; b++) r.ageing[b][c] = buckets[b] / 100;
    if (limit > 0) r.creditUsed[c] = receivable / limit;
    r.creditLeft[c] = credit / 100;
    r.flag[c] = limit > 0 && receivable > limit ? "OverLimit" : r.daysOverdue[c] > 90 ? "Overdue90" : overdue > 0 ? "Overdue" : null;
  }
  return r;
}
