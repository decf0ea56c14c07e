import { createExcelHost } from "../../src/adapters/excel/excelHost";
import type { ReviewOptions } from "../../src/core/options";
import { t } from "../../src/i18n";
import type { RunOutcome } from "../../src/taskpane/host";
import { asExcel, createExcelDouble, type ExcelDouble } from "../excel-double/excelDouble";
import { WorkbookModel, cellKey } from "../excel-double/model";
import { modelFromJson, modelToJson } from "../excel-double/serialize";
import { recordOf, userView } from "./officeCompare";
import { ledgerModel } from "../support/ledgerModel";
import { pointsToTest } from "../support/tier";

/**
 * Guarantee 3 of issue 4 on the Office.js path: a run is all or nothing for the user. A
 * run that fails at any request is repaired by the next run (the workbook then equals a
 * clean run's, cell by cell); "Undo last run" gives back the workbook as it was before.
 * Requests are kept small (10 KB) so that a run of this small workbook takes many of them (more than 20).
 */

const env = { isSetSupported: () => false, now: () => new Date(2026, 10, 23, 9, 30), port: { limitBytes: 10 * 1024 } };

/** A customer table with a user's formula column, an order log and a visit log: tables widened, highlights, a created review sheet. */
function ledger(): WorkbookModel {
  const model = ledgerModel({ visits: true, styledCell: true });
  const customers = model.sheet("客户")!;
  model.sheet("订单")!.put(0, 6, { value: "备注", font: { bold: true } });
  model.sheet("订单")!.put(3, 6, { value: 2, formula: "=1+1" });
  // What users keep beside the cells, so that every comparison below covers it too.
  customers.notes.set(cellKey(1, 1), { text: "重点客户" });
  for (let r = 1; r <= 40; r++) customers.validations.set(cellKey(r, 3), { type: "list", formulae: ['"华东,华北"'] });
  customers.hiddenRows.add(5);
  customers.freeze = { rows: 1, cols: 0 };
  const orders = model.sheet("订单")!;
  orders.merges.push({ top: 402, left: 0, bottom: 402, right: 3 });
  orders.autoFilter = {
    box: { top: 0, left: 0, bottom: 400, right: 3 },
    criteria: { "2": '<filters><filter val="业务员1"/></filters>' },
  };
  for (let r = 1; r <= 400; r++) if (r % 4 !== 2) orders.hiddenRows.add(r);
  model.names.push(
    { name: "订单金额", sheetId: null, formula: "=订单!$D$2:$D$401" },
    { name: "Print_Area", sheetId: customers.id, formula: "=客户!$A$1:$D$41" },
  );
  return model;
}

const copy = (m: WorkbookModel): WorkbookModel => modelFromJson(modelToJson(m));

async function run(
  double: ExcelDouble,
  settings: Partial<ReviewOptions> = {},
  signal?: AbortSignal,
): Promise<RunOutcome> {
  return createExcelHost(asExcel(double), env).run({ lang: "zh-CN", settings }, () => undefined, signal);
}

/** What the user sees and the record's settings, owned columns and sheets: a repaired or undone workbook must equal the reference in all of it. */
const state = (m: WorkbookModel) => ({ view: userView(m), record: recordOf(m) });

/** The two starting points: a fresh workbook, and one the add-in has run on (its columns, its review sheet of the same month). */
async function starts(): Promise<{ name: string; model: WorkbookModel; settings: Partial<ReviewOptions> }[]> {
  const once = ledger();
  expect((await run(createExcelDouble(once))).ok).toBe(true);
  return [
    { name: "a first run", model: ledger(), settings: {} },
    {
      name: "a re-run with another threshold (owned columns and the month's review sheet replaced)",
      model: once,
      settings: { threshold: 0.1 },
    },
  ];
}

describe("a run on the Office.js path is all or nothing (guarantee 3)", () => {
  it("is repaired by the next run after a failure at any of its requests: the workbook then equals a clean run's, cell by cell", async () => {
    for (const start of await starts()) {
      const clean = copy(start.model);
      const cleanDouble = createExcelDouble(clean);
      expect((await run(cleanDouble, start.settings)).ok).toBe(true);
      const syncs = cleanDouble.stats.syncCount;
      expect(syncs).toBeGreaterThan(20);
      const reference = state(clean);
      const seen = new Set<string>();
      for (const n of pointsToTest(syncs)) {
        const model = copy(start.model);
        const double = createExcelDouble(model);
        double.failOnSync(n);
        const failed = await run(double, start.settings);
        expect({ start: start.name, n, ok: failed.ok }).toEqual({ start: start.name, n, ok: false });
        if (!failed.ok && failed.written) {
          seen.add("written");
          expect(failed.message.endsWith(t("zh-CN", "run.repair"))).toBe(true);
          expect(failed.written.length).toBe(4);
          for (const line of failed.written) expect(line).toMatch(/：(已完整写入|只写入了一部分|未写入)$/);
        } else seen.add("nothing written");
        double.options.failOnSync = undefined;
        const repaired = await run(double, start.settings);
        expect({ start: start.name, n, ok: repaired.ok }).toEqual({ start: start.name, n, ok: true });
        expect({ start: start.name, n, ...state(model) }).toEqual({ start: start.name, n, ...reference });
      }
      expect([...seen].sort()).toEqual(["nothing written", "written"]);
    }
  }, 300_000);

  it("says, in both languages, what a write that stopped midway had written and what not", async () => {
    for (const lang of ["zh-CN", "en-US"] as const) {
      const model = ledger();
      const double = createExcelDouble(model);
      // Before each write request the run reports {done} requests so far: 1 undo sheet, 1 record and structure, then data.
      // Fail the data request that starts when the first 5 data requests are done (requests are filled, so it holds the rest of the order columns and the start
      // of the visit columns; with the customer sheet's 23 columns, not 15, that is the 6th data request, no longer the 5th).
      const outcome = await createExcelHost(asExcel(double), env).run({ lang, settings: {} }, (p) => {
        if (p.stage === "write" && p.done === 7) double.failOnSync(double.stats.syncCount + 1);
      });
      expect(outcome.ok).toBe(false);
      if (outcome.ok) return;
      expect(outcome.code).toBe("GeneralException");
      const what = {
        "zh-CN": ["“客户”中的 23 列结果", "“订单”中的 2 列结果", "“拜访”中的 2 列结果", "分析表“月度分析 2026-11”"],
        "en-US": [
          'the 23 result columns in "客户"',
          'the 2 result columns in "订单"',
          'the 2 result columns in "拜访"',
          'the analysis sheet "Review 2026-11"',
        ],
      }[lang];
      expect(outcome.written?.map((line) => what.findIndex((w) => line.startsWith(w)))).toEqual([0, 1, 2, 3]);
      const statuses = outcome.written!.map((line, i) => line.slice(what[i].length));
      const words =
        lang === "zh-CN"
          ? { written: "：已完整写入", partly: "：只写入了一部分", notWritten: "：未写入" }
          : { written: ": written in full", partly: ": partly written", notWritten: ": not written" };
      // Five data requests went through: the customer columns are whole, the order columns begun, the
      // visit columns in the request that failed (which Excel may have applied in part), the review sheet not begun.
      expect(statuses).toEqual([words.written, words.partly, words.partly, words.notWritten]);
      const reference = ledger();
      expect(
        (await createExcelHost(asExcel(createExcelDouble(reference)), env).run({ lang, settings: {} }, () => undefined))
          .ok,
      ).toBe(true);
      const sheetState = (m: WorkbookModel, sheet: string) => ({
        values: m.sheetValues(sheet).values,
        rules: m.snapshot().conditionalFormats.filter((cf) => cf.sheet === sheet),
      });
      expect(sheetState(model, "客户")).toEqual(sheetState(reference, "客户"));
      expect(sheetState(model, "订单")).not.toEqual(sheetState(reference, "订单"));
      expect(model.sheetValues(what[3].replace(/^.*[“"](.*)[”"]$/, "$1")).values).toEqual([]);
    }
  });
});

describe("Undo last run on the Office.js path (guarantee 2)", () => {
  it("gives back the workbook as it was before a first run, every cell, table, rule and sheet, and forgets the run", async () => {
    const model = ledger();
    const before = model.snapshot();
    const double = createExcelDouble(model);
    const host = createExcelHost(asExcel(double), env);
    expect(await host.lastRun!()).toBeUndefined();
    expect((await host.run({ lang: "zh-CN", settings: {} }, () => undefined)).ok).toBe(true);
    expect(await host.lastRun!()).toEqual({ reportSheet: "月度分析 2026-11", at: "2026-11-23 09:30", columns: 27 });
    expect(model.snapshot().tables.map((x) => x.address)).toEqual(["A1:AA41"]);
    expect(await host.undoLastRun!("zh-CN")).toEqual({ ok: true });
    expect(model.snapshot()).toEqual(before);
    expect(await host.lastRun!()).toBeUndefined();
    expect(await host.undoLastRun!("en-US")).toEqual({
      ok: false,
      code: "NothingToUndo",
      message: t("en-US", "undo.nothing"),
    });
  });

  it("gives back the previous run's values, highlight rules, review sheet (with its charts) and record after a re-run", async () => {
    for (const start of (await starts()).slice(1)) {
      const model = start.model;
      const before = state(model);
      const charts = model.snapshot().charts;
      const host = createExcelHost(asExcel(createExcelDouble(model)), env);
      expect((await host.run({ lang: "zh-CN", settings: start.settings }, () => undefined)).ok).toBe(true);
      expect(state(model)).not.toEqual(before);
      expect(await host.undoLastRun!("zh-CN")).toEqual({ ok: true });
      expect(state(model)).toEqual(before);
      expect(model.snapshot().charts).toEqual(charts);
    }
  });

  it("takes back a run that failed midway, at any of its data requests", async () => {
    const model = ledger();
    const before = model.snapshot();
    for (let k = 2; k < 12; k++) {
      const m = copy(model);
      const double = createExcelDouble(m);
      const host = createExcelHost(asExcel(double), env);
      const outcome = await host.run({ lang: "zh-CN", settings: {} }, (p) => {
        if (p.stage === "write" && p.done === k) double.failOnSync(double.stats.syncCount + 1);
      });
      expect({ k, ok: outcome.ok, written: outcome.ok === false && outcome.written !== undefined }).toEqual({
        k,
        ok: false,
        written: true,
      });
      expect(await host.lastRun!()).toEqual({ reportSheet: "月度分析 2026-11", at: "2026-11-23 09:30", columns: 27 });
      expect(await host.undoLastRun!("zh-CN")).toEqual({ ok: true });
      expect({ k, snapshot: m.snapshot() }).toEqual({ k, snapshot: before });
    }
  });
});

describe("Cancel on the Office.js path (issue 5)", () => {
  it("stops between any two requests and leaves every column as it was, never half-written", async () => {
    for (const start of await starts()) {
      const clean = createExcelDouble(copy(start.model));
      await run(clean, start.settings);
      const syncs = clean.stats.syncCount;
      const before = state(start.model);
      const lastBefore = await createExcelHost(asExcel(createExcelDouble(copy(start.model))), env).lastRun!();
      const outcomes = new Set<string>();
      for (const n of pointsToTest(syncs)) {
        const model = copy(start.model);
        const double = createExcelDouble(model);
        const controller = new AbortController();
        // The user presses Cancel while request n is on its way.
        double.options.failOnSync = (k) => (k === n && controller.abort(), false);
        const outcome = await run(double, start.settings, controller.signal);
        outcomes.add(outcome.ok ? "done" : outcome.code);
        if (outcome.ok) {
          expect({ n, ok: true }).toEqual({ n, ok: n === syncs });
          continue;
        }
        expect({ n, outcome }).toEqual({
          n,
          outcome: { ok: false, code: "Cancelled", message: t("zh-CN", "office.cancelled") },
        });
        expect({ start: start.name, n, ...state(model) }).toEqual({ start: start.name, n, ...before });
        // The earlier run stays undoable, whichever request the cancel came at (its undo data is replaced only when the new run's is whole).
        const last = await createExcelHost(asExcel(double), env).lastRun!();
        expect({ n, last }).toEqual({ n, last: lastBefore });
      }
      expect([...outcomes].sort()).toEqual(["Cancelled", "done"]);
    }
  }, 300_000);
});
