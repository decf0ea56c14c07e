import { parseA1, toA1Range } from "../../../core/_lib/a1";
import type { SheetPlan } from "../../../core/output";
import { findAttr, localName, nextTag, prefixOf, type Tag } from "./xmlScan";
import { escapeXmlAttr, fromXmlText, toXstring } from "./xmlText";

/**
 * Widens the table part named by `plan.table` over the owned columns that start right after
 * its last column, as Office's `table.columns.add` does: `ref` and the autoFilter's ref grow
 * to the right (rows unchanged, so a totals row stays inside), `<tableColumn>`s are appended
 * with fresh ids and names made unique (`Tier2`, `Tier3`…, compared case-insensitively as
 * Excel compares them) and `count` follows. Any other table, or one with nothing to add,
 * comes back as it was; every other byte is kept.
 * @example patchTable('<table name="T" ref="A1:B3">…', plan with column 2) → '<table name="T" ref="A1:C3">…'
 */
export function patchTable(xml: string, plan: SheetPlan): string {
  if (!plan.table) return xml;
  const tags = scan(xml);
  const root = tags.find((t) => t.depth === 0 && t.kind !== "close" && localName(t.tag.name) === "table")?.tag;
  if (!root) throw new Error(`patchTable: no <table> element in the table part of ${plan.table}`);
  const names = [findAttr(xml, root, "displayName")?.value, findAttr(xml, root, "name")?.value].map((v) => (v === undefined ? v : fromXmlText(v)));
  if (!names.includes(plan.table)) return xml;
  const ref = findAttr(xml, root, "ref");
  if (!ref) throw new Error(`patchTable: table ${plan.table} has no ref`);
  const [a, b = a] = ref.value.split(":");
  const tl = parseA1(a);
  const br = parseA1(b);

  const columnsOpen = tags.find((t) => t.depth === 1 && localName(t.tag.name) === "tableColumns" && t.kind !== "close")?.tag;
  const columnsClose = tags.find((t) => t.depth === 1 && localName(t.tag.name) === "tableColumns" && t.kind === "close")?.tag;
  if (!columnsOpen || !columnsClose) throw new Error(`patchTable: table ${plan.table} has no <tableColumns>`);
  const existing = tags.filter((t) => t.depth === 2 && t.kind !== "close" && localName(t.tag.name) === "tableColumn").map((t) => t.tag);
  const taken = new Set(existing.map((t) => fromXmlText(findAttr(xml, t, "name")?.value ?? "").toLowerCase()));
  let nextId = Math.max(0, ...existing.map((t) => Number(findAttr(xml, t, "id")?.value) || 0)) + 1;

  let right = br.col;
  let added = "";
  let addedCount = 0;
  const p = prefixOf(columnsOpen.name);
  for (const col of [...plan.columns].sort((x, y) => x.col - y.col)) {
    if (col.col <= right) continue;
    if (col.col !== right + 1) break;
    right = col.col;
    let name = col.header;
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${col.header}${n}`;
    taken.add(name.toLowerCase());
    addedCount++;
    added += `<${p}tableColumn id="${nextId++}" name="${escapeXmlAttr(toXstring(name))}"/>`;
  }
  if (!added) return xml;

  // Edits from right to left so that earlier positions stay valid.
  let out = xml.slice(0, columnsClose.start) + added + xml.slice(columnsClose.start);
  const count = findAttr(out, columnsOpen, "count");
  if (count) out = replaceValue(out, count, String(existing.length + addedCount));
  const autoFilter = tags.find((t) => t.depth === 1 && t.kind !== "close" && localName(t.tag.name) === "autoFilter" && t.tag.start < columnsOpen.start)?.tag;
  const filterRef = autoFilter ? findAttr(out, autoFilter, "ref") : null;
  if (filterRef) {
    const bottom = parseA1(filterRef.value.split(":").pop() ?? filterRef.value).row;
    out = replaceValue(out, filterRef, toA1Range(tl.row, tl.col, bottom - tl.row + 1, right - tl.col + 1));
  }
  return replaceValue(out, ref, toA1Range(tl.row, tl.col, br.row - tl.row + 1, right - tl.col + 1));
}

function replaceValue(s: string, attr: { end: number; value: string }, value: string): string {
  return s.slice(0, attr.end - 1 - attr.value.length) + value + s.slice(attr.end - 1);
}

interface Scanned {
  tag: Tag;
  depth: number;
  kind: Tag["kind"];
}

/** Every tag of a small part with its depth (the root is 0; a close tag has its element's depth). */
function scan(xml: string): Scanned[] {
  const out: Scanned[] = [];
  let depth = 0;
  for (let t = nextTag(xml, 0); t; t = nextTag(xml, t.end)) {
    if (t.kind === "other") continue;
    if (t.kind === "close") depth--;
    out.push({ tag: t, depth, kind: t.kind });
    if (t.kind === "open") depth++;
  }
  return out;
}
