import { EXCEL_LIMITS } from "./_lib/excelLimits";
import { ExcelLimitError } from "./errors";
import { t, type Lang } from "../i18n";
import type { Grid } from "./types";

/**
 * Refuses a workbook larger than Excel allows before anything is computed: a grid that
 * reaches past row 1,048,576 or column XFD. Excel never saves one, but a hand-made or
 * damaged package can hold one, and writing beside it would fail half-way.
 * @example checkGrids([{ sheet: "S", origin: { row: 1_048_576, col: 0 }, values: [[1]] }], "en-US") // throws tooManyRows, n = 1,048,577
 */
export function checkGrids(grids: readonly Grid[], lang: Lang): void {
  for (const g of grids) {
    const rows = g.origin.row + g.values.length;
    if (rows > EXCEL_LIMITS.rows)
      throw new ExcelLimitError(
        "tooManyRows",
        g.sheet,
        t(lang, "error.limit.tooManyRows", { sheet: g.sheet, n: rows }),
      );
    let width = 0;
    for (const row of g.values) if (row.length > width) width = row.length;
    const cols = g.origin.col + width;
    if (cols > EXCEL_LIMITS.cols)
      throw new ExcelLimitError(
        "tooManyColumns",
        g.sheet,
        t(lang, "error.limit.tooManyColumns", { sheet: g.sheet, n: cols }),
      );
  }
}
