import { attributes, compareSheet, tableParts, topTexts, type Finding, type OwnedColumns } from "./xlsxCompareSheet";
import {
  attr,
  canon,
  childElements,
  firstChild,
  openPackage,
  partXml,
  readRecord,
  RECORD_SHEET_NAME,
  relationships,
  relsPartOf,
  type RunRecord,
  type XlsxPackage,
} from "./xlsxPackage";

export type { Finding } from "./xlsxCompareSheet";

/** Parts a run may always rewrite (styles only by appending, checked below). */
export const ALWAYS_ALLOWED = ["xl/workbook.xml", "xl/_rels/workbook.xml.rels", "[Content_Types].xml", "xl/styles.xml"];
/** styles.xml lists referenced by index: existing entries must stay where they are. */
const STYLE_LISTS = ["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs"];

export interface CompareOptions {
  /** Sheets that existed before and the run replaces (the analysis sheet of the month re-run); the record sheet always may be. */
  replaces?: readonly string[];
}

export interface Comparison {
  findings: Finding[];
  /** Parts that had to be byte-identical (and were compared so). */
  identicalParts: string[];
  /** Parts allowed to change, compared by content where they are the user's. */
  allowedParts: string[];
  /** Parts the run added. */
  addedParts: string[];
  /** User cells compared one by one in the sheets that received owned columns. */
  cellsCompared: number;
  /** `sheet!column` of every owned column, from the run's record. */
  owned: string[];
  record: RunRecord | undefined;
}

/**
 * Compares a workbook before and after a run, independently of the code under test:
 * every part the run has no business with must be byte-identical; in the input sheets
 * that received owned columns, every cell outside them and every sheet property must
 * be the same; styles only grow; sheets, defined names and views stay.
 */
export async function compareXlsx(
  beforeData: Buffer,
  afterData: Buffer,
  options: CompareOptions = {},
): Promise<Comparison> {
  const before = await openPackage(beforeData);
  const after = await openPackage(afterData);
  const findings: Finding[] = [];
  const record = readRecord(after);
  if (!record)
    findings.push({ check: "owned.record", where: RECORD_SHEET_NAME, detail: "the output has no record of the run" });
  const previous = readRecord(before);
  const runSheets = new Set([RECORD_SHEET_NAME, ...(options.replaces ?? [])]);
  const inputSheets = [...new Set((record?.owned ?? []).map((o) => o.sheet))].filter(
    (s) => !runSheets.has(s) && before.sheets.some((x) => x.name === s),
  );

  const allowed = new Set(ALWAYS_ALLOWED);
  for (const name of inputSheets) {
    const part = before.sheets.find((s) => s.name === name)!.part!;
    allowed.add(part);
    for (const t of tableParts(before, part)) allowed.add(t);
  }
  const runParts = new Set<string>();
  for (const s of before.sheets)
    if (runSheets.has(s.name) && s.part) for (const p of reachable(before, s.part)) runParts.add(p);
  runParts.forEach((p) => allowed.add(p));

  const identicalParts: string[] = [];
  for (const [part, data] of before.parts) {
    if (allowed.has(part)) continue;
    identicalParts.push(part);
    const now = after.parts.get(part);
    if (!now) findings.push({ check: "part.missing", where: part, detail: "gone from the output" });
    else if (!now.equals(data))
      findings.push({ check: "part.changed", where: part, detail: `${data.length} -> ${now.length} bytes` });
  }

  let cellsCompared = 0;
  const owned: string[] = [];
  for (const name of inputSheets) {
    const bPart = before.sheets.find((s) => s.name === name)!.part!;
    const aPart = after.sheets.find((s) => s.name === name)?.part;
    if (!aPart || !after.parts.has(aPart)) {
      findings.push({ check: "workbook.sheetMissing", where: name, detail: "an input sheet is gone" });
      continue;
    }
    const cols: OwnedColumns = { after: ownedColumns(record, name), before: stillOwned(previous, before, bPart, name) };
    cols.after.forEach((c) => owned.push(`${name}!${columnLetter(c)}`));
    cellsCompared += compareSheet(name, before, bPart, after, aPart, cols, findings);
  }
  compareWorkbook(before, after, runSheets, record, findings);
  compareStyles(before, after, findings);
  compareRelsAndTypes(before, after, runParts, findings);
  return {
    findings,
    identicalParts,
    allowedParts: [...allowed].filter((p) => before.parts.has(p)),
    addedParts: [...after.parts.keys()].filter((p) => !before.parts.has(p)),
    cellsCompared,
    owned,
    record,
  };
}

function columnLetter(col: number): string {
  let s = "";
  for (let x = col; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

function ownedColumns(record: RunRecord | undefined, sheet: string): Set<number> {
  return new Set((record?.owned ?? []).filter((o) => o.sheet === sheet).map((o) => o.col + 1));
}

/** Columns an earlier run recorded that still carry the recorded header: their cells are the run's to rewrite. */
function stillOwned(previous: RunRecord | undefined, pkg: XlsxPackage, part: string, sheet: string): Set<number> {
  const out = new Set<number>();
  for (const o of previous?.owned ?? [])
    if (o.sheet === sheet && topTexts(pkg, part, o.col + 1).includes(o.header)) out.add(o.col + 1);
  return out;
}

/** A part and every internal part its relationships reach (a sheet's drawing, charts, comments …). */
function reachable(pkg: XlsxPackage, part: string, seen = new Set<string>()): Set<string> {
  if (seen.has(part) || !pkg.parts.has(part)) return seen;
  seen.add(part);
  if (pkg.parts.has(relsPartOf(part))) seen.add(relsPartOf(part));
  for (const r of relationships(pkg, part).values()) if (!r.external) reachable(pkg, r.target, seen);
  return seen;
}

/** Sheet entries (same attributes, same order, same parts), defined names, book views and workbook properties. */
function compareWorkbook(
  before: XlsxPackage,
  after: XlsxPackage,
  runSheets: ReadonlySet<string>,
  record: RunRecord | undefined,
  out: Finding[],
): void {
  const mine = before.sheets.filter((s) => s.name !== RECORD_SHEET_NAME);
  const names = new Set(mine.map((s) => s.name));
  const order = (list: { name: string }[]) => list.map((s) => s.name).filter((n) => names.has(n));
  if (order(mine).join("|") !== order(after.sheets).join("|"))
    out.push({
      check: "workbook.sheetOrder",
      where: "xl/workbook.xml",
      detail: `${order(mine).join(", ")} -> ${order(after.sheets).join(", ")}`,
    });
  for (const s of mine) {
    const a = after.sheets.find((x) => x.name === s.name);
    if (!a) {
      out.push({ check: "workbook.sheetMissing", where: s.name, detail: canon(s.element) });
      continue;
    }
    // A replaced sheet may get a new id and relationship; it keeps its name and visibility.
    const skip = runSheets.has(s.name) ? ["sheetId", "r:id"] : [];
    if (attributes(s.element, skip) !== attributes(a.element, skip))
      out.push({
        check: "workbook.sheet",
        where: s.name,
        detail: `${attributes(s.element, [])} -> ${attributes(a.element, [])}`,
      });
    else if (!runSheets.has(s.name) && s.part !== a.part)
      out.push({ check: "workbook.sheet", where: s.name, detail: `part ${s.part} -> ${a.part}` });
  }
  const recorded = new Set([RECORD_SHEET_NAME, ...(record?.ownedSheets ?? []).map((s) => s.sheet)]);
  for (const s of after.sheets)
    if (!before.sheets.some((x) => x.name === s.name) && !recorded.has(s.name))
      out.push({ check: "workbook.unrecordedSheet", where: s.name, detail: "a new sheet the record does not list" });
  const bw = partXml(before, "xl/workbook.xml");
  const aw = partXml(after, "xl/workbook.xml");
  for (const key of ["workbookPr", "workbookProtection", "bookViews", "definedNames"]) {
    const x = childElements(bw, key)
      .map((e) => canon(e))
      .join("");
    const y = childElements(aw, key)
      .map((e) => canon(e))
      .join("");
    if (x !== y)
      out.push({ check: `workbook.${key}`, where: "xl/workbook.xml", detail: `${x || "(none)"} -> ${y || "(none)"}` });
  }
}

/** Every existing entry of every indexed style list stays identical at its index; entries may only be appended. */
function compareStyles(before: XlsxPackage, after: XlsxPackage, out: Finding[]): void {
  if (!before.parts.has("xl/styles.xml")) return;
  if (!after.parts.has("xl/styles.xml")) {
    out.push({ check: "styles.missing", where: "xl/styles.xml", detail: "gone from the output" });
    return;
  }
  const b = partXml(before, "xl/styles.xml");
  const a = partXml(after, "xl/styles.xml");
  for (const list of STYLE_LISTS) {
    const bl = childElements(firstChild(b, list)).map((e) => canon(e));
    const al = childElements(firstChild(a, list)).map((e) => canon(e));
    const changed = bl.map((x, i) => (al[i] === x ? -1 : i)).filter((i) => i >= 0);
    for (const i of changed.slice(0, 10))
      out.push({
        check: `styles.${list}`,
        where: `xl/styles.xml ${list}[${i}]`,
        detail: `${bl[i]} -> ${al[i] ?? "(none)"}`,
      });
    if (changed.length > 10)
      out.push({
        check: `styles.${list}`,
        where: `xl/styles.xml ${list}`,
        detail: `and ${changed.length - 10} more entries`,
      });
  }
  for (const key of ["colors", "tableStyles"]) {
    const x = childElements(b, key)
      .map((e) => canon(e))
      .join("");
    const y = childElements(a, key)
      .map((e) => canon(e))
      .join("");
    if (x !== y)
      out.push({ check: `styles.${key}`, where: "xl/styles.xml", detail: `${x || "(none)"} -> ${y || "(none)"}` });
  }
}

/** The workbook's relationships to parts the run leaves alone, and their content types, stay. */
function compareRelsAndTypes(
  before: XlsxPackage,
  after: XlsxPackage,
  runParts: ReadonlySet<string>,
  out: Finding[],
): void {
  const ar = relationships(after, "xl/workbook.xml");
  for (const [id, r] of relationships(before, "xl/workbook.xml")) {
    if (!r.external && runParts.has(r.target)) continue;
    const now = ar.get(id);
    if (!now || now.type !== r.type || now.target !== r.target)
      out.push({
        check: "workbook.relationship",
        where: id,
        detail: `${r.type} ${r.target} -> ${now ? `${now.type} ${now.target}` : "(none)"}`,
      });
  }
  const types = (pkg: XlsxPackage) => {
    const m = new Map<string, string>();
    for (const el of childElements(partXml(pkg, "[Content_Types].xml"))) {
      const key =
        el.local === "Default"
          ? `ext:${(attr(el, "Extension") ?? "").toLowerCase()}`
          : `part:${(attr(el, "PartName") ?? "").replace(/^\//, "")}`;
      m.set(key, attr(el, "ContentType") ?? "");
    }
    return m;
  };
  const bt = types(before);
  const at = types(after);
  for (const [key, type] of bt) {
    if (key.startsWith("part:") && (runParts.has(key.slice(5)) || !before.parts.has(key.slice(5)))) continue;
    if (at.get(key) !== type)
      out.push({ check: "contentTypes", where: key, detail: `${type} -> ${at.get(key) ?? "(none)"}` });
  }
}

/** Helper for tests: the findings grouped by check, with a count each. */
export function countByCheck(findings: readonly Finding[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const f of findings) out[f.check] = (out[f.check] ?? 0) + 1;
  return out;
}
