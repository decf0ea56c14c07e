import { basename } from "node:path";
import { createExcelHost } from "../../src/adapters/excel/excelHost";
import { decodeRecord, RECORD_SHEET } from "../../src/core/record";
import { pickedInputs } from "../../src/taskpane/combine/readClient";
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
    const files = pickedInputs([picked(SAMPLE_ZH), picked(SAMPLE_EN)], inProcessWorker(), "zh-CN");
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
});
