import { join } from "node:path";
import { createExcelHost } from "../../src/adapters/excel/excelHost";
import { asExcel, createExcelDouble } from "../excel-double/excelDouble";
import { modelFromFile } from "../excel-double/fromExcelJS";
import { columnLetters } from "../excel-double/address";
import { WorkbookModel } from "../excel-double/model";
import { userView } from "./officeCompare";

const SAMPLE = join(__dirname, "../../../shared/samples/销售台账-示例.xlsx");
const env = { isSetSupported: () => false, now: () => new Date(2026, 10, 23, 9, 30) };

/**
 * What Excel does when the user inserts a sheet column at `col`: every cell at or right of
 * it moves one column right, a table spanning it gains a column, rules move with their cells.
 */
function insertColumn(model: WorkbookModel, sheetName: string, col: number, cells: (string | number | null)[]): void {
  const sheet = model.sheet(sheetName)!;
  const moving = [...sheet.entries()].filter(([, c]) => c >= col).sort((a, b) => b[1] - a[1]);
  for (const [r, c, cell] of moving) {
    sheet.put(r, c + 1, cell);
    sheet.put(r, c, {});
  }
  cells.forEach((v, r) => v !== null && sheet.put(r, col, { value: v }));
  for (const t of model.tables.filter((x) => x.sheetId === sheet.id)) {
    if (t.box.left >= col) t.box = { ...t.box, left: t.box.left + 1, right: t.box.right + 1 };
    else if (t.box.right >= col) {
      t.columns.splice(col - t.box.left, 0, { id: Math.max(...t.columns.map((x) => x.id)) + 1, name: String(cells[0]) });
      t.box = { ...t.box, right: t.box.right + 1 };
    }
  }
  // A rule's relative reference moves with its cells ("=M2=…" becomes "=N2=…").
  for (const cf of model.conditionalFormats.filter((x) => x.sheetId === sheet.id)) {
    if (cf.box.left < col) continue;
    cf.box = { ...cf.box, left: cf.box.left + 1, right: cf.box.right + 1 };
    cf.formula = cf.formula?.replace(/^=([A-Z]+)(\d+)/, (_, letters: string, row: string) => `=${columnLetters(columnIndex(letters) + 1)}${row}`);
  }
}

function columnIndex(letters: string): number {
  return [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
}

async function run(model: WorkbookModel): Promise<void> {
  const outcome = await createExcelHost(asExcel(createExcelDouble(model)), env).run({ lang: "zh-CN", settings: {} }, () => undefined);
  expect(outcome).toMatchObject({ ok: true });
}

describe("inserting user columns between owned ones moves nothing of the user's (guarantee 2)", () => {
  it("re-runs onto its columns where they moved to, in a plain range, leaving the user's new column as typed", async () => {
    const model = new WorkbookModel();
    model.addSheet("订单");
    model.setValues("订单", { row: 0, col: 0 }, [["订单日期", "客户名称", "业务员", "金额"], ...Array.from({ length: 30 }, (_, i) => [46200 + i * 3, `客户${i % 7}`, `业务员${i % 3}`, 1000 + i * 17])]);
    await run(model);
    expect(model.sheetValues("订单").values[0]).toEqual(["订单日期", "客户名称", "业务员", "金额", "客户等级", "新老客户"]);
    insertColumn(model, "订单", 5, ["我的备注", ...Array.from({ length: 30 }, (_, i) => `备注${i}`)]);
    const inserted = userView(model);
    await run(model);
    expect(model.sheetValues("订单").values[0]).toEqual(["订单日期", "客户名称", "业务员", "金额", "客户等级", "我的备注", "新老客户"]);
    expect(userView(model)).toEqual(inserted);
  });

  it("re-runs onto its table columns where they moved to when the user inserts a column inside the table", async () => {
    const model = await modelFromFile(SAMPLE);
    await run(model);
    const header = model.sheetValues("客户表").values[0]!;
    const at = header.indexOf("销售占比");
    expect(at).toBeGreaterThan(7);
    // The manager's notes on the customers' rows only (a note on an empty row would make it a customer row to the review).
    const customers = model.sheet("客户表")!;
    insertColumn(model, "客户表", at, ["经理批注", ...Array.from({ length: 202 }, (_, i) => (customers.get(i + 1, 0)?.value === undefined ? null : i % 2 ? `看${i}` : i))]);
    const inserted = userView(model);
    await run(model);
    expect(model.sheetValues("客户表").values[0]!.slice(at - 1, at + 2)).toEqual([header[at - 1], "经理批注", "销售占比"]);
    expect(userView(model)).toEqual(inserted);
  });
});
