import type ExcelJS from "exceljs";
import { toCell } from "./loadWorkbook";

/**
 * The cells of the input compared with the output, and those whose value differs, as
 * `sheet!R1C1: before -> after`: every cell of every input sheet's used rows and columns, read
 * with ExcelJS on both sides (dates as serials in each workbook's own system). Owned columns
 * lie right of the input's, so none is compared.
 */
export function changedCells(
  before: ExcelJS.Workbook,
  after: ExcelJS.Workbook,
): { compared: number; changed: string[] } {
  const b1904 = before.properties.date1904 === true;
  const a1904 = after.properties.date1904 === true;
  const out: string[] = [];
  let compared = 0;
  for (const ws of before.worksheets) {
    const now = after.getWorksheet(ws.name);
    if (!now) {
      out.push(`${ws.name}: gone`);
      continue;
    }
    const width = ws.columnCount;
    for (let r = 1; r <= ws.rowCount; r++) {
      for (let c = 1; c <= width; c++) {
        compared++;
        const was = toCell(ws.getCell(r, c).value, b1904);
        const is = toCell(now.getCell(r, c).value, a1904);
        if (was !== is) out.push(`${ws.name}!R${r}C${c}: ${String(was)} -> ${String(is)}`);
      }
    }
  }
  return { compared, changed: out };
}
