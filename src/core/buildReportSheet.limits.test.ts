import { buildReportSheet, ISSUES_SHOWN, LIST_SHOWN } from "./buildReportSheet";
import { EXCEL_LIMITS } from "./_lib/excelLimits";
import { grid, serial } from "./testing/grids";
import { runReview } from "./runReview";
import type { Cell } from "./types";

/** Customers C1–C3 listed; X1–X3 order but are not listed (unmatched); C1–C3 bought a year ago only (lost); 205 unreadable dates. */
function review() {
  const orders: Cell[][] = [["订单日期", "客户编号", "金额"]];
  for (const c of ["C1", "C2", "C3"]) orders.push([serial("2025-09-10"), c, 5000]);
  for (const c of ["X1", "X2", "X3"]) orders.push([serial("2026-10-10"), c, 100]);
  for (let i = 0; i < 205; i++) orders.push(["not a date", "C1", 1]);
  const customers: Cell[][] = [
    ["客户编号", "客户名称"],
    ["C1", "甲"],
    ["C2", "乙"],
    ["C3", "丙"],
  ];
  return runReview([grid("客户", customers), grid("订单", orders)]);
}

const texts = (rows: { cells: Cell[] }[]) => rows.map((r) => r.cells[0]);

describe("buildReportSheet within Excel's rows", () => {
  const r = review();

  it("lists every action, unmatched customer and (up to 200) issue when they fit, then says how many more issues", () => {
    expect([r.actions.length, r.customers.size, r.issues.length]).toEqual([3, 6, 205]);
    const rows = texts(buildReportSheet(r, "en-US", "Review 2026-10", "now").rows);
    expect(rows.filter((t) => t === "Lost")).toHaveLength(3);
    expect(rows.filter((t) => t === "X1" || t === "X2" || t === "X3")).toHaveLength(3);
    expect(rows.filter((t) => t === "订单")).toHaveLength(ISSUES_SHOWN);
    expect(rows).toContain("… and 5 more");
  });

  it("caps the action list and the unmatched list with a closing '… and N more' row, in both languages", () => {
    const rows = texts(buildReportSheet(r, "en-US", "Review 2026-10", "now", undefined, 1).rows);
    expect(rows.filter((t) => t === "Lost")).toHaveLength(1);
    expect(rows.filter((t) => t === "X1" || t === "X2" || t === "X3")).toHaveLength(1);
    expect(rows.filter((t) => t === "… and 2 more")).toHaveLength(2);
    const zh = texts(buildReportSheet(r, "zh-CN", "月度分析 2026-10", "now", undefined, 2).rows);
    expect(zh.filter((t) => t === "…… 另有 1 条")).toHaveLength(2);
    expect(zh).toContain("…… 另有 5 条");
  });

  it("keeps two full lists, the issues and every fixed row under 1,048,576 rows", () => {
    const full = buildReportSheet(r, "en-US", "Review 2026-10", "now").rows.length;
    const fixed = full - r.actions.length - 3 - ISSUES_SHOWN - 1;
    expect(fixed + 2 * (LIST_SHOWN + 1) + ISSUES_SHOWN + 1).toBeLessThanOrEqual(EXCEL_LIMITS.rows);
  });
});
