import { DOMParser } from "@xmldom/xmldom";
import { UnreadablePartError } from "../package/openXlsxError";

/** A table part's name, reference and totals-row count (openpyxl may omit the attributes). */
export function readTablePart(xmlText: string): { name: string; ref: string; totalsRowCount: number } {
  const doc = new DOMParser().parseFromString(xmlText, "text/xml");
  const table = doc.documentElement;
  if (!table) throw new UnreadablePartError("malformed", "table part", "table part has no root element");
  const name = table.getAttribute("displayName") || table.getAttribute("name") || "";
  const ref = table.getAttribute("ref") ?? "";
  const shown = table.getAttribute("totalsRowShown");
  const count = Number(table.getAttribute("totalsRowCount") || "0");
  return { name, ref, totalsRowCount: shown === "0" ? 0 : count };
}
