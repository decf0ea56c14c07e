import { readText } from "./_lib/cells";
import { HEADER_SEARCH_ROWS } from "./detectSheets";
import type { Field } from "./columns";
import { MissingColumnError, type SheetSeen } from "./errors";
import type { Detection, Grid } from "./types";

/**
 * Explains why no order sheet was found: the required fields, and the header row
 * each sheet showed (its first non-empty row within the top 10).
 */
export function describeMissing(grids: readonly Grid[], detection: Detection): MissingColumnError {
  const seen: SheetSeen[] = grids.map((g) => {
    const limit = Math.min(HEADER_SEARCH_ROWS, g.values.length);
    let r = 0;
    while (r < limit && g.values[r].every((v) => readText(v) === null)) r++;
    const headers = (g.values[r] ?? []).map((v) => readText(v) ?? "").filter((h) => h !== "");
    return { sheet: g.sheet, headerRow: g.origin.row + r, headers };
  });
  const required: Field[][] = [["orderDate"], ["customerId", "customerName"], ["amount", "quantity"]];
  void detection;
  return new MissingColumnError("orders", required, seen);
}
