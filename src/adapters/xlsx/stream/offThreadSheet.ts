import type { CellSink } from "./cellSink";
import type { SheetEnd } from "./readSheetCells";

/**
 * A way to read one large sheet part on another thread while this one reads the rest: the
 * command line's (a worker thread, see adapters/xlsx/worker); the pane has none. The other
 * thread runs the same reader; its cells come back to this thread's sink in document order.
 */
export interface OffThreadSheets {
  /** The one part among `parts` worth reading on another thread, if any. */
  pick(parts: readonly string[]): string | undefined;
  /** Starts reading `part` at once; `onRows` hears of its rows as `readSheetCells`' `onRows` would. */
  start(part: string, opts: { date1904: boolean; marks: boolean; onRows(rows: number): void }): OffThreadSheet;
}

/** A sheet part being read on another thread. */
export interface OffThreadSheet {
  /**
   * Tells `sink` the cells read so far, then the rest as they come; resolves once all are told,
   * or rejects with the reader's error (its class and words kept). `sink.marks` is the one started with.
   */
  into(sink: CellSink): Promise<SheetEnd>;
  /** Stops the other thread (harmless once it is done). */
  cancel(): void;
}
