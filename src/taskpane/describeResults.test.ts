import { actionLabel, cellRef, issueLabel, readingNotes } from "./describeResults";
import { SUMMARY } from "./testFixtures";

describe("cellRef", () => {
  it("writes a cell the way Excel does, quoting sheet names that need it", () => {
    expect(cellRef("订单表", "C17")).toBe("订单表!C17");
    expect(cellRef("Order Log", "C17")).toBe("'Order Log'!C17");
  });
});

describe("actionLabel", () => {
  it("says the reason, customer, name and tier", () => {
    expect(
      actionLabel(
        { reason: "流失", customer: "C001", name: "华东贸易", tier: "A", target: { sheet: "客户表", address: "A2" } },
        "zh-CN",
      ),
    ).toBe("流失：C001 华东贸易，A 级");
    expect(
      actionLabel(
        { reason: "Lost", customer: "C001", name: "Acme", tier: "A", target: { sheet: "Customers", address: "A2" } },
        "en-US",
      ),
    ).toBe("Lost: C001 Acme, tier A");
  });

  describe("edge cases", () => {
    it("leaves out a missing name without a stray space", () => {
      expect(
        actionLabel(
          { reason: "下降", customer: "C009", name: null, tier: "B", target: { sheet: "客户表", address: "A3" } },
          "zh-CN",
        ),
      ).toBe("下降：C009，B 级");
      expect(
        actionLabel(
          { reason: "Down", customer: "C009", name: null, tier: "B", target: { sheet: "Customers", address: "A3" } },
          "en-US",
        ),
      ).toBe("Down: C009, tier B");
    });

    it("says when the customer is not in the customer sheet (nothing to select)", () => {
      expect(actionLabel({ reason: "Lost", customer: "C001", name: "Acme", tier: "A" }, "en-US")).toBe(
        "Lost: C001 Acme, tier A (not in the customer sheet)",
      );
    });
  });
});

describe("issueLabel", () => {
  it("says the cell, field, value and problem", () => {
    expect(
      issueLabel({ sheet: "订单表", address: "C17", field: "金额", value: "abc", reason: "不是数字" }, "zh-CN"),
    ).toBe("订单表!C17，金额：“abc”，不是数字");
    expect(
      issueLabel({ sheet: "Orders", address: "C17", field: "amount", value: "abc", reason: "Not a number" }, "en-US"),
    ).toBe('Orders!C17, amount: "abc", Not a number');
  });
});

describe("readingNotes", () => {
  it("counts the rows after the as-of date per sheet and says how each sheet's dates were read", () => {
    const summary = {
      ...SUMMARY,
      afterAsOf: [
        { sheet: "订单表", rows: 266 },
        { sheet: "拜访记录", rows: 139 },
      ],
      dateOrders: [{ sheet: "拜访记录", order: "dayFirst" as const }],
    };
    expect(readingNotes(summary, "zh-CN")).toEqual([
      "2026-10-31 之后的 405 行未计入：订单表（266 行）、拜访记录（139 行）。",
      "“拜访记录”中 3/5/2024 这类日期按日在前读取",
    ]);
    expect(readingNotes({ ...summary, dateOrders: [{ sheet: "Visits", order: "monthFirst" }] }, "en-US")).toEqual([
      "405 rows dated after 2026-10-31 were not counted: 订单表 (266), 拜访记录 (139).",
      'Dates like 3/5/2024 in "Visits" were read month first',
    ]);
  });

  it("says nothing when every row was counted and no sheet has dates like 3/5/2024", () => {
    expect(readingNotes(SUMMARY, "en-US")).toEqual([]);
  });
});
