import { createExcelHost } from "../../src/adapters/excel/excelHost";
import type { ReviewOptions } from "../../src/core/options";
import { t, type Lang } from "../../src/i18n";
import type { RunOutcome } from "../../src/taskpane/host";
import { asExcel, createExcelDouble, type ExcelDouble } from "../excel-double/excelDouble";
import { WorkbookModel } from "../excel-double/model";
import { modelFromJson, modelToJson } from "../excel-double/serialize";
import { recordOf, userView } from "../safety/officeCompare";
import { ledgerModel } from "../support/ledgerModel";
import { pointsToTest } from "../support/tier";

/**
 * Taking a run back on the Office.js path where Excel makes it hard: an Excel without
 * Table.resize (ExcelApi 1.13), a sheet protected between the run and Undo, Excel refusing a
 * write midway, and Cancel pressed while a re-run writes its undo data.
 */

const now = () => new Date(2026, 10, 23, 9, 30);
/** Small requests, so that a run of this workbook takes many of them. */
const port = { limitBytes: 10 * 1024 };

function ledger(): WorkbookModel {
  return ledgerModel({ visits: true, styledCell: true });
}

const copy = (m: WorkbookModel): WorkbookModel => modelFromJson(modelToJson(m));

/** A host over `double`, with the requirement sets the double has (`apiSets`). */
function hostOn(double: ExcelDouble) {
  return createExcelHost(asExcel(double), { isSetSupported: double.isSetSupported, now, port });
}

async function run(
  double: ExcelDouble,
  settings: Partial<ReviewOptions> = {},
  signal?: AbortSignal,
): Promise<RunOutcome> {
  return hostOn(double).run({ lang: "zh-CN", settings }, () => undefined, signal);
}

describe("Undo without Table.resize (ExcelApi 1.13)", () => {
  it.each([["1.12"], ["1.13"]])(
    "gives back the workbook as it was, tables narrowed, with ExcelApi %s",
    async (version) => {
      const model = ledger();
      const before = model.snapshot();
      const double = createExcelDouble(model, { apiSets: { ExcelApi: version } });
      expect((await run(double)).ok).toBe(true);
      expect(model.snapshot().tables.map((x) => x.address)).toEqual(["A1:AA41"]);
      expect(await hostOn(double).undoLastRun!("zh-CN")).toEqual({ ok: true });
      expect(model.snapshot()).toEqual(before);
    },
  );

  it("does not call Table.resize where Excel lacks it (an adapter that did would fail with ApiNotFound)", async () => {
    const model = ledger();
    const double = createExcelDouble(model, { apiSets: { ExcelApi: "1.12" } });
    expect((await run(double)).ok).toBe(true);
    const claimsResize = createExcelHost(asExcel(double), { isSetSupported: () => true, now, port });
    expect(await claimsResize.undoLastRun!("en-US")).toMatchObject({ ok: false, code: "ApiNotFound" });
  });

  it("refuses, changing nothing, to narrow a table by deleting columns when the user's cells lie right of it in its rows; Table.resize keeps them", async () => {
    for (const [version, lang] of [
      ["1.12", "zh-CN"],
      ["1.12", "en-US"],
      ["1.13", "zh-CN"],
    ] as const) {
      const model = ledger();
      const before = model.snapshot();
      const double = createExcelDouble(model, { apiSets: { ExcelApi: version } });
      expect((await run(double)).ok).toBe(true);
      // After the run the user types a note right of the widened table (AB5), in its rows.
      model.sheet("客户")!.put(4, 27, { value: "回访" });
      const after = model.snapshot();
      const outcome = await hostOn(double).undoLastRun!(lang);
      if (version === "1.13") {
        expect(outcome).toEqual({ ok: true });
        expect(model.snapshot().sheets[0]!.cells.AB5).toEqual({ value: "回访" });
        continue;
      }
      expect(outcome).toEqual({
        ok: false,
        code: "RollbackBlocked",
        message: t(lang, "rollback.cellsBesideTable", { sheet: "客户", table: "Customers" }),
      });
      expect(model.snapshot()).toEqual(after);
      model.sheet("客户")!.put(4, 27, {});
      expect(await hostOn(double).undoLastRun!(lang)).toEqual({ ok: true });
      expect(model.snapshot()).toEqual(before);
    }
  });
});

describe("Undo on a protected sheet", () => {
  it.each([["zh-CN"], ["en-US"]] as const)(
    "says which sheet is protected (%s) and changes nothing; after unprotecting, Undo gives the workbook back",
    async (lang: Lang) => {
      const model = ledger();
      const before = model.snapshot();
      const double = createExcelDouble(model);
      expect((await run(double)).ok).toBe(true);
      const last = await hostOn(double).lastRun!();
      model.sheet("订单")!.protected = true;
      const after = model.snapshot();
      expect(await hostOn(double).undoLastRun!(lang)).toEqual({
        ok: false,
        code: "RollbackBlocked",
        message: t(lang, "rollback.protected", { sheet: "订单" }),
      });
      expect(model.snapshot()).toEqual(after);
      expect(await hostOn(double).lastRun!()).toEqual(last);
      model.sheet("订单")!.protected = false;
      expect(await hostOn(double).undoLastRun!(lang)).toEqual({ ok: true });
      expect(model.snapshot()).toEqual(before);
    },
  );

  it("changes nothing when a sheet it must put back was deleted since the run", async () => {
    const model = ledger();
    const double = createExcelDouble(model);
    expect((await run(double)).ok).toBe(true);
    model.removeSheet(model.sheet("拜访")!);
    const after = model.snapshot();
    expect(await hostOn(double).undoLastRun!("en-US")).toEqual({
      ok: false,
      code: "ItemNotFound",
      message: t("en-US", "undo.stopped", { reason: t("en-US", "office.notFound") }),
    });
    expect(model.snapshot()).toEqual(after);
  });

  it("is finished by undoing again when Excel refuses a write midway (AccessDenied or InvalidOperation at any of its requests)", async () => {
    const model = ledger();
    const before = model.snapshot();
    const first = createExcelDouble(copy(model));
    expect((await run(first)).ok).toBe(true);
    const ran = first.model;
    // How many requests a clean Undo takes.
    const clean = createExcelDouble(copy(ran));
    expect(await hostOn(clean).undoLastRun!("en-US")).toEqual({ ok: true });
    const syncs = clean.stats.syncCount;
    expect(syncs).toBeGreaterThan(5);
    for (const n of pointsToTest(syncs)) {
      for (const code of ["AccessDenied", "InvalidOperation"] as const) {
        const double = createExcelDouble(copy(ran));
        double.failOnSync(n, code);
        const outcome = await hostOn(double).undoLastRun!("en-US");
        const reason = t("en-US", code === "AccessDenied" ? "office.protected" : "office.other", { detail: "" }).split(
          "{detail}",
        )[0]!;
        expect({ n, code, ok: outcome.ok }).toEqual({ n, code, ok: false });
        expect(
          outcome.ok === false &&
            outcome.message.startsWith(t("en-US", "undo.stopped", { reason: "" }).split(" What")[0]!),
        ).toBe(true);
        if (code === "AccessDenied") expect(outcome.ok === false && outcome.message.includes(reason)).toBe(true);
        double.options.failOnSync = undefined;
        expect({ n, code, again: await hostOn(double).undoLastRun!("en-US") }).toEqual({
          n,
          code,
          again: { ok: true },
        });
        expect({ n, code, snapshot: double.model.snapshot() }).toEqual({ n, code, snapshot: before });
      }
    }
  }, 120_000);

  it("names the protected sheet when a run must first take back an interrupted one, and changes nothing", async () => {
    const model = ledger();
    const double = createExcelDouble(model);
    const outcome = await hostOn(double).run({ lang: "en-US", settings: {} }, (p) => {
      if (p.stage === "write" && p.done === 3) double.failOnSync(double.stats.syncCount + 1);
    });
    expect(outcome).toMatchObject({ ok: false, code: "GeneralException" });
    model.sheet("客户")!.protected = true;
    const after = model.snapshot();
    expect(await run(double)).toEqual({
      ok: false,
      code: "RollbackBlocked",
      message: t("zh-CN", "rollback.protected", { sheet: "客户" }),
    });
    expect(model.snapshot()).toEqual(after);
  });
});

describe("Cancel while a re-run writes (issue 5)", () => {
  it.each([["1.13"], ["1.12"]])(
    "leaves the earlier run undoable whichever request it stops at (ExcelApi %s): Undo then gives the workbook before the earlier run",
    async (version) => {
      const start = ledger();
      const before = start.snapshot();
      const once = copy(start);
      expect((await run(createExcelDouble(once, { apiSets: { ExcelApi: version } }))).ok).toBe(true);
      const afterOnce = { view: userView(once), record: recordOf(once) };
      const lastOnce = await hostOn(createExcelDouble(copy(once))).lastRun!();
      const clean = createExcelDouble(copy(once), { apiSets: { ExcelApi: version } });
      expect((await run(clean, { threshold: 0.1 })).ok).toBe(true);
      const syncs = clean.stats.syncCount;
      expect(syncs).toBeGreaterThan(20);
      let cancelled = 0;
      const points = pointsToTest(syncs);
      for (const n of points) {
        const model = copy(once);
        const double = createExcelDouble(model, { apiSets: { ExcelApi: version } });
        const controller = new AbortController();
        double.options.failOnSync = (k) => (k === n && controller.abort(), false);
        const outcome = await run(double, { threshold: 0.1 }, controller.signal);
        double.options.failOnSync = undefined;
        if (outcome.ok) continue;
        cancelled += 1;
        expect({ n, code: outcome.code }).toEqual({ n, code: "Cancelled" });
        expect({ n, view: userView(model), record: recordOf(model) }).toEqual({ n, ...afterOnce });
        expect({ n, last: await hostOn(double).lastRun!() }).toEqual({ n, last: lastOnce });
        expect({ n, undo: await hostOn(double).undoLastRun!("zh-CN") }).toEqual({ n, undo: { ok: true } });
        expect({ n, snapshot: model.snapshot() }).toEqual({ n, snapshot: before });
      }
      // Only the last requests may come too late to cancel.
      expect(cancelled).toBeGreaterThan(points.length - 3);
    },
    300_000,
  );
});

describe("Cancel during a workbook's first run (issue 14)", () => {
  it("leaves the workbook exactly as before whichever request it stops at: no undo sheet behind", async () => {
    const clean = createExcelDouble(ledger());
    expect((await run(clean)).ok).toBe(true);
    const syncs = clean.stats.syncCount;
    let cancelled = 0;
    const points = pointsToTest(syncs);
    for (const n of points) {
      const model = ledger();
      const before = model.snapshot();
      const double = createExcelDouble(model);
      const controller = new AbortController();
      double.options.failOnSync = (k) => (k === n && controller.abort(), false);
      const outcome = await run(double, {}, controller.signal);
      if (outcome.ok) continue;
      cancelled += 1;
      expect({ n, code: outcome.code, sheets: model.sheets.map((s) => s.name) }).toEqual({
        n,
        code: "Cancelled",
        sheets: before.sheets.map((s) => s.name),
      });
      expect({ n, snapshot: model.snapshot() }).toEqual({ n, snapshot: before });
    }
    // Only the last requests may come too late to cancel.
    expect(cancelled).toBeGreaterThan(points.length - 3);
  }, 300_000);
});
