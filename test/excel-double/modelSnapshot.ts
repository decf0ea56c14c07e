import { columnLetters, formatAddress, formatBox, MAX_COLS } from "./address";
import type { WorkbookModel } from "./model";
import {
  copyCell,
  type CellData,
  type FreezeModel,
  type NoteData,
  type SheetModel,
  type ValidationRule,
  type Visibility,
} from "./sheetModel";

/** A sheet's cells keyed "A1", in row-major order (numeric key order is row-major); plain copies. */
function cellsByAddress(sheet: SheetModel): Record<string, CellData> {
  const letters = new Map<number, string>();
  const out: Record<string, CellData> = {};
  for (const k of [...sheet.cells.keys()].sort((a, b) => a - b)) {
    const col = k % MAX_COLS;
    let l = letters.get(col);
    if (l === undefined) letters.set(col, (l = columnLetters(col)));
    const cell = sheet.cells.get(k)!;
    out[`${l}${Math.floor(k / MAX_COLS) + 1}`] = copyCell(cell);
  }
  return out;
}

/** A per-cell map keyed "A1" in row-major order. */
function byAddress<V>(map: Map<number, V>): Record<string, V> {
  const out: Record<string, V> = {};
  for (const k of [...map.keys()].sort((a, b) => a - b))
    out[`${columnLetters(k % MAX_COLS)}${Math.floor(k / MAX_COLS) + 1}`] = map.get(k)!;
  return out;
}

/** What `snapshot()` gives for one sheet. */
export interface SheetSnapshot {
  name: string;
  id: string;
  visibility: Visibility;
  protected: boolean;
  cells: Record<string, CellData>;
  columnWidths: Record<string, number>;
  /** Merged areas, "A1:G1", in the order they were made. */
  merges: string[];
  notes: Record<string, NoteData>;
  validations: Record<string, ValidationRule>;
  /** 1-based row numbers and column letters, as Excel shows them. */
  hiddenRows: number[];
  hiddenColumns: string[];
  autoFilter: { address: string; criteria: Record<string, string> } | null;
  freeze: FreezeModel | null;
}

export interface WorkbookSnapshot {
  sheets: SheetSnapshot[];
  activeSheet: string | null;
  selection: string | null;
  tables: { name: string; id: string; sheet: string; address: string; showTotals: boolean; columns: string[] }[];
  conditionalFormats: {
    sheet: string;
    address: string;
    type: string;
    formula?: string;
    fill?: string;
    fontColor?: string;
    bold?: boolean;
  }[];
  charts: {
    name: string;
    sheet: string;
    type: string;
    source: string;
    seriesBy: string;
    title?: string;
    position?: { start: string; end?: string };
  }[];
  /** Defined names: scope null for the workbook, else the sheet's name. */
  names: { name: string; scope: string | null; formula: string }[];
}

/** A deep, JSON-comparable copy of everything in a workbook, for before/after comparisons. */
export function snapshotOf(model: WorkbookModel): WorkbookSnapshot {
  const sheetName = (id: string): string => model.sheetById(id)?.name ?? `#deleted:${id}`;
  const small = JSON.parse(
    JSON.stringify({
      sheets: model.sheets.map((s) => ({
        name: s.name,
        id: s.id,
        visibility: s.visibility,
        protected: s.protected,
        cells: {},
        columnWidths: Object.fromEntries(
          [...s.columnWidths].sort((a, b) => a[0] - b[0]).map(([c, w]) => [columnLetters(c), w]),
        ),
        merges: s.merges.map(formatBox),
        notes: byAddress(s.notes),
        validations: byAddress(s.validations),
        hiddenRows: [...s.hiddenRows].sort((a, b) => a - b).map((r) => r + 1),
        hiddenColumns: [...s.hiddenColumns].sort((a, b) => a - b).map(columnLetters),
        autoFilter: s.autoFilter ? { address: formatBox(s.autoFilter.box), criteria: s.autoFilter.criteria } : null,
        freeze: s.freeze,
      })),
      activeSheet: model.activeSheetId === null ? null : sheetName(model.activeSheetId),
      selection: model.selection ? formatAddress(sheetName(model.selection.sheetId), model.selection.box) : null,
      tables: model.tables.map((t) => ({
        name: t.name,
        id: t.id,
        sheet: sheetName(t.sheetId),
        address: formatBox(t.box),
        showTotals: t.showTotals,
        columns: t.columns.map((c) => c.name),
      })),
      conditionalFormats: model.conditionalFormats.map(({ id: _id, sheetId, box, ...rest }) => ({
        sheet: sheetName(sheetId),
        address: formatBox(box),
        ...rest,
      })),
      charts: model.charts.map(({ id: _id, sheetId, source, ...rest }) => ({
        ...rest,
        sheet: sheetName(sheetId),
        source: formatAddress(sheetName(source.sheetId), source.box),
      })),
      names: model.names.map((n) => ({
        name: n.name,
        scope: n.sheetId === null ? null : sheetName(n.sheetId),
        formula: n.formula,
      })),
    }),
  ) as WorkbookSnapshot;
  // Cells are copied directly: a JSON round trip of a million cells costs seconds.
  small.sheets.forEach((snap, i) => (snap.cells = cellsByAddress(model.sheets[i]!)));
  return small;
}
