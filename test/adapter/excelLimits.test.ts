import { createExcelHost } from "../../src/adapters/excel/excelHost";
import { generateWorkbook, FULL_SIZE } from "../../bench/generate";
import { WorkbookModel } from "../excel-double/model";
import { asExcel, createExcelDouble } from "../excel-double/excelDouble";

const MiB = 1024 * 1024;
const env = { isSetSupported: () => false, now: () => new Date(2026, 10, 23, 9, 30) };

/** A workbook of about 100,000 order rows (the bench generator at 1/10.5 of Excel's row limit) in the double. */
function bigModel(): WorkbookModel {
  const { grids } = generateWorkbook(100_000 / FULL_SIZE.orders);
  const model = new WorkbookModel();
  for (const g of grids) {
    model.addSheet(g.sheet);
    model.setValues(g.sheet, g.origin, g.values as (string | number | boolean | null)[][]);
  }
  return model;
}

describe("the Office.js adapter at 100,000 orders", () => {
  it("reads and writes in few requests, none over 4 MB", async () => {
    const model = bigModel();
    const double = createExcelDouble(model);
    const outcome = await createExcelHost(asExcel(double), { ...env, port: { limitBytes: 4 * MiB } }).run({ lang: "zh-CN", settings: {} }, () => undefined);
    expect(outcome.ok).toBe(true);
    const s = double.stats;
    const bound = 1.2 * (s.totalBytes / (4 * MiB)) + 15;
    expect({ syncs: s.syncCount, withinBound: s.syncCount <= bound }).toEqual({ syncs: s.syncCount, withinBound: true });
    expect(s.maxRequestBytes).toBeLessThanOrEqual(4 * MiB);
    expect(s.maxResponseBytes).toBeLessThanOrEqual(4 * MiB);
    expect(s.suspendApiCalculationCalls).toBeGreaterThan(0);
    // The figures for the record: syncs, bytes and the bound they meet.
    expect(s.totalBytes).toBeGreaterThan(10 * MiB);
  }, 300_000);

  it("re-runs (saving the cells it overwrites first) and undoes in requests none over 4 MB, syncs bounded by the bytes", async () => {
    const model = bigModel();
    const double = createExcelDouble(model);
    const host = createExcelHost(asExcel(double), { ...env, port: { limitBytes: 4 * MiB } });
    expect((await host.run({ lang: "zh-CN", settings: {} }, () => undefined)).ok).toBe(true);
    for (const step of ["re-run", "undo"] as const) {
      double.stats.reset();
      if (step === "re-run") expect((await host.run({ lang: "zh-CN", settings: { threshold: 0.1 } }, () => undefined)).ok).toBe(true);
      else expect(await host.undoLastRun!("zh-CN")).toEqual({ ok: true });
      const s = double.stats;
      // A re-run has more requests of fixed count than a first run: the unfinished-run check, the snapshot's
      // geometry and rules, the undo data's first cell, the record before and after.
      const bound = 1.2 * (s.totalBytes / (4 * MiB)) + 20;
      expect({ step, withinBound: s.syncCount <= bound, maxRequest: s.maxRequestBytes <= 4 * MiB, maxResponse: s.maxResponseBytes <= 4 * MiB }).toEqual({ step, withinBound: true, maxRequest: true, maxResponse: true });
      expect(s.totalBytes).toBeGreaterThan(10 * MiB);
    }
  }, 300_000);
});
