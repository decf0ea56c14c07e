import type { OrderRows, VisitRows } from "./readInputs";

/** What the monthly and salesperson tables read: rows already placed in months, with their salesperson. */
export interface ActivityInputs {
  orders: OrderRows;
  /** Month index per order row; rows after the as-of date hold −1. */
  orderMonth: Int32Array;
  visits: VisitRows;
  /** Month index per visit row; rows after the as-of date hold −1. */
  visitMonth: Int32Array;
  /** Direct cost per visit row: its own cost, or the default cost without cost data. */
  visitDirect: Float64Array;
  /** Month index of each customer's first order date f; NaN when it has none. */
  firstMonth: Float64Array;
  monthlyByMonth: ReadonlyMap<number, number>;
  monthlyByRepMonth: ReadonlyMap<string, number>;
}

/** An order counts as from a new customer in the month of the customer's f. */
export function isNewOrder(a: ActivityInputs, i: number): boolean {
  return a.firstMonth[a.orders.customer[i]] === a.orderMonth[i];
}

/** A visit counts as to a new customer unless f is before the visit's month (prospects are new). */
export function isNewVisit(a: ActivityInputs, i: number): boolean {
  return !(a.firstMonth[a.visits.customer[i]] < a.visitMonth[i]);
}
