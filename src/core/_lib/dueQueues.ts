/** Each customer's orders, earliest due date first: customer c's are order[start[c] .. start[c + 1]). */
export interface DueQueues {
  start: Int32Array;
  order: Int32Array;
}

/**
 * Groups the orders that `take` accepts by customer, each group sorted by due date (whole
 * epoch days), ties by position (the sheet's row order). Two stable counting passes, by
 * due date and then by customer, when the due dates span at most a few days per order
 * (any real ledger): no comparison sort at all. Otherwise each group is sorted alone, on
 * one number per order (due date × n + position).
 * @example dueQueues({ n: 3, customer: [0, 0, 1], due: [50, 40, 10] }, 2, () => true) → { start: [0, 2, 3], order: [1, 0, 2] }
 */
export function dueQueues(
  orders: { n: number; customer: ArrayLike<number>; due: ArrayLike<number> },
  customerCount: number,
  take: (i: number) => boolean,
): DueQueues {
  const { n, customer, due } = orders;
  const taken = new Int32Array(n);
  let count = 0;
  let minDue = Infinity;
  let maxDue = -Infinity;
  const start = new Int32Array(customerCount + 1);
  for (let i = 0; i < n; i++) {
    if (!take(i)) continue;
    taken[count++] = i;
    start[customer[i] + 1]++;
    if (due[i] < minDue) minDue = due[i];
    if (due[i] > maxDue) maxDue = due[i];
  }
  for (let c = 0; c < customerCount; c++) start[c + 1] += start[c];
  const span = maxDue - minDue + 1;
  const fast = count === 0 || span <= 4 * count + 1024;
  const byDue = fast && count > 0 ? sortByDue(taken, count, due, minDue, span) : taken;
  const order = new Int32Array(count);
  const next = start.slice(0, customerCount);
  for (let j = 0; j < count; j++) order[next[customer[byDue[j]]]++] = byDue[j];
  if (!fast) sortGroups(order, start, due, minDue, n);
  return { start, order };
}

/** taken[0..count) stably sorted by due date, by counting: due − minDue < span. */
function sortByDue(taken: Int32Array, count: number, due: ArrayLike<number>, minDue: number, span: number): Int32Array {
  const at = new Int32Array(span + 1);
  for (let j = 0; j < count; j++) at[due[taken[j]] - minDue + 1]++;
  for (let d = 0; d < span; d++) at[d + 1] += at[d];
  const sorted = new Int32Array(count);
  for (let j = 0; j < count; j++) sorted[at[due[taken[j]] - minDue]++] = taken[j];
  return sorted;
}

/** Sorts each group of `order` (in row order) by due date, then row, on one number per order. */
function sortGroups(order: Int32Array, start: Int32Array, due: ArrayLike<number>, minDue: number, n: number): void {
  const keys = new Float64Array(order.length);
  for (let c = 0; c + 1 < start.length; c++) {
    const from = start[c];
    const to = start[c + 1];
    if (to - from < 2) continue;
    for (let j = from; j < to; j++) keys[j] = (due[order[j]] - minDue) * n + order[j];
    keys.subarray(from, to).sort();
    for (let j = from; j < to; j++) order[j] = keys[j] % n;
  }
}
