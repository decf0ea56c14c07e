import { planOutput } from "./planOutput";
import { runReview } from "./runReview";
import { grid, serial } from "./testing/grids";
import type { Cell, Grid } from "./types";

// M = 2026-10, as of 2026-10-31. C1 (terms 30, limit 500): 1,000 due 07-10 paid, 500 due 09-30 paid 200,
// 300 due 11-09 open. C2 (no terms: 30 days by default, no limit): 400 due 06-09, unpaid (144 days).
// C3: 250 with a due-date cell of 2026-10-31, the as-of date itself: not yet due.
const CUSTOMERS = grid("客户表", [
  ["客户编号", "客户名称", "业务员", "信用额度", "账期"],
  ["C1", "甲公司", "张伟", 500, 30],
  ["C2", "乙公司", "张伟", null, null],
  ["C3", "丙公司", "李娜", 0, 15],
]);
const ORDERS: Cell[][] = [
  [serial("2026-06-10"), "C1", 1000, null, 1000],
  [serial("2026-08-31"), "C1", 500, null, 200],
  [serial("2026-10-10"), "C1", 300, null, null],
  [serial("2026-05-10"), "C2", 400, null, 0],
  [serial("2026-10-01"), "C3", 250, serial("2026-10-31"), null],
];

function withPaidColumn(): Grid[] {
  return [CUSTOMERS, grid("订单表", [["订单日期", "客户编号", "金额", "到期日", "已回款"], ...ORDERS])];
}

function withPaymentSheet(): Grid[] {
  return [
    CUSTOMERS,
    grid("订单表", [["订单日期", "客户编号", "金额", "到期日"], ...ORDERS.map((r) => r.slice(0, 4))]),
    grid("回款表", [
      ["回款日期", "客户编号", "回款金额"],
      [serial("2026-07-05"), "C1", 1000],
      [serial("2026-09-15"), "C1", 200],
      [serial("2026-11-05"), "C1", 300], // after the as-of date: not counted
    ]),
  ];
}

describe("runReview receivables", () => {
  it("computes receivable, overdue, days overdue and the flag from the paid column", () => {
    const r = runReview(withPaidColumn());
    const x = r.credit!.receivables;
    expect(r.credit!.source).toBe("paidColumn");
    expect([...x.receivable]).toEqual([600, 400, 250]);
    expect([...x.overdue]).toEqual([300, 400, 0]);
    expect([...x.daysOverdue]).toEqual([31, 144, 0]);
    expect([...x.creditUsed]).toEqual([1.2, NaN, NaN]);
    expect(x.flag).toEqual(["OverLimit", "Overdue90", null]);
  });

  it("gives the same figures from a payment sheet, applied earliest due first", () => {
    const a = runReview(withPaidColumn());
    const b = runReview(withPaymentSheet());
    expect(b.detection.payments?.sheet).toBe("回款表");
    expect(b.credit!.source).toBe("paymentSheet");
    expect([...b.credit!.paid]).toEqual([1000, 200, 0, 0, 0]);
    expect(b.credit!.receivables).toEqual(a.credit!.receivables);
    expect(b.ageing).toEqual(a.ageing);
    expect(b.collect).toEqual(a.collect);
  });

  it("lists Collect by tier then overdue amount, and ages per salesperson", () => {
    const r = runReview(withPaidColumn());
    expect(r.results.map((c) => c.tier)).toEqual(["A", "A", "B"]);
    expect(r.collect).toEqual([1, 0]);
    expect(r.ageing).toEqual([
      { rep: 0, receivable: 1000, buckets: [300, 0, 300, 0, 400], overLimit: 1 },
      { rep: 1, receivable: 250, buckets: [250, 0, 0, 0, 0], overLimit: 0 },
      { rep: null, receivable: 1250, buckets: [550, 0, 300, 0, 400], overLimit: 1 },
    ]);
  });

  it("scores safety from the receivables and leaves profit out without a margin column", () => {
    const s = runReview(withPaidColumn()).screening;
    expect(s.profit).toBeNull();
    expect([...s.safety!]).toEqual([1, 1, 5]);
    expect([...s.purchase]).toEqual([5, 4, 2]); // p = 0, 1/3, 2/3
  });

  it("has no receivables without a paid column or a payment sheet, and writes no receivable column", () => {
    const grids = [CUSTOMERS, grid("订单表", [["订单日期", "客户编号", "金额"], ...ORDERS.map((r) => r.slice(0, 3))])];
    const r = runReview(grids);
    expect(r.credit).toBeNull();
    expect(r.screening.safety).toBeNull();
    expect(r.ageing).toEqual([]);
    const plan = planOutput(r, {
      lang: "zh-CN",
      owned: [],
      sheetNames: ["客户表", "订单表"],
      ownedSheets: [],
      generatedAt: "2026-11-01 09:00",
    });
    const headers = plan.sheets[0].columns.map((c) => c.header);
    expect(headers.slice(-8)).toEqual([
      "购买额分",
      "收益分",
      "安全分",
      "未来分",
      "合作分",
      "综合评分",
      "筛选建议",
      "距上一等级",
    ]);
    expect(headers).not.toContain("应收余额");
    expect(plan.report.rows.some((row) => row.cells[0] === "未做应收分析：订单表没有已回款列，也没有回款表。")).toBe(
      true,
    );
  });

  it("writes the 13 columns with their formats", () => {
    const r = runReview(withPaidColumn());
    const plan = planOutput(r, {
      lang: "en-US",
      owned: [],
      sheetNames: ["客户表", "订单表"],
      ownedSheets: [],
      generatedAt: "2026-11-01 09:00",
    });
    const cols = plan.sheets[0].columns.slice(-13);
    expect(cols.map((c) => [c.header, c.format])).toEqual([
      ["Receivable", "money"],
      ["Overdue", "money"],
      ["Days overdue", "integer"],
      ["Credit used", "percent"],
      ["Credit flag", "general"],
      ["Purchase", "integer"],
      ["Profit", "integer"],
      ["Safety", "integer"],
      ["Future", "integer"],
      ["Cooperation", "integer"],
      ["Score", "oneDecimal"],
      ["Screening", "general"],
      ["To next tier", "money"],
    ]);
    expect(cols[4].values).toEqual(["Over limit", "Overdue 90+", null]);
    expect(cols[3].values).toEqual([1.2, null, null]);
    expect(cols[6].values).toEqual([null, null, null]);
    expect(cols[12].values[0]).toBeNull();
  });
});
