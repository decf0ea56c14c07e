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
    names: s.names.filter((x) => x.scope === null || !ours(x.scope)),
  };
}

/** What a sheet keeps beside its cells, compared property by property. */
export const LAYOUT_PROPERTIES = [
  "merges",
  "notes",
  "validations",
  "hiddenRows",
  "hiddenColumns",
  "autoFilter",
  "freeze",
] as const;

export interface OutsideDiff {
  /** Cell addresses compared (union of before and after, per sheet). */
  cells: number;
  /** Merged areas, notes, validated cells, hidden rows and columns, filters, frozen panes and names there were to keep. */
  layoutItems: number;
  /** Properties compared: per sheet its name, state and each layout property, each column width, each table, the rule and chart lists, the names. */
  properties: number;
  /** Every difference outside the run's own columns and sheets, one line each. */
  outside: string[];
  /** "Sheet!Col" of the run's own columns. */
  owned: Set<string>;
}

const letters = (address: string): string => address.replace(/\d+$/, "");
const json = (v: unknown): string => JSON.stringify(v) ?? "undefined";

/** The differences, per cell or item, between two values of one layout property, as lines. */
function layoutDiff(sheet: string, key: (typeof LAYOUT_PROPERTIES)[number], b: unknown, a: unknown): string[] {
  if (json(b) === json(a)) return [];
  if (key === "notes" || key === "validations") {
    const bm = b as Record<string, unknown>;
    const am = a as Record<string, unknown>;
    const what = key === "notes" ? "note" : "validation";
    return [...new Set([...Object.keys(bm), ...Object.keys(am)])]
      .filter((k) => json(bm[k]) !== json(am[k]))
      .map((k) => `${sheet}!${k}: ${what} ${json(bm[k])} -> ${json(am[k])}`);
  }
  return [`${sheet}: ${key} ${json(b)} -> ${json(a)}`];
}

/**
 * Every difference between two snapshots that lies outside the run's own columns and sheets:
 * cells (value, formula, format, font, fill), widths, sheet names, order, state and protection,
 * merged areas, notes, validation, hidden rows and columns, AutoFilter, frozen panes, tables
 * (a table may only grow by the run's columns), rules and charts (may only be added to), and
 * defined names. A column is the run's when its header cell (row 1) was empty before and holds a value after,
 * or when `ownedColumns` names it ("Sheet!K", for sheets whose header is lower).
 */
export function diffOutsideOwned(
  before: WorkbookSnapshot,
  after: WorkbookSnapshot,
  ownedColumns: readonly string[] = [],
): OutsideDiff {
  const outside: string[] = [];
  const owned = new Set<string>(ownedColumns);
  let cells = 0;
  let layoutItems = 0;
  let properties = 0;
  // Sheets are followed by id, so a renamed sheet is the same sheet with another name.
  const order = (list: { id: string }[]) =>
    list.map((s) => s.id).filter((id) => before.sheets.some((b) => b.id === id));
  properties += 1;
  if (json(order(before.sheets)) !== json(order(after.sheets)))
    outside.push(`sheet order ${json(order(before.sheets))} -> ${json(order(after.sheets))}`);
  for (const b of before.sheets) {
    const a = after.sheets.find((s) => s.id === b.id);
    if (!a) {
      outside.push(`${b.name}: sheet removed`);
      continue;
    }
    properties += 4 + LAYOUT_PROPERTIES.length;
    for (const k of ["name", "visibility", "protected"] as const)
      if (b[k] !== a[k]) outside.push(`${b.name}: ${k} ${json(b[k])} -> ${json(a[k])}`);
    for (const k of LAYOUT_PROPERTIES) {
      const v = b[k];
      layoutItems +=
        v === null
          ? 0
          : Array.isArray(v)
            ? v.length
            : typeof v === "object" && (k === "notes" || k === "validations")
              ? Object.keys(v).length
              : 1;
      outside.push(...layoutDiff(b.name, k, v, a[k]));
    }
    const bc = b.cells;
    const ac = a.cells;
    const ownCols = new Set(
      Object.keys(ac)
        .filter((k) => /^[A-Z]+1$/.test(k) && bc[k]?.value === undefined && ac[k]?.value !== undefined)
        .map(letters),
    );
    for (const o of ownedColumns) if (o.startsWith(`${b.name}!`)) ownCols.add(o.slice(b.name.length + 1));
    ownCols.forEach((c) => owned.add(`${b.name}!${c}`));
    for (const [col, w] of Object.entries(b.columnWidths)) {
      properties += 1;
      if (a.columnWidths[col] !== w) outside.push(`${b.name}!${col}: width ${w} -> ${a.columnWidths[col]}`);
    }
    for (const address of new Set([...Object.keys(bc), ...Object.keys(ac)])) {
      cells += 1;
      if (json(bc[address] ?? {}) !== json(ac[address] ?? {}) && !ownCols.has(letters(address)))
        outside.push(`${b.name}!${address}: ${json(bc[address])} -> ${json(ac[address])}`);
    }
  }
  for (const t of before.tables) {
    properties += 1;
    const a = after.tables.find((x) => x.id === t.id);
    const grown =
      a &&
      a.name === t.name &&
      a.sheet === t.sheet &&
      a.showTotals === t.showTotals &&
      json(a.columns.slice(0, t.columns.length)) === json(t.columns);
    if (!grown) outside.push(`table ${t.name}: ${json(t)} -> ${json(a)}`);
  }
  for (const key of ["conditionalFormats", "charts"] as const) {
    properties += 1;
    const mine = (list: { sheet: string }[]) => list.filter((x) => before.sheets.some((s) => s.name === x.sheet));
    if (json(mine(after[key]).slice(0, before[key].length)) !== json(before[key])) outside.push(`${key} changed`);
  }
  // A name's scope is followed by sheet id too (a name scoped to a renamed sheet stays the same name).
  const scopeId = (snap: WorkbookSnapshot, scope: string | null) =>
    scope === null ? null : (snap.sheets.find((x) => x.name === scope)?.id ?? `#gone:${scope}`);
  const sameName =
    (n: WorkbookSnapshot["names"][number], snap: WorkbookSnapshot) => (x: WorkbookSnapshot["names"][number]) =>
      x.name === n.name && scopeId(after, x.scope) === scopeId(snap, n.scope);
  for (const n of before.names) {
    properties += 1;
    layoutItems += 1;
    const a = after.names.find(sameName(n, before));
    if (json(a?.formula) !== json(n.formula))
      outside.push(`name ${n.name}${n.scope ? ` (${n.scope})` : ""}: ${json(n.formula)} -> ${json(a?.formula)}`);
  }
  const userNames = (list: WorkbookSnapshot["names"]) =>
    list.filter((x) => x.scope === null || before.sheets.some((s) => s.id === scopeId(after, x.scope)));
  for (const n of userNames(after.names))
    if (!before.names.some((x) => sameName(x, before)(n))) outside.push(`name ${n.name}: added`);
  return { cells, layoutItems, properties, outside, owned };
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
