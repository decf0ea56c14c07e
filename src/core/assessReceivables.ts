import { applyPayments } from "./applyPayments";
import { computeDueDates } from "./computeDueDates";
import { computeReceivables, type Receivables } from "./computeReceivables";
import type { Inputs } from "./readInputs";

/** Where paid amounts came from: the order sheet's paid column, or the payment sheet applied to the orders. */
export type PaidSource = "paidColumn" | "paymentSheet";

export interface CreditReview {
  source: PaidSource;
  /** Each order's due date (epoch day), in order-row order. */
  due: Float64Array;
  /** Paid per order as used: the paid cell (NaN: blank) or what the payment sheet paid. */
  paid: Float64Array;
  receivables: Receivables;
}

/**
 * The receivables of every customer (SPEC "Receivables and credit"): due dates from the
 * due-date cell, the customer's terms or `defaultTerms`; paid from the paid column when the
 * order sheet has one, else from the payment sheet applied earliest due first; null when
 * there is neither (no receivables analysis: its columns are not written).
 * @example assessReceivables(inputs, asOf, 30)?.receivables.receivable[c] — customer c's receivable
 */
export function assessReceivables(inputs: Inputs, asOf: number, defaultTerms: number): CreditReview | null {
  const { orders, customers, payments } = inputs;
  if (!inputs.hasPaid && payments === null) return null;
  const due = computeDueDates(orders, customers.terms, defaultTerms);
  const n = customers.size;
  if (inputs.hasPaid || payments === null) {
    const receivables = computeReceivables({ ...rows(inputs), paid: orders.paid, due }, n, customers.creditLimit, asOf);
    return { source: "paidColumn", due, paid: orders.paid, receivables };
  }
  const applied = applyPayments({ ...rows(inputs), due }, payments, n, asOf);
  const receivables = computeReceivables(
    { ...rows(inputs), paid: applied.paid, due },
    n,
    customers.creditLimit,
    asOf,
    applied.unapplied,
  );
  return { source: "paymentSheet", due, paid: applied.paid, receivables };
}

function rows({ orders }: Inputs) {
  return { n: orders.n, customer: orders.customer, day: orders.day, amount: orders.amount };
}
