import type { Grid } from "../../core/types";

/**
 * Where a run left its columns in one user sheet, for Undo to check before its first
 * change: the saved blocks are by sheet row and column, so a column or row the user
 * inserted, deleted or sorted since would make Undo write over the user's cells.
 */
export interface SheetLayout {
  sheet: string;
  /** 0-based row of the header. */
  row: number;
  /** The header row before the run, from column A to one past the last owned column, as `values` gave it. */
  header: HeaderValue[];
  /** The owned columns and the header the run writes in each. */
  owned: { col: number; header: string }[];
  /** The rows the owned columns cover, told apart by the user's columns in them. */
  keys?: RowKeys;
}

export type HeaderValue = string | number | boolean;

/**
 * A fingerprint of the data rows under the owned columns: a few user columns (most distinct
 * first) that tell apart as many rows as all of them do, and a hash of their values row by
 * row. Any row inserted, deleted or moved among them changes it, unless rows are alike in all
 * the user's columns.
 */
export interface RowKeys {
  cols: number[];
  row: number;
  rows: number;
  hash: string;
  /** JSON bytes the key cells take in a response, to plan their read. */
  bytes: number;
}

/**
 * The rows `first..last` (sheet rows) as a fingerprint, from the grid the run read: the user's
 * columns, most distinct first, until they tell apart as many rows as all of them do (rows
 * alike in every user column cannot be told apart at all). Undefined without rows or user columns.
 * With `inputs` (the columns the review read), only those are candidates: a user's column of
 * formulas over the results, or of TODAY(), changes after the run without any row moving, and
 * would make Undo refuse for ever.
 */
export function rowKeys(
  grid: Grid,
  ownedCols: ReadonlySet<number>,
  first: number,
  last: number,
  inputs?: readonly number[],
): RowKeys | undefined {
  if (last < first) return undefined;
  const rows = last - first + 1;
  const width = grid.values.reduce((w, r) => Math.max(w, r.length), 0);
  const cell = (r: number, c: number): HeaderValue =>
    normalize(grid.values[first + r - grid.origin.row]?.[c - grid.origin.col]);
  // Each user column as small integer ids per row (a Map tells 1 from "1").
  const candidates: { col: number; ids: Int32Array; distinct: number }[] = [];
  const readByReview =
    inputs?.filter((c) => !ownedCols.has(c) && c >= grid.origin.col && c < grid.origin.col + width) ?? [];
  for (let c = grid.origin.col; c < grid.origin.col + width; c++) {
    if (ownedCols.has(c) || (readByReview.length > 0 && !readByReview.includes(c))) continue;
    const seen = new Map<HeaderValue, number>();
    const ids = new Int32Array(rows);
    for (let r = 0; r < rows; r++) {
      const v = cell(r, c);
      let id = seen.get(v);
      if (id === undefined) seen.set(v, (id = seen.size));
      ids[r] = id;
    }
    candidates.push({ col: c, ids, distinct: seen.size });
  }
  if (candidates.length === 0) return undefined;
  candidates.sort((a, b) => b.distinct - a.distinct || a.col - b.col);
  // Rows split into classes by ever more columns; the fewest first columns that split them as finely as all do are the keys.
  let classes = new Int32Array(rows);
  const counts: number[] = [];
  for (const { ids, distinct } of candidates) {
    const next = new Map<number, number>();
    const refined = new Int32Array(rows);
    for (let r = 0; r < rows; r++) {
      const k = classes[r]! * distinct + ids[r]!;
      let id = next.get(k);
      if (id === undefined) next.set(k, (id = next.size));
      refined[r] = id;
    }
    classes = refined;
    counts.push(next.size);
    if (next.size === rows) break;
  }
  const cols = candidates.slice(0, counts.indexOf(counts[counts.length - 1]!) + 1).map((x) => x.col);
  cols.sort((a, b) => a - b);
  const columns = cols.map((c) => Array.from({ length: rows }, (_, r) => cell(r, c)));
  return {
    cols,
    row: first,
    rows,
    hash: hashColumns(columns),
    bytes: columns.reduce((n, col) => n + JSON.stringify(col).length * 3, 0),
  };
}

/** A cell as compared: empty, null and undefined alike. */
export function normalize(v: unknown): HeaderValue {
  return v === null || v === undefined ? "" : (v as HeaderValue);
}

/**
 * A 53-bit hash (cyrb53) of the key cells row by row, as hex.
 * @example hashColumns([["C1", "C2"]]) !== hashColumns([["C2", "C1"]])
 */
export function hashColumns(columns: readonly (readonly unknown[])[]): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  const feed = (ch: number): void => {
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  };
  const rows = columns[0]?.length ?? 0;
  for (let r = 0; r < rows; r++) {
    for (const col of columns) {
      const v = normalize(col[r]);
      // A type tag keeps 1 apart from "1"; a separator keeps "ab","c" apart from "a","bc".
      feed(typeof v === "string" ? 115 : typeof v === "number" ? 110 : 98);
      const text = String(v);
      for (let i = 0; i < text.length; i++) feed(text.charCodeAt(i));
      feed(0);
    }
    feed(10);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16);
}

/**
 * Whether a header row as read now is the one the run left: every user cell as it was, every
 * owned cell the run's header or, for a run cut short before its headers, what was there. The
 * cell one past the last owned column may hold anything new but one of the run's headers,
 * which a column inserted left of it would have moved there (a header the user types beside
 * the results does not stop Undo).
 */
export function headerInPlace(layout: SheetLayout, now: readonly unknown[]): boolean {
  const last = layout.header.length - 1;
  return layout.header.every((before, c) => {
    const cell = normalize(now[c]);
    if (cell === before) return true;
    if (c === last) return !layout.owned.some((o) => o.header === cell);
    return layout.owned.some((o) => o.col === c && o.header === cell);
  });
}
