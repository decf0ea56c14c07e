import { type Box, MAX_COLS, boxCols, boxRows, columnLetters, formatAddress, formatBox, quoteSheetName } from "./address";

/**
 * The in-memory workbook behind the Excel double. It is plain data with no Excel
 * rules of its own: the proxies in this folder enforce Office's rules and then
 * change the model, and tests seed and inspect it directly. No Node APIs, so the
 * same model can stand in for the Excel host in a browser page.
 */

export type CellValue = string | number | boolean;
export type Visibility = "Visible" | "Hidden" | "VeryHidden";

export interface FontData {
  bold?: boolean;
  italic?: boolean;
  color?: string;
  size?: number;
}

/** One stored cell. A cell with only formatting has no `value`. */
export interface CellData {
  value?: CellValue;
  formula?: string;
  numberFormat?: string;
  font?: FontData;
  fill?: string;
}

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

/** A note (Excel's legacy comment) on one cell. */
export interface NoteData {
  text: string;
  author?: string;
}

/** A data-validation rule on one cell, as the workbook stores it (type, operator, formulae, blank allowed, messages). */
export type ValidationRule = Record<string, unknown>;

/** A sheet's AutoFilter: its block and, per column offset, the criteria (kept as the workbook stores them). */
export interface AutoFilterModel {
  box: Box;
  criteria: Record<string, string>;
}

/** Frozen panes: rows frozen at the top, columns at the left. */
export interface FreezeModel {
  rows: number;
  cols: number;
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

/** Cells are keyed by row * MAX_COLS + col so that a 100,000-row sheet stays one flat map. */
const key = (row: number, col: number): number => row * MAX_COLS + col;

/** A sheet's cells keyed "A1", in row-major order (numeric key order is row-major); plain copies. */
function cellsByAddress(sheet: SheetModel): Record<string, CellData> {
  const letters = new Map<number, string>();
  const out: Record<string, CellData> = {};
  for (const k of [...sheet.cells.keys()].sort((a, b) => a - b)) {
    const col = k % MAX_COLS;
    let l = letters.get(col);
    if (l === undefined) letters.set(col, (l = columnLetters(col)));
    const cell = sheet.cells.get(k)!;
    out[`${l}${Math.floor(k / MAX_COLS) + 1}`] = cell.font ? { ...cell, font: { ...cell.font } } : { ...cell };
  }
  return out;
}

/** A per-cell map keyed "A1" in row-major order. */
function byAddress<V>(map: Map<number, V>): Record<string, V> {
  const out: Record<string, V> = {};
  for (const k of [...map.keys()].sort((a, b) => a - b)) out[`${columnLetters(k % MAX_COLS)}${Math.floor(k / MAX_COLS) + 1}`] = map.get(k)!;
  return out;
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
  if (!/[^\p{L}\p{N}_.]/u.test(from)) out = out.replace(new RegExp(`(^|[^\\p{L}\\p{N}_.'])${from.replace(/\./g, "\\.")}!`, "gu"), (_m, pre: string) => `${pre}${target}`);
  return out;
}

/** The key of a cell in the sheet's per-cell maps. */
export const cellKey = (row: number, col: number): number => row * MAX_COLS + col;

export class SheetModel {
  readonly cells = new Map<number, CellData>();
  /** Column widths in points, only where set. */
  readonly columnWidths = new Map<number, number>();
  visibility: Visibility = "Visible";
  protected = false;
  /** Merged areas, each with its value in its top-left cell. */
  readonly merges: Box[] = [];
  /** Notes by cell (row * MAX_COLS + col). */
  readonly notes = new Map<number, NoteData>();
  /** Data validation by cell. */
  readonly validations = new Map<number, ValidationRule>();
  /** 0-based rows and columns the user hid (or a filter hides). */
  readonly hiddenRows = new Set<number>();
  readonly hiddenColumns = new Set<number>();
  autoFilter: AutoFilterModel | null = null;
  freeze: FreezeModel | null = null;

  constructor(
    public name: string,
    readonly id: string,
  ) {}

  get(row: number, col: number): CellData | undefined {
    return this.cells.get(key(row, col));
  }

  /** Replaces a cell; an empty record removes it, so snapshots stay minimal. */
  put(row: number, col: number, cell: CellData): void {
    const empty = cell.value === undefined && cell.formula === undefined && cell.numberFormat === undefined && cell.font === undefined && cell.fill === undefined;
    if (empty) this.cells.delete(key(row, col));
    else this.cells.set(key(row, col), cell);
  }

  /** Changes one cell in place through `edit`, which receives a copy. */
  update(row: number, col: number, edit: (cell: CellData) => void): void {
    const cell = { ...(this.get(row, col) ?? {}) };
    edit(cell);
    this.put(row, col, cell);
  }

  /** Every stored cell as [row, col, cell], in no particular order. */
  *entries(): Generator<[number, number, CellData]> {
    for (const [k, cell] of this.cells) yield [Math.floor(k / MAX_COLS), k % MAX_COLS, cell];
  }

  /** Keys of a per-cell map (notes, validations) that lie inside a box. */
  keysIn(map: Map<number, unknown>, box: Box): number[] {
    return [...map.keys()].filter((k) => {
      const r = Math.floor(k / MAX_COLS);
      const c = k % MAX_COLS;
      return r >= box.top && r <= box.bottom && c >= box.left && c <= box.right;
    });
  }

  /** Stored cells inside a box, without walking empty cells of a huge box. */
  *entriesIn(box: Box): Generator<[number, number, CellData]> {
    if (boxRows(box) * boxCols(box) <= this.cells.size) {
      for (let r = box.top; r <= box.bottom; r++) {
        for (let c = box.left; c <= box.right; c++) {
          const cell = this.get(r, c);
          if (cell) yield [r, c, cell];
        }
      }
      return;
    }
    for (const e of this.entries()) if (e[0] >= box.top && e[0] <= box.bottom && e[1] >= box.left && e[1] <= box.right) yield e;
  }

  /** Excel's used range: cells with a value, or (unless valuesOnly) with any formatting. */
  usedBox(valuesOnly: boolean): Box | undefined {
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    for (const [r, c, cell] of this.entries()) {
      if (valuesOnly && cell.value === undefined) continue;
      if (r < top) top = r;
      if (r > bottom) bottom = r;
      if (c < left) left = c;
      if (c > right) right = c;
    }
    return bottom < 0 ? undefined : { top, left, bottom, right };
  }
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
  conditionalFormats: { sheet: string; address: string; type: string; formula?: string; fill?: string; fontColor?: string; bold?: boolean }[];
  charts: { name: string; sheet: string; type: string; source: string; seriesBy: string; title?: string; position?: { start: string; end?: string } }[];
  /** Defined names: scope null for the workbook, else the sheet's name. */
  names: { name: string; scope: string | null; formula: string }[];
}

export class WorkbookModel {
  readonly sheets: SheetModel[] = [];
  readonly tables: TableModel[] = [];
  readonly conditionalFormats: ConditionalFormatModel[] = [];
  readonly charts: ChartModel[] = [];
  readonly names: DefinedNameModel[] = [];
  activeSheetId: string | null = null;
  selection: { sheetId: string; box: Box } | null = null;
  private lastId = 0;

  /** A fresh id; worksheet ids look like Excel's braced GUIDs. */
  nextId(kind: "sheet" | "plain"): string {
    this.lastId += 1;
    return kind === "sheet" ? `{${this.lastId.toString(16).toUpperCase().padStart(8, "0")}-0001-0000-0000-000000000000}` : String(this.lastId);
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
    return sheet;
  }

  /** Removes a sheet with everything that lives on it. */
  removeSheet(sheet: SheetModel): void {
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    const keep = <T extends { sheetId: string }>(list: T[]): void => {
      for (let i = list.length - 1; i >= 0; i--) if (list[i]!.sheetId === sheet.id) list.splice(i, 1);
    };
    keep(this.tables);
    keep(this.conditionalFormats);
    keep(this.charts);
    // Names scoped to the sheet go with it; a workbook name that pointed into it points nowhere, as Excel shows it.
    for (let i = this.names.length - 1; i >= 0; i--) if (this.names[i]!.sheetId === sheet.id) this.names.splice(i, 1);
    for (const n of this.names) n.formula = replaceSheetRefs(n.formula, sheet.name, "#REF!");
    if (this.activeSheetId === sheet.id) this.activeSheetId = this.sheets.find((s) => s.visibility === "Visible")?.id ?? null;
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
    const sheetName = (id: string): string => this.sheetById(id)?.name ?? `#deleted:${id}`;
    const small = JSON.parse(
      JSON.stringify({
        sheets: this.sheets.map((s) => ({
          name: s.name,
          id: s.id,
          visibility: s.visibility,
          protected: s.protected,
          cells: {},
          columnWidths: Object.fromEntries([...s.columnWidths].sort((a, b) => a[0] - b[0]).map(([c, w]) => [columnLetters(c), w])),
          merges: s.merges.map(formatBox),
          notes: byAddress(s.notes),
          validations: byAddress(s.validations),
          hiddenRows: [...s.hiddenRows].sort((a, b) => a - b).map((r) => r + 1),
          hiddenColumns: [...s.hiddenColumns].sort((a, b) => a - b).map(columnLetters),
          autoFilter: s.autoFilter ? { address: formatBox(s.autoFilter.box), criteria: s.autoFilter.criteria } : null,
          freeze: s.freeze,
        })),
        activeSheet: this.activeSheetId === null ? null : sheetName(this.activeSheetId),
        selection: this.selection ? formatAddress(sheetName(this.selection.sheetId), this.selection.box) : null,
        tables: this.tables.map((t) => ({ name: t.name, id: t.id, sheet: sheetName(t.sheetId), address: formatBox(t.box), showTotals: t.showTotals, columns: t.columns.map((c) => c.name) })),
        conditionalFormats: this.conditionalFormats.map(({ id: _id, sheetId, box, ...rest }) => ({ sheet: sheetName(sheetId), address: formatBox(box), ...rest })),
        charts: this.charts.map(({ id: _id, sheetId, source, ...rest }) => ({ ...rest, sheet: sheetName(sheetId), source: formatAddress(sheetName(source.sheetId), source.box) })),
        names: this.names.map((n) => ({ name: n.name, scope: n.sheetId === null ? null : sheetName(n.sheetId), formula: n.formula })),
      }),
    ) as WorkbookSnapshot;
    // Cells are copied directly: a JSON round trip of a million cells costs seconds.
    small.sheets.forEach((snap, i) => (snap.cells = cellsByAddress(this.sheets[i]!)));
    return small;
  }
}
