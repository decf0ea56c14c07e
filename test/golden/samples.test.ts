import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { main } from "../../src/cli/main";
import { dayToSerial, ymdToDay } from "../../src/core/_lib/dates";
import { t, type Lang } from "../../src/i18n";
import { EXPECTED_EN, EXPECTED_ZH, SAMPLE_EN, SAMPLE_ZH } from "../fixtures/paths";
import { columnOf, dumpWorkbook, rowOf, type SheetDump } from "../support/readBack";
import { to1904 } from "../support/to1904";

/**
 * Golden tests: the command line on the sample workbooks, every expected figure of
 * test/fixtures/samples/expected-*.json checked in the written .xlsx
 * (money to the cent, ratios to 1e-6), read back with an independent reader. Each sample
 * runs twice: as committed (1900 date system) and as its 1904 twin (every date cell 1,462
 * lower, `date1904="1"`, built here), which must give the same figures and show the same
 * calendar dates (the reader turns each date cell into the 1900 serial of the date it shows).
 */

interface Expected {
  month: string;
  asof: string;
  customers: Record<string, Record<string, number | string | null>>;
  orders: Record<string, { tier: string; type: "New" | "Existing" }>;
  monthly: Record<string, Record<string, number | null>>;
  by_rep: Record<string, Record<string, number | null>>;
  tiers: Record<string, { customers: number; sales: number }>;
  data_issues: { sheet: string; cell: string; field: string }[];
}

const METRICS: Record<string, string> = {
  "Working days": "metric.workingDays",
  Visits: "metric.visits",
  "Visits new": "metric.visitsNew",
  "Visits existing": "metric.visitsExisting",
  "Visits per day": "metric.visitsPerDay",
  "Order amount": "metric.orderAmount",
  "Amount new": "metric.amountNew",
  "Amount existing": "metric.amountExisting",
  "Direct cost": "metric.directCost",
  Orders: "metric.orders",
  "Cost per order": "metric.costPerOrder",
  "Cost ratio": "metric.costRatio",
  "New customers": "metric.newCustomers",
  "Active customers": "metric.activeCustomers",
  "Lost customers": "metric.lostCustomers",
};
const MONEY = new Set([
  "sales",
  "recent",
  "prior",
  "visit_cost",
  "Order amount",
  "Amount new",
  "Amount existing",
  "Direct cost",
  "Cost per order",
]);

type Case = {
  file: string;
  input: string;
  expected: string;
  lang: Lang;
  sheets: { customers: string; orders: string };
  headerRow: number;
  dates: 1900 | 1904;
};
const samples: Omit<Case, "dates">[] = [
  {
    file: basename(SAMPLE_ZH),
    input: SAMPLE_ZH,
    expected: EXPECTED_ZH,
    lang: "zh-CN",
    sheets: { customers: "客户表", orders: "订单表" },
    headerRow: 0,
  },
  {
    file: basename(SAMPLE_EN),
    input: SAMPLE_EN,
    expected: EXPECTED_EN,
    lang: "en-US",
    sheets: { customers: "Customers", orders: "Orders" },
    headerRow: 2,
  },
];
const cases: Case[] = samples.flatMap((s) => [
  { ...s, dates: 1900 as const },
  { ...s, dates: 1904 as const },
]);

function expectClose(actual: unknown, expected: number | null, tolerance: number, what: string): void {
  if (expected === null) {
    expect({ what, actual: actual ?? null }).toEqual({ what, actual: null });
    return;
  }
  if (typeof actual !== "number" || Math.abs(actual - expected) > tolerance) {
    throw new Error(`${what}: expected ${expected}, got ${String(actual)}`);
  }
}

describe.each(cases)("golden: $file, $dates date system", ({ input, expected, lang, sheets, headerRow, dates }) => {
  const exp = JSON.parse(readFileSync(expected, "utf8")) as Expected;
  let dump: Map<string, SheetDump>;
  let printed: string[];
  const L = (key: Parameters<typeof t>[1], p?: Record<string, string | number>) => t(lang, key, p);

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), "golden-"));
    const out = join(dir, "out.xlsx");
    let file = input;
    if (dates === 1904) {
      const twin = await to1904(readFileSync(input));
      expect(twin.shifted).toBeGreaterThan(1000);
      writeFileSync((file = join(dir, `1904-${basename(input)}`)), twin.bytes);
    }
    printed = [];
    const code = await main(
      [file, "--out", out, "--lang", lang],
      (l) => printed.push(l),
      (l) => printed.push(l),
    );
    expect(code).toBe(0);
    expect(existsSync(out)).toBe(true);
    dump = await dumpWorkbook(out);
  });

  it("writes every customer's figures", () => {
    const ws = dump.get(sheets.customers)!;
    const col = (h: string) => columnOf(ws, headerRow, h);
    const idCol = 0;
    const rows = new Map<string, number[]>();
    ws.rows.forEach((r, i) => {
      if (i > headerRow && typeof r[idCol] === "string")
        rows.set(r[idCol] as string, [...(rows.get(r[idCol] as string) ?? []), i]);
    });
    const listed = Object.entries(exp.customers).filter(([key]) => rows.has(key));
    expect(listed.length).toBeGreaterThan(100);
    const changeText = (flag: string) => L(`change.${flag}` as Parameters<typeof t>[1]);
    for (const [key, e] of listed) {
      for (const row of rows.get(key)!) {
        const r = ws.rows[row];
        const where = `${key} row ${row + 1}`;
        expect({ where, tier: r[col(L("header.customer.tier"))] }).toEqual({ where, tier: e.tier });
        expectClose(r[col(L("header.customer.sales", { n: 12 }))], e.sales as number, 0.005, `${where} sales`);
        expectClose(r[col(L("header.customer.share"))], (e.share as number) ?? null, 1e-6, `${where} share`);
        expectClose(r[col(L("header.customer.cum"))], (e.cum as number) ?? null, 1e-6, `${where} cum`);
        expect({ where, rank: r[col(L("header.customer.rank"))] }).toEqual({ where, rank: e.rank ?? null });
        expect({ where, change: r[col(L("header.customer.change"))] }).toEqual({
          where,
          change: changeText(e.change as string),
        });
        expectClose(r[col(L("header.customer.changePct"))], e.change_pct as number | null, 1e-6, `${where} change %`);
        expectClose(r[col(L("header.customer.recent", { n: 3 }))], e.recent as number, 0.005, `${where} recent`);
        expectClose(r[col(L("header.customer.prior", { n: 3 }))], e.prior as number, 0.005, `${where} prior`);
        expectClose(r[col(L("header.customer.visits", { n: 12 }))], e.visits as number, 0, `${where} visits`);
        expectClose(r[col(L("header.customer.visitCost"))], e.visit_cost as number, 0.005, `${where} visit cost`);
        expectClose(r[col(L("header.customer.costRatio"))], e.cost_ratio as number | null, 1e-6, `${where} cost ratio`);
        const flag = e.cost_flag === null ? null : L(`costFlag.${e.cost_flag}` as Parameters<typeof t>[1]);
        expect({ where, flag: r[col(L("header.customer.costFlag"))] }).toEqual({ where, flag });
        const last = e.last_visit === null ? null : serial(e.last_visit as string);
        expect({ where, last: r[col(L("header.customer.lastVisit"))] }).toEqual({ where, last });
        const due = r[col(L("header.customer.visitDue"))];
        if (e.due === undefined) expect({ where, due }).toEqual({ where, due: null });
        else if ((e.overdue_days as number) > 0)
          expect({ where, due }).toEqual({ where, due: L("due.overdue", { n: e.overdue_days as number }) });
        else expect({ where, due }).toEqual({ where, due: serial(e.due as string) });
      }
    }
  });

  it("writes every order row's tier and customer type", () => {
    const ws = dump.get(sheets.orders)!;
    const tierCol = columnOf(ws, headerRow, L("header.order.tier"));
    const typeCol = columnOf(ws, headerRow, L("header.order.type"));
    const got: Record<string, { tier: unknown; type: unknown }> = {};
    const want: Record<string, { tier: unknown; type: unknown }> = {};
    for (const [row, e] of Object.entries(exp.orders)) {
      const r = ws.rows[Number(row) - 1];
      got[row] = { tier: r[tierCol], type: r[typeCol] };
      want[row] = { tier: e.tier, type: e.type === "New" ? L("type.new") : L("type.existing") };
    }
    expect(got).toEqual(want);
  });

  it("writes the month and its as-of date at the head of the analysis sheet", () => {
    const ws = dump.get(L("sheet.review", { month: exp.month }))!;
    expect([ws.rows[rowOf(ws, L("report.month"))][1], ws.rows[rowOf(ws, L("report.asOf"))][1]]).toEqual([
      exp.month,
      serial(exp.asof),
    ]);
  });

  it("writes the monthly activity table for M−5 … M", () => {
    const ws = dump.get(L("sheet.review", { month: exp.month }))!;
    const header = rowOf(ws, L("report.metric"));
    const months = Object.keys(exp.monthly);
    expect(ws.rows[header].slice(1, 8)).toEqual([...months, L("report.vsPrev")]);
    for (const [name, key] of Object.entries(METRICS)) {
      const r = rowOf(ws, L(key as Parameters<typeof t>[1]), header);
      months.forEach((m, k) =>
        expectClose(ws.rows[r][k + 1], exp.monthly[m][name], MONEY.has(name) ? 0.005 : 1e-6, `${m} ${name}`),
      );
    }
  });

  it("writes the salesperson table for month M", () => {
    const ws = dump.get(L("sheet.review", { month: exp.month }))!;
    const section = rowOf(ws, L("report.section.byRep", { month: exp.month }));
    const header = section + 1;
    const keys = Object.keys(METRICS).slice(0, 12);
    for (const [rep, e] of Object.entries(exp.by_rep)) {
      const r = rowOf(ws, rep, header);
      keys.forEach((name, k) =>
        expectClose(ws.rows[r][k + 1], e[name], MONEY.has(name) ? 0.005 : 1e-6, `${rep} ${name}`),
      );
    }
  });

  it("writes the tier summary", () => {
    const ws = dump.get(L("sheet.review", { month: exp.month }))!;
    const header = rowOf(ws, L("report.tier"), rowOf(ws, L("report.section.tiers")));
    for (const [tier, e] of Object.entries(exp.tiers)) {
      const r = rowOf(ws, tier, header);
      expect(ws.rows[r][1]).toBe(e.customers);
      expectClose(ws.rows[r][3], e.sales, 0.005, `tier ${tier} sales`);
    }
  });

  it("lists every unreadable cell in the data issues", () => {
    const ws = dump.get(L("sheet.review", { month: exp.month }))!;
    const header = rowOf(ws, L("report.issueSheet"), rowOf(ws, L("report.section.issues")));
    const listed = ws.rows.slice(header + 1).map((r) => `${String(r[0])}!${String(r[1])}`);
    for (const i of exp.data_issues) expect(listed).toContain(`${i.sheet}!${i.cell}`);
  });

  it("prints a summary that names the sheets and the output", () => {
    expect(printed.join("\n")).toContain(sheets.orders);
    expect(printed.join("\n")).toContain(
      L("cli.tiers", {
        A: exp.tiers.A.customers,
        B: exp.tiers.B.customers,
        C: exp.tiers.C.customers,
        D: exp.tiers.D.customers,
      }),
    );
  });
});

function serial(iso: string): number {
  const [y, m, d] = iso.split("-").map(Number);
  return dayToSerial(ymdToDay(y, m, d)!);
}
