import { parseA1, toA1Range } from "../../../core/_lib/a1";
import type { SheetPlan } from "../../../core/output";
import { childrenNamed, outlineXml, Splices } from "./xmlOutline";
import { escapeXmlAttr, fromXmlText, toXstring } from "./xmlText";
import { UnreadablePartError } from "./openXlsxError";

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
  const root = outlineXml(xml);
  if (root.local !== "table")
    throw new UnreadablePartError(
      "malformed",
      plan.table,
      `patchTable: no <table> element in the table part of ${plan.table}`,
    );
  const names = [root.attrs.displayName, root.attrs.name].map((v) => (v === undefined ? v : fromXmlText(v)));
  if (!names.includes(plan.table)) return xml;
  const ref = root.attrs.ref;
  if (!ref) throw new UnreadablePartError("malformed", plan.table, `patchTable: table ${plan.table} has no ref`);
  const [a, b = a] = ref.split(":");
  const tl = parseA1(a);
  const br = parseA1(b);

  const columns = childrenNamed(root, "tableColumns")[0];
  if (!columns)
    throw new UnreadablePartError("malformed", plan.table, `patchTable: table ${plan.table} has no <tableColumns>`);
  const existing = childrenNamed(columns, "tableColumn");
  const taken = new Set(existing.map((t) => fromXmlText(t.attrs.name ?? "").toLowerCase()));
  let nextId = Math.max(0, ...existing.map((t) => Number(t.attrs.id) || 0)) + 1;

  let right = br.col;
  let added = "";
  let addedCount = 0;
  const p = columns.prefix ? `${columns.prefix}:` : "";
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

  const out = new Splices(xml).appendChild(columns, added);
  if (columns.attrs.count !== undefined) out.setAttr(columns, "count", String(existing.length + addedCount));
  const autoFilter = childrenNamed(root, "autoFilter")[0];
  if (autoFilter?.attrs.ref) {
    const bottom = parseA1(autoFilter.attrs.ref.split(":").pop() ?? autoFilter.attrs.ref).row;
    out.setAttr(autoFilter, "ref", toA1Range(tl.row, tl.col, bottom - tl.row + 1, right - tl.col + 1));
  }
  return out.setAttr(root, "ref", toA1Range(tl.row, tl.col, br.row - tl.row + 1, right - tl.col + 1)).apply();
}
