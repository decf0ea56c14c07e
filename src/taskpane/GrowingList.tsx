import { memo, type ReactNode } from "react";
import { ROWS_PER_TASK, useShownCount } from "./useShownCount";

export interface GrowingListProps<T> {
  items: readonly T[];
  /** One item's element, keyed. Keep it the same function from render to render (useCallback): rows already shown are then not rendered again. */
  render: (item: T, index: number) => ReactNode;
  step?: number;
}

/**
 * A long list (a team review's thousands of actions) rendered `step` rows per task (issue 17:
 * "a 10 MB workbook must not freeze the pane"): the first rows at once, the next after the
 * browser has had its turn, until all are there. Each step renders only its own rows.
 */
export function GrowingList<T>({ items, render, step = ROWS_PER_TASK }: GrowingListProps<T>) {
  const shown = useShownCount(items, step);
  const chunks: ReactNode[] = [];
  for (let start = 0; start < shown; start += step)
    chunks.push(<Chunk key={start} items={items} start={start} end={Math.min(start + step, shown)} render={render} />);
  return <>{chunks}</>;
}

interface ChunkProps<T> {
  items: readonly T[];
  start: number;
  end: number;
  render: (item: T, index: number) => ReactNode;
}

/** Rows [start, end), rendered again only when one of these changes. */
const Chunk = memo(function Chunk<T>({ items, start, end, render }: ChunkProps<T>) {
  const rows: ReactNode[] = [];
  for (let i = start; i < end; i++) rows.push(render(items[i], i));
  return <>{rows}</>;
}) as <T>(props: ChunkProps<T>) => ReactNode;
