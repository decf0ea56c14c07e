import {
  attr,
  canon,
  cellString,
  childElements,
  columnName,
  firstChild,
  parseBox,
  partXml,
  readSheet,
  relationships,
  sharedStrings,
  textOf,
  type SheetXml,
  type XElement,
  type XlsxPackage,
} from "./xlsxPackage";

export interface Finding {
  /** Which property: `cell.s`, `row`, `sheet.mergeCells`, `table.columns`, `part.changed` … */
  check: string;
  /** `客户表!B5`, a part name, a table name. */
  where: string;
  detail: string;
}

/** The columns (1-based) a run may write in one sheet. */
export interface OwnedColumns {
  /** Columns the run's record lists after the run. */
  after: ReadonlySet<number>;
  /** Columns the record listed before the run whose recorded header was still there: cells the run wrote earlier. */
  before: ReadonlySet<number>;
}

/** Children of `<worksheet>` compared by their own rules; every other child must be identical. */
const SPECIAL = new Set(["sheetData", "cols", "conditionalFormatting", "dimension"]);
/** Header cells are looked for in this many top rows (the header row can be anywhere in the first 10 of the used range). */
export const HEADER_ROWS = 20;

/**
 * Compares one input sheet that received owned columns: every cell outside the owned
 * columns, row attributes (but `spans`), every other child of the worksheet, column
 * widths and the user's conditional formats. Returns the number of cells compared.
 */
export function compareSheet(
  name: string,
  before: XlsxPackage,
  beforePart: string,
  after: XlsxPackage,
  afterPart: string,
  owned: OwnedColumns,
  out: Finding[],
): number {
  const b = readSheet(before, beforePart);
  const a = readSheet(after, afterPart);
  const bShared = sharedStrings(before);
  const aShared = sharedStrings(after);
  let compared = 0;
  for (const address of new Set([...b.cells.keys(), ...a.cells.keys()])) {
    const bc = b.cells.get(address);
    const ac = a.cells.get(address);
    const col = (bc ?? ac)!.col;
    if (owned.after.has(col) && (owned.before.has(col) || !bc || !holdsValue(bc.el))) continue;
    compared += 1;
    const where = `${name}!${address}`;
    if (!bc) out.push({ check: "cell.added", where, detail: canon(ac!.el) });
    else if (!ac) out.push({ check: "cell.missing", where, detail: canon(bc.el) });
    else for (const d of cellDifferences(bc.el, bShared, ac.el, aShared)) out.push({ ...d, where });
  }
  for (const r of new Set([...b.rows.keys(), ...a.rows.keys()])) {
    const ba = attributes(b.rows.get(r), ["r", "spans"]);
    const aa = attributes(a.rows.get(r), ["r", "spans"]);
    if (ba !== aa) out.push({ check: "row", where: `${name}!${r}:${r}`, detail: `${ba} -> ${aa}` });
  }
  compareChildren(name, b, a, out);
  compareCols(name, b, a, owned.after, out);
  compareConditionalFormats(name, b, a, owned, out);
  for (const col of owned.after)
    if (!hasHeader(a, aShared, col))
      out.push({
        check: "owned.header",
        where: `${name}!${columnName(col)}`,
        detail: "a recorded owned column without a header cell",
      });
  compareTables(name, before, beforePart, after, afterPart, owned.after, out);
  return compared;
}

function holdsValue(el: XElement): boolean {
  return firstChild(el, "v") !== undefined || firstChild(el, "f") !== undefined || firstChild(el, "is") !== undefined;
}

/** A cell's r, s, t, value (a shared string compared by its text and runs, not its index), formula and inline text. */
function cellDifferences(
  b: XElement,
  bShared: readonly XElement[],
  a: XElement,
  aShared: readonly XElement[],
): Omit<Finding, "where">[] {
  const out: Omit<Finding, "where">[] = [];
  const diff = (check: string, x: string, y: string) => x !== y && out.push({ check, detail: `${x} -> ${y}` });
  diff("cell.s", attr(b, "s") ?? "0", attr(a, "s") ?? "0");
  diff("cell.t", attr(b, "t") ?? "n", attr(a, "t") ?? "n");
  diff("cell.value", valueOf(b, bShared), valueOf(a, aShared));
  diff("cell.formula", elementOrNothing(firstChild(b, "f")), elementOrNothing(firstChild(a, "f")));
  diff("cell.inlineText", elementOrNothing(firstChild(b, "is")), elementOrNothing(firstChild(a, "is")));
  diff("cell.other", attributes(b, ["r", "s", "t"]), attributes(a, ["r", "s", "t"]));
  return out;
}

function valueOf(el: XElement, shared: readonly XElement[]): string {
  const v = firstChild(el, "v");
  if (attr(el, "t") === "s" && v) {
    const si = shared[Number(textOf(v))];
    return si ? `shared ${canon(si)}` : `shared #${textOf(v)} (missing)`;
  }
  return v ? JSON.stringify(textOf(v)) : "(none)";
}

function elementOrNothing(el: XElement | undefined): string {
  return el ? canon(el) : "(none)";
}

/** An element's attributes, sorted, without the ones named; "" for no element. */
export function attributes(el: XElement | undefined, skip: readonly string[]): string {
  if (!el) return "";
  const out: string[] = [];
  for (const a of el.attrs)
    if (!skip.includes(a.name) && a.name !== "xmlns" && !a.name.startsWith("xmlns:"))
      out.push(`${a.uri ? `{${a.uri}}` : ""}${a.local}=${JSON.stringify(a.value)}`);
  return out.sort().join(" ");
}

/** mergeCells, dataValidations, autoFilter, sheetViews, hyperlinks, sheetProtection, legacyDrawing, drawing, tableParts, pageSetup, extLst …: identical. */
function compareChildren(name: string, b: SheetXml, a: SheetXml, out: Finding[]): void {
  const group = (s: SheetXml) => {
    const m = new Map<string, string[]>();
    for (const el of childElements(s.root))
      if (!SPECIAL.has(el.local)) m.set(el.local, [...(m.get(el.local) ?? []), canon(el)]);
    return m;
  };
  const bg = group(b);
  const ag = group(a);
  for (const key of new Set([...bg.keys(), ...ag.keys()])) {
    const x = (bg.get(key) ?? []).join("");
    const y = (ag.get(key) ?? []).join("");
    if (x !== y) out.push({ check: `sheet.${key}`, where: name, detail: `${x || "(none)"} -> ${y || "(none)"}` });
  }
  const order = (s: SheetXml) =>
    childElements(s.root)
      .map((e) => e.local)
      .filter((n) => bg.has(n!) && ag.has(n!) && !SPECIAL.has(n!))
      .join(",");
  if (order(b) !== order(a)) out.push({ check: "sheet.order", where: name, detail: `${order(b)} -> ${order(a)}` });
}

/** Column widths and other `<col>` attributes, column by column; a `<col>` for an owned column may be added. */
function compareCols(name: string, b: SheetXml, a: SheetXml, owned: ReadonlySet<number>, out: Finding[]): void {
  const expand = (s: SheetXml) => {
    const m = new Map<number, string>();
    for (const col of childElements(firstChild(s.root, "cols"), "col")) {
      const attrs = attributes(col, ["min", "max"]);
      for (let i = Number(attr(col, "min")); i <= Number(attr(col, "max")); i++) m.set(i, attrs);
    }
    return m;
  };
  const bm = expand(b);
  const am = expand(a);
  const changed: number[] = [];
  for (const i of new Set([...bm.keys(), ...am.keys()])) if (!owned.has(i) && bm.get(i) !== am.get(i)) changed.push(i);
  for (const i of changed.sort((x, y) => x - y).slice(0, 20))
    out.push({
      check: "cols",
      where: `${name}!${columnName(i)}`,
      detail: `${bm.get(i) ?? "(none)"} -> ${am.get(i) ?? "(none)"}`,
    });
  if (changed.length > 20) out.push({ check: "cols", where: name, detail: `and ${changed.length - 20} more columns` });
}

/** The user's conditional formats stay as they were; new ones cover owned columns only. */
function compareConditionalFormats(name: string, b: SheetXml, a: SheetXml, owned: OwnedColumns, out: Finding[]): void {
  const inOwned = (el: XElement, cols: ReadonlySet<number>) =>
    (attr(el, "sqref") ?? "")
      .split(/\s+/)
      .filter(Boolean)
      .every((ref) => {
        const box = parseBox(ref);
        for (let c = box.left; c <= box.right; c++) if (!cols.has(c)) return false;
        return true;
      });
  const both = new Set([...owned.after, ...owned.before]);
  const bList = childElements(b.root, "conditionalFormatting");
  const aList = childElements(a.root, "conditionalFormatting").map((el) => canon(el));
  const remaining = [...aList];
  for (const el of bList) {
    if (inOwned(el, both)) continue;
    const i = remaining.indexOf(canon(el));
    if (i >= 0) remaining.splice(i, 1);
    else out.push({ check: "conditionalFormatting.lost", where: `${name}!${attr(el, "sqref")}`, detail: canon(el) });
  }
  const bCanon = new Set(bList.map((el) => canon(el)));
  for (const el of childElements(a.root, "conditionalFormatting")) {
    if (!bCanon.has(canon(el)) && !inOwned(el, owned.after))
      out.push({
        check: "conditionalFormatting.onUserCells",
        where: `${name}!${attr(el, "sqref")}`,
        detail: canon(el),
      });
  }
}

/** A cell in the top rows of the column holds text (the header the run wrote). */
function hasHeader(s: SheetXml, shared: readonly XElement[], col: number): boolean {
  for (let r = 1; r <= HEADER_ROWS; r++) {
    const c = s.cells.get(`${columnName(col)}${r}`);
    if (c && (cellString(c.el, shared) ?? "") !== "") return true;
  }
  return false;
}

/** The header texts of a column's top rows, to tell whether a recorded column is still the run's. */
export function topTexts(pkg: XlsxPackage, part: string, col: number): string[] {
  const s = readSheet(pkg, part);
  const shared = sharedStrings(pkg);
  const out: string[] = [];
  for (let r = 1; r <= HEADER_ROWS; r++) {
    const c = s.cells.get(`${columnName(col)}${r}`);
    const text = c && cellString(c.el, shared);
    if (text) out.push(text);
  }
  return out;
}

export function tableParts(pkg: XlsxPackage, sheetPart: string): string[] {
  return [...relationships(pkg, sheetPart).values()]
    .filter((r) => !r.external && r.type.endsWith("/table"))
    .map((r) => r.target);
}

/** Tables of the sheet: everything identical but ref, autoFilter's ref and table columns added over owned columns. */
function compareTables(
  name: string,
  before: XlsxPackage,
  beforePart: string,
  after: XlsxPackage,
  afterPart: string,
  owned: ReadonlySet<number>,
  out: Finding[],
): void {
  // Matched by name: table names are unique in a workbook, part names and ids are the writer's business.
  const load = (pkg: XlsxPackage, part: string) =>
    new Map(
      tableParts(pkg, part)
        .filter((p) => pkg.parts.has(p))
        .map((p) => partXml(pkg, p))
        .map((el) => [attr(el, "name") ?? "", el] as const),
    );
  const bt = load(before, beforePart);
  const at = load(after, afterPart);
  for (const [tableName, b] of bt) {
    const where = `${name}: table ${tableName}`;
    const a = at.get(tableName);
    if (!a) {
      out.push({ check: "table.missing", where, detail: "no table of that name on the sheet" });
      continue;
    }
    const ba = attributes(b, ["ref"]);
    const aa = attributes(a, ["ref"]);
    if (ba !== aa) out.push({ check: "table.attributes", where, detail: `${ba} -> ${aa}` });
    const bb = parseBox(attr(b, "ref") ?? "A1");
    const ab = parseBox(attr(a, "ref") ?? "A1");
    const added: number[] = [];
    for (let c = bb.right + 1; c <= ab.right; c++) added.push(c);
    if (
      ab.top !== bb.top ||
      ab.left !== bb.left ||
      ab.bottom !== bb.bottom ||
      ab.right < bb.right ||
      added.some((c) => !owned.has(c))
    ) {
      out.push({ check: "table.ref", where, detail: `${attr(b, "ref")} -> ${attr(a, "ref")}` });
    }
    const bCols = childElements(firstChild(b, "tableColumns"), "tableColumn").map((el) => canon(el));
    const aCols = childElements(firstChild(a, "tableColumns"), "tableColumn").map((el) => canon(el));
    if (aCols.length !== bCols.length + added.length || bCols.some((c, i) => aCols[i] !== c)) {
      out.push({
        check: "table.columns",
        where,
        detail: `${bCols.length} columns -> ${aCols.length}, first change at ${bCols.findIndex((c, i) => aCols[i] !== c)}`,
      });
    }
    const bf = firstChild(b, "autoFilter");
    const af = firstChild(a, "autoFilter");
    if ((bf ? canon(bf, ["ref"]) : "") !== (af ? canon(af, ["ref"]) : ""))
      out.push({
        check: "table.autoFilter",
        where,
        detail: `${bf ? canon(bf) : "(none)"} -> ${af ? canon(af) : "(none)"}`,
      });
    const rest = (el: XElement) =>
      childElements(el)
        .filter((c) => c.local !== "tableColumns" && c.local !== "autoFilter")
        .map((c) => canon(c))
        .join("");
    if (rest(b) !== rest(a)) out.push({ check: "table.other", where, detail: `${rest(b)} -> ${rest(a)}` });
  }
}
