import { parseA1 } from "../../src/core/_lib/a1";
import { basename } from "node:path";
import { createExcelHost } from "../../src/adapters/excel/excelHost";
import { cliWorkbook, paneWorkbook } from "../e2e/compareWithCli";
import { asExcel, createExcelDouble } from "../excel-double/excelDouble";
import { modelFromFile } from "../excel-double/fromExcelJS";
import { SAMPLE_EN, SAMPLE_ZH } from "../fixtures/paths";
import type { Cell } from "../../src/core/_lib/cells";
import type { PlanSummary } from "../../src/taskpane/host";
import { planVisitRows } from "../support/planSheetRows";
import { describeFull } from "../support/tier";
import { BACKUP_PLAN_SHEET } from "../../src/core/record";

/** The same rows from what the pane's Plan view gets. */
function viewRows(plan: PlanSummary): Cell[][] {
  return plan.reps.flatMap((rep) =>
    rep.days.flatMap((day) =>
      day.visits.map((v) => [rep.salesperson, day.date, day.region, v.customer, v.name, v.tier, v.reasons]),
    ),
  );
}

const env = {
  isSetSupported: () => false,
  now: () => new Date(2026, 10, 23, 9, 30),
};

const SAMPLES = {
  zh: { file: basename(SAMPLE_ZH), input: SAMPLE_ZH, lang: "zh-CN" as const, plan: "拜访计划 2026-11" },
  en: { file: basename(SAMPLE_EN), input: SAMPLE_EN, lang: "en-US" as const, plan: "Plan 2026-07" },
};

// The same path on both samples (each calendar is the engine's, checked in test/golden/plan.test.ts):
// the quick tier runs the smaller (3,400 orders), the full tier the 5,857-order one too.
describe.each([SAMPLES.en])("the Office.js adapter writes next month's plan on $file (issue 16)", onePlan);
describeFull.each([SAMPLES.zh])("the Office.js adapter writes next month's plan on $file (issue 16)", onePlan);

function onePlan({ input, lang, plan }: (typeof SAMPLES)[keyof typeof SAMPLES]): void {
  it("writes the same cells as the command line with --plan, and a re-run replaces the plan sheet", async () => {
    const model = await modelFromFile(input);
    const host = createExcelHost(asExcel(createExcelDouble(model)), env);
    const outcome = await host.run({ lang, settings: { plan: true } }, () => undefined);
    if (!outcome.ok) throw new Error(outcome.message);
    const cli = await cliWorkbook(input, lang, ["--plan"]);
    // The pane's Plan view shows, from the run's own result, exactly the visit rows of the plan sheet.
    const sheet = cli.sheets[cli.names.indexOf(plan)];
    const shown = outcome.summary.plan!;
    expect({ month: shown.month, sheet: shown.sheet }).toEqual({ month: plan.slice(-7), sheet: plan });
    expect(shown.calendar).toBe(sheet.rows[2][1]);
    const rows = planVisitRows(sheet.rows, lang);
    expect(rows.length).toBeGreaterThan(10);
    expect(viewRows(shown)).toEqual(rows);
    // A birthday's or anniversary's customer is a row to select: the target cell holds that customer.
    const greeted = shown.greetings.filter((g) => g.customer);
    expect(greeted.length).toBeGreaterThan(0);
    for (const g of greeted) {
      const { sheet: at, address } = g.customer!.target!;
      const { row, col } = parseA1(address);
      const { values, origin } = model.sheetValues(at);
      expect(values[row - origin.row].slice(col - origin.col)).toContain(g.customer!.customer);
    }
    const pane = paneWorkbook(model, lang);
    expect(pane.names).toEqual(cli.names);
    expect(cli.names).toContain(plan);
    for (let i = 0; i < cli.sheets.length; i++) expect(pane.sheets[i]).toEqual(cli.sheets[i]);

    // The setting is saved in the workbook: a second run writes the plan again, in place of the first.
    expect((await host.run({ lang, settings: {} }, () => undefined)).ok).toBe(true);
    const again = paneWorkbook(model, lang);
    expect(again.names.filter((n) => n.startsWith(plan.slice(0, 4)))).toEqual([plan]);
    const at = cli.names.indexOf(plan);
    expect(again.sheets[again.names.indexOf(plan)]).toEqual(cli.sheets[at]);
  });

  it("Undo of a re-run brings back the plan sheet it replaced, where it was", async () => {
    const model = await modelFromFile(input);
    const host = createExcelHost(asExcel(createExcelDouble(model)), env);
    expect((await host.run({ lang, settings: { plan: true } }, () => undefined)).ok).toBe(true);
    const first = paneWorkbook(model, lang);
    const id = model.sheet(plan)!.id;
    // Two visits a day instead of four: another plan sheet, so the one Undo brings back is told apart.
    expect((await host.run({ lang, settings: { visitsPerDay: 2 } }, () => undefined)).ok).toBe(true);
    const second = paneWorkbook(model, lang);
    expect(second.sheets[second.names.indexOf(plan)]).not.toEqual(first.sheets[first.names.indexOf(plan)]);
    expect(await host.undoLastRun!(lang)).toEqual({ ok: true });
    const undone = paneWorkbook(model, lang);
    expect(undone.names).toEqual(first.names);
    expect(undone.sheets).toEqual(first.sheets);
    expect(model.sheet(plan)!.id).toBe(id);
    expect(model.sheets.map((s) => s.name)).not.toContain(BACKUP_PLAN_SHEET);
  });
}
