import type ExcelJS from "exceljs";
import type { Cell } from "../../src/core/_lib/cells";
import { centsByCustomer, countTiers, monthsEnding, paretoTiers, rawOrders, readCents, type Tier } from "./oracle";
import {
  cents,
  customerFigures,
  extendTables,
  loadSample,
  r6,
  readReview,
  runCli,
  saveVariant,
  sheetOf,
  SHEETS,
  unownedChangesOf,
  type Run,
} from "./support";

/**
 * Variant 7: hundreds of customers. The customer list is copied three times
 * under new ids (C0001 → C1001, C2001, C3001) and names, and every order of a
 * listed customer is copied to each copy with its amounts scaled by 1.2, 1.4,
 * 1.6. The tiers must follow the Pareto rule computed here from the raw rows.
 */
const COPIES = [1, 2, 3];
const SCALE = (k: number) => 1 + 0.2 * k;

let run: Run;
let addedOrders = 0;
beforeAll(async () => {
  const wb = await loadSample();
  const customers = wb.getWorksheet(SHEETS.customers) as ExcelJS.Worksheet;
  const orders = wb.getWorksheet(SHEETS.orders) as ExcelJS.Worksheet;
  const copyRow = (ws: ExcelJS.Worksheet, from: number, to: number, values: Record<number, ExcelJS.CellValue>) => {
    const src = ws.getRow(from);
    const dst = ws.getRow(to);
    src.eachCell((cell, c) => {
      dst.getCell(c).value = c in values ? values[c] : cell.value;
      if (cell.numFmt) dst.getCell(c).numFmt = cell.numFmt;
    });
  };

  const customerRows: number[] = [];
  customers.eachRow((row, r) => {
    if (r > 1 && typeof row.getCell(1).value === "string") customerRows.push(r);
  });
  let last = customers.rowCount;
  for (const k of COPIES) {
    for (const r of customerRows) {
      const row = customers.getRow(r);
      copyRow(customers, r, ++last, {
        1: `C${k}${String(row.getCell(1).value).slice(2)}`,
        2: `${String(row.getCell(2).value)}（${"一二三"[k - 1]}分部）`,
      });
    }
  }
  extendTables(customers, last);

  const orderRows: number[] = [];
  orders.eachRow((row, r) => {
    if (r > 1 && /^C0\d{3}$/.test(String(row.getCell(3).value))) orderRows.push(r);
  });
  last = orders.rowCount;
  for (const k of COPIES) {
    for (const r of orderRows) {
      const row = orders.getRow(r);
      const scaled = (c: number) => {
        const v = readCents(row.getCell(c).value as string | number | null);
        return v === undefined ? row.getCell(c).value : Math.round(v * SCALE(k)) / 100;
      };
      copyRow(orders, r, ++last, {
        1: `${String(row.getCell(1).value)}-${k}`,
        3: `C${k}${String(row.getCell(3).value).slice(2)}`,
        4: scaled(4),
        5: scaled(5),
        6: scaled(6),
      });
      addedOrders += 1;
    }
  }
  extendTables(orders, last);
  run = await runCli(await saveVariant(wb, "hundreds-of-customers"));
});

interface Graded {
  tier: Tier;
  sales: number;
  rank: number | null;
  share: number | null;
  cum: number | null;
}

/** The oracle: tier, sales, rank and shares of every customer (listed or only in the orders) for 2026-10; D has no rank or share. */
function oracle(): Record<string, Graded> {
  const orders = rawOrders(sheetOf(run.input, SHEETS.orders), { date: "订单日期", key: "客户编号", amount: "金额" });
  const listed = sheetOf(run.input, SHEETS.customers)
    .rows.slice(1)
    .map((r) => r[0])
    .filter((k): k is string => typeof k === "string");
  const sales = centsByCustomer(orders, monthsEnding("2026-10", 12));
  const tiers = paretoTiers([...listed, ...orders.map((o) => o.key)], sales);
  const ranked = [...tiers.keys()]
    .filter((k) => tiers.get(k) !== "D")
    .sort((a, b) => sales.get(b)! - sales.get(a)! || (a < b ? -1 : 1));
  const total = ranked.reduce((t, k) => t + sales.get(k)!, 0);
  let cum = 0;
  const shares = new Map(ranked.map((k) => [k, [sales.get(k)! / total, (cum += sales.get(k)!) / total]]));
  return Object.fromEntries(
    [...tiers].map(([k, tier]) => {
      const [share, upTo] = shares.get(k) ?? [null, null];
      return [
        k,
        {
          tier,
          sales: (sales.get(k) ?? 0) / 100,
          rank: tier === "D" ? null : ranked.indexOf(k) + 1,
          share: share === null ? null : r6(share),
          cum: upTo === null ? null : r6(upTo),
        },
      ];
    }),
  );
}

describe("variant: hundreds of customers", () => {
  it("builds the variant as meant: 804 customer rows, every listed customer's orders copied three times", () => {
    const rows = sheetOf(run.input, SHEETS.customers).rows.filter((r, i) => i > 0 && typeof r[0] === "string");
    const keys = sheetOf(run.input, SHEETS.orders).rows.map((r) => String(r[2]));
    const count = (re: RegExp) => keys.filter((k) => re.test(k)).length;
    expect({
      customerRows: rows.length,
      distinct: new Set(rows.map((r) => r[0])).size,
      copied: count(/^C[123]\d{3}$/),
      added: addedOrders,
    }).toEqual({
      customerRows: 804,
      distinct: 800,
      copied: 3 * count(/^C0\d{3}$/),
      added: 3 * count(/^C0\d{3}$/),
    });
  });

  it("exits 0", () => {
    expect(run.code).toEqual(0);
  });

  it("grades every customer by the Pareto rule on the 12 months ending 2026-10, with its rank and shares", () => {
    const got: Record<string, Record<keyof Graded, Cell>> = {};
    for (const [k, [f]] of Object.entries(customerFigures(sheetOf(run.dump, SHEETS.customers))))
      got[k] = {
        tier: f["客户等级"],
        sales: f["近12月销售额"],
        rank: f["销售排名"],
        share: f["销售占比"],
        cum: f["累计占比"],
      };
    const want = oracle();
    // The unmatched customers' section shows sales and tier only.
    for (const r of readReview(run.dump, "2026-10").unmatched.slice(1))
      got[String(r[0] ?? r[1])] = { ...want[String(r[0] ?? r[1])], tier: r[3], sales: cents(r[2] as number) };
    expect(got).toEqual(want);
  });

  it("counts the tiers in the tier summary as the Pareto rule does", () => {
    const review = readReview(run.dump, "2026-10");
    const want = countTiers(new Map(Object.entries(oracle()).map(([k, v]) => [k, v.tier])));
    const summary = Object.fromEntries(review.tiers.slice(1).map((r) => [r[0], r[1]]));
    expect(summary).toEqual({ ...want, 合计: want.A + want.B + want.C + want.D });
    expect(want.A + want.B + want.C + want.D).toEqual(803);
  });

  it("leaves every input cell it does not own unchanged", () => {
    const names = Object.values(SHEETS);
    expect(unownedChangesOf(run, names)).toEqual(Object.fromEntries(names.map((s) => [s, []])));
  });
});
