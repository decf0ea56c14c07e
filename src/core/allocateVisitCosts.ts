import { monthOfDay } from "./_lib/dates";
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
export function allocateVisitCosts(visits: VisitRows, costs: readonly CostRow[], asOf: number, hasCostData: boolean, defaultCost: number): VisitCosts {
  const month = new Int32Array(visits.n);
  const count = new Map<string, number>();
  for (let i = 0; i < visits.n; i++) {
    month[i] = monthOfDay(visits.day[i]);
    if (visits.day[i] > asOf || visits.rep[i] < 0) continue;
    const key = `${visits.rep[i]}|${month[i]}`;
    count.set(key, (count.get(key) ?? 0) + 1);
  }
  const monthlyByRepMonth = new Map<string, number>();
  const monthlyByMonth = new Map<number, number>();
  for (const row of costs) {
    const key = `${row.rep}|${row.month}`;
    monthlyByRepMonth.set(key, (monthlyByRepMonth.get(key) ?? 0) + row.amount);
    monthlyByMonth.set(row.month, (monthlyByMonth.get(row.month) ?? 0) + row.amount);
  }
  const allocated = new Float64Array(visits.n);
  for (let i = 0; i < visits.n; i++) {
    if (visits.day[i] > asOf) continue;
    if (!hasCostData) {
      allocated[i] = defaultCost;
      continue;
    }
    const key = `${visits.rep[i]}|${month[i]}`;
    const pool = monthlyByRepMonth.get(key);
    allocated[i] = visits.cost[i] + (pool !== undefined && visits.rep[i] >= 0 ? pool / count.get(key)! : 0);
  }
  return { allocated, month, monthlyByMonth, monthlyByRepMonth };
}
