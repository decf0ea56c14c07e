import { basename } from "node:path";
import { createExcelHost } from "../../src/adapters/excel/excelHost";
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
    for (let i = 0; i < cli.sheets.length; i++) expect(pane.sheets[i]).toEqual(cli.sheets[i]);
    // The generated time was compared as text of its form (the double would have made a date of it).
    const report = pane.sheets.find((s) => s.rows.some((r) => r[0] === generated))!;
    expect(report.rows.find((r) => r[0] === generated)).toEqual([generated, GENERATED_TIME]);
    // The command line has no undo: the Office.js path's undo data and kept sheet are its own.
    expect(model.sheets.map((s) => s.name).filter((n) => ![RECORD_SHEET, UNDO_SHEET, BACKUP_SHEET].includes(n))).toEqual(cli.names);
    expect(model.sheets.find((s) => s.name === RECORD_SHEET)?.visibility).toBe("VeryHidden");
    expect(model.sheets.find((s) => s.name === UNDO_SHEET)?.visibility).toBe("VeryHidden");
  });
});
