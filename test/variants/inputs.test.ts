import type ExcelJS from "exceljs";
import type { Cell } from "../../src/core/_lib/cells";
import {
  centsByCustomer,
  countTiers,
  monthOfSerial,
  monthsEnding,
  paretoTiers,
  rawOrders,
  readCents,
  readDate,
  serialOf,
  type RawOrder,
  type Tier,
} from "./oracle";
import { itWritesTheSameFigures } from "./sameFigures";
import {
  cents,
  customerFigures,
  r6,
  EXPECTED,
  loadSample,
  ORDER_HEADERS,
  outputColumns,
  readReview,
  runCli,
  SAMPLE,
  saveVariant,
  sheetOf,
  SHEETS,
  unownedChangesOf,
  type Run,
} from "./support";
import { asAmount, asDate, monthValue, rewrite } from "./textForms";

/**
 * Metamorphic tests, variants 4–6: the sample with sheets removed, reviewed for
 * another month, or with its values typed as text.
 */
const CHANGE: Record<string, string> = {
  New: "新客户",
  Up: "上升",
  Stable: "稳定",
  Down: "下降",
  Lost: "流失",
  Returning: "回流",
  Inactive: "无交易",
};

let original: Run;
let orders: RawOrder[];
let customerKeys: string[];
beforeAll(async () => {
  original = await runCli(SAMPLE);
  orders = rawOrders(sheetOf(original.input, SHEETS.orders), {
    date: "订单日期",
    key: "客户编号",
    amount: "金额",
    margin: "毛利",
  });
  customerKeys = sheetOf(original.input, SHEETS.customers)
    .rows.slice(1)
    .map((r) => r[0])
    .filter((k): k is string => typeof k === "string");
});

/**
 * Variant 4: no visit sheet and no cost sheet. Tiers, sales and order change do
 * not depend on visits; every visit figure is 0 (no default cost per visit), the
 * cost flag can only be 亏损 (visit cost 0 above a negative margin), and a never
 * visited A–C customer is due on the as-of date.
 */
describe("variant: no visit sheet, no cost sheet", () => {
  const ASOF = serialOf(2026, 10, 31);
  const VISIT_ROWS = ["实际工作日", "访问次数", "其中:新客户", "其中:老客户"];
  const ORDER_ROWS = [
    "订货额",
    "其中:新客户订货额",
    "其中:老客户订货额",
    "订单数",
    "新客户数",
    "活跃客户数",
    "流失客户数",
  ];
  let run: Run;
  beforeAll(async () => {
    const wb = await loadSample();
    for (const sheet of [SHEETS.visits, SHEETS.costs])
      wb.removeWorksheet((wb.getWorksheet(sheet) as ExcelJS.Worksheet).id);
    run = await runCli(await saveVariant(wb, "no-visits-no-costs"));
  });

  it("exits 0 with only the customer and order sheets", () => {
    expect({ code: run.code, sheets: [...run.input.keys()] }).toEqual({
      code: 0,
      sheets: [SHEETS.customers, SHEETS.orders],
    });
  });

  it("writes the original tiers, sales and order change, zero visits and costs", () => {
    const margin = centsByCustomer(orders, monthsEnding("2026-10", 12), (o) => o.marginCents);
    const want: Record<string, Record<string, Cell>[]> = {};
    for (const [key, rows] of Object.entries(customerFigures(sheetOf(original.dump, SHEETS.customers)))) {
      want[key] = rows.map((f) => ({
        ...f,
        拜访次数: 0,
        拜访成本: 0,
        成本率: (f["近12月销售额"] as number) > 0 ? 0 : null,
        成本提示: (margin.get(key) ?? 0) < 0 ? "亏损" : null,
        最近拜访: null,
        拜访提醒: f["客户等级"] === "D" ? null : ASOF,
      }));
    }
    expect(customerFigures(sheetOf(run.dump, SHEETS.customers))).toEqual(want);
  });

  it("writes the same tier and customer type on every order row", () => {
    expect(outputColumns(sheetOf(run.dump, SHEETS.orders), ORDER_HEADERS)).toEqual(
      outputColumns(sheetOf(original.dump, SHEETS.orders), ORDER_HEADERS),
    );
  });

  it("writes the order rows of the monthly table unchanged and zeros in the visit and cost rows", () => {
    const got = readReview(run.dump, "2026-10").monthly;
    const orig = readReview(original.dump, "2026-10").monthly;
    const want: Record<string, Cell[]> = {};
    for (const row of ORDER_ROWS) want[row] = orig[row];
    for (const row of VISIT_ROWS) want[row] = [0, 0, 0, 0, 0, 0];
    want["日均访问次数"] = [null, null, null, null, null, null];
    want["直接推销成本"] = [0, 0, 0, 0, 0, 0];
    want["每单推销成本"] = orig["订单数"].slice(0, 6).map((n) => ((n as number) > 0 ? 0 : null));
    want["推销成本率"] = orig["订货额"].slice(0, 6).map((a) => ((a as number) > 0 ? 0 : null));
    const pick = (m: Record<string, Cell[]>) =>
      Object.fromEntries(Object.keys(want).map((k) => [k, m[k]?.slice(0, 6)]));
    expect(pick(got)).toEqual(pick(want));
  });

  it("writes the original tier summary and each salesperson's orders with no visits", () => {
    const got = readReview(run.dump, "2026-10");
    const orig = readReview(original.dump, "2026-10");
    const rep = (rows: Cell[][]) =>
      rows.map((r) => [r[0], r[6], r[7], r[8], r[10]].map((v) => (typeof v === "number" ? cents(v) : v)));
    expect({
      tiers: got.tiers,
      reps: rep(got.byRep),
      visits: got.byRep.slice(1).map((r) => [r[0], ...r.slice(1, 6), r[9]]),
    }).toEqual({
      tiers: orig.tiers,
      reps: rep(orig.byRep),
      visits: orig.byRep.slice(1).map((r) => [r[0], 0, 0, 0, 0, null, 0]),
    });
  });

  it("reports the original data issues", () => {
    expect(readReview(run.dump, "2026-10").issues).toEqual(readReview(original.dump, "2026-10").issues);
  });

  it("leaves every input cell it does not own unchanged", () => {
    expect(unownedChangesOf(run, [SHEETS.customers, SHEETS.orders])).toEqual({
      [SHEETS.customers]: [],
      [SHEETS.orders]: [],
    });
  });
});

/**
 * Variant 5: the sample reviewed for another month (`--month 2026-07`). The
 * monthly figures of a month do not depend on the review month, so the months
 * both runs show must agree; tiers and order change move to the windows ending
 * 2026-07, checked against sums and rules computed here from the raw rows.
 */
/** The oracle's tier and sales (to the cent) of every customer for review month `month`. */
function oracle(month: string): Record<string, { tier: Tier; sales: number }> {
  const sales = centsByCustomer(orders, monthsEnding(month, 12));
  const tiers = paretoTiers([...customerKeys, ...orders.map((o) => o.key)], sales);
  return Object.fromEntries([...tiers].map(([k, tier]) => [k, { tier, sales: (sales.get(k) ?? 0) / 100 }]));
}

/** SPEC's order-change rules for review month `month` (3-month windows), on integer cents: flag and change %. */
function changeOracle(month: string): Record<string, [string, number | null]> {
  const asof = serialOf(Number(month.slice(0, 4)), Number(month.slice(5)) + 1, 0);
  const window = monthsEnding(month, 3);
  const recent = centsByCustomer(orders, window);
  const prior = centsByCustomer(orders, monthsEnding(monthsEnding(month, 4)[0], 3));
  const before = centsByCustomer(orders, monthsEnding(monthsEnding(month, 4)[0], 12));
  const first = new Map<string, number>();
  const earliest = (k: string, d: unknown) =>
    typeof d === "number" && d <= asof && first.set(k, Math.min(first.get(k) ?? Infinity, d));
  for (const o of orders) earliest(o.key, o.date);
  for (const r of sheetOf(original.input, SHEETS.customers).rows.slice(1))
    if (typeof r[0] === "string") earliest(r[0], r[4]);
  const out: Record<string, [string, number | null]> = {};
  for (const k of customerKeys) {
    const [r, b, f] = [recent.get(k) ?? 0, prior.get(k) ?? 0, first.get(k)];
    const flag =
      f !== undefined && window.includes(monthOfSerial(f))
        ? "新客户"
        : r <= 0 && (before.get(k) ?? 0) > 0
          ? "流失"
          : b <= 0 && r > 0
            ? "回流"
            : b > 0 && r * 10 < b * 7
              ? "下降"
              : b > 0 && r * 10 > b * 13
                ? "上升"
                : r > 0
                  ? "稳定"
                  : "无交易";
    out[k] = [flag, b > 0 ? r6((r - b) / b) : null];
  }
  return out;
}

describe("variant: review month 2026-07", () => {
  let run: Run;
  beforeAll(async () => {
    run = await runCli(SAMPLE, ["--month", "2026-07"]);
  });

  it("exits 0 and writes the analysis sheet 月度分析 2026-07 with as-of date 2026-07-31", () => {
    const ws = sheetOf(run.dump, "月度分析 2026-07");
    expect({
      code: run.code,
      sheets: [...run.dump.keys()].filter((s) => s.startsWith("月度分析")),
      asof: ws.rows.find((r) => r[0] === "截止日期")?.[1],
    }).toEqual({
      code: 0,
      sheets: ["月度分析 2026-07"],
      asof: serialOf(2026, 7, 31),
    });
  });

  it("shows the months 2026-02 … 2026-07 in the monthly table", () => {
    expect(readReview(run.dump, "2026-07").monthlyHeader).toEqual([
      "指标",
      "2026-02",
      "2026-03",
      "2026-04",
      "2026-05",
      "2026-06",
      "2026-07",
      "环比",
    ]);
  });

  it("writes the original run's (and expected-zh.json's) 2026-07 order amount, orders and active customers", () => {
    const got = readReview(run.dump, "2026-07").monthly;
    const orig = readReview(original.dump, "2026-10").monthly;
    const e = EXPECTED.monthly["2026-07"];
    expect({ amount: got["订货额"][5], orders: got["订单数"][5], active: got["活跃客户数"][5] }).toEqual({
      amount: orig["订货额"][2],
      orders: orig["订单数"][2],
      active: orig["活跃客户数"][2],
    });
    expect({
      amount: cents(got["订货额"][5] as number),
      orders: got["订单数"][5],
      active: got["活跃客户数"][5],
    }).toEqual({ amount: cents(e["Order amount"]!), orders: e["Orders"], active: e["Active customers"] });
  });

  it("writes every row of the months 2026-05 … 2026-07 as the original run does", () => {
    const got = readReview(run.dump, "2026-07").monthly;
    const orig = readReview(original.dump, "2026-10").monthly;
    const slice = (m: Record<string, Cell[]>, from: number) =>
      Object.fromEntries(Object.entries(m).map(([k, v]) => [k, v.slice(from, from + 3)]));
    expect(slice(got, 3)).toEqual(slice(orig, 0));
  });

  it("grades customers on the 12 months ending 2026-07 by the Pareto rule", () => {
    const want = oracle("2026-07");
    const figures = customerFigures(sheetOf(run.dump, SHEETS.customers));
    const got = Object.fromEntries(
      Object.entries(figures).map(([k, [f]]) => [k, { tier: f["客户等级"], sales: f["近12月销售额"] }]),
    );
    for (const r of readReview(run.dump, "2026-07").unmatched.slice(1))
      got[String(r[0] ?? r[1])] = { tier: r[3], sales: cents(r[2] as number) };
    expect(got).toEqual(want);
    const summary = Object.fromEntries(
      readReview(run.dump, "2026-07")
        .tiers.slice(1, 5)
        .map((r) => [r[0], r[1]]),
    );
    expect(summary).toEqual(countTiers(new Map(Object.entries(want).map(([k, v]) => [k, v.tier]))));
  });

  it("compares 2026-05 … 2026-07 with 2026-02 … 2026-04 for the order change", () => {
    const recent = centsByCustomer(orders, monthsEnding("2026-07", 3));
    const prior = centsByCustomer(orders, monthsEnding("2026-04", 3));
    const figures = customerFigures(sheetOf(run.dump, SHEETS.customers));
    const got = Object.fromEntries(
      Object.entries(figures).map(([k, [f]]) => [k, [f["近3月订货额"], f["前3月订货额"]]]),
    );
    expect(got).toEqual(
      Object.fromEntries(Object.keys(figures).map((k) => [k, [(recent.get(k) ?? 0) / 100, (prior.get(k) ?? 0) / 100]])),
    );
  });

  it("flags each customer's order change by the rules on those windows", () => {
    const figures = customerFigures(sheetOf(run.dump, SHEETS.customers));
    expect(Object.fromEntries(Object.entries(figures).map(([k, [f]]) => [k, [f["订货变化"], f["变化率"]]]))).toEqual(
      changeOracle("2026-07"),
    );
  });

  it("writes each salesperson's 2026-07 working days, visits, order amount and orders", () => {
    const rep = new Map<string, string>();
    for (const r of sheetOf(original.input, SHEETS.customers).rows.slice(1))
      if (typeof r[0] === "string" && !rep.has(r[0])) rep.set(r[0], String(r[2]));
    const want = new Map<string, { days: Set<number>; visits: number; cents: number; ids: Set<string> }>();
    const of = (name: string) =>
      want.get(name) ?? want.set(name, { days: new Set(), visits: 0, cents: 0, ids: new Set() }).get(name)!;
    for (const r of sheetOf(original.input, SHEETS.visits).rows.slice(1)) {
      const d = readDate(r[0]);
      if (d === undefined || monthOfSerial(d) !== "2026-07") continue;
      of(String(r[2])).days.add(d);
      of(String(r[2])).visits += 1;
    }
    const ids = sheetOf(original.input, SHEETS.orders).rows;
    for (const o of orders.filter((x) => x.month === "2026-07")) {
      const e = of(rep.get(o.key) ?? "（无业务员）");
      e.cents += o.cents;
      e.ids.add(String(ids[o.row - 1][0]));
    }
    const rows = readReview(run.dump, "2026-07").byRep.slice(1, -1);
    const got = rows.map((r) => [r[0], r[1], r[2], cents(r[6] as number), r[10]]).sort();
    expect(got).toEqual([...want].map(([name, e]) => [name, e.days.size, e.visits, e.cents / 100, e.ids.size]).sort());
  });

  it("counts the order and visit rows dated after 2026-07-31 as not included", () => {
    const asof = serialOf(2026, 7, 31);
    const visits = sheetOf(original.input, SHEETS.visits).rows.filter((r) => (readDate(r[0]) ?? 0) > asof).length;
    const ws = sheetOf(run.dump, "月度分析 2026-07");
    expect(ws.rows.find((r) => r[0] === "截止日期之后的行（未计入）")?.[1]).toEqual(
      orders.filter((o) => o.date > asof).length + visits,
    );
  });

  it("leaves every input cell it does not own unchanged", () => {
    const names = Object.values(SHEETS);
    expect(unownedChangesOf(run, names)).toEqual(Object.fromEntries(names.map((s) => [s, []])));
  });
});

describe("the test's own Pareto oracle", () => {
  it("reproduces expected-zh.json's tiers and sales for 2026-10", () => {
    const want = Object.fromEntries(
      Object.entries(EXPECTED.customers).map(([k, e]) => [k, { tier: e.tier, sales: cents(e.sales) }]),
    );
    expect(oracle("2026-10")).toEqual(want);
  });

  it("reproduces expected-zh.json's order change for 2026-10", () => {
    const want = Object.fromEntries(
      customerKeys.map((k) => [
        k,
        [
          CHANGE[EXPECTED.customers[k].change],
          EXPECTED.customers[k].change_pct === null ? null : r6(EXPECTED.customers[k].change_pct!),
        ],
      ]),
    );
    expect(changeOracle("2026-10")).toEqual(want);
  });
});

/**
 * Variant 6: every numeric amount of the sample written as text, cycling through
 * every form SPEC.md's "Reading values" lists (currency signs, 元, RMB, thousands
 * separators, full-width digits, (1,200) for negatives, a trailing 万), and every
 * date as text in every listed form (some followed by a time, which is ignored);
 * the cost sheet's months likewise. The figures must be the numeric original's.
 */
describe("variant: amounts and dates written as text in every supported form", () => {
  let run: Run;
  beforeAll(async () => {
    const wb = await loadSample();
    const ws = (name: string) => wb.getWorksheet(name) as ExcelJS.Worksheet;
    rewrite(ws(SHEETS.customers), [5], asDate);
    rewrite(ws(SHEETS.orders), [2], asDate);
    rewrite(ws(SHEETS.orders), [4, 5, 6], asAmount);
    rewrite(ws(SHEETS.visits), [1], asDate);
    rewrite(ws(SHEETS.visits), [4], asAmount);
    rewrite(ws(SHEETS.costs), [1], (v, i) => (typeof v === "string" && /^\d{4}-\d{2}$/.test(v) ? monthValue(v, i) : v));
    rewrite(ws(SHEETS.costs), [3, 4, 5], asAmount);
    run = await runCli(await saveVariant(wb, "text-values"));
  });

  it("builds the variant as meant: no numeric amount or date left, each text the test's own reader reads as the original", () => {
    const kinds = new Set<string>();
    const mismatches: string[] = [];
    for (const [sheet, dateCols, amountCols] of [
      [SHEETS.customers, [4], []],
      [SHEETS.orders, [1], [3, 4, 5]],
      [SHEETS.visits, [0], [3]],
      [SHEETS.costs, [], [2, 3, 4]],
    ] as const) {
      const before = sheetOf(original.input, sheet).rows;
      sheetOf(run.input, sheet).rows.forEach((row, r) => {
        if (r === 0) return;
        for (const c of dateCols) {
          if (typeof row[c] === "number") kinds.add(`${sheet} numeric date`);
          if (readDate(row[c]) !== readDate(before[r][c]))
            mismatches.push(`${sheet} R${r + 1}C${c + 1} ${String(row[c])}`);
        }
        for (const c of amountCols) {
          if (typeof row[c] === "number") kinds.add(`${sheet} numeric amount`);
          if (readCents(row[c]) !== readCents(before[r][c]))
            mismatches.push(`${sheet} R${r + 1}C${c + 1} ${String(row[c])}`);
        }
      });
    }
    expect({ kinds: [...kinds], mismatches }).toEqual({ kinds: [], mismatches: [] });
  });

  it("builds the variant as meant: every text form occurs", () => {
    const texts = [...run.input.values()]
      .flatMap((ws) => ws.rows.flat())
      .filter((v): v is string => typeof v === "string");
    const forms: Record<string, RegExp> = {
      "¥1,234.50": /^¥\d{1,3}(,\d{3})*\.\d\d$/,
      "¥-1,234.50": /^¥-\d{1,3}(,\d{3})+\.\d\d$/,
      "￥ 1,234.50": /^￥ \d{1,3}(,\d{3})+\.\d\d$/,
      $1234: /^\$\d/,
      "1,234.50元": /^\d{1,3}(,\d{3})+\.\d\d元$/,
      "RMB 1234.5": /^RMB \d+(\.\d+)?$/,
      "RMB -1234.5": /^RMB -\d+(\.\d+)?$/,
      "full-width digits": /^[０-９]{1,3}(,[０-９]{3})+\.[０-９]{2}$/,
      "(1,200)": /^\(\d{1,3}(,\d{3})+\.\d\d\)$/,
      "0.123万": /^0\.\d+万$/,
      "-0.123万": /^-0\.\d+万$/,
      "2024/3/5": /^\d{4}\/\d{1,2}\/\d{1,2}$/,
      "2024.3.5": /^\d{4}\.\d{1,2}\.\d{1,2}$/,
      "2024年3月5日": /^\d{4}年\d{1,2}月\d{1,2}日$/,
      "20240305": /^20\d{6}$/,
      "2024-03-05 00:00:00.000": /^\d{4}-\d\d-\d\d 00:00:00\.000$/,
      "2024/03/05 14:30": /^\d{4}\/\d\d\/\d\d 14:30$/,
      "2024-03": /^\d{4}-\d\d$/,
      "2024年3月": /^\d{4}年\d{1,2}月$/,
      "202403": /^20\d{4}$/,
    };
    expect(Object.keys(forms).filter((f) => !texts.some((t) => forms[f].test(t)))).toEqual([]);
  });

  itWritesTheSameFigures(
    () => original,
    () => run,
    { sheets: SHEETS },
  );
});
