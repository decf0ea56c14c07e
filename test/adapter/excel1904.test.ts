import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { createExcelHost } from "../../src/adapters/excel/excelHost";
import type { Cell } from "../../src/core/_lib/cells";
import { cliWorkbook, paneWorkbook } from "../e2e/compareWithCli";
import { asExcel, createExcelDouble } from "../excel-double/excelDouble";
import { modelFromBytes } from "../excel-double/fromExcelJS";
import type { WorkbookModel } from "../excel-double/model";
import { SAMPLE_EN, SAMPLE_ZH } from "../fixtures/paths";
import { describeFull } from "../support/tier";
import { to1904 } from "../support/to1904";
import { combineInWorker } from "../../src/taskpane/combine/combineInWorker";
import { inProcessWorker, picked } from "../support/inProcessWorker";

/**
 * The Office.js path on a 1904-date-system workbook (issue 13): the 1904 twin of each sample
 * (every date cell 1,462 lower, date1904 set; test/support/to1904.ts) loaded into the strict
 * double, which then answers DATE(1904,1,1) with 0 as Excel does. The pane must write the same
 * cells as the command line on the same twin (which test/golden/samples.test.ts checks against
 * every expected figure), with every date cell showing the same calendar date.
 */

const env = { isSetSupported: () => false, now: () => new Date(2026, 10, 23, 9, 30) };

/** A number format that shows a date (y or d outside quotes and brackets). */
const isDateFormat = (format: string | undefined) =>
  format !== undefined && /[yd]/i.test(format.replace(/"[^"]*"|\[[^\]]*\]|\\./g, ""));

/** The model's date cells as the 1900 serials of the dates they show, as the independent reader gives the command line's output. */
function showCalendarDates(model: WorkbookModel): void {
  for (const sheet of model.sheets) {
    for (const [r, c, cell] of [...sheet.entries()]) {
      if (typeof cell.value === "number" && isDateFormat(cell.numberFormat))
        sheet.put(r, c, { ...cell, value: cell.value + 1462 });
    }
  }
}

const TWINS = {
  zh: { file: basename(SAMPLE_ZH), input: SAMPLE_ZH, lang: "zh-CN" as const },
  en: { file: basename(SAMPLE_EN), input: SAMPLE_EN, lang: "en-US" as const },
};

// The same path on both samples: the quick tier runs the smaller (3,400 orders), the full tier the 5,857-order one too.
describe.each([TWINS.en])("the Office.js adapter on the 1904 twin of $file", oneTwin);
describeFull.each([TWINS.zh])("the Office.js adapter on the 1904 twin of $file", oneTwin);

function oneTwin({ input, lang }: (typeof TWINS)[keyof typeof TWINS]): void {
  it("writes what the command line writes for the twin, every date on the same calendar day", async () => {
    const twin = await to1904(readFileSync(input));
    const model = await modelFromBytes(twin.bytes);
    expect(model.date1904).toBe(true);
    const outcome = await createExcelHost(asExcel(createExcelDouble(model)), env).run(
      { lang, settings: {} },
      () => undefined,
    );
    if (!outcome.ok) throw new Error(outcome.message);
    showCalendarDates(model);

    const dir = mkdtempSync(join(tmpdir(), "excel1904-"));
    try {
      const file = join(dir, basename(input));
      writeFileSync(file, twin.bytes);
      const cli = await cliWorkbook(file, lang);
      const pane = paneWorkbook(model, lang);
      expect(pane.names).toEqual(cli.names);
      for (let i = 0; i < cli.sheets.length; i++) expect(pane.sheets[i]).toEqual(cli.sheets[i]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}

describe("Combine into a 1904 workbook (issue 17)", () => {
  it("writes the combined sheets' dates in the open workbook's date system: the same calendar days as in a 1900 one", async () => {
    const combineInto = async (model: WorkbookModel) => {
      const files = combineInWorker([{ file: picked(SAMPLE_ZH) }], inProcessWorker());
      const host = createExcelHost(asExcel(createExcelDouble(model)), env);
      const outcome = await host.combine!(
        { lang: "zh-CN", includeOwn: false, ownName: "this" },
        files,
        () => undefined,
      );
      if (!outcome.ok) throw new Error(outcome.message);
      return model;
    };
    const plain = paneWorkbook(await combineInto(await modelFromBytes(readFileSync(SAMPLE_EN))), "zh-CN");
    const twin = await combineInto(await modelFromBytes((await to1904(readFileSync(SAMPLE_EN))).bytes));
    showCalendarDates(twin);
    const shown = paneWorkbook(twin, "zh-CN");
    const added = ["客户表", "订单表", "拜访表", "费用表", "月度分析 2026-10"];
    expect(plain.names).toEqual(expect.arrayContaining(added));
    for (const name of added)
      expect(shown.sheets.find((s) => s.name === name)).toEqual(plain.sheets.find((s) => s.name === name));
  });
});

describe("Excel.Functions.date in the double", () => {
  it("gives DATE(1904,1,1) as 0 in a 1904 workbook and 1462 otherwise, as the add-in reads the date system", async () => {
    const answers: (Cell | null)[] = [];
    for (const date1904 of [false, true]) {
      const model = await modelFromBytes((await to1904(readFileSync(SAMPLE_EN))).bytes);
      model.date1904 = date1904;
      await asExcel(createExcelDouble(model)).run(async (context) => {
        const r = context.workbook.functions.date(1904, 1, 1);
        r.load("value");
        await context.sync();
        answers.push(r.value);
      });
    }
    expect(answers).toEqual([1462, 0]);
  });
});
