import { checkLimits } from "./checkLimits";
import { ExcelLimitError } from "./errors";
import type { ReportRow, WritePlan } from "./output";

/** A plan with one owned column at `col` of sheet 订单, rows 2 … lastRow+1, and a report of `reportRows` rows. */
function plan(col: number, lastRow = 3, reportRows = 3): WritePlan {
  const row: ReportRow = { cells: ["x"], style: "body" };
  return {
    sheets: [
      {
        sheet: "订单",
        headerRow: 0,
        firstRow: 1,
        lastRow,
        columns: [{ output: "order.tier", header: "客户等级", col, format: "general", values: [] }],
      },
    ],
    report: {
      sheet: "月度分析 2026-10",
      rows: new Array<ReportRow>(reportRows).fill(row),
      columnWidths: [],
      charts: [],
      issuesRow: 0,
    },
    owned: [],
  };
}

function thrown(f: () => void): ExcelLimitError | undefined {
  try {
    f();
  } catch (e) {
    if (e instanceof ExcelLimitError) return e;
    throw e;
  }
  return undefined;
}

describe("checkLimits", () => {
  it("accepts an owned column in XFD, the last of 16,384", () => {
    expect(thrown(() => checkLimits(plan(16_383), "zh-CN"))).toBeUndefined();
  });

  it("stops when an owned column would go past XFD, naming the sheet", () => {
    const e = thrown(() => checkLimits(plan(16_384), "zh-CN"));
    expect(e?.limit).toBe("noFreeColumn");
    expect(e?.sheet).toBe("订单");
    expect(e?.message).toBe(
      "工作表“订单”右侧没有空列可写结果：它的列已用到 Excel 的最后一列 XFD（共 16,384 列）。请删除右侧不用的列后再运行。未写入任何内容。",
    );
    expect(thrown(() => checkLimits(plan(16_384), "en-US"))?.message).toBe(
      'Sheet "订单" has no free column for the results: its columns already reach XFD, the last of Excel\'s 16,384. Delete unused columns at its right end, then run again. Nothing was written.',
    );
  });

  it("accepts rows up to 1,048,576 and stops past them", () => {
    expect(thrown(() => checkLimits(plan(5, 1_048_575), "en-US"))).toBeUndefined();
    expect(thrown(() => checkLimits(plan(5, 1_048_576), "en-US"))?.limit).toBe("tooManyRows");
  });

  it("stops an analysis sheet of more than 1,048,576 rows", () => {
    expect(thrown(() => checkLimits(plan(5, 3, 1_048_576), "en-US"))).toBeUndefined();
    const e = thrown(() => checkLimits(plan(5, 3, 1_048_577), "en-US"));
    expect([e?.limit, e?.sheet]).toEqual(["tooManyRows", "月度分析 2026-10"]);
  });

  it("stops a created customer sheet or a chart past column XFD", () => {
    const p = plan(5);
    p.created = { sheet: "客户表", header: new Array<string>(16_385).fill("h"), rows: [] };
    expect([thrown(() => checkLimits(p, "en-US"))?.limit, thrown(() => checkLimits(p, "en-US"))?.sheet]).toEqual([
      "tooManyColumns",
      "客户表",
    ]);
    const q = plan(5);
    q.report.charts.push({
      kind: "stackedColumn",
      title: "t",
      anchor: { row: 0, col: 16_380, rows: 16, cols: 8 },
      source: { row: 0, col: 0, rows: 1, cols: 1 },
      seriesBy: "rows",
      axisFormat: "0",
    });
    expect(thrown(() => checkLimits(q, "en-US"))?.limit).toBe("tooManyColumns");
  });
});
