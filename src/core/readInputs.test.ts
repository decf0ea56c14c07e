import { detectSheets } from "./detectSheets";
import { withDefaults, type ReviewOptions } from "./options";
import { textHash } from "./_lib/intern";
import { numberOrderIds, readInputs } from "./readInputs";
import { day, grid, month, serial } from "./testing/grids";
import type { Cell, Grid } from "./types";

function read(grids: Grid[], options: Partial<ReviewOptions> = {}) {
  return readInputs(grids, detectSheets(grids), withDefaults(options));
}

const CUSTOMER_HEADER = ["客户编号", "客户名称", "业务员", "区域", "首次交易日期"];
const ORDER_HEADER = ["订单号", "订单日期", "客户编号", "客户名称", "金额", "毛利", "业务员"];

function customers(rows: Cell[][]): Grid {
  return grid("客户表", [CUSTOMER_HEADER, ...rows]);
}

function orders(rows: Cell[][]): Grid {
  return grid("订单表", [ORDER_HEADER, ...rows]);
}

describe("readInputs", () => {
  it("reads customers, orders, visits and costs into typed columns", () => {
    const r = read([
      customers([
        ["C1", "甲公司", "张伟", "华东", "2025-01-05"],
        ["C2", "乙公司", "李娜", "华南", serial("2024-06-30")],
      ]),
      orders([
        ["SO-1", serial("2026-10-05"), "C1", "甲公司", 1000, 300, null],
        ["SO-1", "2026/10/5", "C1", "甲公司", "¥1,234.50", "(100)", "李娜"],
        ["SO-2", "2026年9月1日", "C2", "乙公司", "1.2万", null, null],
      ]),
      grid("拜访记录", [
        ["拜访日期", "客户编号", "业务员", "费用"],
        [serial("2026-10-06"), "C2", "李娜", 80],
        ["2026-10-07 00:00:00.000", "C1", null, null],
      ]),
      grid("费用", [
        ["月份", "业务员", "工资", "差旅费"],
        ["2026-10", "张伟", 5000, "1,000"],
        [202609, "李娜", 4000, null],
      ]),
    ]);
    expect(r.issues).toEqual([]);
    expect([r.customers.ids, r.customers.names, r.customers.region, r.customers.firstTrade]).toEqual([
      ["C1", "C2"],
      ["甲公司", "乙公司"],
      ["华东", "华南"],
      [day("2025-01-05"), day("2024-06-30")],
    ]);
    expect(r.reps.names).toEqual(["张伟", "李娜"]);
    expect(r.customers.rep).toEqual([0, 1]);
    const o = r.orders;
    expect([o.n, Array.from(o.row), Array.from(o.day), Array.from(o.amount), Array.from(o.margin)]).toEqual([
      3,
      [1, 2, 3],
      [day("2026-10-05"), day("2026-10-05"), day("2026-09-01")],
      [1000, 1234.5, 12000],
      [300, -100, 0],
    ]);
    expect([Array.from(o.customer), Array.from(o.rep), Array.from(o.orderId)]).toEqual([
      [0, 0, 1],
      [-1, 1, -1],
      [-1, -1, -1], // numbered only when asked (numberOrderIds)
    ]);
    expect([0, 1, 2].map((i) => o.orderIdText(i))).toEqual(["SO-1", "SO-1", "SO-2"]);
    numberOrderIds(o, new Int32Array([5, 5, 5]), 5, 5);
    expect(Array.from(o.orderId)).toEqual([0, 0, 1]);
    const v = r.visits;
    expect([
      v.n,
      Array.from(v.row),
      Array.from(v.day),
      Array.from(v.customer),
      Array.from(v.rep),
      Array.from(v.cost),
    ]).toEqual([2, [1, 2], [day("2026-10-06"), day("2026-10-07")], [1, 0], [1, -1], [80, 0]]);
    expect(r.costs).toEqual([
      { row: 1, month: month("2026-10"), rep: 0, amount: 6000 },
      { row: 2, month: month("2026-09"), rep: 1, amount: 4000 },
    ]);
    expect([r.hasMargin, r.hasVisitCost, r.dateOrders]).toEqual([true, true, []]);
  });

  it("numbers order ids, trimmed and exact, only in the months asked for", () => {
    const rows: Cell[][] = [
      ["SO-2", serial("2026-08-01"), "C1", null, 1, null, null], // month 8: outside
      ["SO-1", serial("2026-09-01"), "C1", null, 1, null, null],
      [" SO-1 ", serial("2026-09-02"), "C1", null, 1, null, null], // an order's next line, padded
      [null, serial("2026-09-03"), "C1", null, 1, null, null], // no id
      ["so-1", serial("2026-10-01"), "C1", null, 1, null, null], // another id: case is not folded
      ["SO-2", serial("2026-10-02"), "C1", null, 1, null, null],
      ["SO-1", serial("2026-11-01"), "C1", null, 1, null, null], // month 11: outside
      ["SO-1", serial("2026-10-03"), "C1", null, 1, null, null], // back to an earlier id
    ];
    const o = read([orders(rows)]).orders;
    const months = Int32Array.from(["08", "09", "09", "09", "10", "10", "11", "10"], (m) => month(`2026-${m}`));
    numberOrderIds(o, months, month("2026-09"), month("2026-10"));
    expect(Array.from(o.orderId)).toEqual([-1, 0, 0, -1, 1, 2, -1, 0]);
  });

  it("tells apart order ids that share a hash, and numbers an id whose hash is 0", () => {
    expect([textHash("Aa"), textHash("BB"), textHash("")]).toEqual([textHash("BB"), textHash("Aa"), 0]);
    const zero = String.fromCharCode(0); // hashes to 0, like a row without an id
    expect(textHash(zero)).toBe(0);
    const ids = ["Aa", "BB", zero, "Aa", null, zero, "BB"];
    const o = read([orders(ids.map((id, i) => [id, serial("2026-10-01") + i, "C1", null, 1, null, null]))]).orders;
    numberOrderIds(o, new Int32Array(ids.length).fill(month("2026-10")), month("2026-10"), month("2026-10"));
    expect(Array.from(o.orderId)).toEqual([0, 1, 2, 0, -1, 2, 1]);
  });

  it("matches orders by id where both sides have ids, else by name, and creates unmatched customers", () => {
    const r = read([
      customers([
        ["C1", "甲公司", "张伟", null, null],
        ["C2", "乙公司", "张伟", null, null],
      ]),
      orders([
        ["1", serial("2026-10-01"), " ｃ1 ", "另一个名字", 10, null, null],
        ["2", serial("2026-10-01"), null, "乙公司", 20, null, null],
        ["3", serial("2026-10-01"), "C9", "丙公司", 30, null, null],
        ["4", serial("2026-10-01"), null, "丙公司", 40, null, null],
      ]),
    ]);
    expect(Array.from(r.orders.customer)).toEqual([0, 1, 2, 2]);
    expect([
      r.customers.size,
      r.customers.ids[2],
      r.customers.names[2],
      r.customers.isUnmatched(2),
      r.customers.isUnmatched(0),
    ]).toEqual([3, "C9", "丙公司", true, false]);
    expect(r.issues).toEqual([]);
  });

  it("matches by name when the customer sheet has no id column", () => {
    const r = read([
      grid("客户表", [
        ["客户名称", "业务员"],
        ["甲公司", "张伟"],
      ]),
      orders([["1", serial("2026-10-01"), "X-77", " 甲公司 ", 10, null, null]]),
    ]);
    expect([Array.from(r.orders.customer), r.customers.size]).toEqual([[0], 1]);
  });

  it("matches by name a listed customer that has no id", () => {
    const r = read([
      customers([
        ["C1", "甲公司", "张伟", null, null],
        [null, "乙公司", "张伟", null, null],
      ]),
      orders([["1", serial("2026-10-01"), "C2", "乙公司", 10, null, null]]),
    ]);
    expect([Array.from(r.orders.customer), r.customers.size]).toEqual([[1], 2]);
  });

  it("multiplies quantity by unit price when there is no amount column", () => {
    const r = read([
      grid("订单", [
        ["日期", "客户", "数量", "单价"],
        [serial("2026-10-01"), "甲", 3, 12.5],
        [serial("2026-10-02"), "甲", "2", "¥100"],
      ]),
    ]);
    expect(Array.from(r.orders.amount)).toEqual([37.5, 200]);
  });

  describe("dates", () => {
    it("reads a 3/5/2024 column month-first when no first part is above 12", () => {
      const r = read([
        grid("订单", [
          ["日期", "客户", "金额"],
          ["3/5/2024", "甲", 1],
          ["4/5/2024", "甲", 1],
        ]),
      ]);
      expect([Array.from(r.orders.day), r.dateOrders]).toEqual([
        [day("2024-03-05"), day("2024-04-05")],
        [{ sheet: "订单", order: "monthFirst" }],
      ]);
    });

    it("reads the whole column day-first when one first part is above 12", () => {
      const r = read([
        grid("订单", [
          ["日期", "客户", "金额"],
          ["3/5/2024", "甲", 1],
          ["13/5/2024", "甲", 1],
        ]),
      ]);
      expect([Array.from(r.orders.day), r.dateOrders]).toEqual([
        [day("2024-05-03"), day("2024-05-13")],
        [{ sheet: "订单", order: "dayFirst" }],
      ]);
    });

    it("follows the user's day/month choice", () => {
      const r = read(
        [
          grid("订单", [
            ["日期", "客户", "金额"],
            ["3/5/2024", "甲", 1],
          ]),
        ],
        { dayMonthOrder: "dayFirst" },
      );
      expect([Array.from(r.orders.day), r.dateOrders]).toEqual([
        [day("2024-05-03")],
        [{ sheet: "订单", order: "dayFirst" }],
      ]);
    });
  });

  describe("edge cases", () => {
    it("skips blank rows silently", () => {
      const r = read([
        orders([
          [null, "", "  ", null, null, null, null],
          ["1", serial("2026-10-01"), "C1", "甲", 5, null, null],
          [null, null, null, null, null, null, null],
        ]),
      ]);
      expect([r.orders.n, Array.from(r.orders.row.subarray(0, r.orders.n)), r.issues]).toEqual([1, [2], []]);
    });

    it("merges duplicate customer rows and reports each extra row once", () => {
      const r = read([
        customers([
          ["C1", "甲公司", null, "华东", "2025-03-01"],
          ["c1", "甲公司", "张伟", "华北", "2024-12-31"],
          ["C2", "乙公司", "李娜", null, null],
          ["C1", "甲公司（重复）", "李娜", null, null],
        ]),
      ]);
      expect(r.issues).toEqual([
        { sheet: "客户表", address: "A3", field: "customer", code: "duplicateCustomer", value: "c1" },
        { sheet: "客户表", address: "A5", field: "customer", code: "duplicateCustomer", value: "C1" },
      ]);
      expect([r.customers.size, r.customers.sheetRows, r.customers.region, r.customers.firstTrade]).toEqual([
        2,
        [[1, 2, 4], [3]],
        ["华东", null],
        [day("2024-12-31"), NaN],
      ]);
      expect(r.customers.rep.map((id) => r.reps.names[id])).toEqual(["张伟", "李娜"]);
    });

    it("creates every customer named in the orders when there is no customer sheet", () => {
      const r = read([
        grid("订单", [
          ["日期", "客户", "金额", "业务员", "区域"],
          [serial("2026-10-01"), "甲", 1, "张伟", "华东"],
          [serial("2026-10-02"), "乙", 1, "李娜", null],
          [serial("2026-10-03"), "甲", 1, "李娜", "华南"],
          [serial("2026-10-04"), "甲", 1, "张伟", "华南"],
        ]),
      ]);
      expect([r.customers.names, r.customers.region]).toEqual([
        ["甲", "乙"],
        ["华南", null],
      ]);
      expect(r.customers.rep.map((id) => r.reps.names[id])).toEqual(["张伟", "李娜"]);
    });

    it("creates customers from the order table when it is not the first table on its sheet", () => {
      const r = read([
        grid(
          "数据",
          [
            ["项目", "内容"],
            ["版本", "2026"],
          ],
          { row: 0, col: 0 },
          "说明",
        ),
        grid(
          "数据",
          [
            ["日期", "客户", "金额", "业务员", "区域"],
            [serial("2026-10-01"), "甲", 1, "张伟", "华东"],
            [serial("2026-10-02"), "乙", 1, "李娜", "华北"],
            [serial("2026-10-03"), "甲", 1, "张伟", "华东"],
          ],
          { row: 3, col: 1 },
          "订单",
        ),
      ]);
      expect([r.customers.names, r.customers.region]).toEqual([
        ["甲", "乙"],
        ["华东", "华北"],
      ]);
      expect(r.customers.rep.map((id) => r.reps.names[id])).toEqual(["张伟", "李娜"]);
    });

    it("gives the first salesperson seen when two occur equally often", () => {
      const r = read([
        grid("订单", [
          ["日期", "客户", "金额", "业务员"],
          [serial("2026-10-01"), "甲", 1, "李娜"],
          [serial("2026-10-02"), "甲", 1, "张伟"],
        ]),
      ]);
      expect(r.reps.names[r.customers.rep[0]]).toEqual("李娜");
    });
  });

  describe("invalid input", () => {
    it("reports an unreadable order date with its cell address and skips the row", () => {
      const r = read([
        orders([
          ["1", serial("2026-10-01"), "C1", "甲", 5, null, null],
          ["2", serial("2026-10-02"), "C1", "甲", 5, null, null],
          ["3", serial("2026-10-03"), "C1", "甲", 5, null, null],
          ["4", "下周二", "C1", "甲", 5, null, null],
        ]),
      ]);
      expect(r.issues).toEqual([
        { sheet: "订单表", address: "B5", field: "orderDate", code: "notADate", value: "下周二" },
      ]);
      expect(r.orders.n).toEqual(3);
    });

    it("reports missing, unreadable and error amounts", () => {
      const r = read([
        orders([
          ["1", serial("2026-10-01"), "C1", "甲", null, null, null],
          ["2", serial("2026-10-01"), "C1", "甲", "abc", null, null],
          ["3", serial("2026-10-01"), "C1", "甲", "#N/A", null, null],
          ["4", serial("2026-10-01"), "C1", "甲", 7, "n/a", null],
        ]),
      ]);
      expect(r.issues).toEqual([
        { sheet: "订单表", address: "E2", field: "amount", code: "missing", value: "" },
        { sheet: "订单表", address: "E3", field: "amount", code: "notANumber", value: "abc" },
        { sheet: "订单表", address: "E4", field: "amount", code: "errorValue", value: "#N/A" },
        { sheet: "订单表", address: "F5", field: "grossMargin", code: "notANumber", value: "n/a" },
      ]);
      expect([
        r.orders.n,
        Array.from(r.orders.amount.subarray(0, r.orders.n)),
        Array.from(r.orders.margin.subarray(0, r.orders.n)),
      ]).toEqual([1, [7], [0]]);
    });

    it("reports an order row without a customer", () => {
      const r = read([
        grid("订单", [
          ["日期", "客户", "金额"],
          [serial("2026-10-01"), null, 5],
        ]),
      ]);
      expect([r.issues, r.orders.n]).toEqual([
        [{ sheet: "订单", address: "B2", field: "customerName", code: "missing", value: "" }],
        0,
      ]);
    });

    it("gives addresses in sheet coordinates when the range does not start at A1", () => {
      const r = read([grid("订单", [["台账"], ["日期", "客户", "金额"], ["2026-13-01", "甲", 5]], { row: 2, col: 1 })]);
      expect(r.issues).toEqual([
        { sheet: "订单", address: "B5", field: "orderDate", code: "notADate", value: "2026-13-01" },
      ]);
    });

    it("reports unreadable quantities and unit prices", () => {
      const r = read([
        grid("订单", [
          ["日期", "客户", "数量", "单价"],
          [serial("2026-10-01"), "甲", "三", 12],
        ]),
      ]);
      expect(r.issues).toEqual([{ sheet: "订单", address: "C2", field: "quantity", code: "notANumber", value: "三" }]);
    });

    it("reports unreadable visit dates and cost-sheet cells", () => {
      const r = read([
        orders([]),
        grid("拜访", [
          ["拜访日期", "客户名称"],
          ["昨天", "甲"],
        ]),
        grid("费用", [
          ["月份", "业务员", "工资"],
          ["十月", "张伟", 100],
          ["2026-10", null, 100],
          ["2026-10", "张伟", "很多"],
        ]),
      ]);
      expect(r.issues).toEqual([
        { sheet: "拜访", address: "A2", field: "visitDate", code: "notADate", value: "昨天" },
        { sheet: "费用", address: "A2", field: "month", code: "notAMonth", value: "十月" },
        { sheet: "费用", address: "B3", field: "salesperson", code: "missing", value: "" },
        { sheet: "费用", address: "C4", field: "monthlyCost", code: "notANumber", value: "很多" },
      ]);
      expect([r.visits.n, r.costs]).toEqual([0, [{ row: 3, month: month("2026-10"), rep: 0, amount: 0 }]]);
    });
  });
});
