import type { OwnedColumn } from "./types";

export interface Placement {
  col: number;
  header: string;
}

/**
 * Where each output column goes in a sheet's header row. A column recorded as owned
 * is found again at its recorded place, or by its header if the user moved it; others
 * are appended to the right of everything. A user column with the same header is
 * never taken: the new column gets a suffixed header, `客户等级 (2)` (headers compared
 * case-insensitively, as Excel compares table column names).
 * @example placeColumns(["客户编号", "客户等级"], 2, [], [{ output: "customer.tier", header: "客户等级" }])
 *   → [{ col: 2, header: "客户等级 (2)" }]
 */
export function placeColumns(
  headers: readonly string[],
  nextFree: number,
  owned: readonly OwnedColumn[],
  outputs: readonly { output: string; header: string }[],
): Placement[] {
  const taken = new Set<number>();
  const ownedCols = new Set<number>();
  const found = new Map<string, number>();
  for (const rec of owned) {
    const col = headers[rec.col] === rec.header ? rec.col : headers.indexOf(rec.header);
    if (col >= 0 && !taken.has(col)) {
      found.set(rec.output, col);
      taken.add(col);
      ownedCols.add(col);
    }
  }
  // Excel compares table column names case-insensitively: "Tier" beside a user's "TIER" would be renamed "Tier2".
  const userHeaders = new Set(headers.filter((h, c) => h !== undefined && h !== "" && !ownedCols.has(c)).map((h) => h.toLowerCase()));
  let next = Math.max(nextFree, headers.length);
  for (const c of ownedCols) next = Math.max(next, c + 1);
  return outputs.map((o) => {
    const col = found.get(o.output);
    if (col !== undefined) return { col, header: headers[col] };
    let header = o.header;
    for (let n = 2; userHeaders.has(header.toLowerCase()); n++) header = `${o.header} (${n})`;
    userHeaders.add(header.toLowerCase());
    return { col: next++, header };
  });
}
