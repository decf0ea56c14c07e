import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main";
import { t, type Lang } from "../../src/i18n";
import { SAMPLE_EN, SAMPLE_ZH } from "../fixtures/paths";
import {
  creditLimits,
  customerKeyOf,
  expectedReceivables,
  serialOf,
  type OrderColumns,
} from "../support/expectedReceivables";
import { columnOf, dumpWorkbook, type SheetDump } from "../support/readBack";

/**
 * Golden receivables and screening figures on both samples (issue 15): the command line's
 * written columns against figures computed independently of the core
 * (test/support/expectedReceivables.ts), and the purchase score from the written net sales
 * by counting the customers strictly above.
 */
type Case = {
  lang: Lang;
  input: string;
  asOf: string;
  headerRow: number;
  sheets: { customers: string; orders: string };
  cols: { id: string; limit: string } & Omit<OrderColumns, "headerRow">;
};
const cases: Case[] = [
  {
    lang: "zh-CN",
    input: SAMPLE_ZH,
    asOf: "2026-10-31",
    headerRow: 0,
    sheets: { customers: "客户表", orders: "订单表" },
    cols: { id: "客户编号", limit: "信用额度", date: "订单日期", customer: "客户编号", amount: "金额", paid: "已回款" },
  },
  {
    lang: "en-US",
    input: SAMPLE_EN,
    asOf: "2026-06-30",
    headerRow: 2,
    sheets: { customers: "Customers", orders: "Orders" },
    cols: {
      id: "Customer ID",
      limit: "Credit Limit",
      date: "Order Date",
      customer: "Customer ID",
      amount: "Amount",
      paid: "Paid",
    },
  },
];

describe.each(cases)("golden receivables and screening: $lang sample", (c) => {
  let dump: Map<string, SheetDump>;
  const L = (key: Parameters<typeof t>[1], p?: Record<string, string | number>) => t(c.lang, key, p);

  beforeAll(async () => {
    const out = join(mkdtempSync(join(tmpdir(), "golden-credit-")), "out.xlsx");
    expect(
      await main(
        [c.input, "--out", out, "--lang", c.lang],
        () => undefined,
        () => undefined,
      ),
    ).toBe(0);
    dump = await dumpWorkbook(out);
  });

  it("writes each customer's receivable, overdue, days overdue and credit flag", () => {
    const ws = dump.get(c.sheets.customers)!;
    const col = (h: string) => columnOf(ws, c.headerRow, h);
    const rows = ws.rows.slice(c.headerRow + 1).filter((r) => typeof r[col(c.cols.id)] === "string");
    const limits = creditLimits(ws, c.headerRow, c.cols.id, c.cols.limit);
    const want = expectedReceivables(
      dump.get(c.sheets.orders)!,
      { headerRow: c.headerRow, ...c.cols },
      serialOf(c.asOf),
      limits,
    );
    let flagged = 0;
    for (const r of rows) {
      const key = customerKeyOf(r[col(c.cols.id)])!;
      const e = want.get(key) ?? { receivable: 0, overdue: 0, days: 0, flag: null };
      const got = {
        key,
        receivable: Math.round((r[col(L("header.customer.receivable"))] as number) * 100) / 100,
        overdue: Math.round((r[col(L("header.customer.overdue"))] as number) * 100) / 100,
        days: r[col(L("header.customer.daysOverdue"))],
        flag: r[col(L("header.customer.creditFlag"))],
      };
      expect(got).toEqual({
        key,
        ...e,
        flag: e.flag === null ? null : L(`creditFlag.${e.flag}` as Parameters<typeof t>[1]),
      });
      if (e.flag) flagged++;
    }
    expect(flagged).toBeGreaterThan(10);
  });

  it("writes the purchase score from the ranks of net sales", () => {
    const ws = dump.get(c.sheets.customers)!;
    const col = (h: string) => columnOf(ws, c.headerRow, h);
    const rows = ws.rows.slice(c.headerRow + 1).filter((r) => typeof r[col(c.cols.id)] === "string");
    const cents = (v: unknown) => Math.round((v as number) * 100);
    const sales = rows.map((r) => cents(r[col(L("header.customer.sales", { n: 12 }))]));
    // Every customer analysed counts, as for tiers: the customer sheet's and the unmatched ones the analysis sheet lists.
    const report = dump.get(L("sheet.review", { month: c.asOf.slice(0, 7) }))!;
    const unmatchedAt = report.rows.findIndex((r) => r[0] === L("report.section.unmatched"));
    const unmatched: number[] = [];
    for (let k = unmatchedAt + 2; k < report.rows.length && report.rows[k].some((x) => x !== null); k++)
      unmatched.push(cents(report.rows[k][2]));
    const unique = new Map<string, number>();
    rows.forEach((r, i) => unique.set(String(r[col(c.cols.id)]), sales[i]));
    const all = [...unique.values(), ...unmatched].filter((s) => s > 0);
    expect(unmatched.length).toBeGreaterThan(0);
    rows.forEach((r, i) => {
      const s = sales[i];
      const p = s <= 0 ? 1 : all.filter((x) => x > s).length / all.length;
      const want = s <= 0 ? 1 : p < 0.2 ? 5 : p < 0.4 ? 4 : p < 0.6 ? 3 : p < 0.8 ? 2 : 1;
      expect({ id: r[0], purchase: r[col(L("header.customer.scorePurchase"))] }).toEqual({ id: r[0], purchase: want });
    });
  });

  it("writes the ageing and screening sections and the Collect part", () => {
    const ws = dump.get(L("sheet.review", { month: c.asOf.slice(0, 7) }))!;
    const firstCells = ws.rows.map((r) => r[0]);
    expect(firstCells).toContain(L("report.section.ageing"));
    expect(firstCells).toContain(L("report.section.screening"));
    expect(firstCells).toContain(L("report.section.collect"));
    expect(firstCells.filter((x) => x === L("reason.Collect")).length).toBeGreaterThan(10);
  });
});
