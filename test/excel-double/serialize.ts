import type { Box } from "./address";
import { type CellData, type ChartModel, type ConditionalFormatModel, type TableModel, type Visibility, WorkbookModel } from "./model";

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
}

export interface WorkbookJson {
  sheets: SheetJson[];
  tables: TableModel[];
  conditionalFormats: ConditionalFormatModel[];
  charts: ChartModel[];
  activeSheetId: string | null;
  selection: { sheetId: string; box: Box } | null;
  /** The model's id counter, so ids given after a round trip never repeat earlier ones. */
  lastId: number;
}

/** The model's private id counter; TypeScript's `private` is compile-time only. */
type WithCounter = { lastId: number };

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

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
      cells: [...s.entries()].sort((a, b) => a[0] - b[0] || a[1] - b[1]).map(([r, c, cell]) => [r, c, clone(cell)]),
      columnWidths: [...s.columnWidths].sort((a, b) => a[0] - b[0]),
    })),
    tables: clone(model.tables),
    conditionalFormats: clone(model.conditionalFormats),
    charts: clone(model.charts),
    activeSheetId: model.activeSheetId,
    selection: model.selection ? clone(model.selection) : null,
    lastId: (model as unknown as WithCounter).lastId,
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
    for (const [r, c, cell] of s.cells) sheet.put(r, c, clone(cell));
    for (const [c, w] of s.columnWidths) sheet.columnWidths.set(c, w);
  }
  model.tables.push(...clone(json.tables));
  model.conditionalFormats.push(...clone(json.conditionalFormats));
  model.charts.push(...clone(json.charts));
  model.activeSheetId = json.activeSheetId;
  model.selection = json.selection ? clone(json.selection) : null;
  (model as unknown as WithCounter).lastId = json.lastId;
  return model;
}
