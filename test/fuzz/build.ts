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
    if (s.table) {
      const header = s.rows[0]!.map((h) => String(plainCell(h)));
      const box = { top: 0, left: 0, bottom: s.rows.length - 1, right: header.length - 1 };
      model.tables.push({
        id: model.nextId("plain"),
        name: s.table,
        sheetId: sheet.id,
        box,
        showTotals: false,
        columns: header.map((name, i) => ({ id: i + 1, name })),
      });
    }
  }
  return model;
}

/** The generated workbook as an .xlsx package written by ExcelJS. */
export async function toXlsx(wb: FuzzWorkbook): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  for (const s of wb.sheets) {
    const ws = book.addWorksheet(s.name);
    eachCell(s, (r, c, v) => {
      ws.getCell(r + 1, c + 1).value = excelJSValue(v);
    });
    if (s.table) {
      ws.addTable({
        name: s.table,
        ref: "A1",
        headerRow: true,
        style: { theme: "TableStyleLight1", showRowStripes: true },
        columns: s.rows[0]!.map((h) => ({ name: String(plainCell(h)) })),
        rows: s.rows.slice(1).map((row) => s.rows[0]!.map((_, c) => excelJSValue(row[c] ?? null))),
      });
    }
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

function excelJSValue(v: FuzzCell): ExcelJS.CellValue {
  return v !== null && typeof v === "object" ? { error: v.error as ExcelJS.CellErrorValue["error"] } : v;
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
