import { readElements } from "./readElements";

/**
 * A table part's name, reference and totals-row count (openpyxl may omit the attributes).
 * `part` names the part in errors.
 */
export function readTablePart(
  xmlText: string,
  part = "table part",
): { name: string; ref: string; totalsRowCount: number } {
  let table: Record<string, string> = {};
  readElements(xmlText, part, ["table"], (_local, attrs, depth) => {
    if (depth === 0) table = attrs;
  });
  const name = table.displayName || table.name || "";
  const shown = table.totalsRowShown;
  const count = Number(table.totalsRowCount || "0");
  return { name, ref: table.ref ?? "", totalsRowCount: shown === "0" ? 0 : count };
}
