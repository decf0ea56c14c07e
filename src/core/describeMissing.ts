import { HEADER_SEARCH_ROWS, headerTexts, matchColumns } from "./detectSheets";
import { ROLE_NAME_HINTS, type Field } from "./columns";
import { MissingColumnError, type SheetSeen } from "./errors";
import type { Grid } from "./types";

/** The order sheet's required fields: one of each group. */
const REQUIRED: readonly Field[][] = [["orderDate"], ["customerId", "customerName"], ["amount", "quantity"]];

/**
 * Explains why no order sheet was found. The sheet that comes closest (most required
 * fields found, a name like 订单/Orders first) decides which fields are named missing;
 * every sheet's header row is listed with the headers it showed.
 * @example a sheet 订单 with 日期 and 客户 only → missing [["amount", "quantity"]]
 */
export function describeMissing(grids: readonly Grid[]): MissingColumnError {
  let best: { missing: Field[][]; score: number; seen: SheetSeen } | undefined;
  const seen: SheetSeen[] = [];
  for (const g of grids) {
    const limit = Math.min(HEADER_SEARCH_ROWS, g.values.length);
    let sheetBest: { missing: Field[][]; score: number; seen: SheetSeen } | undefined;
    for (let r = 0; r < limit; r++) {
      const headers = headerTexts(g, r);
      if (headers.every((h) => h === "")) continue;
      const { fields } = matchColumns(headers, "orders", new Set(), g.origin.col);
      const missing = REQUIRED.filter((group) => !group.some((f) => fields[f] !== undefined)).map((group) => [
        ...group,
      ]);
      if (fields.quantity !== undefined && fields.unitPrice === undefined && fields.amount === undefined)
        missing.push(["unitPrice"]);
      const score =
        (REQUIRED.length - missing.length) * 2 +
        (ROLE_NAME_HINTS.orders.some((h) => g.sheet.toLowerCase().includes(h)) ? 1 : 0);
      const here = {
        missing,
        score,
        seen: { sheet: g.sheet, headerRow: g.origin.row + r, headers: headers.filter((h) => h !== "") },
      };
      if (!sheetBest || score > sheetBest.score) sheetBest = here;
    }
    if (!sheetBest) {
      seen.push({ sheet: g.sheet, headerRow: g.origin.row, headers: [] });
      continue;
    }
    seen.push(sheetBest.seen);
    if (!best || sheetBest.score > best.score) best = sheetBest;
  }
  const missing = best && best.missing.length > 0 ? best.missing : REQUIRED.map((g) => [...g]);
  const ordered = best ? [best.seen, ...seen.filter((s) => s !== best!.seen)] : seen;
  return new MissingColumnError("orders", missing, ordered);
}
