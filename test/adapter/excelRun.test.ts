import { basename } from "node:path";
import { createExcelHost } from "../../src/adapters/excel/excelHost";
import { NUMBER_FORMATS } from "../../src/core/output";
import { BACKUP_SHEET, RECORD_SHEET, UNDO_SHEET } from "../../src/core/record";
import { cliWorkbook, GENERATED_TIME, paneWorkbook } from "../e2e/compareWithCli";
import { asExcel, createExcelDouble } from "../excel-double/excelDouble";
import { modelFromFile } from "../excel-double/fromExcelJS";
import { SAMPLE_EN, SAMPLE_ZH } from "../fixtures/paths";

const env = { isSetSupported: () => false, now: () => new Date(2026, 10, 23, 9, 30) };

describe.each([
  { file: basename(SAMPLE_ZH), input: SAMPLE_ZH, lang: "zh-CN" as const, generated: "生成时间" },
  { file: basename(SAMPLE_EN), input: SAMPLE_EN, lang: "en-US" as const, generated: "Generated" },
])("the Office.js adapter on $file", ({ input, lang, generated }) => {
  it("writes exactly what the command line writes for the same input, every cell of every sheet", async () => {
    const model = await modelFromFile(input);
    const double = createExcelDouble(model);
    const outcome = await createExcelHost(asExcel(double), env).run({ lang, settings: {} }, () => undefined);
    expect(outcome.ok).toBe(true);

    const pane = paneWorkbook(model, lang);
    const cli = await cliWorkbook(input, lang);
    expect(pane.names).toEqual(cli.names);
    // Values and the number format of every cell with a value (issue 14: money, ratios, dates as the command line writes them).
    for (let i = 0; i < cli.sheets.length; i++) expect(pane.sheets[i]).toEqual(cli.sheets[i]);
    const used = new Set(pane.sheets.flatMap((s) => s.formats.flat()));
    expect([NUMBER_FORMATS.money, NUMBER_FORMATS.percent, NUMBER_FORMATS.date].filter((f) => !used.has(f))).toEqual([]);
    // The generated time was compared as text of its form (the double would have made a date of it).
    const report = pane.sheets.find((s) => s.rows.some((r) => r[0] === generated))!;
    expect(report.rows.find((r) => r[0] === generated)).toEqual([generated, GENERATED_TIME]);
    // The command line has no undo: the Office.js path's undo data and kept sheet are its own.
    expect(
      model.sheets.map((s) => s.name).filter((n) => ![RECORD_SHEET, UNDO_SHEET, BACKUP_SHEET].includes(n)),
    ).toEqual(cli.names);
    expect(model.sheets.find((s) => s.name === RECORD_SHEET)?.visibility).toBe("VeryHidden");
    expect(model.sheets.find((s) => s.name === UNDO_SHEET)?.visibility).toBe("VeryHidden");
  });
});

describe("what the run tells the pane about reading the workbook (issue 14)", () => {
  it("counts the rows after the as-of date per sheet and says how text dates like 3/5/2024 were read", async () => {
    const model = await modelFromFile(SAMPLE_ZH);
    // A visit typed day first: 13 cannot be a month, so the sheet's dates like it are read day first.
    model.setValues("拜访记录", { row: 1, col: 0 }, [["13/9/2026"]]);
    const outcome = await createExcelHost(asExcel(createExcelDouble(model)), env).run(
      { lang: "zh-CN", month: "2026-09", settings: {} },
      () => undefined,
    );
    if (!outcome.ok) throw new Error(outcome.message);
    // The sample's rows dated in October 2026, counted from its cells: 266 orders, 139 visits.
    expect(outcome.summary.afterAsOf).toEqual([
      { sheet: "订单表", rows: 266 },
      { sheet: "拜访记录", rows: 139 },
    ]);
    expect(outcome.summary.dateOrders).toEqual([{ sheet: "拜访记录", order: "dayFirst" }]);
  });
});

describe("what the pane shows after a run, without reading the workbook again (issue 14)", () => {
  it.each([
    ["first run", SAMPLE_ZH, false, "月度分析 2026-10"],
    ["re-run of the month", SAMPLE_ZH, true, "月度分析 2026-10"],
    ["first run", SAMPLE_EN, false, "月度分析 2026-06"],
  ])("equals what reading the workbook gives after the %s (%s)", async (_, input, rerun, report) => {
    const model = await modelFromFile(input);
    const host = createExcelHost(asExcel(createExcelDouble(model)), env);
    if (rerun) expect((await host.run({ lang: "zh-CN", settings: {} }, () => undefined)).ok).toBe(true);
    const outcome = await host.run({ lang: "zh-CN", settings: { threshold: 0.6 } }, () => undefined);
    if (!outcome.ok) throw new Error(outcome.message);
    expect(outcome.after).toEqual({ inspection: await host.inspect("zh-CN"), lastRun: await host.lastRun!() });
    expect(outcome.after?.lastRun.reportSheet).toBe(report);
  });
});
