import { createExcelHost } from "../../src/adapters/excel/excelHost";
import { t } from "../../src/i18n";
import { asExcel, createExcelDouble } from "../excel-double/excelDouble";
import { modelFromFile } from "../excel-double/fromExcelJS";
import { WorkbookModel } from "../excel-double/model";
import { recordOf, userView } from "../safety/officeCompare";
import { SAMPLE_ZH as SAMPLE } from "../fixtures/paths";

const env = { isSetSupported: () => false, now: () => new Date(2026, 10, 23, 9, 30) };
const DANGEROUS = [
  '=HYPERLINK("http://x","点我")',
  "+86 138 0000 0000",
  "-1+2",
  "@cmd",
  "00123",
  "'quoted",
  "2024-03-05",
  "TRUE",
];

function orderLog(names: string[]): WorkbookModel {
  const model = new WorkbookModel();
  model.addSheet("订单");
  model.setValues("订单", { row: 0, col: 0 }, [
    ["订单日期", "客户名称", "业务员", "金额"],
    ...names.map((n, i) => [46296 + i, n, n, 1000 * (i + 1)]),
  ]);
  return model;
}

function formulaCells(model: WorkbookModel): string[] {
  const out: string[] = [];
  for (const s of model.sheets)
    for (const [k, c] of s.cells) if (c.formula !== undefined) out.push(`${s.name}#${k}: ${c.formula}`);
  return out;
}

describe("the Office.js adapter keeps the workbook safe", () => {
  describe("text from the workbook is written as text", () => {
    it("writes names that look like formulas, numbers, dates or booleans exactly as typed", async () => {
      const model = orderLog(DANGEROUS);
      const outcome = await createExcelHost(asExcel(createExcelDouble(model)), env).run(
        { lang: "zh-CN", settings: {} },
        () => undefined,
      );
      expect(outcome.ok).toBe(true);
      expect(formulaCells(model)).toEqual([]);
      const created = model.sheetValues("客户表").values;
      expect(created.slice(1).map((r) => [r[0], r[1]])).toEqual(DANGEROUS.map((n) => [n, n]));
      const report = model.sheetValues("月度分析 2026-10").values.flat();
      for (const name of DANGEROUS) expect(report).toContain(name);
    });
  });

  describe("Office errors are told in words", () => {
    it("names the protected sheet that must be unprotected, before writing anything", async () => {
      const model = await modelFromFile(SAMPLE);
      model.sheet("订单表")!.protected = true;
      const before = model.snapshot();
      const outcome = await createExcelHost(asExcel(createExcelDouble(model)), env).run(
        { lang: "zh-CN", settings: {} },
        () => undefined,
      );
      expect(outcome).toEqual({
        ok: false,
        code: "ProtectedWorksheet",
        message: t("zh-CN", "office.protectedSheet", { sheet: "订单表" }),
      });
      expect(model.snapshot()).toEqual(before);
    });

    it("says to leave cell edit mode", async () => {
      const model = await modelFromFile(SAMPLE);
      const outcome = await createExcelHost(asExcel(createExcelDouble(model, { editMode: true })), env).run(
        { lang: "en-US", settings: {} },
        () => undefined,
      );
      expect(outcome).toEqual({
        ok: false,
        code: "InvalidOperationInCellEditMode",
        message: t("en-US", "office.editMode"),
      });
    });

    it("names the missing column when there is no order sheet", async () => {
      const model = new WorkbookModel();
      model.setValues("Notes", { row: 0, col: 0 }, [["hello"]]);
      const outcome = await createExcelHost(asExcel(createExcelDouble(model)), env).run(
        { lang: "en-US", settings: {} },
        () => undefined,
      );
      expect(outcome.ok).toBe(false);
      expect(outcome.ok === false && outcome.code).toBe("MissingColumn");
    });
  });

  describe("re-running", () => {
    it("leaves the workbook as the first run left it", async () => {
      const model = await modelFromFile(SAMPLE);
      const host = createExcelHost(asExcel(createExcelDouble(model)), env);
      expect((await host.run({ lang: "zh-CN", settings: {} }, () => undefined)).ok).toBe(true);
      const first = userView(model);
      const firstRecord = recordOf(model);
      expect((await host.run({ lang: "zh-CN", settings: {} }, () => undefined)).ok).toBe(true);
      const second = userView(model);
      expect(recordOf(model)).toEqual(firstRecord);
      const sheetIds = (s: typeof first) => s.sheets.map((x) => x.name);
      expect(sheetIds(second)).toEqual(sheetIds(first));
      // The review sheet is made anew (a new id); its cells, the inputs and the record are the same.
      const cells = (s: typeof first) => s.sheets.map((x) => ({ name: x.name, cells: x.cells }));
      expect(cells(second)).toEqual(cells(first));
      expect(second.tables).toEqual(first.tables);
      expect(second.charts).toEqual(first.charts);
      expect(second.conditionalFormats).toEqual(first.conditionalFormats);
    });
  });
});
