import type { OwnedColumn } from "./types";

export interface Placement {
  col: number;
  header: string;
}

/**
 * Where each output column goes in a sheet's header row. A column recorded as owned
 * is found again at its recorded place, else by its header if the user moved it, else
 * at its recorded place when that header cell is empty (the user cleared the column by
 * hand: still ours, refilled in place). Others are appended to the right of everything.
 * A user column with the same header is never taken: the new column gets a suffixed
 * header, `客户等级 (2)` (headers compared case-insensitively, as Excel compares table
 * column names).
 * @example placeColumns(["客户编号", "客户等级"], 2, [], [{ output: "customer.tier", header: "客户等级" }])
 *   → [{ col: 2, header: "客户等级 (2)" }]
 */
export function placeColumns(
  headers: readonly string[],
  nextFree: number,
  owned: readonly OwnedColumn[],
  outputs: readonly { output: string; header: string }[],
): Placement[] {
  const found = new Map<string, Placement>();
  for (const [output, col] of findOwnedColumns(headers, owned)) {
    const rec = owned.find((o) => o.output === output)!;
    found.set(output, { col, header: headers[col] || rec.header });
  }
  const taken = new Set([...found.values()].map((p) => p.col));
  // Excel compares table column names case-insensitively: "Tier" beside a user's "TIER" would be renamed "Tier2".
  const userHeaders = new Set(
    headers.filter((h, c) => h !== undefined && h !== "" && !taken.has(c)).map((h) => h.toLowerCase()),
  );
  for (const p of found.values()) userHeaders.add(p.header.toLowerCase());
  let next = Math.max(nextFree, headers.length);
  for (const c of taken) next = Math.max(next, c + 1);
  return outputs.map((o) => {
    const placed = found.get(o.output);
    if (placed) return placed;
    let header = o.header;
    for (let n = 2; userHeaders.has(header.toLowerCase()); n++) header = `${o.header} (${n})`;
    userHeaders.add(header.toLowerCase());
    return { col: next++, header };
  });
}

/**
 * Where the columns recorded as owned are now in a header row, by output: at the recorded
 * place, else by header if the user moved them (a column inserted left of them), else at the
 * recorded place when that header cell is empty (cleared by hand). A recorded column found
 * nowhere is no longer ours. Shared by placeColumns and detection (an owned column is never
 * read as input, and a user column now standing at an owned column's old place is).
 * @example findOwnedColumns(["日期", "我的", "客户等级"], [{ sheet: "s", col: 1, header: "客户等级", output: "order.tier" }]) → Map { "order.tier" → 2 }
 */
export function findOwnedColumns(headers: readonly string[], owned: readonly OwnedColumn[]): Map<string, number> {
  const taken = new Set<number>();
  const found = new Map<string, number>();
  const claim = (rec: OwnedColumn, col: number): void => {
    found.set(rec.output, col);
    taken.add(col);
  };
  // In place first, then moved (found by header), then cleared in place: a user's empty
  // column inserted where ours was must not win over ours found by its header further right.
  for (const rec of owned) if (headers[rec.col] === rec.header && !taken.has(rec.col)) claim(rec, rec.col);
  for (const rec of owned) {
    if (found.has(rec.output)) continue;
    const col = headers.findIndex((h, c) => h === rec.header && !taken.has(c));
    if (col >= 0) claim(rec, col);
  }
  for (const rec of owned)
    if (!found.has(rec.output) && (headers[rec.col] ?? "") === "" && !taken.has(rec.col)) claim(rec, rec.col);
  return found;
}
