import { Readable } from "node:stream";
import { columnLetters } from "../../../core/_lib/a1";
import type { Cell } from "../../../core/_lib/cells";
import type { CreatedSheetPlan, ReportPlan } from "../../../core/output";
import { encodeRecord, type WorkbookRecord } from "../../../core/record";
import { NS_MAIN, NS_REL } from "./namespaces";
import type { RunStyles } from "./styles";
import { CellBytes } from "./cellBytes";
import { closeRow, openRow } from "./newSheetPart";
import { PartBytes } from "./partBytes";

const CREATED_WIDTH = 18;

interface SheetParts {
  /** `<sheetViews>` content. */
  view: string;
  widths: readonly number[];
  /** Cells in columns; rows in order, each row's cells as written. */
  rowCount: number;
  colCount: number;
  cells(r: number): readonly (Cell | undefined)[];
  /** The style of cell (r, c): a cell with none (0) and no value is not written. */
  style(r: number, c: number): number;
  /** Relationship id of the sheet's drawing, when it has one. */
  drawingRid?: string;
}

/**
 * The analysis sheet as a worksheet part: the report's rows with their row styles and
 * per-cell number formats, its column widths, the first column frozen (as the removed ExcelJS
 * writer had it) and, when `drawingRid` is given, the drawing that holds the charts.
 * Text is written as inline strings, never formulas.
 */
export function reportSheetXml(report: ReportPlan, styles: RunStyles, drawingRid?: string): Readable {
  const colCount = widest(report.rows.map((r) => r.cells));
  return sheetStream({
    view: '<sheetView workbookViewId="0"><pane xSplit="1" topLeftCell="B1" activePane="topRight" state="frozen"/><selection pane="topRight"/></sheetView>',
    widths: report.columnWidths,
    rowCount: report.rows.length,
    colCount,
    drawingRid,
    cells: (r) => report.rows[r].cells,
    style: (r, c) => styles.report(report.rows[r].style, report.rows[r].formats?.[c] ?? null),
  });
}

/** The customer sheet a run creates from the orders: bold header, every column 18 wide. */
export function createdSheetXml(created: CreatedSheetPlan, styles: RunStyles): Readable {
  const colCount = Math.max(created.header.length, widest(created.rows));
  return sheetStream({
    view: '<sheetView workbookViewId="0"/>',
    widths: created.header.map(() => CREATED_WIDTH),
    rowCount: created.rows.length + 1,
    colCount,
    cells: (r) => (r === 0 ? created.header : created.rows[r - 1]),
    style: (r) => (r === 0 ? styles.header : 0),
  });
}

/** The very hidden record sheet: `encodeRecord`'s texts down column A. */
export function recordSheetXml(record: WorkbookRecord): Readable {
  const texts = encodeRecord(record);
  return sheetStream({
    view: '<sheetView workbookViewId="0"/>',
    widths: [],
    rowCount: texts.length,
    colCount: 1,
    cells: (r) => [texts[r]],
    style: () => 0,
  });
}

/** Longest row (a loop: a million-row spread would overflow the stack). */
function widest(rows: readonly (readonly Cell[])[]): number {
  let n = 0;
  for (const r of rows) n = Math.max(n, r.length);
  return n;
}

function sheetStream(parts: SheetParts): Readable {
  return Readable.from(chunks(parts), { objectMode: false });
}

function* chunks(parts: SheetParts): Generator<Buffer> {
  const dimension =
    parts.rowCount > 0 && parts.colCount > 0 ? `A1:${columnLetters(parts.colCount - 1)}${parts.rowCount}` : "A1";
  const cols =
    parts.widths.length > 0
      ? `<cols>${parts.widths.map((w, c) => `<col min="${c + 1}" max="${c + 1}" width="${w}" customWidth="1"/>`).join("")}</cols>`
      : "";
  yield Buffer.from(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">` +
      `<dimension ref="${dimension}"/><sheetViews>${parts.view}</sheetViews><sheetFormatPr defaultRowHeight="15"/>${cols}<sheetData>`,
  );
  const out = new PartBytes();
  const cells = new CellBytes();
  for (let r = 0; r < parts.rowCount; r++) {
    writeRow(out, cells, parts, r);
    if (out.full) yield out.take();
  }
  const drawing = parts.drawingRid ? `<drawing r:id="${parts.drawingRid}"/>` : "";
  out.text(
    `</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>${drawing}</worksheet>`,
  );
  yield out.take();
}

/** Row `r`: its cells with a value or a style, in a `<row>`; nothing when it has none. */
function writeRow(out: PartBytes, cells: CellBytes, parts: SheetParts, r: number): void {
  const row = parts.cells(r);
  let opened = false;
  for (let c = 0; c < row.length; c++) {
    const value = row[c] ?? null;
    const style = parts.style(r, c);
    if (value === null && style === 0) continue;
    if (!opened) openRow(out, r);
    opened = true;
    cells.cell(out, r, c, value, style);
  }
  if (opened) closeRow(out);
}
