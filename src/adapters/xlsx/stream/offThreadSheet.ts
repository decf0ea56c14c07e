import type { CellSink } from "./cellSink";
import type { SheetEnd } from "./readSheetCells";

/**
 * A way to read large sheet parts on another thread while this one reads the rest: the command
 * line's (a worker thread, see adapters/xlsx/worker); the pane has none. The other thread runs
 * the same reader; each part's cells come back to this thread's sink in document order.
 */
export interface OffThreadSheets {
  /** The parts among `parts` worth reading on another thread, in the order given, if any. */
  pick(parts: readonly string[]): string[];
  /**
   * Starts reading `parts` at once, one after another in that order; `onRows` hears of a part's
   * start (0 rows), then of its rows as `readSheetCells`' `onRows` would. A failure fails the part
   * being read and those after it.
   */
  start(parts: readonly FarPart[], date1904: boolean): OffThreadSheet[];
}

/** A part to read on another thread: whether its cells' marks are told (`CellSink.marks`), and its progress. */
export interface FarPart {
  part: string;
  marks: boolean;
  onRows(rows: number): void;
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
