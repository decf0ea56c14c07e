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
 * zero), so the buckets add up to the receivable exactly. Only customers with a credit
 * need their orders in due order; the others' open amounts are aged in one pass.
 * @example
 * // 500 due 40 days before the as-of date, a return of 200, limit 250
 * computeReceivables({ n: 2, customer: [0, 0], day: [0, 5], amount: [500, -200], paid: [NaN, NaN], due: [60, 5] }, 1, [250], 100)
 * // → receivable [300], overdue [300], daysOverdue [40], ageing [[0], [0], [300], [0], [0]], creditUsed [1.2], flag ["OverLimit"]
 */
export function computeReceivables(
  orders: ReceivableOrders,
  customerCount: number,
  limits: ArrayLike<number>,
  asOf: number,
  credits?: ArrayLike<number>,
): Receivables {
  const credit = new Float64Array(customerCount);
  if (credits) for (let c = 0; c < customerCount; c++) credit[c] = Math.max(0, wholeCents(credits[c]));
  const balance = orderBalances(orders, asOf, credit);
  const open = new OpenAmounts(customerCount, asOf);
  for (let i = 0; i < orders.n; i++) {
    const c = orders.customer[i];
    if (balance[i] > 0 && credit[c] === 0) open.add(c, balance[i], orders.due[i]);
  }
  const queues = dueQueues(orders, customerCount, (i) => balance[i] > 0 && credit[orders.customer[i]] > 0);
  for (let c = 0; c < customerCount; c++) {
    for (let j = queues.start[c]; j < queues.start[c + 1]; j++) {
      const i = queues.order[j];
      const used = Math.min(balance[i], credit[c]);
      credit[c] -= used;
      if (balance[i] > used) open.add(c, balance[i] - used, orders.due[i]);
    }
  }
  return open.finish(limits, credit);
}

/**
 * Each order's amount − paid in whole cents (a blank paid is 0); 0 for an order after the
 * as-of date. A negative balance is added to its customer's `credit` in the same pass.
 */
function orderBalances(
  { n, customer, day, amount, paid }: ReceivableOrders,
  asOf: number,
  credit: Float64Array,
): Float64Array {
  const balance = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    if (day[i] > asOf) continue;
    const b = wholeCents(amount[i]) - (Number.isNaN(paid[i]) ? 0 : wholeCents(paid[i]));
    balance[i] = b;
    if (b < 0) credit[customer[i]] -= b;
  }
  return balance;
}

/** Open amounts in whole cents by customer and ageing bucket, and each customer's earliest overdue due date. */
class OpenAmounts {
  private readonly buckets: Float64Array[];
  private readonly earliest: Float64Array;

  constructor(
    private readonly customerCount: number,
    private readonly asOf: number,
  ) {
    this.buckets = AGEING_BUCKETS.map(() => new Float64Array(customerCount));
    this.earliest = new Float64Array(customerCount).fill(Infinity);
  }

  add(c: number, cents: number, due: number): void {
    const days = this.asOf - due;
    if (days > 0 && due < this.earliest[c]) this.earliest[c] = due;
    this.buckets[days <= 0 ? 0 : days <= 30 ? 1 : days <= 60 ? 2 : days <= 90 ? 3 : 4][c] += cents;
  }

  /** The figures in the workbook's currency; `creditLeft` in whole cents. */
  finish(limits: ArrayLike<number>, creditLeft: Float64Array): Receivables {
    const n = this.customerCount;
    const r: Receivables = {
      receivable: new Float64Array(n),
      overdue: new Float64Array(n),
      daysOverdue: new Int32Array(n),
      ageing: this.buckets.map((b) => b.map((cents) => cents / 100)),
      creditUsed: new Float64Array(n).fill(NaN),
      creditLeft: creditLeft.map((cents) => cents / 100),
      flag: new Array<CreditFlag | null>(n).fill(null),
    };
    for (let c = 0; c < n; c++) {
      const receivable = this.buckets.reduce((sum, b) => sum + b[c], 0);
      const overdue = receivable - this.buckets[0][c];
      const limit = Number.isNaN(limits[c]) ? 0 : wholeCents(limits[c]);
      r.receivable[c] = receivable / 100;
      r.overdue[c] = overdue / 100;
      r.daysOverdue[c] = this.earliest[c] === Infinity ? 0 : this.asOf - this.earliest[c];
      if (limit > 0) r.creditUsed[c] = receivable / limit;
      r.flag[c] =
        limit > 0 && receivable > limit
          ? "OverLimit"
          : r.daysOverdue[c] > 90
            ? "Overdue90"
            : overdue > 0
              ? "Overdue"
              : null;
    }
    return r;
  }
}
