/** Each customer's orders, earliest due date first: customer c's are order[start[c] .. start[c + 1]). */
export interface DueQueues {
  start: Int32Array;
  order: Int32Array;
}

/**
 * Groups the orders that `take` accepts by customer, each group sorted by due date, ties
 * by position (the sheet's row order). One counting pass places the groups; each group is
 * then sorted alone, on one number per order (due date × n + position), so no comparator
 * runs a million times.
 * @example dueQueues({ n: 3, customer: [0, 0, 1], due: [50, 40, 10] }, 2, () => true) → { start: [0, 2, 3], order: [1, 0, 2] }
 */
export function dueQueues(
  orders: { n: number; customer: ArrayLike<number>; due: ArrayLike<number> },
  customerCount: number,
  take: (i: number) => boolean,
): DueQueues {
  const { n, customer, due } = orders;
  const start = new Int32Array(customerCount + 1);
  let minDue = Infinity;
  for (let i = 0; i < n; i++) {
    if (!take(i)) continue;
    start[customer[i] + 1]++;
    if (due[i] < minDue) minDue = due[i];
  }
  for (let c = 0; c < customerCount; c++) start[c + 1] += start[c];
  const order = new Int32Array(start[customerCount]);
  const next = start.slice(0, customerCount);
  for (let i = 0; i < n; i++) if (take(i)) order[next[customer[i]]++] = i;
  const keys = new Float64Array(order.length);
  for (let c = 0; c < customerCount; c++) {
    const from = start[c];
    const to = start[c + 1];
    if (to - from < 2) continue;
    for (let j = from; j < to; j++) keys[j] = (due[order[j]] - minDue) * n + order[j];
    keys.subarray(from, to).sort();
    for (let j = from; j < to; j++) order[j] = keys[j] % n;
  }
  return { start, order };
}
