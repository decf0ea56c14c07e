import { sheetsNeverRead, sheetsNotReviewed } from "./record";

const NAMES = [
  "客户表",
  "订单表",
  "客户表 (2)",
  "订单表 (2)",
  "月度分析 2026-10",
  "拜访计划 2026-11",
  "客户表（新建）",
];

describe("which sheets a run reads", () => {
  it("never reads the bookkeeping, analysis and plan sheets", () => {
    const record = {
      ownedSheets: [
        { sheet: "月度分析 2026-10", kind: "review" as const },
        { sheet: "拜访计划 2026-11", kind: "plan" as const },
        { sheet: "客户表（新建）", kind: "customers" as const },
      ],
    };
    expect([...sheetsNeverRead(record)].sort()).toEqual(
      [
        "_SalesReview",
        "_SalesReviewPrev",
        "_SalesReviewPrevPlan",
        "_SalesReviewUndo",
        "月度分析 2026-10",
        "拜访计划 2026-11",
      ].sort(),
    );
    expect(sheetsNotReviewed(record, NAMES)).toEqual(sheetsNeverRead(record));
  });

  it("reads only a team review's combined sheets and a created customer sheet once there are combined sheets", () => {
    const record = {
      ownedSheets: [
        { sheet: "客户表 (2)", kind: "combined" as const },
        { sheet: "订单表 (2)", kind: "combined" as const },
        { sheet: "客户表（新建）", kind: "customers" as const },
        { sheet: "月度分析 2026-10", kind: "review" as const },
      ],
    };
    const read = NAMES.filter((n) => !sheetsNotReviewed(record, NAMES).has(n));
    expect(read).toEqual(["客户表 (2)", "订单表 (2)", "客户表（新建）"]);
  });

  it("reads the workbook's own sheets again once the combined sheets are deleted", () => {
    const record = { ownedSheets: [{ sheet: "订单表 (2)", kind: "combined" as const }] };
    const left = ["客户表", "订单表", "客户表 (2)"];
    expect(left.filter((n) => !sheetsNotReviewed(record, left).has(n))).toEqual(left);
  });
});
