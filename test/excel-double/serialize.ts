import { type Box, MAX_COLS } from "./address";
import {
  type AutoFilterModel,
  type CellData,
  type ChartModel,
  type ConditionalFormatModel,
  type DefinedNameModel,
  type FreezeModel,
  type NoteData,
  type TableModel,
  type ValidationRule,
  type Visibility,
  WorkbookModel,
  cellKey,
  copyCell,
} from "./model";

/**
 * The whole model as plain JSON and back, so a workbook loaded in Node (modelFromFile)
 * can be handed to a browser page and the page's workbook read back after a run. Unlike
 * `snapshot()`, which is for comparing, this keeps everything the double needs to go on
 * working: sheet ids, cells by row and column, and the id counter. No Node APIs.
 */

export interface SheetJson {
  name: string;
  id: string;
  visibility: Visibility;
  protected: boolean;
  /** [row, col, cell], 0-based, in row-major order. */
  cells: [number, number, CellData][];
  /** [col, width in points]. */
  columnWidths: [number, number][];
  /** What the user keeps beside cells (absent in JSON written before they were modelled). */
  merges?: Box[];
  notes?: [number, number, NoteData][];
  validations?: [number, number, ValidationRule][];
  hiddenRows?: number[];
  hiddenColumns?: number[];
  autoFilter?: AutoFilterModel | null;
  freeze?: FreezeModel | null;
}

export interface WorkbookJson {
  sheets: SheetJson[];
  tables: TableModel[];
  conditionalFormats: ConditionalFormatModel[];
  charts: ChartModel[];
  names?: DefinedNameModel[];
  activeSheetId: string | null;
  selection: { sheetId: string; box: Box } | null;
  /** The model's id counter, so ids given after a round trip never repeat earlier ones. */
  lastId: number;
  /** The 1904 date system (absent in JSON written before it was modelled: 1900). */
  date1904?: boolean;
}

/** The model's private id counter; TypeScript's `private` is compile-time only. */
type WithCounter = { lastId: number };

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** A per-cell map as [row, col, copy] in row-major order. */
function perCell<V>(map: Map<number, V>): [number, number, V][] {
  return [...map.keys()].sort((a, b) => a - b).map((k) => [Math.floor(k / MAX_COLS), k % MAX_COLS, clone(map.get(k)!)]);
}

/**
 * A JSON-safe copy of the model.
 * @example JSON.stringify(modelToJson(await modelFromFile("samples/销售台账-示例.xlsx")))
 */
export function modelToJson(model: WorkbookModel): WorkbookJson {
  return {
    sheets: model.sheets.map((s) => ({
      name: s.name,
      id: s.id,
      visibility: s.visibility,
      protected: s.protected,
      cells: [...s.cells.keys()]
        .sort((a, b) => a - b)
        .map((k) => [Math.floor(k / MAX_COLS), k % MAX_COLS, copyCell(s.cells.get(k)!)]),
      columnWidths: [...s.columnWidths].sort((a, b) => a[0] - b[0]),
      merges: clone(s.merges),
      notes: perCell(s.notes),
      validations: perCell(s.validations),
      hiddenRows: [...s.hiddenRows].sort((a, b) => a - b),
      hiddenColumns: [...s.hiddenColumns].sort((a, b) => a - b),
      autoFilter: s.autoFilter ? clone(s.autoFilter) : null,
      freeze: s.freeze ? { ...s.freeze } : null,
    })),
    tables: clone(model.tables),
    conditionalFormats: clone(model.conditionalFormats),
    charts: clone(model.charts),
    names: clone(model.names),
    activeSheetId: model.activeSheetId,
    selection: model.selection ? clone(model.selection) : null,
    lastId: (model as unknown as WithCounter).lastId,
    date1904: model.date1904,
  };
}

/**
 * The model `modelToJson` describes; `modelFromJson(modelToJson(m)).snapshot()` equals `m.snapshot()`.
 * @example const model = modelFromJson(await (await fetch("/e2e/model.json")).json());
 */
export function modelFromJson(json: WorkbookJson): WorkbookModel {
  const model = new WorkbookModel();
  for (const s of json.sheets) {
    const sheet = model.addSheet(s.name, { visibility: s.visibility, protected: s.protected });
    (sheet as { id: string }).id = s.id;
    for (const [r, c, cell] of s.cells) sheet.put(r, c, copyCell(cell));
    for (const [c, w] of s.columnWidths) sheet.columnWidths.set(c, w);
    sheet.merges.push(...clone(s.merges ?? []));
    for (const [r, c, note] of s.notes ?? []) sheet.notes.set(cellKey(r, c), clone(note));
    for (const [r, c, rule] of s.validations ?? []) sheet.validations.set(cellKey(r, c), clone(rule));
    for (const r of s.hiddenRows ?? []) sheet.hiddenRows.add(r);
    for (const c of s.hiddenColumns ?? []) sheet.hiddenColumns.add(c);
    sheet.autoFilter = s.autoFilter ? clone(s.autoFilter) : null;
    sheet.freeze = s.freeze ? { ...s.freeze } : null;
  }
  model.names.push(...clone(json.names ?? []));
  model.tables.push(...clone(json.tables));
  model.conditionalFormats.push(...clone(json.conditionalFormats));
  model.charts.push(...clone(json.charts));
  model.activeSheetId = json.activeSheetId;
  model.selection = json.selection ? clone(json.selection) : null;
  (model as unknown as WithCounter).lastId = json.lastId;
  model.date1904 = json.date1904 === true;
  return model;
}
