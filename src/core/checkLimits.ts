import { EXCEL_LIMITS } from "./_lib/excelLimits";
import { ExcelLimitError, type ExcelLimit } from "./errors";
import { t, type Lang } from "../i18n";
import type { WritePlan } from "./output";

/**
 * Stops a run whose plan would not fit in Excel, before the first write: an owned column
 * past XFD (the input sheet has no free column), a row past 1,048,576, a created or
 * analysis sheet wider than 16,384 columns. The message names the sheet.
 * @example checkLimits(planWithColumnAt(16_384, "订单"), "zh-CN") // throws noFreeColumn for 订单
 */
export function checkLimits(plan: WritePlan, lang: Lang): void {
  const fail = (limit: ExcelLimit, sheet: string, n: number): never => {
    throw new ExcelLimitError(limit, sheet, t(lang, `error.limit.${limit}`, { sheet, n }));
  };
  const { rows: maxRows, cols: maxCols } = EXCEL_LIMITS;
  for (const s of plan.sheets) {
    for (const c of s.columns) if (c.col >= maxCols) fail("noFreeColumn", s.sheet, c.col + 1);
    if (s.lastRow >= maxRows) fail("tooManyRows", s.sheet, s.lastRow + 1);
  }
  if (plan.created) {
    const { sheet, header, rows } = plan.created;
    if (rows.length + 1 > maxRows) fail("tooManyRows", sheet, rows.length + 1);
    const wide = Math.max(header.length, ...rows.map((r) => r.length));
    if (wide > maxCols) fail("tooManyColumns", sheet, wide);
  }
  const { report } = plan;
  if (report.rows.length > maxRows) fail("tooManyRows", report.sheet, report.rows.length);
  let wide = 0;
  for (const r of report.rows) wide = Math.max(wide, r.cells.length);
  for (const c of report.charts) wide = Math.max(wide, c.anchor.col + c.anchor.cols, c.source.col + c.source.cols);
  if (wide > maxCols) fail("tooManyColumns", report.sheet, wide);
}
