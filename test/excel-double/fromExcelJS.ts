import { readFileSync } from "node:fs";
import type ExcelJS from "exceljs";
import { loadWorkbook, toCell } from "../support/loadWorkbook";
import { parseAddress } from "./address";
import { type CellData, type FontData, type Visibility, WorkbookModel } from "./model";

/**
 * Loads .xlsx workbooks into the double's model (Node only: tests and the
 * end-to-end harness build the model here and hand it to the browser as JSON or
 * through the same code bundled). Cells hold what Office.js would report: dates as
 * serial numbers, formulas with their cached results, rich text as plain text.
 */

const STATE: Record<string, Visibility> = { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" };

/** ExcelJS colours are ARGB ("FFRRGGBB"); theme colours have no fixed RGB and are left out. */
function rgb(color: Partial<ExcelJS.Color> | undefined): string | undefined {
  const argb = color?.argb;
  return typeof argb === "string" && /^[0-9a-f]{8}$/i.test(argb) ? `#${argb.slice(2).toUpperCase()}` : undefined;
}

/** Only what differs from Excel's default font is kept, so untouched cells stay bare. */
function fontOf(font: Partial<ExcelJS.Font> | undefined): FontData | undefined {
  if (!font) return undefined;
  const out: FontData = {};
  if (font.bold) out.bold = true;
  if (font.italic) out.italic = true;
  const color = rgb(font.color);
  if (color && color !== "#000000") out.color = color;
  if (typeof font.size === "number" && font.size !== 11) out.size = font.size;
  return Object.keys(out).length > 0 ? out : undefined;
}

function cellOf(cell: ExcelJS.Cell, date1904: boolean): CellData {
  const out: CellData = {};
  const value = toCell(cell.value, date1904);
  if (value !== null && value !== "") out.value = value;
  const formula = cell.formula;
  if (formula) out.formula = `=${formula}`;
  if (cell.numFmt && cell.numFmt !== "General") out.numberFormat = cell.numFmt;
  const font = fontOf(cell.font);
  if (font) out.font = font;
  const fill = cell.fill?.type === "pattern" && cell.fill.pattern === "solid" ? rgb(cell.fill.fgColor) : undefined;
  if (fill) out.fill = fill;
  return out;
}

interface ExcelJSTable {
  table: { name: string; tableRef?: string; ref?: string; totalsRow?: boolean; columns: { name: string }[] };
}

interface ExcelJSConditionalFormatting {
  ref: string;
  rules: { type: string; formulae?: string[]; style?: { fill?: { fgColor?: Partial<ExcelJS.Color>; bgColor?: Partial<ExcelJS.Color> }; font?: Partial<ExcelJS.Font> } }[];
}

/** The model of an ExcelJS workbook: sheets in order with state, cells, widths, tables and conditional formats. */
export function modelFromWorkbook(workbook: ExcelJS.Workbook): WorkbookModel {
  const model = new WorkbookModel();
  const date1904 = workbook.properties.date1904 === true;
  for (const ws of workbook.worksheets) {
    const extra = ws as unknown as { sheetProtection?: { sheet?: boolean }; tables?: Record<string, ExcelJSTable>; conditionalFormattings?: ExcelJSConditionalFormatting[] };
    const sheet = model.addSheet(ws.name, { visibility: STATE[ws.state] ?? "Visible", protected: extra.sheetProtection?.sheet === true });
    ws.eachRow({ includeEmpty: false }, (row, r) => row.eachCell({ includeEmpty: false }, (cell, c) => sheet.put(r - 1, c - 1, cellOf(cell, date1904))));
    (ws.columns ?? []).forEach((col, i) => {
      // Excel's width unit is characters of the default font: about 7 px each plus 5 px padding; 0.75 pt a pixel.
      if (typeof col.width === "number") sheet.columnWidths.set(i, Math.round((col.width * 7 + 5) * 0.75 * 100) / 100);
    });
    for (const { table } of Object.values(extra.tables ?? {})) {
      const box = parseAddress(table.tableRef ?? table.ref ?? "")?.box;
      if (!box) continue;
      model.tables.push({ id: model.nextId("plain"), name: table.name, sheetId: sheet.id, box, showTotals: table.totalsRow === true, columns: table.columns.map((col, i) => ({ id: i + 1, name: col.name })) });
    }
    for (const cf of extra.conditionalFormattings ?? []) {
      for (const ref of cf.ref.split(" ")) {
        const box = parseAddress(ref)?.box;
        if (!box) continue;
        for (const rule of cf.rules) {
          const custom = rule.type === "expression";
          const fill = rgb(rule.style?.fill?.bgColor) ?? rgb(rule.style?.fill?.fgColor);
          const fontColor = rgb(rule.style?.font?.color);
          model.conditionalFormats.push({
            id: model.nextId("plain"),
            sheetId: sheet.id,
            box,
            type: custom ? "Custom" : rule.type,
            ...(custom && rule.formulae?.[0] ? { formula: `=${rule.formulae[0].replace(/^=/, "")}` } : {}),
            ...(fill ? { fill } : {}),
            ...(fontColor ? { fontColor } : {}),
            ...(rule.style?.font?.bold ? { bold: true } : {}),
          });
        }
      }
    }
  }
  const active = model.sheets[workbook.views?.[0]?.activeTab ?? 0];
  if (active) model.activeSheetId = active.id;
  return model;
}

/** Reads an .xlsx file (through the project's loader, which repairs packages ExcelJS cannot read) into a model. */
export async function modelFromFile(path: string): Promise<WorkbookModel> {
  return modelFromWorkbook(await loadWorkbook(readFileSync(path)));
}
