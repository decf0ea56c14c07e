import { wholeCents } from "./_lib/cents";
import { dueQueues } from "./_lib/dueQueues";

/** The order columns payments are applied to; days are epoch days, `due` from computeDueDates. */
export interface PayableOrders {
  n: number;
  customer: ArrayLike<number>;
  day: ArrayLike<number>;
  amount: ArrayLike<number>;
  due: ArrayLike<number>;
}

/** The payment sheet's rows: the customer index, payment date and amount. */
export interface PaymentRows {
  n: number;
  customer: ArrayLike<number>;
  day: ArrayLike<number>;
  amount: ArrayLike<number>;
}

export interface AppliedPayments {
  /** Paid per order, in the workbook's currency (0 for orders dated after the as-of date). */
  paid: Float64Array;
  /** Per customer, what was paid beyond all its orders: a credit no order holds. */
  unapplied: Float64Array;
}

/**
 * Paid per order when the order sheet has no paid column: each customer's payments dated
 * on or before the as-of date are summed and applied to its orders dated on or before it,
 * earliest due date first (ties by row), each up to the order's amount; a return (an
 * amount ≤ 0) takes nothing. Payments beyond every order stay `unapplied`; refunds beyond
 * the payments leave nothing paid. Amounts are rounded to whole cents (half away from
 * zero) and applied in cents, so what is paid adds up exactly.
 * @example
 * // one customer: 100 due on day 10, 80 due on day 5; 120 paid on day 20
 * const orders = { n: 2, customer: [0, 0], day: [1, 1], amount: [100, 80], due: [10, 5] };
 * applyPayments(orders, { n: 1, customer: [0], day: [20], amount: [120] }, 1, 30).paid → [40, 80]
 */
export function applyPayments(
  orders: PayableOrders,
  payments: PaymentRows,
  customerCount: number,
  asOf: number,
): AppliedPayments {
  const pool = new Float64Array(customerCount);
  for (let i = 0; i < payments.n; i++)
    if (payments.day[i] <= asOf) pool[payments.customer[i]] += wholeCents(payments.amount[i]);
  const paid = new Float64Array(orders.n);
  const unapplied = new Float64Array(customerCount);
  const queues = dueQueues(orders, customerCount, (i) => orders.day[i] <= asOf);
  for (let c = 0; c < customerCount; c++) {
    let left = Math.max(0, pool[c]);
    for (let j = queues.start[c]; j < queues.start[c + 1] && left > 0; j++) {
      const i = queues.order[j];
      const take = Math.min(left, Math.max(0, wholeCents(orders.amount[i])));
      paid[i] = take / 100;
      left -= take;
    }
    unapplied[c] = left / 100;
  }
  return { paid, unapplied };
}
