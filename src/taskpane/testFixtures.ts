import type { SheetMapping } from "../core/types";
import type { Inspection, LastRun, PlanSummary, ReviewHost, RunSummary } from "./host";

/** Test data for the pane's logic tests: a workbook with an order sheet and a visit sheet. */
export const ORDERS: SheetMapping = {
  sheet: "订单",
  role: "orders",
  headerRow: 0,
  columns: { orderDate: 0, customerName: 1, amount: 2, region: 3 },
  monthlyCostColumns: [],
  headers: ["日期", "客户", "金额", "地区", "城市"],
  rowCount: 120,
  lastRow: 120,
};

export const VISITS: SheetMapping = {
  sheet: "拜访",
  role: "visits",
  headerRow: 1,
  columns: { visitDate: 0, customerName: 1, visitCost: 2 },
  monthlyCostColumns: [],
  headers: ["拜访日期", "客户", "费用"],
  rowCount: 30,
  lastRow: 31,
};

export function inspectionOf(over: Partial<Inspection> = {}): Inspection {
  return {
    sheetNames: ["订单", "拜访", "说明", "_SalesReview"],
    detection: { orders: ORDERS, visits: VISITS, ignored: [{ sheet: "说明", reason: "noRole" }] },
    headers: { 订单: ORDERS.headers, 拜访: VISITS.headers },
    settings: {},
    latestMonth: "2026-10",
    ...over,
  };
}

export const SUMMARY: RunSummary = {
  month: "2026-10",
  asOf: "2026-10-31",
  reportSheet: "月度分析 2026-10",
  createdSheet: "客户表",
  tiers: { A: 3, B: 5, C: 9, D: 2 },
  actions: [
    { reason: "流失", customer: "C001", name: "华东贸易", tier: "A", target: { sheet: "客户表", address: "A2" } },
    { reason: "下降", customer: "C009", name: null, tier: "B" },
  ],
  issues: [{ sheet: "订单", address: "C17", field: "金额", value: "abc", reason: "不是数字" }],
  issueCount: 1,
  afterAsOf: [],
  dateOrders: [],
};

/** A plan: one salesperson with two days and a customer that did not fit, one without salesperson. */
export const PLAN: PlanSummary = {
  month: "2026-11",
  sheet: "拜访计划 2026-11",
  calendar: "中国大陆法定工作日：21 个工作日",
  reps: [
    {
      salesperson: "李明",
      days: [
        {
          date: "2026-11-02",
          region: "华东",
          visits: [
            {
              customer: "C001",
              name: "华东贸易",
              tier: "A",
              reasons: "逾期5天、订货下降",
              target: { sheet: "客户表", address: "A2" },
            },
            { customer: "C004", name: null, tier: "B", reasons: "到期", target: { sheet: "客户表", address: "A5" } },
          ],
        },
        {
          date: "2026-11-03",
          region: null,
          visits: [
            { customer: "C007", name: "远洋", tier: "C", reasons: "到期", target: { sheet: "客户表", address: "A8" } },
          ],
        },
        { date: null, region: null, visits: [{ customer: "C009", name: "北方", tier: "C", reasons: "到期" }] },
      ],
    },
    {
      salesperson: "（无业务员）",
      days: [
        {
          date: "2026-11-02",
          region: "华南",
          visits: [{ customer: "C011", name: "南方", tier: "A", reasons: "流失" }],
        },
      ],
    },
  ],
  greetings: [
    {
      date: "2026-11-05",
      occasion: "生日",
      who: "C001 华东贸易",
      salesperson: "李明",
      customer: { customer: "C001", name: "华东贸易", tier: "A", target: { sheet: "客户表", address: "A2" } },
    },
    { date: "2026-11-07", occasion: "立冬", who: "3 位客户", salesperson: "李明" },
  ],
};

export const LAST_RUN: LastRun = { reportSheet: "月度分析 2026-10", at: "2026-11-02 09:15", columns: 14 };

/** A host whose calls are recorded; each answer can be replaced. */
export function fakeHost(over: Partial<ReviewHost> = {}): ReviewHost & { calls: unknown[][] } {
  const calls: unknown[][] = [];
  return {
    calls,
    inspect: over.inspect ?? (async (lang) => (calls.push(["inspect", lang]), inspectionOf())),
    run:
      over.run ??
      (async (request, _progress, signal) => (
        calls.push(["run", request, signal?.aborted]),
        { ok: true, summary: SUMMARY }
      )),
    select: over.select ?? (async (sheet, address) => void calls.push(["select", sheet, address])),
    lastRun: over.lastRun ?? (async () => (calls.push(["lastRun"]), LAST_RUN)),
    undoLastRun: over.undoLastRun ?? (async (lang) => (calls.push(["undoLastRun", lang]), { ok: true })),
  };
}
