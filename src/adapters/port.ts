import type { DateSystem } from "../core/_lib/dates";
import type { BlockedTable } from "../core/placeOutsideBlockedTables";
import type { WritePlan } from "../core/output";
import type { WorkbookRecord } from "../core/record";
import type { Grid } from "../core/types";

export type { BlockedTable };

/** Progress of a run, for the pane's progress bar: a stage and how far through it. */
export interface Progress {
  stage: "read" | "compute" | "write";
  done: number;
  total: number;
}

/**
 * What both adapters (.xlsx files and Office.js) give the review: read the workbook's
 * grids and record, write a plan. The review never knows where the data came from.
 */
export interface WorkbookPort {
  /**
   * Sheet names in order, the record of earlier runs (empty when none), and the workbook's
   * date system: grids hold serial dates as the workbook stores them, and the review reads
   * and writes them in that system.
   */
  readMeta(): Promise<{ sheetNames: string[]; record: WorkbookRecord; dateSystem: DateSystem }>;
  /** Every table and every table-less sheet's used range, but the sheets named in `skip`. */
  readGrids(skip: ReadonlySet<string>, onProgress?: (p: Progress) => void): Promise<Grid[]>;
  /**
   * Tables whose next columns hold the user's cells in the table's rows (widening such a
   * table would shift those cells right in Office.js, write over them in an .xlsx package).
   * New owned columns that do not fit in `room` go to `freeCol` and onwards, outside the
   * table. Valid after `readGrids`; optional: a port without tables needs none.
   */
  blockedTables?(): readonly BlockedTable[];
  /** Writes the plan and the record; removes `replaceSheets` (review sheets an earlier run made) first. */
  write(
    plan: WritePlan,
    record: WorkbookRecord,
    replaceSheets: readonly string[],
    onProgress?: (p: Progress) => void,
  ): Promise<void>;
}
