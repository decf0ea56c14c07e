import { basename } from "node:path";
import { createExcelHost } from "../../src/adapters/excel/excelHost";
import { decodeRecord, RECORD_SHEET } from "../../src/core/record";
import { t } from "../../src/i18n";
import { combineInWorker } from "../../src/taskpane/combine/combineInWorker";
import { cliWorkbook, paneWorkbook } from "../e2e/compareWithCli";
import { asExcel, createExcelDouble } from "../excel-double/excelDouble";
import { modelFromFile } from "../excel-double/fromExcelJS";
import { SAMPLE_EN, SAMPLE_ZH } from "../fixtures/paths";
import { inProcessWorker, picked } from "../support/inProcessWorker";

const env = { isSetSupported: () => false, now: () => new Date(2026, 11, 6, 20, 0) };

describe("Combine workbooks in the pane's host (issue 17)", () => {
  it("writes the command line's combined sheets and analysis sheet as new sheets, the user's sheets unchanged", async () => {
    const model = await modelFromFile(SAMPLE_EN);
    const before = paneWorkbook(model, "zh-CN");
    const files = combineInWorker([{ file: picked(SAMPLE_ZH) }, { file: picked(SAMPLE_EN) }], inProcessWorker());
    const outcome = await createExcelHost(asExcel(createExcelDouble(model)), env).combine!(
      { lang: "zh-CN", includeOwn: false, ownName: "this" },
      files,
      () => undefined,
    );
    if (!outcome.ok) throw new Error(outcome.message);

    const cli = await cliWorkbook(SAMPLE_ZH, "zh-CN", [SAMPLE_EN]);
    expect(cli.names).toEqual(["客户表", "订单表", "拜访表", "费用表", "月度分析 2026-10"]);
    const pane = paneWorkbook(model, "zh-CN");
    expect(pane.names).toEqual([...before.names, ...cli.names]);
    for (const sheet of cli.sheets) expect(pane.sheets.find((s) => s.name === sheet.name)).toEqual(sheet);
    for (const sheet of before.sheets) expect(pane.sheets.find((s) => s.name === sheet.name)).toEqual(sheet);
    expect(outcome.summary.reportSheet).toBe("月度分析 2026-10");
    expect(outcome.summary.combined?.[0]).toContain(basename(SAMPLE_ZH));
    expect(model.sheets.find((s) => s.name === RECORD_SHEET)?.visibility).toBe("VeryHidden");
    expect(decodeRecord(model.sheetValues(RECORD_SHEET).values.map((r) => r[0])).ownedSheets).toEqual([
      { sheet: "客户表", kind: "combined" },
      { sheet: "订单表", kind: "combined" },
      { sheet: "拜访表", kind: "combined" },
      { sheet: "费用表", kind: "combined" },
      { sheet: "月度分析 2026-10", kind: "review" },
    ]);
  });

  it("reviews the combined sheets again on a later Run, not the workbook's own sheets beside them", async () => {
    // The open workbook's own order sheet is larger than the combined one: a review that read both would take it.
    const model = await modelFromFile(SAMPLE_ZH);
    const host = createExcelHost(asExcel(createExcelDouble(model)), env);
    const files = combineInWorker([{ file: picked(SAMPLE_EN) }], inProcessWorker());
    const combined = await host.combine!({ lang: "zh-CN", includeOwn: false, ownName: "this" }, files, () => undefined);
    if (!combined.ok) throw new Error(combined.message);
    const report = combined.summary.reportSheet;
    const afterCombine = paneWorkbook(model, "zh-CN").sheets.find((s) => s.name === report);
    const afterCombineCustomers = paneWorkbook(model, "zh-CN").sheets.find((s) => s.name === "客户表 (2)");

    const rerun = await host.run({ lang: "zh-CN", settings: {} }, () => undefined);
    if (!rerun.ok) throw new Error(rerun.message);
    expect(rerun.summary.reportSheet).toBe(report);
    const afterRun = paneWorkbook(model, "zh-CN").sheets.find((s) => s.name === report);
    // Every figure is the team review's; the sheet's head (rows read) and its data issues differ, because the
    // inputs and their conflicts are the team review's to report and a later Run has only the combined sheets.
    const figures = (rows: unknown[][]) =>
      rows.slice(
        rows.findIndex((r) => r[0] === "月度活动表"),
        rows.findIndex((r) => r[0] === "数据问题"),
      );
    expect(figures(afterRun!.rows)).toEqual(figures(afterCombine!.rows));
    expect(figures(afterRun!.rows).length).toBeGreaterThan(100);
    expect(afterRun!.rows.slice(3, 7)).toEqual([
      ["读取的表", "客户表：客户表 (2)，121 行"],
      [null, "订单表：订单表 (2)，3390 行"],
      [null, "拜访表：拜访表，2131 行"],
      [null, "费用表：费用表 (2)，96 行"],
    ]);
    const customers = (m: typeof model) => paneWorkbook(m, "zh-CN").sheets.find((s) => s.name === "客户表 (2)");
    expect(customers(model)).toEqual(afterCombineCustomers);
  });

  it.each([
    ["the open workbook's sheets left out", SAMPLE_ZH, [SAMPLE_EN], false],
    ["the open workbook's sheets taking part", SAMPLE_EN, [SAMPLE_ZH], true],
  ])(
    "tells the pane what the workbook now holds, as reading it again finds it (%s)",
    async (_, open, inputs, includeOwn) => {
      const model = await modelFromFile(open);
      const host = createExcelHost(asExcel(createExcelDouble(model)), env);
      const files = combineInWorker(
        inputs.map((f) => ({ file: picked(f) })),
        inProcessWorker(),
      );
      const outcome = await host.combine!({ lang: "zh-CN", includeOwn, ownName: "this" }, files, () => undefined);
      if (!outcome.ok) throw new Error(outcome.message);
      expect(outcome.after?.inspection.detection?.orders?.sheet).toMatch(/^订单表/);
      expect(outcome.after).toEqual({ inspection: await host.inspect("zh-CN"), lastRun: await host.lastRun!() });
    },
  );

  it("leaves the pane to read the workbook again when it saves a month of its own", async () => {
    const model = await modelFromFile(SAMPLE_ZH);
    const host = createExcelHost(asExcel(createExcelDouble(model)), env);
    const run = await host.run({ lang: "zh-CN", month: "2026-09", settings: {} }, () => undefined);
    if (!run.ok) throw new Error(run.message);
    const files = combineInWorker([{ file: picked(SAMPLE_EN) }], inProcessWorker());
    const outcome = await host.combine!({ lang: "zh-CN", includeOwn: false, ownName: "this" }, files, () => undefined);
    if (!outcome.ok) throw new Error(outcome.message);
    expect((await host.inspect("zh-CN")).settings.month).toBe("2026-09");
    expect(outcome.after).toBeUndefined();
  });

  it("writes nothing when cancelled during the combine in the worker", async () => {
    const model = await modelFromFile(SAMPLE_EN);
    const before = model.snapshot();
    const double = createExcelDouble(model);
    const controller = new AbortController();
    const files = combineInWorker([{ file: picked(SAMPLE_ZH) }], inProcessWorker(), {
      signal: controller.signal,
      onStep: (step) => {
        if (step.kind === "review") controller.abort();
      },
    });
    const outcome = await createExcelHost(asExcel(double), env).combine!(
      { lang: "zh-CN", includeOwn: true, ownName: "this" },
      files,
      () => undefined,
      controller.signal,
    );
    expect(outcome).toEqual({ ok: false, code: "Cancelled", message: t("zh-CN", "office.cancelled") });
    expect(model.snapshot()).toEqual(before);
  });
});
