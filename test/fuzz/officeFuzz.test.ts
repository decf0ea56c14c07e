import { createExcelHost } from "../../src/adapters/excel/excelHost";
import { excelPort } from "../../src/adapters/excel/excelPort";
import { reviewWorkbook, type ReviewWorkbookResult } from "../../src/adapters/reviewWorkbook";
import type { Lang } from "../../src/i18n";
import { asExcel, createExcelDouble } from "../excel-double/excelDouble";
import type { WorkbookModel } from "../excel-double/model";
import { inputTexts, toModel } from "./build";
import { BadCellScan, nonFiniteFigures, unlistedSkippedRows } from "./checks";
import type { FuzzWorkbook } from "./generators";
import { clearMessage, count, countWorkbook, describeFuzz, GENERATED_AT, newTally, writeSummary } from "./harness";

const env = { isSetSupported: () => false, now: () => new Date(2026, 10, 23, 9, 30) };
const tally = newTally("officejs");
afterAll(() => writeSummary(tally));

/** Every value in the double's workbook after the run. */
function writtenCells(model: WorkbookModel): [string, (string | number | boolean | null)[][]][] {
  return model.sheets.map((s) => [s.name, [[...s.cells.values()].map((c) => c.value ?? null)]]);
}

async function check(wb: FuzzWorkbook, lang: Lang, k: number): Promise<void> {
  countWorkbook(tally, wb);
  const model = toModel(wb);
  let result: ReviewWorkbookResult;
  try {
    // What the host's run does inside its Excel.run, kept here for the review it returns.
    result = await asExcel(createExcelDouble(model)).run((context) =>
      reviewWorkbook(excelPort(context), { lang, generatedAt: GENERATED_AT }),
    );
  } catch (e) {
    const clear = clearMessage(e, lang);
    if (!clear) {
      tally.crashes++;
      throw e;
    }
    count(tally.clearMessages, clear.code);
    // The pane gets exactly that message from the host, not a generic error.
    const outcome = await createExcelHost(asExcel(createExcelDouble(toModel(wb))), env).run(
      { lang, settings: {} },
      () => undefined,
    );
    expect(outcome.ok ? "finished" : outcome.message).toBe(clear.message);
    return;
  }
  tally.finished++;
  tally.issuesReported += result.review.issues.length;
  // The review's own figures are finite too, not only the cells written from them.
  expect(nonFiniteFigures(result.review)).toBe(0);
  const scan = new BadCellScan(
    inputTexts(wb),
    wb.sheets.map((s) => s.name),
  )
    .plan(result.plan)
    .sheets(writtenCells(model));
  expect(scan.found).toEqual([]);
  expect(unlistedSkippedRows(result.review, wb)).toEqual([]);
  // A second run finds its columns again: no input sheet or table grows.
  const shape = () => ({
    tables: model.tables.map((t) => [t.name, t.columns.map((c) => c.name)]),
    widths: wb.sheets.map((s) => model.sheetValues(s.name).values.reduce((w, row) => Math.max(w, row.length), 0)),
  });
  const first = shape();
  // Excel keeps a table's header cells and column names one and the same (it renames a duplicate "Tier" to "Tier2").
  for (const t of model.tables) {
    const sheet = model.sheetById(t.sheetId)!;
    expect(t.columns.map((c) => c.name)).toEqual(
      t.columns.map((_, i) => String(sheet.get(t.box.top, t.box.left + i)?.value ?? "")),
    );
  }
  await asExcel(createExcelDouble(model)).run((context) =>
    reviewWorkbook(excelPort(context), { lang, generatedAt: GENERATED_AT }),
  );
  expect(shape()).toEqual(first);
  if (k % 10 === 0) {
    const outcome = await createExcelHost(asExcel(createExcelDouble(toModel(wb))), env).run(
      { lang, settings: {} },
      () => undefined,
    );
    expect(outcome.ok).toBe(true);
  }
}

describeFuzz("fuzz: generated workbooks through the Office.js adapter and the strict Excel double", tally, check);
