import ExcelJS from "exceljs";
import type { Cell } from "../../core/_lib/cells";
import { parseA1, toA1Range, columnLetters } from "../../core/_lib/a1";
import { NUMBER_FORMATS, type ColumnPlan, type CreatedSheetPlan, type ReportPlan, type RowStyle, type SheetPlan, type WritePlan } from "../../core/output";
import { encodeRecord, RECORD_SHEET, type WorkbookRecord } from "../../core/record";

/**
 * Writes a plan into an ExcelJS workbook: only owned cells of the input sheets,
 * the created customer sheet, the analysis sheet and the record sheet. Text is
 * written as text: an .xlsx string cell is never evaluated, so `=HYPERLINK(…)`
 * typed as a customer name stays the text it was.
 */
export function writePlan(workbook: ExcelJS.Workbook, plan: WritePlan, record: WorkbookRecord, replaceSheets: readonly string[]): void {
  for (const name of replaceSheets) {
    const ws = workbook.getWorksheet(name);
    if (ws) workbook.removeWorksheet(ws.id);
  }
  if (plan.created) writeCreatedSheet(workbook, plan.created);
  for (const sheet of plan.sheets) writeColumns(workbook, sheet);
  writeReport(workbook, plan.report);
  writeRecord(workbook, record);
  patchTableStyles(workbook);
}

/**
 * A table part may omit tableStyleInfo (openpyxl writes none); ExcelJS then fails to save.
 * An element with no style name means the same as none, so that is what is written.
 */
function patchTableStyles(workbook: ExcelJS.Workbook): void {
  for (const ws of workbook.worksheets) {
    const tables = (ws as unknown as { tables?: Record<string, { table: { style?: object | null } }> }).tables ?? {};
    for (const t of Object.values(tables)) t.table.style ??= { showRowStripes: false, showColumnStripes: false };
  }
}

function writeCreatedSheet(workbook: ExcelJS.Workbook, created: CreatedSheetPlan): void {
  const ws = workbook.addWorksheet(created.sheet);
  ws.getRow(1).values = created.header;
  ws.getRow(1).font = { bold: true };
  created.rows.forEach((row, i) => {
    const r = ws.getRow(i + 2);
    row.forEach((v, c) => (r.getCell(c + 1).value = v));
  });
  created.header.forEach((_, c) => (ws.getColumn(c + 1).width = 18));
}

function writeColumns(workbook: ExcelJS.Workbook, plan: SheetPlan): void {
  const ws = workbook.getWorksheet(plan.sheet);
  if (!ws) throw new Error(`writePlan: sheet ${plan.sheet} is gone`);
  for (const col of plan.columns) {
    const header = ws.getCell(plan.headerRow + 1, col.col + 1);
    header.value = col.header;
    header.font = { bold: true };
    const fmt = NUMBER_FORMATS[col.format];
    for (let k = 0; k < col.values.length; k++) {
      const cell = ws.getCell(plan.firstRow + k + 1, col.col + 1);
      cell.value = col.values[k] as ExcelJS.CellValue;
      const f = col.cellFormats?.[k];
      cell.numFmt = f ? NUMBER_FORMATS[f] : fmt;
    }
    if (ws.getColumn(col.col + 1).width === undefined) ws.getColumn(col.col + 1).width = Math.max(10, Math.min(24, col.header.length * 2 + 2));
    writeHighlights(ws, plan, col);
  }
  if (plan.table) extendTable(ws, plan);
}

/** Native conditional formats (they show without the add-in); an earlier run's rules on the column are replaced. */
function writeHighlights(ws: ExcelJS.Worksheet, plan: SheetPlan, col: ColumnPlan): void {
  const ref = toA1Range(plan.firstRow, col.col, Math.max(1, plan.lastRow - plan.firstRow + 1), 1);
  ws.removeConditionalFormatting((cf: ExcelJS.ConditionalFormattingOptions) => cf.ref !== ref);
  if (!col.highlights?.length || plan.lastRow < plan.firstRow) return;
  const first = `${columnLetters(col.col)}${plan.firstRow + 1}`;
  ws.addConditionalFormatting({
    ref,
    rules: col.highlights.map((h, i) => ({
      type: "expression",
      priority: i + 1,
      formulae: [`${first}="${h.text.replace(/"/g, '""')}"`],
      style: {
        fill: { type: "pattern", pattern: "solid", bgColor: { argb: `FF${h.fill.slice(1)}` } },
        font: { color: { argb: `FF${h.font.slice(1)}` } },
      },
    })),
  });
}

interface TableModel {
  name: string;
  tableRef: string;
  autoFilterRef?: string;
  columns: { name: string }[];
  totalsRow?: boolean;
}

/** Widens an Excel table over the owned columns right of it, so the output is part of the table. */
function extendTable(ws: ExcelJS.Worksheet, plan: SheetPlan): void {
  const tables = (ws as unknown as { tables: Record<string, { table: TableModel }> }).tables;
  const t = Object.values(tables).find((x) => x.table.name === plan.table)?.table;
  if (!t) return;
  const [a, b] = t.tableRef.split(":");
  const tl = parseA1(a);
  const br = parseA1(b ?? a);
  let right = br.col;
  const names = new Set(t.columns.map((c) => c.name));
  for (const col of [...plan.columns].sort((x, y) => x.col - y.col)) {
    if (col.col <= right) continue;
    if (col.col !== right + 1) break;
    right = col.col;
    let name = col.header;
    for (let n = 2; names.has(name); n++) name = `${col.header}${n}`;
    names.add(name);
    t.columns.push({ name });
  }
  t.tableRef = toA1Range(tl.row, tl.col, br.row - tl.row + 1, right - tl.col + 1);
  if (t.autoFilterRef) {
    const fb = parseA1(t.autoFilterRef.split(":")[1] ?? t.autoFilterRef);
    t.autoFilterRef = toA1Range(tl.row, tl.col, fb.row - tl.row + 1, right - tl.col + 1);
  }
}

const STYLE: Record<RowStyle, Partial<ExcelJS.Style>> = {
  title: { font: { bold: true, size: 14 } },
  section: { font: { bold: true, size: 12, color: { argb: "FF1F4E78" } } },
  header: { font: { bold: true }, fill: { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } } },
  total: { font: { bold: true }, border: { top: { style: "thin" } } },
  note: { font: { italic: true, color: { argb: "FF595959" } } },
  body: {},
};

function writeReport(workbook: ExcelJS.Workbook, report: ReportPlan): void {
  const ws = workbook.addWorksheet(report.sheet);
  report.columnWidths.forEach((w, c) => (ws.getColumn(c + 1).width = w));
  report.rows.forEach((row, r) => {
    const xr = ws.getRow(r + 1);
    row.cells.forEach((v: Cell, c) => {
      const cell = xr.getCell(c + 1);
      cell.value = v as ExcelJS.CellValue;
      const f = row.formats?.[c];
      if (f) cell.numFmt = NUMBER_FORMATS[f];
      const style = STYLE[row.style];
      if (style.font) cell.font = style.font;
      if (style.fill) cell.fill = style.fill;
      if (style.border) cell.border = style.border;
    });
  });
  ws.views = [{ state: "frozen", xSplit: 1, ySplit: 0 }];
}

function writeRecord(workbook: ExcelJS.Workbook, record: WorkbookRecord): void {
  const old = workbook.getWorksheet(RECORD_SHEET);
  if (old) workbook.removeWorksheet(old.id);
  const ws = workbook.addWorksheet(RECORD_SHEET, { state: "veryHidden" });
  encodeRecord(record).forEach((text, i) => (ws.getCell(i + 1, 1).value = text));
}
