/** The order columns a due date is made from; days are epoch days. */
export interface DueDateOrders {
  n: number;
  /** Order date. */
  day: ArrayLike<number>;
  /** The order's due-date cell, NaN when blank or absent. */
  dueCell: ArrayLike<number>;
  /** Index of the order's customer into `terms`. */
  customer: ArrayLike<number>;
}

/**
 * Each order's due date (epoch day): its due-date cell, else its date + its customer's
 * payment terms, else + the default terms. Terms are days; a customer's terms that are
 * not a number ≥ 0 (NaN for a blank cell, a negative slip) count as absent. Fractional
 * terms are cut to whole days, as Excel shows `=date + 45.5` as the date 45 days later.
 * @example computeDueDates({ n: 2, day: [100, 100], dueCell: [NaN, 120], customer: [0, 0] }, [45], 30) → [145, 120]
 */
export function computeDueDates(orders: DueDateOrders, terms: ArrayLike<number>, defaultTerms: number): Float64Array {
  if (!Number.isInteger(defaultTerms) || defaultTerms < 0)
    throw new RangeError(`Default payment terms must be whole days ≥ 0, not ${defaultTerms}`);
  const due = new Float64Array(orders.n);
  for (let i = 0; i < orders.n; i++) {
    const cell = orders.dueCell[i];
    if (!Number.isNaN(cell)) {
      due[i] = cell;
      continue;
    }
    const t = terms[orders.customer[i]];
    due[i] = orders.day[i] + (t >= 0 && t !== Infinity ? Math.floor(t) : defaultTerms);
  }
  return due;
}
