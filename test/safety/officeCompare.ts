import { BOOKKEEPING_SHEETS, decodeRecord, RECORD_SHEET, type WorkbookRecord } from "../../src/core/record";
import type { WorkbookModel, WorkbookSnapshot } from "../excel-double/model";

/**
 * A workbook snapshot without the add-in's very hidden bookkeeping sheets (the record, the
 * undo data, the kept previous review sheet) and what lives on them, sheet ids replaced by
 * names: what the user can see and use. The record is compared apart (recordOf), as its
 * run log names the moment and id of each run.
 */
export function userView(model: WorkbookModel): WorkbookSnapshot {
  const s = model.snapshot();
  const ours = (sheet: string) => BOOKKEEPING_SHEETS.includes(sheet);
  return {
    ...s,
    sheets: s.sheets.filter((x) => !ours(x.name)).map((x) => ({ ...x, id: x.name })),
    tables: s.tables.filter((x) => !ours(x.sheet)),
    conditionalFormats: s.conditionalFormats.filter((x) => !ours(x.sheet)),
    charts: s.charts.filter((x) => !ours(x.sheet)),
  };
}

/** The record as the workbook holds it, without its run log; undefined when there is no record sheet. */
export function recordOf(model: WorkbookModel): Omit<WorkbookRecord, "run"> | undefined {
  const sheet = model.sheet(RECORD_SHEET);
  if (!sheet) return undefined;
  const cells: unknown[] = [];
  for (let r = 0; sheet.get(r, 0)?.value !== undefined; r++) cells.push(sheet.get(r, 0)!.value);
  const { run: _run, ...rest } = decodeRecord(cells);
  return rest;
}

/** The names of the sheets, the bookkeeping ones left out. */
export function userSheetNames(model: WorkbookModel): string[] {
  return model.sheets.map((s) => s.name).filter((n) => !BOOKKEEPING_SHEETS.includes(n));
}
