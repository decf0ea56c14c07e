import { wholeCents } from "./_lib/cents";
import { AGEING_BUCKETS, type Receivables } from "./computeReceivables";

/** One row of the analysis sheet's receivables ageing: money in the workbook's currency. */
export interface AgeingRow {
  /** Salesperson id (see Interner); −1 for customers with no salesperson; null for the total row. */
  rep: number | null;
  receivable: number;
  /** The receivable by ageing bucket, in AGEING_BUCKETS order (not yet due, 1–30, 31–60, 61–90, over 90). */
  buckets: number[];
  overLimit: number;
}

/**
 * The receivables ageing (应收账款账龄) by the customers' salesperson, then a total row:
 * every salesperson with something receivable or a customer over its limit, largest
 * receivable first (ties by salesperson id), customers with no salesperson last. Sums are
 * added in whole cents, so the rows add up to the total and the buckets to the receivable.
 * @example buildAgeingTable(receivables, [0, 0, 1]).at(-1) → { rep: null, receivable: …, buckets: [...], overLimit: 1 }
 */
export function buildAgeingTable(r: Receivables, customerRep: readonly number[]): AgeingRow[] {
  const cents = new Map<number, { buckets: number[]; overLimit: number }>();
  const total = { buckets: AGEING_BUCKETS.map(() => 0), overLimit: 0 };
  for (let c = 0; c < customerRep.length; c++) {
    const over = r.flag[c] === "OverLimit" ? 1 : 0;
    if (r.receivable[c] === 0 && over === 0) continue;
    const rep = customerRep[c] >= 0 ? customerRep[c] : -1;
    let row = cents.get(rep);
    if (!row) cents.set(rep, (row = { buckets: AGEING_BUCKETS.map(() => 0), overLimit: 0 }));
    for (let b = 0; b < AGEING_BUCKETS.length; b++) {
      const x = wholeCents(r.ageing[b][c]);
      row.buckets[b] += x;
      total.buckets[b] += x;
    }
    row.overLimit += over;
    total.overLimit += over;
  }
  const toRow = (rep: number | null, x: { buckets: number[]; overLimit: number }): AgeingRow => ({
    rep,
    receivable: x.buckets.reduce((a, b) => a + b, 0) / 100,
    buckets: x.buckets.map((b) => b / 100),
    overLimit: x.overLimit,
  });
  const rows = [...cents].map(([rep, x]) => toRow(rep, x));
  rows.sort((x, y) => Number(x.rep! < 0) - Number(y.rep! < 0) || y.receivable - x.receivable || x.rep! - y.rep!);
  return [...rows, toRow(null, total)];
}
