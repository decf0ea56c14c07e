import type { GridRead } from "./readExcel";

/**
 * The events that say the workbook may hold other values than a read saw: cells typed, pasted,
 * cleared, inserted or deleted (`onChanged`, ExcelApi 1.9), formats (`onFormatChanged`, 1.9: the
 * used range counted with formats decides where columns beside a blocked table go), sheets added
 * or deleted (1.7), a calculation (1.8: a volatile formula such as TODAY() changes its value with
 * no cell edited) and sorts (1.10; whether a sort also raises `onChanged` is not documented).
 * Renamed or moved sheets need no event: the run compares the sheet list it loads anyway.
 */
const EVENTS = [
  "onChanged",
  "onFormatChanged",
  "onAdded",
  "onDeleted",
  "onCalculated",
  "onRowSorted",
  "onColumnSorted",
] as const;

/** The requirement set that has every event above. */
export const WATCH_API_SET = "1.10";

export interface WorkbookWatch {
  /**
   * Queues the event handlers' registration with the caller's next request, once a pane and only
   * where ExcelApi 1.10 is there, and returns the state a read starting now belongs to.
   */
  begin(context: Excel.RequestContext): number;
  /** The request that carried `begin`'s registration succeeded: handlers are listening. */
  listening(): void;
  /** Keeps a read begun at `state` for the next run, where handlers are listening. */
  keep(state: number, read: GridRead | undefined): void;
  /**
   * Takes what was kept: a run uses a read once (its own writes change the workbook). The
   * returned function, called when the run reads the grids, gives it only if no event came since.
   */
  take(): () => GridRead | undefined;
  /** Forgets what was kept (an undo changed the workbook). */
  drop(): void;
}

/**
 * What the pane read on opening, and whether the workbook changed since: a counter that every
 * change event raises. A read is kept with the counter's value from before its first request
 * (registration included), so a change made while it was reading also counts.
 * @example
 * const watch = workbookWatch(isSetSupported);
 * const state = watch.begin(context); … watch.listening(); … watch.keep(state, read);
 * const reuse = watch.take(); reuse() // the read, unless an event came since `begin`
 */
export function workbookWatch(isSetSupported: (name: string, version: string) => boolean): WorkbookWatch {
  let changes = 0;
  let registered = false;
  let kept: { state: number; read: GridRead } | undefined;
  const changed = async (): Promise<void> => {
    changes += 1;
  };
  return {
    begin(context) {
      if (!registered && isSetSupported("ExcelApi", WATCH_API_SET)) {
        const sheets = context.workbook.worksheets;
        for (const e of EVENTS) sheets[e].add(changed);
      }
      return changes;
    },
    listening() {
      if (isSetSupported("ExcelApi", WATCH_API_SET)) registered = true;
    },
    keep(state, read) {
      kept = registered && read ? { state, read } : undefined;
    },
    take() {
      const k = kept;
      kept = undefined;
      return () => (k && k.state === changes ? k.read : undefined);
    },
    drop() {
      kept = undefined;
    },
  };
}
