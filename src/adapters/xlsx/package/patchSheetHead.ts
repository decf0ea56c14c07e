import { parseA1, toA1Range } from "../../../core/_lib/a1";
import type { OwnedCells } from "./ownedCells";
import { findAttr, localName, nextTag, type Tag } from "./xmlScan";

interface ColEntry {
  tag: Tag;
  min: number;
  max: number;
}

/**
 * Edits what precedes `<sheetData>`: the `<dimension ref>` widened over the owned cells, and
 * a `<col>` (width from its header, see `columnWidth`) for each owned column no `<col>` covers, kept
 * sorted and non-overlapping; a missing `<cols>` is created just before sheetData, which is
 * its place in CT_Worksheet. Every other byte stays as it was.
 * @param head the part up to (not including) the sheetData start tag, as latin1 text of its
 *   bytes; what it adds is ASCII
 * @param prefix the main namespace prefix with its colon ("" when default)
 */
export function patchSheetHead(head: string, cells: OwnedCells, prefix: string): string {
  if (cells.columns.length === 0) return head;
  let dimension: Tag | null = null;
  let cols: { open: Tag; close: Tag | null } | null = null;
  const entries: ColEntry[] = [];
  let depth = 0;
  for (let t = nextTag(head, 0); t; t = nextTag(head, t.end)) {
    if (t.kind === "other") continue;
    if (t.kind === "close") {
      depth--;
      if (depth === 1 && cols && !cols.close && localName(t.name) === "cols") cols.close = t;
      continue;
    }
    const local = localName(t.name);
    if (depth === 1 && local === "dimension") dimension = t;
    else if (depth === 1 && local === "cols") cols = { open: t, close: null };
    else if (depth === 2 && local === "col" && cols && !cols.close) {
      const min = Number(findAttr(head, t, "min")?.value);
      const max = Number(findAttr(head, t, "max")?.value);
      if (Number.isInteger(min) && Number.isInteger(max)) entries.push({ tag: t, min, max });
    }
    if (t.kind === "open") depth++;
  }

  // Edits from right to left so that earlier positions stay valid.
  let out = head;
  const newCols = cells.columns
    .filter((c) => !entries.some((e) => e.min <= c.col + 1 && c.col + 1 <= e.max))
    .map((c) => ({
      n: c.col + 1,
      xml: `<${prefix}col min="${c.col + 1}" max="${c.col + 1}" width="${columnWidth(c.plan.header)}" customWidth="1"/>`,
    }));
  if (newCols.length > 0) {
    if (!cols) out = `${out}<${prefix}cols>${newCols.map((c) => c.xml).join("")}</${prefix}cols>`;
    else if (!cols.close) {
      // <cols/>: an empty (schema-invalid) element becomes a full one.
      const q = cols.open.name;
      out = `${out.slice(0, cols.open.start)}<${q}>${newCols.map((c) => c.xml).join("")}</${q}>${out.slice(cols.open.end)}`;
    } else out = insertCols(out, entries, newCols, cols.close.start);
  }
  if (dimension) out = widenDimension(out, dimension, cells);
  return out;
}

/** The width of a column the run creates: two characters per header character and 2 more, 10 to 24 (the ExcelJS writer's rule, kept). */
function columnWidth(header: string): number {
  return Math.max(10, Math.min(24, header.length * 2 + 2));
}

function insertCols(s: string, entries: ColEntry[], newCols: { n: number; xml: string }[], closeAt: number): string {
  // Each new column goes before the first existing entry that starts after it.
  const at = new Map<number, string[]>();
  for (const c of newCols) {
    const next = entries.find((e) => e.min > c.n);
    const pos = next ? next.tag.start : closeAt;
    at.set(pos, [...(at.get(pos) ?? []), c.xml]);
  }
  let out = s;
  for (const pos of [...at.keys()].sort((a, b) => b - a))
    out = `${out.slice(0, pos)}${at.get(pos)!.join("")}${out.slice(pos)}`;
  return out;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?([1-9]\d{0,6})$/;

function widenDimension(s: string, tag: Tag, cells: OwnedCells): string {
  const ref = findAttr(s, tag, "ref");
  if (!ref) return s;
  const [a, b = a] = ref.value.split(":");
  // A dimension Excel would not write is only a hint; it is left as it was.
  if (!CELL.test(a) || !CELL.test(b)) return s;
  const tl = parseA1(a);
  const br = parseA1(b);
  const top = Math.min(tl.row, br.row, cells.headerRow);
  const left = Math.min(tl.col, br.col, cells.columns[0].col);
  const bottom = Math.max(tl.row, br.row, cells.lastRow);
  const right = Math.max(tl.col, br.col, cells.columns[cells.columns.length - 1].col);
  const value = toA1Range(top, left, bottom - top + 1, right - left + 1);
  return `${s.slice(0, ref.end - 1 - ref.value.length)}${value}${s.slice(ref.end - 1)}`;
}
