import type { Highlight, NumberFormat } from "../../src/core/output";
import type { SheetStyles } from "../../src/adapters/xlsx/package/patchSheet";

/** Style indexes the package tests give each number format (as a workbook's style book would). */
export const FORMAT_STYLE: Record<NumberFormat, number> = {
  general: 8,
  money: 9,
  percent: 10,
  date: 11,
  integer: 12,
  decimal: 13,
  oneDecimal: 14,
};

/** The sheet styles of the package tests: header 7, bodies by format, highlight "A" dxf 3 and any other 4. */
export const STYLES: SheetStyles = {
  header: 7,
  body: (f) => FORMAT_STYLE[f],
  dxf: (h: Highlight) => (h.text === "A" ? 3 : 4),
};
