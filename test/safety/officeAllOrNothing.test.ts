import { createExcelHost } from "../../src/adapters/excel/excelHost";
import type { ReviewOptions } from "../../src/core/options";
import { t } from "../../src/i18n";
import type { RunOutcome } from "../../src/taskpane/host";
import { asExcel, createExcelDouble, type ExcelDouble } from "../excel-double/excelDouble";
import { WorkbookModel } from "../excel-double/model";
import { modelFromJson, modelToJson } from "../excel-double/serialize";
import { recordOf, userView } from "./officeCompare";

/**
 * Guarantee 3 of issue 4 on the Office.js path: a run is all or nothing for the user. A
 * run that fails at any request is repaired by the next run (the workbook then equals a
 * clean run's, cell by cell); "Undo last run" gives back the workbook as it was before.
 * Requests are kept small (16 KB) so that a run of this small workbook takes many of them.
 */

const env = { isSetSupported: () => false, now: () => new Date(2026, 10, 23, 9, 30), port: { limitBytes: 16 * 1024 } };

/** A customer table with a user's formula column, an order log and a visit log: tables widened, highlights, a created review sheet. */
function ledger(): WorkbookModel {
  const model = new WorkbookModel();
  const customers = model.addSheet("客户");
  model.setValues("客户", { row: 0, col: 0 }, [["客户编号", "客户名称", "业务员", "区域"], ...Array.from({ length: 40 }, (_, i) => [`C${100 + i}`, `客户${i}`, `业务员${i % 4}`, i % 2 ? "华东" : "华北"])]);
  customers.update(1, 1, (c) => ((c.fill = "#C6EFCE"), (c.font = { italic: true })));
  model.tables.push({ id: model.nextId("plain"), name: "Customers", sheetId: customers.id, box: { top: 0, left: 0, bottom: 40, right: 3 }, showTotals: false, columns: ["客户编号", "客户名称", "业务员", "区域"].map((name, i) => ({ id: i + 1, name })) });
  model.addSheet("订单");
  model.setValues("订单", { row: 0, col: 0 }, [["订单日期", "客户编号", "业务员", "金额"], ...Array.from({ length: 400 }, (_, i) => [46000 + ((i * 7) % 330), `C${100 + ((i * 13) % 40)}`, `业务员${i % 4}`, 500 + ((i * 37) % 900)])]);
  model.sheet("订单")!.put(0, 6, { value: "备注", font: { bold: true } });
  model.sheet("订单")!.put(3, 6, { value: 2, formula: "=1+1" });
  model.addSheet("拜访");
  model.setValues("拜访", { row: 0, col: 0 }, [["拜访日期", "客户编号", "费用"], ...Array.from({ length: 120 }, (_, i) => [46000 + ((i * 11) % 330), `C${100 + ((i * 7) % 40)}`, 80 + (i % 5) * 20])]);
  return model;
}

const copy = (m: WorkbookModel): WorkbookModel => modelFromJson(modelToJson(m));

async function run(double: ExcelDouble, settings: Partial<ReviewOptions> = {}, signal?: AbortSignal): Promise<RunOutcome> {
  return createExcelHost(asExcel(double), env).run({ lang: "zh-CN", settings }, () => undefined, signal);
}

/** What the user sees and the record's settings, owned columns and sheets: a repaired or undone workbook must equal the reference in all of it. */
const state = (m: WorkbookModel) => ({ view: userView(m), record: recordOf(m) });

/** The two starting points: a fresh workbook, and one the add-in has run on (its columns, its review sheet of the same month). */
async function starts(): Promise<{ name: string; model: WorkbookModel; settings: Partial<ReviewOptions> }[]> {
  const once = ledger();
  expect((await run(createExcelDouble(once))).ok).toBe(true);
  return [
    { name: "a first run", model: ledger(), settings: {} },
    { name: "a re-run with another threshold (owned columns and the month's review sheet replaced)", model: once, settings: { threshold: 0.1 } },
  ];
}

describe("a run on the Office.js path is all or nothing (guarantee 3)", () => {
  it("is repaired by the next run after a failure at any of its requests: the workbook then equals a clean run's, cell by cell", async () => {
    for (const start of await starts()) {
      const clean = copy(start.model);
      const cleanDouble = createExcelDouble(clean);
      expect((await run(cleanDouble, start.settings)).ok).toBe(true);
      const syncs = cleanDouble.stats.syncCount;
      expect(syncs).toBeGreaterThan(20);
      const reference = state(clean);
      const seen = new Set<string>();
      for (let n = 1; n <= syncs; n++) {
        const model = copy(start.model);
        const double = createExcelDouble(model);
        double.failOnSync(n);
        const failed = await run(double, start.settings);
        expect({ start: start.name, n, ok: failed.ok }).toEqual({ start: start.name, n, ok: false });
        if (!failed.ok && failed.written) {
          seen.add("written");
          expect(failed.message.endsWith(t("zh-CN", "run.repair"))).toBe(true);
          expect(failed.written.length).toBe(4);
          for (const line of failed.written) expect(line).toMatch(/：(已完整写入|只写入了一部分|未写入)$/);
        } else seen.add("nothing written");
        double.options.failOnSync = undefined;
        const repaired = await run(double, start.settings);
        expect({ start: start.name, n, ok: repaired.ok }).toEqual({ start: start.name, n, ok: true });
        expect({ start: start.name, n, ...state(model) }).toEqual({ start: start.name, n, ...reference });
      }
      expect([...seen].sort()).toEqual(["nothing written", "written"]);
    }
  }, 300_000);
});
