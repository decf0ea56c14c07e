import { openPackage, readRecord } from "../safety/xlsxPackage";
import { tableParts } from "../safety/xlsxCompareSheet";

/**
 * The package parts every run may rewrite: the content types, the workbook and its relationships
 * (a new sheet), and the styles (the owned cells' formats). Everything else the run owns is named
 * by its record: the sheets that received owned columns and their tables.
 */
const PACKAGE_PARTS = ["[Content_Types].xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml"];

/**
 * Parts of the input that are gone from the output or no longer byte for byte the same, leaving
 * out those the run owns (read with JSZip from the output's own record, not from src). Empty
 * when the run touched nothing of the user's.
 */
export async function changedUnownedParts(input: Buffer, output: Buffer): Promise<string[]> {
  const before = await openPackage(input);
  const after = await openPackage(output);
  const record = readRecord(after);
  if (!record) return ["(the output has no record of the run)"];
  const ownedSheets = new Set(record.owned.map((o) => o.sheet));
  const owned = new Set(PACKAGE_PARTS);
  for (const s of after.sheets.filter((x) => ownedSheets.has(x.name) && x.part)) {
    owned.add(s.part!);
    for (const t of tableParts(after, s.part!)) owned.add(t);
  }
  const changed: string[] = [];
  for (const [part, data] of before.parts) {
    if (owned.has(part)) continue;
    const now = after.parts.get(part);
    if (!now) changed.push(`${part}: gone`);
    else if (!now.equals(data)) changed.push(`${part}: ${data.length} -> ${now.length} bytes`);
  }
  return changed;
}
