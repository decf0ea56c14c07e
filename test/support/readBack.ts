import { readFileSync } from "node:fs";
import type ExcelJS from "exceljs";
import { loadWorkbook, toCell } from "./loadWorkbook";
import type { Cell } from "../../src/core/_lib/cells";

/** A written workbook read back independently of the code that wrote it: every sheet as rows of plain values. */
export interface SheetDump {
  rows: Cell[][];
  formats: (string | undefined)[][];
  state: string;
}

export async function dumpWorkbook(file: string): Promise<Map<string, SheetDump>> {
  const wb = await loadWorkbook(readFileSync(file));
  return dumpLoaded(wb);
}

export function dumpLoaded(wb: ExcelJS.Workbook): Map<string, SheetDump> {
  const out = new Map<string, SheetDump>();
  for (const ws of wb.worksheets) {
    const rows: Cell[][] = [];
    const formats: (string | undefined)[][] = [];
    const width = ws.columnCount; // computed over all rows on each call: read it once
    for (let r = 1; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      const vals: Cell[] = [];
      const fmts: (string | undefined)[] = [];
      for (let c = 1; c <= width; c++) {
        const cell = row.getCell(c);
        vals.push(toCell(cell.value));
        fmts.push(cell.numFmt || undefined);
      }
      rows.push(vals);
      formats.push(fmts);
    }
    out.set(ws.name, { rows, formats, state: ws.state });
  }
  return out;
}

/** Column index of a header in a sheet's header row. */
export function columnOf(sheet: SheetDump, headerRow: number, header: string): number {
  const c = sheet.rows[headerRow].indexOf(header);
  if (c < 0) throw new Error(`no column "${header}" in row ${headerRow + 1}: ${sheet.rows[headerRow].join(", ")}`);
  return c;
}

/** The row index whose first cell is `label`, searching from `from`. */
export function rowOf(sheet: SheetDump, label: string, from = 0): number {
  for (let r = from; r < sheet.rows.length; r++) if (sheet.rows[r][0] === label) return r;
  throw new Error(`no row "${label}"`);
}
