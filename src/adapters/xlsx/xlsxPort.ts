import type ExcelJS from "exceljs";
import { decodeRecord, RECORD_SHEET } from "../../core/record";
import type { WorkbookPort } from "../port";
import { workbookGrids } from "./readWorkbook";
import { writePlan } from "./writePlan";

/** The port over an ExcelJS workbook held in memory (the command line loads and saves it). */
export function xlsxPort(workbook: ExcelJS.Workbook): WorkbookPort {
  return {
    async readMeta() {
      const ws = workbook.getWorksheet(RECORD_SHEET);
      const cells: unknown[] = [];
      if (ws) for (let r = 1; r <= ws.rowCount; r++) cells.push(ws.getCell(r, 1).value);
      return { sheetNames: workbook.worksheets.map((w) => w.name), record: decodeRecord(cells) };
    },
    async readGrids(skip) {
      return workbookGrids(workbook, skip);
    },
    async write(plan, record, replaceSheets) {
      writePlan(workbook, plan, record, replaceSheets);
    },
  };
}
