import { detectSheets, rankHeader } from "./detectSheets";
import { grid } from "./testing/grids";

const ORDER_ROW = [46000, "甲公司", 100];

describe("detectSheets", () => {
  it("finds an order sheet by its Chinese headers", () => {
    const d = detectSheets([grid("订单", [["日期", "客户", "金额"], ORDER_ROW, ORDER_ROW])]);
    expect(d).toEqual({
      orders: {
        sheet: "订单",
        role: "orders",
        headerRow: 0,
        columns: { orderDate: 0, customerName: 1, amount: 2 },
        monthlyCostColumns: [],
        headers: ["日期", "客户", "金额"],
        rowCount: 2,
        lastRow: 2,
      },
      ignored: [],
    });
  });

  it("finds an order sheet by its English headers", () => {
    const headers = [
      "Order Date",
      "Order ID",
      "Customer ID",
      "Customer Name",
      "Amount",
      "Profit",
      "Paid",
      "Sales Rep",
      "Region",
    ];
    expect(detectSheets([grid("Sheet1", [headers])]).orders?.columns).toEqual({
      orderDate: 0,
      orderId: 1,
      customerId: 2,
      customerName: 3,
      amount: 4,
      grossMargin: 5,
      paid: 6,
      salesperson: 7,
      region: 8,
    });
  });

  it("finds the visit, cost and customer sheets", () => {
    const d = detectSheets([
      grid("拜访记录", [["拜访日期", "客户名称", "业务员", "费用"]]),
      grid("费用", [["月份", "业务员", "工资", "提成", "备注"]]),
      grid("客户表", [["客户编号", "客户名称", "业务员", "区域", "首次交易日期", "信用额度", "生日"]]),
      grid("订单", [["日期", "客户", "金额"]]),
    ]);
    expect(d.visits?.columns).toEqual({ visitDate: 0, customerName: 1, salesperson: 2, visitCost: 3 });
    expect([d.costs?.columns, d.costs?.monthlyCostColumns]).toEqual([{ month: 0, salesperson: 1 }, [2, 3]]);
    expect(d.customers?.columns).toEqual({
      customerId: 0,
      customerName: 1,
      salesperson: 2,
      region: 3,
      firstTradeDate: 4,
      creditLimit: 5,
      birthday: 6,
    });
    expect(d.orders?.sheet).toEqual("订单");
  });

  it("takes quantity and unit price for an amount", () => {
    expect(detectSheets([grid("明细", [["Date", "Customer", "Qty", "Unit Price"]])]).orders?.columns).toEqual({
      orderDate: 0,
      customerName: 1,
      quantity: 2,
      unitPrice: 3,
    });
  });

  describe("header matching", () => {
    it("ignores case, width and white space", () => {
      const d = detectSheets([
        grid("A", [["ＣＵＳＴＯＭＥＲ　ＩＤ", "customer   name", "SALES REP"]]),
        grid("B", [["日期", "客户 ID", "金额"]]),
      ]);
      expect(d.customers?.columns).toEqual({ customerId: 0, customerName: 1, salesperson: 2 });
      expect(d.orders?.columns).toEqual({ orderDate: 0, customerId: 1, amount: 2 });
    });

    it("accepts a unit in brackets after a header", () => {
      expect(detectSheets([grid("A", [["日期", "客户", "金额(元)"]])]).orders?.columns.amount).toEqual(2);
      expect(detectSheets([grid("A", [["日期", "客户", "金额（元）"]])]).orders?.columns.amount).toEqual(2);
      expect(detectSheets([grid("A", [["Date", "Customer", "Amount (USD)"]])]).orders?.columns.amount).toEqual(2);
    });

    it("takes the column whose header comes earlier in the synonym list", () => {
      expect(detectSheets([grid("客户", [["城市", "地区", "客户"]])]).customers?.columns).toEqual({
        customerName: 2,
        region: 1,
      });
      expect(detectSheets([grid("订单", [["日期", "客户", "订单日期", "金额"]])]).orders?.columns.orderDate).toEqual(2);
    });

    it("ranks headers by their synonym position", () => {
      expect([rankHeader("region", "地区"), rankHeader("region", "城市"), rankHeader("region", "客户")]).toEqual([
        1,
        4,
        undefined,
      ]);
    });
  });

  describe("header row", () => {
    it("passes over title rows above the header", () => {
      const d = detectSheets([grid("订单", [["2026年10月销售台账"], [], ["日期", "客户", "金额"], ORDER_ROW])]);
      expect([d.orders?.headerRow, d.orders?.rowCount]).toEqual([2, 1]);
    });

    it("gives the header row and columns in sheet coordinates", () => {
      const d = detectSheets([grid("订单", [["台账"], ["日期", "客户", "金额"], ORDER_ROW], { row: 3, col: 2 })]);
      expect([d.orders?.headerRow, d.orders?.columns]).toEqual([4, { orderDate: 2, customerName: 3, amount: 4 }]);
      expect(d.orders?.headers).toEqual(["", "", "日期", "客户", "金额"]);
    });

    it("finds a header in the 10th row", () => {
      const rows = [...Array.from({ length: 9 }, () => ["说明"]), ["日期", "客户", "金额"]];
      expect(detectSheets([grid("订单", rows)]).orders?.headerRow).toEqual(9);
    });

    it("does not find a header beyond the 10th row", () => {
      const rows = [...Array.from({ length: 10 }, () => ["说明"]), ["日期", "客户", "金额"]];
      expect(detectSheets([grid("订单", rows)])).toEqual({ ignored: [{ sheet: "订单", reason: "noRole" }] });
    });

    it("takes a table's first row as its header", () => {
      const d = detectSheets([grid("订单", [["日期", "客户", "金额"], ORDER_ROW], { row: 4, col: 1 }, "表1")]);
      expect([d.orders?.table, d.orders?.headerRow, d.orders?.rowCount]).toEqual(["表1", 4, 1]);
      expect(
        detectSheets([grid("订单", [["台账"], ["日期", "客户", "金额"]], { row: 0, col: 0 }, "表1")]).orders,
      ).toEqual(undefined);
    });

    it("counts only non-blank rows below the header", () => {
      expect(
        detectSheets([grid("订单", [["日期", "客户", "金额"], ORDER_ROW, [null, "", "  "], ORDER_ROW])]).orders
          ?.rowCount,
      ).toEqual(2);
    });
  });

  describe("roles", () => {
    it("takes a sheet with a date and a customer but no amount as a visit sheet", () => {
      const d = detectSheets([grid("Sheet1", [["日期", "客户", "数量"]])]);
      expect([d.orders, d.visits?.columns]).toEqual([undefined, { visitDate: 0, customerName: 1 }]);
    });

    it("decides the order role before the visit role", () => {
      const d = detectSheets([grid("拜访", [["日期", "客户", "金额", "费用"]])]);
      expect([d.orders?.sheet, d.visits]).toEqual(["拜访", undefined]);
    });

    it("decides the cost role before the customer role", () => {
      const d = detectSheets([grid("Sheet1", [["月份", "业务员", "客户", "差旅费"]])]);
      expect([d.costs?.sheet, d.customers]).toEqual(["Sheet1", undefined]);
    });

    it("takes a sheet with only a customer column as the customer sheet", () => {
      expect(detectSheets([grid("Sheet1", [["客户名称", "备注"]])]).customers?.columns).toEqual({ customerName: 0 });
    });

    it("needs a monthly cost column for a cost sheet", () => {
      expect(detectSheets([grid("费用", [["月份", "业务员", "备注"]])])).toEqual({
        ignored: [{ sheet: "费用", reason: "noRole" }],
      });
    });

    it("leaves sheets without a role alone", () => {
      expect(detectSheets([grid("说明", [["产品", "单价"]]), grid("空", [])])).toEqual({
        ignored: [
          { sheet: "说明", reason: "noRole" },
          { sheet: "空", reason: "noRole" },
        ],
      });
    });
  });

  describe("two sheets for one role", () => {
    it("prefers the sheet whose name says its role", () => {
      const d = detectSheets([
        grid("Sheet1", [["日期", "客户", "金额"], ORDER_ROW, ORDER_ROW, ORDER_ROW]),
        grid("订单明细", [["日期", "客户", "金额"], ORDER_ROW]),
      ]);
      expect(d.orders?.sheet).toEqual("订单明细");
      expect(d.ignored).toEqual([{ sheet: "Sheet1", reason: "lostTo", role: "orders", winner: "订单明细" }]);
    });

    it("matches an English role name in any case", () => {
      const d = detectSheets([
        grid("Sheet1", [["Date", "Customer", "Amount"], ORDER_ROW, ORDER_ROW]),
        grid("ORDERS", [["Date", "Customer", "Amount"]]),
      ]);
      expect(d.orders?.sheet).toEqual("ORDERS");
    });

    it("then prefers the sheet with more rows", () => {
      const d = detectSheets([
        grid("Sheet1", [["日期", "客户", "金额"], ORDER_ROW]),
        grid("Sheet2", [["日期", "客户", "金额"], ORDER_ROW, ORDER_ROW]),
      ]);
      expect(d.orders?.sheet).toEqual("Sheet2");
      expect(d.ignored).toEqual([{ sheet: "Sheet1", reason: "lostTo", role: "orders", winner: "Sheet2" }]);
    });
  });

  describe("owned columns", () => {
    it("never reads a column the add-in wrote as input", () => {
      const values = [["客户编号", "客户名称", "拜访次数"]];
      expect(detectSheets([grid("客户", values)]).customers?.columns).toEqual({
        customerId: 0,
        customerName: 1,
        visitCount: 2,
      });
      const owned = [{ sheet: "客户", col: 2, header: "拜访次数", output: "customer.visits" }];
      expect(detectSheets([grid("客户", values)], { owned }).customers?.columns).toEqual({
        customerId: 0,
        customerName: 1,
      });
    });

    it("follows an owned column moved by a column the user inserted left of it, and reads the input column now at its recorded place", () => {
      // Written at D (col 3) beside 已回款 at C; the user inserted a column at B: 已回款 is now at D, ours at E.
      const values = [["订单日期", "我的备注", "客户编号", "金额", "已回款", "客户等级", "拜访次数"]];
      const owned = [
        { sheet: "订单", col: 4, header: "客户等级", output: "order.tier" },
        { sheet: "订单", col: 5, header: "拜访次数", output: "order.other" },
      ];
      expect(detectSheets([grid("订单", values)], { owned }).orders?.columns).toEqual({
        orderDate: 0,
        customerId: 2,
        amount: 3,
        paid: 4,
      });
    });

    it("ignores owned columns of other sheets", () => {
      const owned = [{ sheet: "别的表", col: 2, header: "拜访次数", output: "customer.visits" }];
      expect(
        detectSheets([grid("客户", [["客户编号", "客户名称", "拜访次数"]])], { owned }).customers?.columns.visitCount,
      ).toEqual(2);
    });
  });

  describe("overrides", () => {
    it("maps a field to the column the user chose", () => {
      const d = detectSheets([grid("订单", [["日期", "客户", "金额", "含税金额"]])], {
        overrides: { orders: { sheet: "订单", columns: { amount: 3 } } },
      });
      expect(d.orders?.columns).toEqual({ orderDate: 0, customerName: 1, amount: 3 });
    });

    it("unmaps a field set to null", () => {
      const d = detectSheets([grid("订单", [["日期", "客户", "金额", "区域"]])], {
        overrides: { orders: { sheet: "订单", columns: { region: null } } },
      });
      expect(d.orders?.columns).toEqual({ orderDate: 0, customerName: 1, amount: 2 });
    });

    it("gives a role to a sheet detection did not take for it", () => {
      const grids = [grid("流水", [["时间", "客户名", "总价"]])];
      expect(detectSheets(grids).customers?.sheet).toEqual("流水");
      const d = detectSheets(grids, { overrides: { orders: { sheet: "流水", columns: { orderDate: 0, amount: 2 } } } });
      expect(d.customers).toEqual(undefined);
      expect([d.orders?.role, d.orders?.headerRow, d.orders?.columns]).toEqual([
        "orders",
        0,
        { customerName: 1, orderDate: 0, amount: 2 },
      ]);
    });

    it("reads the header from the row the user chose", () => {
      const d = detectSheets([grid("订单", [["日期", "客户", "金额"], ["Date", "Customer", "Amount"], ORDER_ROW])], {
        overrides: { orders: { sheet: "订单", headerRow: 1 } },
      });
      expect([d.orders?.headerRow, d.orders?.headers, d.orders?.rowCount]).toEqual([
        1,
        ["Date", "Customer", "Amount"],
        1,
      ]);
    });

    describe("two tables on one sheet", () => {
      const grids = [
        grid(
          "数据",
          [
            ["客户编号", "客户名称"],
            ["C1", "甲"],
            ["C2", "乙"],
            ["C3", "丙"],
          ],
          { row: 0, col: 0 },
          "客户",
        ),
        grid("数据", [["日期", "客户", "金额", "含税金额"], ORDER_ROW], { row: 0, col: 3 }, "订单"),
      ];
      const orders = {
        sheet: "数据",
        role: "orders",
        table: "订单",
        headerRow: 0,
        columns: { orderDate: 3, customerName: 4, amount: 6 },
        monthlyCostColumns: [],
        headers: ["", "", "", "日期", "客户", "金额", "含税金额"],
        rowCount: 1,
        lastRow: 1,
      };

      it("applies an override to the table it names, and leaves the sheet's other table its role", () => {
        const override = { sheet: "数据", table: "订单", columns: { amount: 6 } };
        const d = detectSheets(grids, { overrides: { orders: override } });
        expect([d.orders, d.customers?.table, d.customers?.rowCount]).toEqual([orders, "客户", 3]);
      });

      it("ignores an override for a table that does not exist", () => {
        const override = { sheet: "数据", table: "没有", columns: { amount: 6 } };
        const d = detectSheets(grids, { overrides: { orders: override } });
        const detected = { orderDate: 3, customerName: 4, amount: 5 };
        expect([d.orders?.table, d.orders?.columns, d.customers?.table]).toEqual(["订单", detected, "客户"]);
      });

      it("applies an override that names no table to the table detected for its role", () => {
        const d = detectSheets(grids, { overrides: { orders: { sheet: "数据", columns: { amount: 6 } } } });
        expect([d.orders, d.customers?.table, d.customers?.rowCount]).toEqual([orders, "客户", 3]);
      });
    });

    it("ignores an override for a sheet that does not exist", () => {
      const d = detectSheets([grid("订单", [["日期", "客户", "金额"]])], {
        overrides: { orders: { sheet: "没有", columns: { amount: 0 } } },
      });
      expect(d.orders?.columns).toEqual({ orderDate: 0, customerName: 1, amount: 2 });
    });
  });
});

describe("detectSheets: payment sheet", () => {
  const sheet = (name: string, header: string[]) => ({
    sheet: name,
    origin: { row: 0, col: 0 },
    values: [header, header.map(() => 1)],
  });

  it("takes a sheet whose amount header is a payment synonym as payments, before orders", () => {
    const d = detectSheets([sheet("Sheet1", ["日期", "客户", "回款金额"]), sheet("Sheet2", ["日期", "客户", "金额"])]);
    expect([d.payments?.sheet, d.orders?.sheet]).toEqual(["Sheet1", "Sheet2"]);
    expect(d.payments?.columns).toEqual({ paymentDate: 0, customerName: 1, paymentAmount: 2 });
  });

  it("keeps an order sheet with a 回款金额 paid column as orders", () => {
    const d = detectSheets([sheet("订单", ["日期", "客户", "金额", "回款金额"])]);
    expect([d.payments?.sheet, d.orders?.sheet, d.orders?.columns.paid]).toEqual([undefined, "订单", 3]);
  });

  it("takes a sheet named 回款 with a plain amount as payments", () => {
    const d = detectSheets([sheet("回款表", ["日期", "客户", "金额"]), sheet("订单", ["日期", "客户", "金额"])]);
    expect([d.payments?.sheet, d.orders?.sheet]).toEqual(["回款表", "订单"]);
  });
});
