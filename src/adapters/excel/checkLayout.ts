import { hashColumns, headerInPlace, normalize, type SheetLayout } from "./layout";
import { readInChunks } from "./readInChunks";
import { rowJsonBytes } from "./chunking";

/**
 * Queues, for the caller's next sync, the reads that tell whether the owned columns are
 * still where the run left them: each sheet's header row (a column inserted or deleted left
 * of or among them moves its cells) and the user's key cells of the rows under them (a row
 * inserted, deleted or sorted among them changes their hash). Key cells too many for a
 * share of one request are read first, in requests of their own under `budget`. The
 * returned function, called after the sync, names the first sheet whose columns or rows moved.
 */
export async function queueLayoutCheck(
  context: Excel.RequestContext,
  layouts: readonly SheetLayout[],
  budget: number,
): Promise<() => string | undefined> {
  const ws = (name: string) => context.workbook.worksheets.getItem(name);
  const keyBytes = layouts.reduce((n, l) => n + (l.keys?.bytes ?? 0), 0);
  const hashes = new Map<number, string>();
  if (keyBytes > budget / 2) {
    const parts = layouts.flatMap((l, i) =>
      l.keys
        ? l.keys.cols.map((col) => ({
            layout: i,
            sheet: l.sheet,
            col,
            row: l.keys!.row,
            rows: l.keys!.rows,
            cols: 1,
            values: [] as unknown[],
          }))
        : [],
    );
    await readInChunks(
      context,
      {
        blocks: parts,
        queue: (k, start, rows) =>
          ws(parts[k].sheet)
            .getRangeByIndexes(parts[k].row + start, parts[k].col, rows, 1)
            .load("values"),
        rowBytes: (range, r) => rowJsonBytes(range.values[r]),
        keep: (k, start, range) => range.values.forEach((row, r) => (parts[k].values[start + r] = row[0])),
      },
      budget,
    );
    layouts.forEach(
      (l, i) => l.keys && hashes.set(i, hashColumns(parts.filter((p) => p.layout === i).map((p) => p.values))),
    );
  }
  const reads = layouts.map((l, i) => ({
    i,
    layout: l,
    header: ws(l.sheet).getRangeByIndexes(l.row, 0, 1, l.header.length).load("values"),
    keys:
      l.keys && !hashes.has(i)
        ? l.keys.cols.map((col) => ws(l.sheet).getRangeByIndexes(l.keys!.row, col, l.keys!.rows, 1).load("values"))
        : [],
  }));
  return () => {
    for (const r of reads) {
      if (!headerInPlace(r.layout, r.header.values[0])) return r.layout.sheet;
      if (!r.layout.keys) continue;
      const hash = hashes.get(r.i) ?? hashColumns(r.keys.map((range) => range.values.map((row) => normalize(row[0]))));
      if (hash !== r.layout.keys.hash) return r.layout.sheet;
    }
    return undefined;
  };
}
