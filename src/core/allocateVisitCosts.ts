import { monthOfDay } from "./_lib/dates";
import { monthLocator } from "./_lib/months";
import type { CostRow, VisitRows } from "./readInputs";

export interface VisitCosts {
  /** Per visit row: own cost + share of its salesperson's monthly costs (or the default cost). */
  allocated: Float64Array;
  /** Per visit row: its month index. */
  month: Int32Array;
  /** Monthly costs per month index (allocated or not), for the monthly table. */
  monthlyByMonth: Map<number, number>;
  /** Monthly costs per "rep|month", for the salesperson table. */
  monthlyByRepMonth: Map<string, number>;
}

/**
 * A visit's cost is its own cost cell plus an equal share of its salesperson's monthly
 * costs for that month; a salesperson's monthly costs with no visits that month stay
 * unallocated. Without any cost data at all, every visit costs `defaultCost`.
 * Visits after the as-of date get no share and count nowhere.
 * @example 2 visits by 张伟 in 2026-10 (own 100, 0) and 6000 of monthly costs → 3100, 3000
 */
export function allocateVisitCosts(
  visits: VisitRows,
  costs: readonly CostRow[],
  asOf: number,
  hasCostData: boolean,
  defaultCost: number,
): VisitCosts {
  const month = visitMonths(visits);
  const monthlyByRepMonth = new Map<string, number>();
  const monthlyByMonth = new Map<number, number>();
  // The per-visit loops find a salesperson's month by number (rep, then month) in `slots`,
  // not by building a "rep|month" string per row; pool[slot] mirrors monthlyByRepMonth.
  const slots = new Map<number, Map<number, number>>();
  const pool: number[] = [];
  for (const row of costs) {
    const key = `${row.rep}|${row.month}`;
    const total = (monthlyByRepMonth.get(key) ?? 0) + row.amount;
    monthlyByRepMonth.set(key, total);
    monthlyByMonth.set(row.month, (monthlyByMonth.get(row.month) ?? 0) + row.amount);
    let byMonth = slots.get(row.rep);
    if (!byMonth) slots.set(row.rep, (byMonth = new Map()));
    const s = byMonth.get(row.month) ?? pool.length;
    byMonth.set(row.month, s);
    pool[s] = total;
  }
  const slot = new Int32Array(visits.n).fill(-1);
  const count = new Float64Array(pool.length);
  for (let i = 0; i < visits.n; i++) {
    if (visits.day[i] > asOf || visits.rep[i] < 0) continue;
    const s = slots.get(visits.rep[i])?.get(month[i]);
    if (s === undefined) continue;
    slot[i] = s;
    count[s]++;
  }
  const allocated = new Float64Array(visits.n);
  for (let i = 0; i < visits.n; i++) {
    if (visits.day[i] > asOf) continue;
    if (!hasCostData) {
      allocated[i] = defaultCost;
      continue;
    }
    const s = slot[i];
    allocated[i] = visits.cost[i] + (s >= 0 ? pool[s] / count[s] : 0);
  }
  return { allocated, month, monthlyByMonth, monthlyByRepMonth };
}

/** Month index of each visit, placed without a Date per row. */
function visitMonths(visits: VisitRows): Int32Array {
  const month = new Int32Array(visits.n);
  if (visits.n === 0) return month;
  let lo = visits.day[0];
  let hi = lo;
  for (let i = 1; i < visits.n; i++) {
    const d = visits.day[i];
    if (d < lo) lo = d;
    else if (d > hi) hi = d;
  }
  const first = monthOfDay(lo);
  const locate = monthLocator(first, monthOfDay(hi) - first + 1);
  for (let i = 0; i < visits.n; i++) month[i] = first + locate(visits.day[i]);
  return month;
}
