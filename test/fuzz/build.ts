import ExcelJS from "exceljs";
import type { Cell } from "../../src/core/_lib/cells";
import { WorkbookModel } from "../excel-double/model";
import type { FuzzCell, FuzzSheet, FuzzWorkbook } from "./generators";

/** How a cell reads back from either adapter: Excel errors are their text (`#N/A`). */
export function plainCell(v: FuzzCell | undefined): Cell {
  if (v === undefined || v === null) return null;
  return typeof v === "object" ? v.error : v;
}

/** Calls `visit` for every filled cell of a sheet (0-based row and column). */
function eachCell(sheet: FuzzSheet, visit: (r: number, c: number, v: Exclude<FuzzCell, null>) => void): void {
  const put = (r: number, c: number, v: FuzzCell | undefined) => {
    if (v !== null && v !== undefined && v !== "") visit(r, c, v);
  };
  sheet.rows.forEach((row, r) => row.forEach((v, c) => put(r, c, v)));
  for (const f of sheet.far ?? []) put(f.row, f.col, f.value);
}

/** The generated workbook in the Excel double (errors as Office.js gives them: text). */
export function toModel(wb: FuzzWorkbook): WorkbookModel {
  const model = new WorkbookModel();
  for (const s of wb.sheets) {
    const sheet = model.addSheet(s.name);
    eachCell(s, (r, c, v) => sheet.put(r, c, { value: typeof v === "object" ? v.error : v }));
  }
  return model;
}

/** The generated workbook as an .xlsx package written by ExcelJS. */
export async function toXlsx(wb: FuzzWorkbook): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  for (const s of wb.sheets) {
    const ws = book.addWorksheet(s.name);
    eachCell(s, (r, c, v) => {
      ws.getCell(r + 1, c + 1).value = typeof v === "object" ? { error: v.error as ExcelJS.CellErrorValue["error"] } : v;
    });
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** Every text the input holds, so a scan of the output can tell echoed user text from text the run made. */
export function inputTexts(wb: FuzzWorkbook): string[] {
  const out: string[] = [];
  for (const s of wb.sheets) {
    out.push(s.name);
    eachCell(s, (_r, _c, v) => {
      if (typeof v === "string") out.push(v);
    });
  }
  return out;
}
