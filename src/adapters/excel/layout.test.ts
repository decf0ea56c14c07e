import type { Grid } from "../../core/types";
import { hashColumns, headerInPlace, rowKeys, type SheetLayout } from "./layout";

const grid: Grid = {
  sheet: "订单",
  origin: { row: 0, col: 1 },
  values: [
    ["日期", "客户", "金额", "等级"],
    [46001, "C1", 100, "A"],
    [46001, "C2", 100, "A"],
    [46002, "C1", 100, "B"],
    [46002, "C1", 100, "B"],
  ],
};

describe("rowKeys", () => {
  it("takes the user's columns, most distinct first, until they tell apart as many rows as all of them do", () => {
    // 日期 and 客户 have two values each; together they tell three of the four rows apart, as all columns do.
    const keys = rowKeys(grid, new Set([4]), 1, 4)!;
    expect(keys.cols).toEqual([1, 2]);
    expect({ row: keys.row, rows: keys.rows }).toEqual({ row: 1, rows: 4 });
    expect(keys.hash).toBe(
      hashColumns([
        [46001, 46001, 46002, 46002],
        ["C1", "C2", "C1", "C1"],
      ]),
    );
  });

  it("takes only the columns the review read when given them, and all the user's columns when none of those is in the grid", () => {
    // 客户 alone: 金额 (col 3) is the user's but not read; 日期 (col 1) is read but owned here.
    expect(rowKeys(grid, new Set([1, 4]), 1, 4, [1, 2])!.cols).toEqual([2]);
    expect(rowKeys(grid, new Set([4]), 1, 4, [2])!.cols).toEqual([2]);
    expect(rowKeys(grid, new Set([4]), 1, 4, [9])!.cols).toEqual([1, 2]);
    expect(rowKeys(grid, new Set([4]), 1, 4, [])!.cols).toEqual([1, 2]);
  });

  it("leaves the owned columns out, and gives nothing without rows or user columns", () => {
    expect(rowKeys(grid, new Set([1, 3, 4]), 1, 4)!.cols).toEqual([2]);
    expect(rowKeys(grid, new Set([1, 2, 3, 4]), 1, 4)).toBeUndefined();
    expect(rowKeys(grid, new Set([4]), 3, 2)).toBeUndefined();
  });

  it("reads rows past the grid as empty", () => {
    expect(rowKeys(grid, new Set([2, 3, 4]), 4, 5)!.hash).toBe(hashColumns([[46002, ""]]));
  });
});

describe("hashColumns", () => {
  it("changes with the order of rows and takes null, undefined and empty alike", () => {
    expect(hashColumns([["C1", "C2"]])).not.toBe(hashColumns([["C2", "C1"]]));
    expect(hashColumns([["C1", null]])).toBe(hashColumns([["C1", ""]]));
    expect(hashColumns([[1]])).not.toBe(hashColumns([["1"]]));
    expect(hashColumns([["C1", "C2"]])).toMatch(/^[0-9a-f]+$/);
  });
});

describe("headerInPlace", () => {
  const layout: SheetLayout = {
    sheet: "订单",
    row: 0,
    header: ["日期", "客户", "", ""],
    owned: [{ col: 2, header: "等级" }],
  };

  it("takes the run's header or what was there in an owned cell, and anything new but a run's header one past them", () => {
    expect(headerInPlace(layout, ["日期", "客户", "等级", ""])).toBe(true);
    expect(headerInPlace(layout, ["日期", "客户", "", ""])).toBe(true);
    expect(headerInPlace(layout, ["日期", "客户", "等级", "备注"])).toBe(true);
  });

  it("sees a column inserted or deleted left of or among the owned ones", () => {
    expect(headerInPlace(layout, ["日期", "", "客户", "等级"])).toBe(false);
    expect(headerInPlace(layout, ["客户", "等级", "", ""])).toBe(false);
    expect(headerInPlace(layout, ["日期", "客户", "", "等级"])).toBe(false);
    expect(headerInPlace(layout, ["日期", "顾客", "等级", ""])).toBe(false);
  });
});
