import type { WorkbookPort } from "../port";
import { DEFAULT_LIMIT_BYTES } from "./chunking";
import { readGridsFromExcel, readMetaFromExcel, type Box } from "./readExcel";
import { writePlanToExcel } from "./writeExcel";

export interface ExcelPortOptions {
  /** Largest request or response, in bytes; Excel on the web refuses over 5 MB. */
  limitBytes?: number;
}

/**
 * The port over Office.js, inside one `Excel.run`: every read and write of a run goes
 * through this context, in as few `sync()` calls as the request limit allows.
 */
export function excelPort(context: Excel.RequestContext, options: ExcelPortOptions = {}): WorkbookPort {
  const limit = options.limitBytes ?? DEFAULT_LIMIT_BYTES;
  let sheetNames: string[] = [];
  let hasRecord = false;
  let recordCells = 0;
  let boxes: Box[] = [];
  return {
    async readMeta() {
      const meta = await readMetaFromExcel(context);
      sheetNames = meta.sheetNames;
      hasRecord = meta.hasRecord;
      recordCells = meta.recordCells;
      return { sheetNames: meta.sheetNames, record: meta.record };
    },
    async readGrids(skip, onProgress) {
      const read = await readGridsFromExcel(context, sheetNames, skip, limit, onProgress);
      boxes = read.boxes;
      return read.grids;
    },
    async write(plan, record, replaceSheets, onProgress) {
      await writePlanToExcel(context, plan, record, replaceSheets, { boxes, hasRecord, recordCells, sheetNames }, limit, onProgress);
    },
  };
}
