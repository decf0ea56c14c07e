import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { main } from "../../src/cli/main";
import { columnOf, dumpWorkbook, rowOf, type SheetDump } from "../support/readBack";

/**
 * Real data: Tableau's Chinese sample 示例 - 超市 (../shared/data/PROVENANCE.md), an order
 * log only (订单, 10,000 rows), through the command line with default settings. Every
 * expected figure is computed here from the raw rows read with ExcelJS, by plain code
 * that shares nothing with the engine, and compared with the written workbook:
 * money to the cent, ratios to 1e-6.
 */
const FILE = join(__dirname, "../../../shared/data/superstore_zh/示例 - 超市.converted.xlsx");
const PRESENT = existsSync(FILE);
const MS_PER_DAY = 86_400_000;
/** Excel serial of epoch day 0 (1970-01-01); valid for every date after 1900-02-28. */
const SERIAL_OF_EPOCH = 25_569;
const CENT = 0.005;
const RATIO = 1e-6;

interface OrderRow {
  orderId: string;
  /** Epoch day and month index (year × 12 + month − 1) of 订单日期. */
  day: number;
  month: number;
  customerId: string;
  customerName: string;
  region: string;
  sales: number;
  profit: number;
}

interface Customer {
  id: string;
  key: string;
  name: string;
  firstDay: number;
  firstMonth: number;
  /** Net 销售额 and 利润 per month index. */
  sales: Map<number, number>;
  profit: Map<number, number>;
  /** 地区 counts, in order of first appearance. */
  regions: Map<string, number>;
}

type Flag = "新客户" | "流失" | "回流" | "下降" | "上升" | "稳定" | "无交易";

interface Expected {
  id: string;
  name: string;
  region: string;
  tier: "A" | "B" | "C" | "D";
  sales: number;
  share: number | null;
  cum: number | null;
  rank: number | null;
  change: Flag;
  changePct: number | null;
  recent: number;
  prior: number;
  margin: number;
  firstMonth: number;
}

interface MonthExpected {
  amount: number;
  amountNew: number;
  orders: number;
  newCustomers: number;
  active: number;
  lost: number;
}

interface Reference {
  rows: OrderRow[];
  month: number;
  customers: Expected[];
  byKey: Map<string, Expected>;
  monthly: Map<number, MonthExpected>;
}

async function readOrders(file: string): Promise<OrderRow[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet("订单");
  if (!ws) throw new Error("no sheet 订单");
  const header = (ws.getRow(1).values as unknown[]).map((v) => (typeof v === "string" ? v : ""));
  const col = (name: string) => {
    const c = header.indexOf(name);
    if (c < 1) throw new Error(`no column ${name}`);
    return c;
  };
  const [idC, dateC, custC, nameC, regionC, salesC, profitC] = ["订单 ID", "订单日期", "客户 ID", "客户名称", "地区", "销售额", "利润"].map(col);
  const rows: OrderRow[] = [];
  for (let r = 2; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const date = row.getCell(dateC).value;
    if (!(date instanceof Date)) throw new Error(`row ${r}: 订单日期 is not a date cell`);
    const day = Math.floor(date.getTime() / MS_PER_DAY);
    rows.push({
      orderId: String(row.getCell(idC).value),
      day,
      month: date.getUTCFullYear() * 12 + date.getUTCMonth(),
      customerId: String(row.getCell(custC).value),
      customerName: String(row.getCell(nameC).value),
      region: String(row.getCell(regionC).value),
      sales: Number(row.getCell(salesC).value),
      profit: Number(row.getCell(profitC).value),
    });
  }
  return rows;
}

const add = (m: Map<number, number>, k: number, v: number) => m.set(k, (m.get(k) ?? 0) + v);
const sum = (m: Map<number, number>, from: number, to: number) => {
  let s = 0;
  for (let k = from; k <= to; k++) s += m.get(k) ?? 0;
  return s;
};
const positive = (x: number) => x > 1e-8;

/** SPEC "Order change", first rule that holds, for review month m with k = 3 against the 3 months before. */
function changeFlag(c: Customer, m: number): { flag: Flag; r: number; b: number } {
  const r = sum(c.sales, m - 2, m);
  const b = sum(c.sales, m - 5, m - 3);
  let flag: Flag;
  if (c.firstMonth >= m - 2 && c.firstMonth <= m) flag = "新客户";
  else if (!positive(r) && positive(sum(c.sales, m - 14, m - 3))) flag = "流失";
  else if (!positive(b) && positive(r)) flag = "回流";
  else if (positive(b) && r < b * 0.7 - 1e-8) flag = "下降";
  else if (positive(b) && r > b * 1.3 + 1e-8) flag = "上升";
  else if (positive(r)) flag = "稳定";
  else flag = "无交易";
  return { flag, r, b };
}

/** SPEC "Customer keys": trimmed, inner white space collapsed, full-width folded, case-insensitive. */
const keyOf = (id: string) => id.normalize("NFKC").replace(/\s+/g, " ").trim().toLowerCase();

function reference(rows: OrderRow[]): Reference {
  const customers = new Map<string, Customer>();
  for (const o of rows) {
    const key = keyOf(o.customerId);
    let c = customers.get(key);
    if (!c) {
      c = { id: o.customerId, key, name: o.customerName, firstDay: o.day, firstMonth: o.month, sales: new Map(), profit: new Map(), regions: new Map() };
      customers.set(key, c);
    }
    if (o.day < c.firstDay) {
      c.firstDay = o.day;
      c.firstMonth = o.month;
    }
    add(c.sales, o.month, o.sales);
    add(c.profit, o.month, o.profit);
    c.regions.set(o.region, (c.regions.get(o.region) ?? 0) + 1);
  }
  const month = Math.max(...rows.map((o) => o.month));
  const list = [...customers.values()];
  const sales = list.map((c) => sum(c.sales, month - 11, month));
  const ranked = list.map((_, i) => i).filter((i) => positive(sales[i]));
  const cents = (i: number) => Math.round(sales[i] * 100);
  ranked.sort((x, y) => cents(y) - cents(x) || (list[x].key < list[y].key ? -1 : 1));
  const total = ranked.reduce((s, i) => s + sales[i], 0);
  const tiers = new Map<number, { tier: "A" | "B" | "C"; share: number; cum: number; rank: number }>();
  let before = 0;
  ranked.forEach((i, n) => {
    const share = before / total;
    const tier = share < 0.8 ? "A" : share < 0.95 ? "B" : "C";
    before += sales[i];
    tiers.set(i, { tier, share: sales[i] / total, cum: before / total, rank: n + 1 });
  });
  const expected = list.map((c, i): Expected => {
    const t = tiers.get(i);
    const ch = changeFlag(c, month);
    let region = "";
    let most = 0;
    for (const [name, n] of c.regions) if (n > most) [region, most] = [name, n];
    return {
      id: c.id,
      name: c.name,
      region,
      tier: t?.tier ?? "D",
      sales: sales[i],
      share: t?.share ?? null,
      cum: t?.cum ?? null,
      rank: t?.rank ?? null,
      change: ch.flag,
      changePct: positive(ch.b) ? (ch.r - ch.b) / ch.b : null,
      recent: ch.r,
      prior: ch.b,
      margin: sum(c.profit, month - 11, month),
      firstMonth: c.firstMonth,
    };
  });
  const monthly = new Map<number, MonthExpected>();
  for (let m = month - 5; m <= month; m++) {
    const inMonth = rows.filter((o) => o.month === m);
    const isNew = (o: OrderRow) => customers.get(keyOf(o.customerId))!.firstMonth === m;
    monthly.set(m, {
      amount: inMonth.reduce((s, o) => s + o.sales, 0),
      amountNew: inMonth.filter(isNew).reduce((s, o) => s + o.sales, 0),
      orders: new Set(inMonth.map((o) => o.orderId)).size,
      newCustomers: list.filter((c) => c.firstMonth === m).length,
      active: list.filter((c) => positive(c.sales.get(m) ?? 0)).length,
      lost: list.filter((c) => changeFlag(c, m).flag === "流失").length,
    });
  }
  return { rows, month, customers: expected, byKey: new Map(expected.map((e) => [e.id, e])), monthly };
}

const ym = (m: number) => `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, "0")}`;
/** Excel serial of the last day of month index m. */
const monthEndSerial = (m: number) => Date.UTC(Math.floor((m + 1) / 12), (m + 1) % 12, 1) / MS_PER_DAY - 1 + SERIAL_OF_EPOCH;

/** Collects every mismatch so one failing run shows them all. */
class Mismatches {
  readonly list: string[] = [];
  near(where: string, got: unknown, want: number | null, tolerance: number): void {
    if (want === null ? got !== null : typeof got !== "number" || !(Math.abs(got - want) <= tolerance)) {
      this.list.push(`${where}: expected ${String(want)}, got ${String(got)}`);
    }
  }
  same(where: string, got: unknown, want: unknown): void {
    if (got !== want) this.list.push(`${where}: expected ${String(want)}, got ${String(got)}`);
  }
}

(PRESENT ? describe : describe.skip)(PRESENT ? "real data: 示例 - 超市 (zh-CN, order log only)" : `real data: skipped, ${FILE} does not exist`, () => {
  let ref: Reference;
  let dump: Map<string, SheetDump>;
  let printed: string[];
  let code: number;

  beforeAll(async () => {
    ref = reference(await readOrders(FILE));
    const out = join(mkdtempSync(join(tmpdir(), "superstore-zh-")), "out.xlsx");
    printed = [];
    code = await main([FILE, "--out", out], (l) => printed.push(l), (l) => printed.push(l));
    dump = await dumpWorkbook(out);
  });

  it("reads 10,000 order rows of 790 customers with review month 2017-12", () => {
    expect({ code, rows: ref.rows.length, customers: ref.customers.length, month: ym(ref.month) }).toEqual({ code: 0, rows: 10000, customers: 790, month: "2017-12" });
    expect(printed).toContain("读取：订单 10000 行，拜访 0 行，客户 790 个");
    expect(printed).toContain("分析月份 2017-12，截止 2017-12-31");
  });

  it("tiers the customers A 299 · B 178 · C 224 · D 89", () => {
    const count = (t: string) => ref.customers.filter((c) => c.tier === t).length;
    expect({ A: count("A"), B: count("B"), C: count("C"), D: count("D") }).toEqual({ A: 299, B: 178, C: 224, D: 89 });
    expect(printed).toContain("客户等级：A 299 · B 178 · C 224 · D 89");
  });

  it("creates 客户表 with every customer in order of first appearance, its name and its most frequent 地区", () => {
    const ws = dump.get("客户表")!;
    expect(ws.rows[0].slice(0, 4)).toEqual(["客户编号", "客户名称", "业务员", "区域"]);
    expect(ws.rows.slice(1).map((r) => r.slice(0, 4))).toEqual(ref.customers.map((c) => [c.id, c.name, null, c.region]));
  });

  it("writes every customer's tier, sales, shares, rank and order change", () => {
    const ws = dump.get("客户表")!;
    const col = (h: string) => columnOf(ws, 0, h);
    const c = {
      tier: col("客户等级"),
      sales: col("近12月销售额"),
      share: col("销售占比"),
      cum: col("累计占比"),
      rank: col("销售排名"),
      change: col("订货变化"),
      pct: col("变化率"),
      recent: col("近3月订货额"),
      prior: col("前3月订货额"),
    };
    const bad = new Mismatches();
    expect(ws.rows.length).toBe(ref.customers.length + 1);
    for (const row of ws.rows.slice(1)) {
      const e = ref.byKey.get(row[0] as string)!;
      const where = String(row[0]);
      bad.same(`${where} tier`, row[c.tier], e.tier);
      bad.near(`${where} sales`, row[c.sales], e.sales, CENT);
      bad.near(`${where} share`, row[c.share], e.share, RATIO);
      bad.near(`${where} cum`, row[c.cum], e.cum, RATIO);
      bad.same(`${where} rank`, row[c.rank], e.rank);
      bad.same(`${where} change`, row[c.change], e.change);
      bad.near(`${where} change %`, row[c.pct], e.changePct, RATIO);
      bad.near(`${where} recent`, row[c.recent], e.recent, CENT);
      bad.near(`${where} prior`, row[c.prior], e.prior, CENT);
    }
    expect(bad.list).toEqual([]);
  });

  it("writes the visit and cost columns of an order log without visits", () => {
    const ws = dump.get("客户表")!;
    const asOf = monthEndSerial(ref.month);
    const headers = ["拜访次数", "拜访成本", "成本率", "成本提示", "最近拜访", "拜访提醒"];
    const got = ws.rows.slice(1).map((r) => headers.map((h) => r[columnOf(ws, 0, h)]));
    const want = ref.customers.map((e) => [
      0,
      0,
      e.tier === "D" ? null : 0,
      // 亏损: a known margin below the visit cost (0), i.e. a negative 利润 over the tier window.
      e.margin < -1e-8 ? "亏损" : null,
      null,
      e.tier === "D" ? null : asOf,
    ]);
    expect(got).toEqual(want);
    expect(want.filter((w) => w[3] === "亏损").length).toBe(145);
  });

  it("writes each order row's tier and customer type", () => {
    const ws = dump.get("订单")!;
    const tier = columnOf(ws, 0, "客户等级");
    const type = columnOf(ws, 0, "新老客户");
    const got = ws.rows.slice(1).map((r) => [r[tier], r[type]]);
    const want = ref.rows.map((o) => {
      const e = ref.byKey.get(o.customerId)!;
      return [e.tier, o.month === e.firstMonth ? "新" : "老"];
    });
    expect(got).toEqual(want);
  });

  it("leaves the input cells of 订单 as they were", async () => {
    const before = await dumpWorkbook(FILE);
    const ws = dump.get("订单")!;
    const original = before.get("订单")!;
    expect(ws.rows.map((r) => r.slice(0, 20))).toEqual(original.rows);
    for (const name of ["退货", "销售人员"]) expect({ name, rows: dump.get(name)!.rows }).toEqual({ name, rows: before.get(name)!.rows });
  });

  describe("月度分析 2017-12", () => {
    const sheet = () => dump.get(`月度分析 ${ym(ref.month)}`)!;

    it("states the review month and as-of date and skips no row", () => {
      const ws = sheet();
      expect(ws.rows[rowOf(ws, "分析月份")][1]).toBe("2017-12");
      expect(ws.rows[rowOf(ws, "截止日期")][1]).toBe(monthEndSerial(ref.month));
      expect(ws.rows[rowOf(ws, "跳过的行")][1]).toBe(0);
    });

    it("writes order amount, orders, new, active and lost customers for M−5 … M", () => {
      const ws = sheet();
      const header = rowOf(ws, "指标");
      const months = [...ref.monthly.keys()];
      expect(ws.rows[header].slice(1, 8)).toEqual([...months.map(ym), "环比"]);
      const row = (label: string) => ws.rows[rowOf(ws, label, header)].slice(1, 7);
      const bad = new Mismatches();
      months.forEach((m, k) => {
        const e = ref.monthly.get(m)!;
        const where = ym(m);
        bad.near(`${where} 订货额`, row("订货额")[k], e.amount, CENT);
        bad.near(`${where} 新客户订货额`, row("其中:新客户订货额")[k], e.amountNew, CENT);
        bad.near(`${where} 老客户订货额`, row("其中:老客户订货额")[k], e.amount - e.amountNew, CENT);
        bad.same(`${where} 订单数`, row("订单数")[k], e.orders);
        bad.same(`${where} 新客户数`, row("新客户数")[k], e.newCustomers);
        bad.same(`${where} 活跃客户数`, row("活跃客户数")[k], e.active);
        bad.same(`${where} 流失客户数`, row("流失客户数")[k], e.lost);
      });
      expect(bad.list).toEqual([]);
      expect(months.map((m) => ref.monthly.get(m)!.orders)).toEqual([96, 166, 144, 163, 159, 156]);
    });

    it("writes zeros for visits and costs and leaves divisions by zero blank", () => {
      const ws = sheet();
      const header = rowOf(ws, "指标");
      const row = (label: string) => ws.rows[rowOf(ws, label, header)].slice(1, 7);
      const zeros = [0, 0, 0, 0, 0, 0];
      expect(["实际工作日", "访问次数", "其中:新客户", "其中:老客户", "日均访问次数", "直接推销成本", "每单推销成本", "推销成本率"].map(row)).toEqual([
        zeros,
        zeros,
        zeros,
        zeros,
        [null, null, null, null, null, null],
        zeros,
        zeros,
        zeros,
      ]);
    });

    it("writes month M's orders under (no salesperson) and a total equal to the monthly table", () => {
      const ws = sheet();
      const header = rowOf(ws, "业务员", rowOf(ws, `按业务员（${ym(ref.month)}）`));
      const e = ref.monthly.get(ref.month)!;
      const bad = new Mismatches();
      for (const label of ["（无业务员）", "合计"]) {
        const r = ws.rows[rowOf(ws, label, header)];
        expect([r.slice(1, 6), r[9], r[10], r[11], r[12]]).toEqual([[0, 0, 0, 0, null], 0, e.orders, 0, 0]);
        bad.near(`${label} 订货额`, r[6], e.amount, CENT);
        bad.near(`${label} 新客户订货额`, r[7], e.amountNew, CENT);
        bad.near(`${label} 老客户订货额`, r[8], e.amount - e.amountNew, CENT);
      }
      expect(bad.list).toEqual([]);
      expect(ws.rows[header + 3][0]).toBeNull();
    });

    it("lists no customer as missing from the created 客户表", () => {
      const ws = sheet();
      expect(ws.rows[rowOf(ws, "客户表中没有的客户") + 1][0]).toBe("无");
    });

    it("labels the sheets read in the title block", () => {
      const ws = sheet();
      const r = rowOf(ws, "读取的表");
      expect([ws.rows[r][1], ws.rows[r + 1][0], ws.rows[r + 1][1]]).toEqual(["客户表：客户表，790 行", null, "订单表：订单，10000 行"]);
    });

    it("writes the tier summary", () => {
      const ws = sheet();
      const header = rowOf(ws, "等级", rowOf(ws, "客户等级汇总"));
      const total = ref.customers.reduce((s, c) => s + (c.tier === "D" ? 0 : c.sales), 0);
      const bad = new Mismatches();
      for (const tier of ["A", "B", "C", "D"]) {
        const members = ref.customers.filter((c) => c.tier === tier);
        const sales = members.reduce((s, c) => s + c.sales, 0);
        const r = ws.rows[rowOf(ws, tier, header)];
        bad.same(`${tier} customers`, r[1], members.length);
        bad.near(`${tier} % customers`, r[2], members.length / ref.customers.length, RATIO);
        bad.near(`${tier} sales`, r[3], sales, CENT);
        bad.near(`${tier} % sales`, r[4], sales / total, RATIO);
        bad.near(`${tier} average`, r[5], sales / members.length, CENT);
      }
      expect(bad.list).toEqual([]);
    });
  });
});
