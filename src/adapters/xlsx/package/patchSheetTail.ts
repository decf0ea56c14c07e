import { columnLetters, toA1Range } from "../../../core/_lib/a1";
import type { SheetPlan } from "../../../core/output";
import { toByteString, type OwnedCells, type SheetStyles } from "./ownedCells";
import { columnOfRef, findAttr, localName, nextTag } from "./xmlScan";
import { escapeXmlText, toXstring } from "./xmlText";
import { UnreadablePartError } from "./openXlsxError";

/** CT_Worksheet children that follow conditionalFormatting. */
const AFTER_CF = new Set([
  "dataValidations",
  "hyperlinks",
  "printOptions",
  "pageMargins",
  "pageSetup",
  "headerFooter",
  "rowBreaks",
  "colBreaks",
  "customProperties",
  "cellWatches",
  "ignoredErrors",
  "smartTags",
  "drawing",
  "legacyDrawing",
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
]);

interface Child {
  name: string;
  start: number;
  end: number;
}

/**
 * Edits what follows `</sheetData>`: removes the `<conditionalFormatting>` blocks an earlier
 * run left (every sqref range inside one owned column, below the header) and adds one block
 * per highlighted column, after the remaining ones or where CT_Worksheet puts them, with
 * priorities numbered after every kept rule's (x14 rules in extLst included), so no
 * priority is shared and a re-run numbers its rules as the run before it did. Every other byte stays as it was.
 * @param tail the part after `</sheetData>` (or after `<sheetData/>`), as latin1 text of its bytes; so is the result
 * @param prefix the main namespace prefix with its colon ("" when default)
 */
export function patchSheetTail(
  tail: string,
  plan: SheetPlan,
  cells: OwnedCells,
  styles: SheetStyles,
  prefix: string,
): string {
  if (cells.columns.length === 0) return tail;
  const children: Child[] = [];
  let rootClose = -1;
  const priorities: { at: number; priority: number }[] = [];
  let depth = 1;
  let open: { name: string; start: number } | null = null;
  for (let t = nextTag(tail, 0); t; t = nextTag(tail, t.end)) {
    if (t.kind === "other") continue;
    if (t.kind === "close") {
      depth--;
      if (depth === 0) rootClose = t.start;
      else if (depth === 1 && open) {
        children.push({ name: open.name, start: open.start, end: t.end });
        open = null;
      }
      continue;
    }
    if (localName(t.name) === "cfRule")
      priorities.push({ at: t.start, priority: Number(findAttr(tail, t, "priority")?.value) || 0 });
    if (depth === 1 && t.kind === "empty") children.push({ name: t.name, start: t.start, end: t.end });
    if (depth === 1 && t.kind === "open") open = { name: t.name, start: t.start };
    if (t.kind === "open") depth++;
  }
  if (rootClose < 0)
    throw new UnreadablePartError("malformed", plan.sheet, "patchSheet: the sheet part ends before </worksheet>");

  const cfName = `${prefix}conditionalFormatting`;
  const cfs = children.filter((c) => c.name === cfName);
  const stale = cfs.filter((c) => isEarlierRuns(tail, c, plan.headerRow, cells));
  // Numbered after the rules that stay, not the earlier run's being removed: a re-run then gives the same numbers.
  const maxPriority = priorities.reduce(
    (max, p) => (p.priority > max && !stale.some((c) => c.start <= p.at && p.at < c.end) ? p.priority : max),
    0,
  );
  const after = children.find((c) => prefixOk(c.name, prefix) && AFTER_CF.has(localName(c.name)));
  const insertAt = cfs.length > 0 ? cfs[cfs.length - 1].end : after ? after.start : rootClose;
  const added = toByteString(highlightBlocks(plan, cells, styles, prefix, maxPriority));

  let out = "";
  let pos = 0;
  for (const c of stale) {
    out += tail.slice(pos, c.start);
    pos = c.end;
  }
  // insertAt is the end of the last block (stale or kept) or lies after every block, so never before pos.
  return out + tail.slice(pos, insertAt) + added + tail.slice(insertAt);
}

function prefixOk(qname: string, prefix: string): boolean {
  return qname.length === prefix.length + localName(qname).length && qname.startsWith(prefix);
}

/** True when every range of the block's sqref lies in one owned column, below the header. */
function isEarlierRuns(tail: string, block: Child, headerRow: number, cells: OwnedCells): boolean {
  const tag = nextTag(tail, block.start);
  const sqref = tag ? findAttr(tail, tag, "sqref")?.value.trim() : undefined;
  if (!sqref) return false;
  return sqref.split(/\s+/).every((range) => {
    const [a, b = a] = range.split(":");
    const ca = columnOfRef(a);
    const ra = rowOfRef(a);
    const rb = rowOfRef(b);
    return (
      ca >= 0 && ca === columnOfRef(b) && ra > headerRow && rb > headerRow && cells.columns.some((c) => c.col === ca)
    );
  });
}

/** 0-based row of a cell reference, -1 without digits. */
function rowOfRef(ref: string): number {
  const m = /^\$?[A-Za-z]{1,3}\$?([1-9]\d{0,6})$/.exec(ref);
  return m ? Number(m[1]) - 1 : -1;
}

/** One block per highlighted column, one expression rule per highlight (`=I2="Down"`). */
function highlightBlocks(
  plan: SheetPlan,
  cells: OwnedCells,
  styles: SheetStyles,
  prefix: string,
  maxPriority: number,
): string {
  if (plan.lastRow < plan.firstRow) return "";
  let priority = maxPriority;
  let out = "";
  for (const { plan: col } of cells.columns) {
    if (!col.highlights?.length) continue;
    const sqref = toA1Range(plan.firstRow, col.col, plan.lastRow - plan.firstRow + 1, 1);
    const first = `${columnLetters(col.col)}${plan.firstRow + 1}`;
    out += `<${prefix}conditionalFormatting sqref="${sqref}">`;
    for (const h of col.highlights) {
      const formula = `${first}="${h.text.replace(/"/g, '""')}"`;
      out += `<${prefix}cfRule type="expression" dxfId="${styles.dxf(h)}" priority="${++priority}"><${prefix}formula>${escapeXmlText(toXstring(formula))}</${prefix}formula></${prefix}cfRule>`;
    }
    out += `</${prefix}conditionalFormatting>`;
  }
  return out;
}
