import type { Cell } from "./_lib/cells";
import { fitPlanCells } from "./fitPlanCells";
import type { WritePlan } from "./output";

const long = "名".repeat(40_000);

function plan(values: Cell[], reportCells: Cell[], createdRow: Cell[]): WritePlan {
  return {
    sheets: [
      {
        sheet: "客户",
        headerRow: 0,
        firstRow: 1,
        lastRow: values.length,
        columns: [{ output: "customer.sales", header: "销售额", col: 3, format: "money", values }],
      },
    ],
    created: { sheet: "客户表", header: ["客户名称"], rows: [createdRow] },
    report: { sheet: "R", rows: [{ cells: reportCells, style: "body" }], columnWidths: [], charts: [], issuesRow: 0 },
    owned: [],
  };
}

describe("fitPlanCells", () => {
  it("cuts every text over 32,767 characters to 32,766 and `…`, in owned columns, the created sheet and the report", () => {
    const p = plan([long, "short"], ["a", long], [long, 1]);
    expect(fitPlanCells(p)).toEqual({ clipped: 3, blanked: 0 });
    const cut = "名".repeat(32_766) + "…";
    expect(p.sheets[0].columns[0].values).toEqual([cut, "short"]);
    expect(p.report.rows[0].cells).toEqual(["a", cut]);
    expect(p.created!.rows[0]).toEqual([cut, 1]);
  });

  it("leaves NaN and ±Infinity blank, keeping every finite number", () => {
    const p = plan([NaN, 1.5, -0], [Infinity, 0, null], [-Infinity, "x"]);
    expect(fitPlanCells(p)).toEqual({ clipped: 0, blanked: 3 });
    expect(p.sheets[0].columns[0].values).toEqual([null, 1.5, -0]);
    expect(p.report.rows[0].cells).toEqual([null, 0, null]);
    expect(p.created!.rows[0]).toEqual([null, "x"]);
  });
});
