import type { RunLog } from "../../core/record";
import type { Grid } from "../../core/types";
import type { BlockedTable, WorkbookPort } from "../port";
import { DEFAULT_LIMIT_BYTES } from "./chunking";
import { readGridsFromExcel, readMetaFromExcel, type Box, type ExcelMeta, type GridRead } from "./readExcel";
import { writePlanToExcel } from "./writeExcel";

export interface ExcelPortOptions {
  /** Largest request or response, in bytes; Excel on the web refuses over 5 MB. */
  limitBytes?: number;
}

export interface ExcelRunOptions {
  /** Checked between requests: reads stop, writes are rolled back. */
  signal?: AbortSignal;
  /** When the run started (`yyyy-mm-dd hh:mm`), kept in the run log for "Undo last run". */
  runAt?: string;
  /** The workbook's sheets and record, when the caller has just read them (saves two requests). */
  meta?: ExcelMeta;
  /** Whether Table.resize is there (ExcelApi 1.13), for rolling back a cancelled run; default true. */
  canResizeTables?: boolean;
  /**
   * An earlier read of the grids that no change event has reached since, asked for when the
   * grids are read (so events raised until then count); used when the sheets still look the same.
   */
  reuse?: () => GridRead | undefined;
}

/**
 * The port over Office.js, inside one `Excel.run`: every read and write of a run goes
 * through this context, in as few `sync()` calls as the request limit allows.
 */
export function excelPort(
  context: Excel.RequestContext,
  options: ExcelPortOptions = {},
  run: ExcelRunOptions = {},
): WorkbookPort & { written(): RunLog | undefined; sheetNamesAfter(): string[]; lastRead(): GridRead | undefined } {
  const limit = options.limitBytes ?? DEFAULT_LIMIT_BYTES;
  let meta: ExcelMeta | undefined;
  let boxes: Box[] = [];
  let blocked: BlockedTable[] = [];
  let grids: Grid[] = [];
  let read: GridRead | undefined;
  let log: RunLog | undefined;
  let sheetsAfter: string[] = [];
  return {
    async readMeta() {
      meta = run.meta ?? (await readMetaFromExcel(context));
      return { sheetNames: meta.sheetNames, record: meta.record, dateSystem: meta.dateSystem };
    },
    async readGrids(skip, onProgress) {
      read = await readGridsFromExcel(
        context,
        meta?.sheetNames ?? [],
        skip,
        limit,
        onProgress,
        run.signal,
        run.reuse?.(),
      );
      boxes = read.boxes;
      blocked = read.blocked;
      grids = read.grids;
      return read.grids;
    },
    /** What `readGrids` read (or reused), for a later run to reuse while the workbook has not changed. */
    lastRead() {
      return read;
    },
    /** The log of the run this port wrote, once the write is complete (what "Undo last run" takes back). */
    written() {
      return log;
    },
    /** The workbook's sheet names once the write is complete, loaded in its last request. */
    sheetNamesAfter() {
      return sheetsAfter;
    },
    blockedTables() {
      return blocked;
    },
    async write(plan, record, replaceSheets, onProgress) {
      if (!meta) throw new Error("excelPort.write before readMeta");
      const state = {
        boxes,
        hasRecord: meta.hasRecord,
        recordCells: meta.recordCells,
        sheetNames: meta.sheetNames,
        sheets: meta.sheets,
        previous: meta.record,
        grids,
      };
      ({ log, sheetNames: sheetsAfter } = await writePlanToExcel(context, plan, record, replaceSheets, state, {
        limitBytes: limit,
        onProgress,
        signal: run.signal,
        runAt: run.runAt ?? "",
        canResizeTables: run.canResizeTables ?? true,
      }));
    },
  };
}
