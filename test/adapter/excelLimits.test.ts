import { createExcelHost } from "../../src/adapters/excel/excelHost";
import { generateWorkbook, FULL_SIZE } from "../../bench/generate";
import { WorkbookModel } from "../excel-double/model";
import { asExcel, createExcelDouble, type ExcelDouble } from "../excel-double/excelDouble";
import { describeFull } from "../support/tier";

const MiB = 1024 * 1024;
const LIMIT = 4 * MiB;
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

/**
 * Issue 5's bound for the add-in path: syncs ≤ 1.2 × (bytes read and written ÷ 4 MiB) + 15,
 * every sync counted (empty ones too), the bytes as the double measured them; and no request
 * or response over 4 MiB, which the double refuses here as Excel refuses what is over its limit.
 */
function check(double: ExcelDouble, step: string) {
  const s = double.stats;
  const bound = 1.2 * (s.totalBytes / LIMIT) + 15;
  return {
    step,
    withinBound: s.syncCount <= bound,
    refused: s.syncs.filter((x) => x.error).map((x) => `sync ${x.n}: ${x.error}`),
    maxRequest: s.maxRequestBytes <= LIMIT,
    maxResponse: s.maxResponseBytes <= LIMIT,
    figures: `${s.syncCount} syncs, ${(s.totalBytes / MiB).toFixed(2)} MiB, bound ${bound.toFixed(1)}`,
  };
}

const ok = (step: string, figures: string) => ({
  step,
  withinBound: true,
  refused: [],
  maxRequest: true,
  maxResponse: true,
  figures,
});

describeFull("the Office.js adapter at 100,000 orders", () => {
  it("reads and writes within issue 5's sync bound, no request or response over 4 MiB", async () => {
    const model = bigModel();
    const double = createExcelDouble(model, { requestLimitBytes: LIMIT, responseLimitBytes: LIMIT });
    const outcome = await createExcelHost(asExcel(double), { ...env, port: { limitBytes: LIMIT } }).run(
      { lang: "zh-CN", settings: {} },
      () => undefined,
    );
    expect(outcome.ok).toBe(true);
    const result = check(double, "first run");
    expect(result).toEqual(ok("first run", result.figures));
    expect(double.stats.suspendApiCalculationCalls).toBeGreaterThan(0);
    expect(double.stats.totalBytes).toBeGreaterThan(10 * MiB);
  }, 300_000);

  it("re-runs (saving the cells it overwrites first) and undoes within the same bound, no request or response over 4 MiB", async () => {
    const model = bigModel();
    const double = createExcelDouble(model, { requestLimitBytes: LIMIT, responseLimitBytes: LIMIT });
    const host = createExcelHost(asExcel(double), { ...env, port: { limitBytes: LIMIT } });
    expect((await host.run({ lang: "zh-CN", settings: {} }, () => undefined)).ok).toBe(true);
    for (const step of ["re-run", "undo"] as const) {
      double.stats.reset();
      if (step === "re-run")
        expect((await host.run({ lang: "zh-CN", settings: { threshold: 0.1 } }, () => undefined)).ok).toBe(true);
      else expect(await host.undoLastRun!("zh-CN")).toEqual({ ok: true });
      const result = check(double, step);
      expect(result).toEqual(ok(step, result.figures));
      expect(double.stats.totalBytes).toBeGreaterThan(10 * MiB);
    }
  }, 300_000);
});
