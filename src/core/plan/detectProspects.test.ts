import { ymdToDay } from "../_lib/dates";
import { runReview } from "../runReview";
import type { Grid } from "../types";
import { detectProspects } from "./detectProspects";

const grid = (sheet: string, values: Grid["values"]): Grid => ({
  sheet,
  origin: { row: 0, col: 0 },
  values,
});

describe("detectProspects", () => {
  it("finds a sheet with a name and two of the three MAN columns, Y/N spelt", () => {
    const found = detectProspects([
      grid("Leads", [
        ["Company", "Money", "Need", "Expected Close"],
        ["Acme", "Y", "N", "2026-11-05"],
      ]),
    ]);
    expect(found?.columns).toEqual({ name: 0, money: 1, need: 2, close: 3 });
    expect(found?.prospects).toEqual([
      {
        row: 1,
        name: "Acme",
        salesperson: null,
        money: true,
        authority: null,
        need: false,
        close: ymdToDay(2026, 11, 5),
      },
    ]);
  });

  it("does not take a sheet with only one MAN column", () => {
    expect(
      detectProspects([
        grid("客户", [
          ["客户名称", "需求"],
          ["甲", "有"],
        ]),
      ]),
    ).toBeUndefined();
  });

  it("is decided before the customer-sheet rule: the review keeps the real customer sheet", () => {
    const grids = [
      grid("潜在客户", [
        ["客户名称", "资金", "决策权", "需求", "业务员"],
        ["乙公司", "有", "无", "有", "张伟"],
      ]),
      grid("订单", [
        ["日期", "客户", "金额"],
        ["2026-10-05", "甲公司", 100],
      ]),
    ];
    const review = runReview(grids);
    expect(review.detection.customers).toBeUndefined();
    expect(review.planInputs?.prospects?.prospects.map((p) => p.name)).toEqual(["乙公司"]);
  });
});
