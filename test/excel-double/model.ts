import { type Box, quoteSheetName } from "./address";
import { snapshotOf, type WorkbookSnapshot } from "./modelSnapshot";
import { SheetModel, type CellValue, type Visibility } from "./sheetModel";

export * from "./sheetModel";
export type { SheetSnapshot, WorkbookSnapshot } from "./modelSnapshot";

/**
 * The in-memory workbook behind the Excel double. It is plain data with no Excel
 * rules of its own: the proxies in this folder enforce Office's rules and then
 * change the model, and tests seed and inspect it directly. No Node APIs, so the
 * same model can stand in for the Excel host in a browser page.
 * Sheets and their cells: `sheetModel.ts`; `snapshot()`: `modelSnapshot.ts`.
 */

export interface TableModel {
  id: string;
  name: string;
  sheetId: string;
  /** The whole table: header row, body and (when showTotals) the totals row. */
  box: Box;
  showTotals: boolean;
  columns: { id: number; name: string }[];
}

export interface ConditionalFormatModel {
  id: string;
  sheetId: string;
  box: Box;
  type: string;
  formula?: string;
  fill?: string;
  fontColor?: string;
  bold?: boolean;
}

/** A defined name: workbook-wide (sheetId null) or scoped to one sheet; `formula` as Excel shows it ("=Sheet!$A$1:$B$2"). */
export interface DefinedNameModel {
  name: string;
  sheetId: string | null;
  formula: string;
}

export interface ChartModel {
  id: string;
  name: string;
  sheetId: string;
  type: string;
  source: { sheetId: string; box: Box };
  seriesBy: string;
  title?: string;
  position?: { start: string; end?: string };
}

/**
 * A formula with every reference to sheet `from` made to point at `to` (a sheet name, quoted
 * as Excel quotes it, or "#REF!" for a deleted sheet), as Excel rewrites defined names.
 * @example replaceSheetRefs("='Q1 orders'!$A$1", "Q1 orders", "Orders") === "=Orders!$A$1"
 */
export function replaceSheetRefs(formula: string, from: string, to: string): string {
  const target = to === "#REF!" ? "#REF!" : `${quoteSheetName(to)}!`;
  const quoted = `'${from.replace(/'/g, "''")}'!`;
  let out = formula.split(quoted).join(target);
  // An unquoted name has only letters, digits, "_" and "."; one that is not preceded by more of them.
  if (!/[^\p{L}\p{N}_.]/u.test(from))
    out = out.replace(
      new RegExp(`(^|[^\\p{L}\\p{N}_.'])${from.replace(/\./g, "\\.")}!`, "gu"),
      (_m, pre: string) => `${pre}${target}`,
    );
  return out;
}

/**
 * What happened to the workbook that Office.js tells event handlers about, beside the cells
 * each sheet marks as changed (`SheetModel.changed`): sheets added, deleted, renamed, rows
 * or columns sorted, a user's row or column insert (the `changeType` of the next
 * `WorksheetChanged`), a recalculation that changed no typed cell (volatile formulas).
 */
export type ModelEvent =
  | { kind: "added" | "deleted"; sheetId: string }
  | { kind: "renamed"; sheetId: string; nameBefore: string; nameAfter: string }
  | { kind: "rowSorted" | "columnSorted"; sheetId: string; box: Box }
  | { kind: "calculated"; sheetId: string }
  | { kind: "changeType"; sheetId: string; changeType: string };

export class WorkbookModel {
  readonly sheets: SheetModel[] = [];
  readonly tables: TableModel[] = [];
  readonly conditionalFormats: ConditionalFormatModel[] = [];
  readonly charts: ChartModel[] = [];
  readonly names: DefinedNameModel[] = [];
  activeSheetId: string | null = null;
  selection: { sheetId: string; box: Box } | null = null;
  /** The workbook counts serial dates from 1904-01-01 = 0 (`<workbookPr date1904="1"/>`); cells hold serials of that system. */
  date1904 = false;
  private lastId = 0;
  /** Events not yet told to the double's handlers (`events.ts` takes them). */
  readonly pendingEvents: ModelEvent[] = [];
  private readonly watchers = new Set<() => void>();

  /** Calls `fn` whenever a test says the user changed the workbook (`edited`); returns the unsubscribe. */
  watch(fn: () => void): () => void {
    this.watchers.add(fn);
    return () => this.watchers.delete(fn);
  }

  /** The user changed the workbook (userEdits.ts calls this): Excel now raises its events. */
  edited(...events: ModelEvent[]): void {
    this.pendingEvents.push(...events);
    for (const fn of this.watchers) fn();
  }

  /** A fresh id; worksheet ids look like Excel's braced GUIDs. */
  nextId(kind: "sheet" | "plain"): string {
    this.lastId += 1;
    return kind === "sheet"
      ? `{${this.lastId.toString(16).toUpperCase().padStart(8, "0")}-0001-0000-0000-000000000000}`
      : String(this.lastId);
  }

  /** Excel compares sheet, table and chart names case-insensitively. */
  sheet(name: string): SheetModel | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower);
  }

  sheetById(id: string): SheetModel | undefined {
    return this.sheets.find((s) => s.id === id);
  }

  /** Adds a sheet at the end, for seeding (no Excel rules). The first sheet becomes active. */
  addSheet(name: string, options: { visibility?: Visibility; protected?: boolean } = {}): SheetModel {
    const sheet = new SheetModel(name, this.nextId("sheet"));
    sheet.visibility = options.visibility ?? "Visible";
    sheet.protected = options.protected ?? false;
    this.sheets.push(sheet);
    if (this.activeSheetId === null) this.activeSheetId = sheet.id;
    this.pendingEvents.push({ kind: "added", sheetId: sheet.id });
    return sheet;
  }

  /** Removes a sheet with everything that lives on it. */
  removeSheet(sheet: SheetModel): void {
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    this.pendingEvents.push({ kind: "deleted", sheetId: sheet.id });
    const keep = <T extends { sheetId: string }>(list: T[]): void => {
      for (let i = list.length - 1; i >= 0; i--) if (list[i]!.sheetId === sheet.id) list.splice(i, 1);
    };
    keep(this.tables);
    keep(this.conditionalFormats);
    keep(this.charts);
    // Names scoped to the sheet go with it; a workbook name that pointed into it points nowhere, as Excel shows it.
    for (let i = this.names.length - 1; i >= 0; i--) if (this.names[i]!.sheetId === sheet.id) this.names.splice(i, 1);
    for (const n of this.names) n.formula = replaceSheetRefs(n.formula, sheet.name, "#REF!");
    if (this.activeSheetId === sheet.id)
      this.activeSheetId = this.sheets.find((s) => s.visibility === "Visible")?.id ?? null;
    if (this.selection?.sheetId === sheet.id) this.selection = null;
  }

  /** Writes raw cells for seeding a test: values as given, no Excel interpretation. */
  setValues(sheetName: string, origin: { row: number; col: number }, rows: (CellValue | null)[][]): void {
    const sheet = this.sheet(sheetName) ?? this.addSheet(sheetName);
    rows.forEach((row, r) =>
      row.forEach((value, c) => {
        sheet.update(origin.row + r, origin.col + c, (cell) => {
          if (value === null || value === "") delete cell.value;
          else cell.value = value;
          delete cell.formula;
        });
      }),
    );
  }

  /** The used range (values only) as Office's `values` would give it: "" for empty cells. */
  sheetValues(name: string): { sheet: string; origin: { row: number; col: number }; values: CellValue[][] } {
    const sheet = this.sheet(name);
    if (!sheet) throw new Error(`sheetValues: no sheet named ${name}`);
    const box = sheet.usedBox(true);
    if (!box) return { sheet: sheet.name, origin: { row: 0, col: 0 }, values: [] };
    const values: CellValue[][] = [];
    for (let r = box.top; r <= box.bottom; r++) {
      const row: CellValue[] = [];
      for (let c = box.left; c <= box.right; c++) row.push(sheet.get(r, c)?.value ?? "");
      values.push(row);
    }
    return { sheet: sheet.name, origin: { row: box.top, col: box.left }, values };
  }

  /** A deep, JSON-comparable copy of everything, for before/after comparisons. */
  snapshot(): WorkbookSnapshot {
    return snapshotOf(this);
  }
}
