import { SUPERSTORE_ZH } from "../fixtures/paths";
import { columnOf, rowOf, type SheetDump } from "../support/readBack";
import {
  CENT,
  describeSuperstore,
  itReadsTiersAndCreates,
  itWritesOrderColumns,
  Mismatches,
  RATIO,
  ym,
  type CommonTests,
  type Reference,
} from "./superstore";

/**
 * Real data: Tableau's Chinese sample 示例 - 超市 (test/fixtures/data/PROVENANCE.md), an order
 * log only (订单, 10,000 rows), through the command line with default settings. Every
 * expected figure is computed from the raw rows read with ExcelJS, by plain code that shares
 * nothing with the engine (./superstore.ts), and compared with the written workbook:
 * money to the cent, ratios to 1e-6.
 */
const FILE = SUPERSTORE_ZH;
const MS_PER_DAY = 86_400_000;
/** Excel serial of epoch day 0 (1970-01-01); valid for every date after 1900-02-28. */
const SERIAL_OF_EPOCH = 25_569;

/** SPEC "Customer keys": trimmed, inner white space collapsed, full-width folded, case-insensitive. */
const keyOf = (id: string) => id.normalize("NFKC").replace(/\s+/g, " ").trim().toLowerCase();

/** Excel serial of the last day of month index m. */
const monthEndSerial = (m: number) =>
  Date.UTC(Math.floor((m + 1) / 12), (m + 1) % 12, 1) / MS_PER_DAY - 1 + SERIAL_OF_EPOCH;

const COMMON: CommonTests = {
  rows: 10000,
  customers: 790,
  month: "2017-12",
  readLines: ["读取：订单 10000 行，拜访 0 行，客户 790 个", "分析月份 2017-12，截止 2017-12-31"],
  tiers: { A: 299, B: 178, C: 224, D: 89 },
  tiersLine: "客户等级：A 299 · B 178 · C 224 · D 89",
  createdTitle: "creates 客户表 with every customer in order of first appearance, its name and its most frequent 地区",
  createdSheet: "客户表",
  createdHeaders: ["客户编号", "客户名称", "业务员", "区域"],
  orderSheet: "订单",
  orderHeaders: ["客户等级", "新老客户"],
  orderTypes: ["新", "老"],
};

describeSuperstore(
  {
    file: FILE,
    title: "real data: 示例 - 超市 (zh-CN, order log only)",
    orders: {
      sheet: "订单",
      orderId: "订单 ID",
      date: "订单日期",
      customerId: "客户 ID",
      customerName: "客户名称",
      region: "地区",
      sales: "销售额",
      profit: "利润",
    },
    keyOf,
    changeWords: {
      New: "新客户",
      Lost: "流失",
      Returning: "回流",
      Down: "下降",
      Up: "上升",
      Stable: "稳定",
      Inactive: "无交易",
    },
    args: [],
  },
  (run) => {
    let ref: Reference;
    let dump: Map<string, SheetDump>;
    beforeAll(() => ({ ref, dump } = run()));

    itReadsTiersAndCreates(run, COMMON);

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
        const e = ref.byId.get(row[0] as string)!;
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

    itWritesOrderColumns(run, COMMON);

    it("leaves the input cells of 订单 as they were", () => {
      const { before } = run();
      const ws = dump.get("订单")!;
      const original = before.get("订单")!;
      expect(ws.rows.map((r) => r.slice(0, 20))).toEqual(original.rows);
      for (const name of ["退货", "销售人员"])
        expect({ name, rows: dump.get(name)!.rows }).toEqual({ name, rows: before.get(name)!.rows });
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
        expect(
          [
            "实际工作日",
            "访问次数",
            "其中:新客户",
            "其中:老客户",
            "日均访问次数",
            "直接推销成本",
            "每单推销成本",
            "推销成本率",
          ].map(row),
        ).toEqual([zeros, zeros, zeros, zeros, [null, null, null, null, null, null], zeros, zeros, zeros]);
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
        expect([ws.rows[r][1], ws.rows[r + 1][0], ws.rows[r + 1][1]]).toEqual([
          "客户表：客户表，790 行",
          null,
          "订单表：订单，10000 行",
        ]);
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
  },
);
