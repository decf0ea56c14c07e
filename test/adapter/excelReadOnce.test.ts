import { createExcelHost } from "../../src/adapters/excel/excelHost";
import type { ReviewHost, RunOutcome } from "../../src/taskpane/host";
import { asExcel, createExcelDouble, type DoubleOptions, type ExcelDouble } from "../excel-double/excelDouble";
import { modelFromFile } from "../excel-double/fromExcelJS";
import type { WorkbookModel } from "../excel-double/model";
import { insertRow, recalculate, sortRowsDescending, typeValue } from "../excel-double/userEdits";
import { SAMPLE_ZH } from "../fixtures/paths";
import { itFull } from "../support/tier";

/**
 * Issue 14 item 3: a Run reuses the grids the pane read on opening while the workbook has not
 * changed (change events, `workbookWatch.ts`, and the sheets' geometry in the run's first read
 * request), and reads them again otherwise.
 */

const now = () => new Date(2026, 10, 23, 9, 30);
const SAMPLE_BYTES = 150_000; // the sample's grids are ~0.5 MB of JSON: a read of them is far above this

interface Pane {
  model: WorkbookModel;
  double: ExcelDouble;
  host: ReviewHost;
}

/** The pane opened on the sample: inspected (and asked what Undo would take back). */
async function open(options: DoubleOptions = {}, edit?: (model: WorkbookModel) => void): Promise<Pane> {
  const model = await modelFromFile(SAMPLE_ZH);
  edit?.(model);
  const double = createExcelDouble(model, options);
  const host = createExcelHost(asExcel(double), { isSetSupported: double.isSetSupported, now });
  await host.inspect("zh-CN");
  await host.lastRun!();
  await double.events.settled();
  return { model, double, host };
}

/** Runs, and what the run cost: syncs and bytes Excel sent back. */
async function run(pane: Pane, settings = {}): Promise<{ outcome: RunOutcome; syncs: number; responseBytes: number }> {
  pane.double.stats.reset();
  const outcome = await pane.host.run({ lang: "zh-CN", settings }, () => undefined);
  await pane.double.events.settled();
  const s = pane.double.stats;
  return { outcome, syncs: s.syncCount, responseBytes: s.syncs.reduce((n, x) => n + x.responseBytes, 0) };
}

/** The same run on a fresh double that never inspected: what reading everything in the run costs and gives. */
async function fresh(
  edit?: (model: WorkbookModel) => void,
  settings = {},
): Promise<{ model: WorkbookModel; syncs: number; responseBytes: number }> {
  const model = await modelFromFile(SAMPLE_ZH);
  edit?.(model);
  const double = createExcelDouble(model);
  const outcome = await createExcelHost(asExcel(double), { isSetSupported: double.isSetSupported, now }).run(
    { lang: "zh-CN", settings },
    () => undefined,
  );
  expect(outcome.ok).toBe(true);
  return {
    model,
    syncs: double.stats.syncCount,
    responseBytes: double.stats.syncs.reduce((n, x) => n + x.responseBytes, 0),
  };
}

describe("one read per run (issue 14)", () => {
  it("does not read the grids again when nothing changed since the pane opened, and writes the same workbook", async () => {
    const pane = await open();
    const reused = await run(pane);
    const full = await fresh();
    expect(reused.outcome.ok).toBe(true);
    // The read's sample request, its table ranges, what is beside the tables and the value chunks are not made.
    expect(reused.syncs).toBeLessThanOrEqual(full.syncs - 3);
    expect(full.responseBytes - reused.responseBytes).toBeGreaterThan(SAMPLE_BYTES);
    expectSameWorkbook(pane.model, full.model);
  });

  it("applies settings changed in the pane to the grids it read: settings are not workbook changes", async () => {
    const pane = await open();
    const reused = await run(pane, { threshold: 0.6 });
    const full = await fresh(undefined, { threshold: 0.6 });
    expect(full.responseBytes - reused.responseBytes).toBeGreaterThan(SAMPLE_BYTES);
    expectSameWorkbook(pane.model, full.model);
  });

  it("reads again and sees a value the user typed after the pane opened", async () => {
    const pane = await open();
    // 订单表 row 2's amount (column F as the sample lays it out) becomes 999,999.
    const edit = (m: WorkbookModel) => typeValue(m, "订单表", 1, amountColumn(m), 999_999);
    edit(pane.model);
    const again = await run(pane);
    const full = await fresh(edit);
    expect(again.responseBytes).toBeGreaterThan(full.responseBytes - 1_000);
    expectSameWorkbook(pane.model, full.model);
  });

  // Rows sorted raise only WorksheetRowSorted in the double; a row inserted also changes the used range.
  it.each([["rows sorted", (m: WorkbookModel) => sortRowsDescending(m, "订单表", 1, 40, 0)]])(
    "reads again after %s",
    readsAgainAfter,
  );
  itFull.each([
    ["a row inserted", (m: WorkbookModel) => insertRow(m, "拜访记录", 5)],
    [
      "a sheet renamed (no event before ExcelApi 1.17: the sheet list tells)",
      (m: WorkbookModel) => (m.sheet("费用表")!.name = "费用"),
    ],
  ])("reads again after %s", readsAgainAfter);

  async function readsAgainAfter(_: string, edit: (m: WorkbookModel) => void): Promise<void> {
    const pane = await open();
    edit(pane.model);
    const again = await run(pane);
    const full = await fresh(edit);
    expect(again.outcome.ok).toBe(true);
    expect(again.responseBytes).toBeGreaterThan(full.responseBytes - 1_000);
    expectSameWorkbook(pane.model, full.model);
  }

  it("reads again after a volatile formula recalculated (WorksheetCalculated, no WorksheetChanged)", async () => {
    const withToday = (m: WorkbookModel) => m.sheet("费用表")!.put(0, 30, { formula: "=TODAY()", value: 46349 });
    const pane = await open({}, withToday);
    recalculate(pane.model, "费用表", [[0, 30, 46350]]);
    const again = await run(pane);
    const full = await fresh((m) => {
      withToday(m);
      m.sheet("费用表")!.put(0, 30, { formula: "=TODAY()", value: 46350 });
    });
    expect(again.responseBytes).toBeGreaterThan(full.responseBytes - 1_000);
    expectSameWorkbook(pane.model, full.model);
  });

  it("reads again where the events' requirement set (ExcelApi 1.10) is missing", async () => {
    const pane = await open({ apiSets: { ExcelApi: "1.9" } });
    expect(pane.double.events.count("onChanged")).toBe(0);
    const again = await run(pane);
    const full = await fresh();
    expect(again.outcome.ok).toBe(true);
    expect(again.responseBytes).toBeGreaterThan(full.responseBytes - 1_000);
  });

  itFull("uses a read for one run only: the second run reads what the first wrote", async () => {
    const pane = await open();
    await run(pane);
    const second = await run(pane);
    expect(second.outcome.ok).toBe(true);
    const full = await fresh();
    expect(second.responseBytes).toBeGreaterThan(full.responseBytes);
  });

  it("registers its handlers once, however often the pane reads the workbook", async () => {
    const pane = await open();
    await pane.host.inspect("en-US");
    expect(pane.double.events.count("onChanged")).toBe(1);
    expect(pane.double.events.count("onCalculated")).toBe(1);
    expect(pane.double.events.count("onRowSorted")).toBe(1);
  });
});

/** Both workbooks hold the same, sheet by sheet (run ids, which are random, aside); a difference names the sheet, not 200,000 lines. */
function expectSameWorkbook(a: WorkbookModel, b: WorkbookModel): void {
  const sheets = (m: WorkbookModel) => {
    const text = JSON.stringify(m.snapshot().sheets);
    const id = /\\"id\\":\\"([^\\"]+)\\"/.exec(text)?.[1];
    const plain = id ? text.split(id).join("RUN") : text;
    return (JSON.parse(plain) as { name: string }[]).map((s) => ({ name: s.name, json: JSON.stringify(s) }));
  };
  const left = sheets(a);
  const right = sheets(b);
  expect(left.map((s) => s.name)).toEqual(right.map((s) => s.name));
  expect(left.filter((s, i) => s.json !== right[i]!.json).map((s) => s.name)).toEqual([]);
}

/** The order sheet's amount column (0-based) in the sample's header row. */
function amountColumn(model: WorkbookModel): number {
  const { values } = model.sheetValues("订单表");
  const c = values[0]!.findIndex((h) => typeof h === "string" && /金额/.test(h));
  if (c < 0) throw new Error(`no amount header in ${JSON.stringify(values[0])}`);
  return c;
}
