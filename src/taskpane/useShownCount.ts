import { useEffect, useState } from "react";

/** Rows a long list shows at first and adds per task after: React renders this many rows of Fluent buttons well under 200 ms. */
export const ROWS_PER_TASK = 100;

/**
 * How many rows of `items` to show after `shown`, one step more, none past the end.
 * @example nextShown(200, 250, 100) === 250; nextShown(0, 250, 100) === 100
 */
export function nextShown(shown: number, total: number, step: number): number {
  return Math.min(total, shown + step);
}

/** The rows shown now: a step at first (and for new items), a step more in a task of its own after each render, until all. */
export function useShownCount(items: readonly unknown[], step: number): number {
  const [state, setState] = useState(() => ({ items, shown: nextShown(0, items.length, step) }));
  const current = state.items === items ? state : { items, shown: nextShown(0, items.length, step) };
  if (current !== state) setState(current);
  useEffect(() => {
    if (current.shown >= items.length) return;
    const timer = setTimeout(() =>
      setState((s) => (s.items === items ? { items, shown: nextShown(s.shown, items.length, step) } : s)),
    );
    return () => clearTimeout(timer);
  }, [current.shown, items, step]);
  return current.shown;
}
