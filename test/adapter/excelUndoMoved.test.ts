import { createExcelHost } from "../../src/adapters/excel/excelHost";
import { t, type Lang } from "../../src/i18n";
import { asExcel, createExcelDouble, type ExcelDouble } from "../excel-double/excelDouble";
import { WorkbookModel, type WorkbookSnapshot } from "../excel-double/model";
import { deleteColumn, deleteRow, insertColumn, insertRow, sortRowsDescending } from "../excel-double/userEdits";
import { ledgerModel } from "../support/ledgerModel";

/**
 * Undo after the user moved things: the undo data is saved by sheet row and column, so a
 * column or row inserted, deleted or sorted where the run wrote would make Undo write the
 * saved cells over the user's. Undo checks before its first change and refuses, naming the
 * sheet; the workbook is then exactly as the user left it. Moving things back makes Undo whole again.
 */

const now = () => new Date(2026, 10, 23, 9, 30);
/** Small requests: the key cells of 订单 (about 5 kB) are then read in requests of their own. */
const SMALL = { limitBytes: 10 * 1024 };

function ledger(): WorkbookModel {
  return ledgerModel();
}

function hostOn(double: ExcelDouble, port = SMALL) {
  return createExcelHost(asExcel(double), { isSetSupported: double.isSetSupported, now, port });
}

/** The ledger, run once (the run widens the Customers table over its columns E:S; 订单 gets E:F). */
async function ranLedger(
  version = "1.13",
  port = SMALL,
): Promise<{ model: WorkbookModel; double: ExcelDouble; before: WorkbookSnapshot }> {
  const model = ledger();
  const before = model.snapshot();
  const double = createExcelDouble(model, { apiSets: { ExcelApi: version } });
  expect(await hostOn(double, port).run({ lang: "zh-CN", settings: {} }, () => undefined)).toMatchObject({ ok: true });
  expect(model.sheetValues("订单").values[0]).toEqual([
    "订单日期",
    "客户编号",
    "业务员",
    "金额",
    "客户等级",
    "新老客户",
  ]);
  expect(model.sheetValues("客户").values[0]!.slice(3, 6)).toEqual(["区域", "客户等级", "近12月销售额"]);
  return { model, double, before };
}

/** Undo, in both languages, refuses naming `sheet` and leaves every cell, table and rule as the user left them. */
async function expectRefused(double: ExcelDouble, model: WorkbookModel, sheet: string, port = SMALL): Promise<void> {
  const edited = model.snapshot();
  for (const lang of ["zh-CN", "en-US"] as Lang[]) {
    const outcome = await hostOn(double, port).undoLastRun!(lang);
    expect(model.snapshot()).toEqual(edited);
    expect(outcome).toEqual({ ok: false, code: "RollbackBlocked", message: t(lang, "rollback.moved", { sheet }) });
  }
}

describe("Undo refuses, changing nothing, when the user moved columns where the run wrote", () => {
  it("a column inserted among the owned columns of a plain range; deleting it again lets Undo give the workbook back", async () => {
    const { model, double, before } = await ranLedger();
    insertColumn(model, "订单", 5, ["我的备注", ...Array.from({ length: 400 }, (_, i) => `备注${i}`)]);
    await expectRefused(double, model, "订单");
    expect(model.sheetValues("订单").values[3]).toEqual([46014, "C126", "业务员2", 574, "A", "备注2", "新"]);
    deleteColumn(model, "订单", 5);
    expect(await hostOn(double).undoLastRun!("zh-CN")).toEqual({ ok: true });
    expect(model.snapshot()).toEqual(before);
  });

  it.each([["1.12"], ["1.13"]])(
    "a column inserted inside the widened table, among its owned columns (ExcelApi %s)",
    async (version) => {
      const { model, double } = await ranLedger(version);
      insertColumn(model, "客户", 8, ["经理批注", ...Array.from({ length: 40 }, (_, i) => `看${i}`)]);
      expect(model.snapshot().tables.map((x) => x.address)).toEqual(["A1:AB41"]);
      await expectRefused(double, model, "客户");
      expect(model.sheet("客户")!.get(5, 8)).toEqual({ value: "看4" });
    },
  );

  it("a column inserted inside the table left of the owned columns, between the user's own", async () => {
    const { model, double } = await ranLedger();
    insertColumn(model, "客户", 2, ["电话"]);
    await expectRefused(double, model, "客户");
  });

  it("a column inserted left of the owned columns of a plain range, empty", async () => {
    const { model, double } = await ranLedger();
    insertColumn(model, "订单", 1);
    await expectRefused(double, model, "订单");
  });

  it("a column of the user's deleted left of the owned columns", async () => {
    const { model, double } = await ranLedger();
    deleteColumn(model, "订单", 2);
    await expectRefused(double, model, "订单");
    expect(model.sheetValues("订单").values[0]).toEqual(["订单日期", "客户编号", "金额", "客户等级", "新老客户"]);
  });
});

describe("Undo refuses, changing nothing, when the user moved rows under the owned columns", () => {
  it("a row inserted inside the data of a plain range (the key cells are read in requests of their own)", async () => {
    const { model, double } = await ranLedger();
    insertRow(model, "订单", 100, [46300, "C101", "业务员1", 777]);
    await expectRefused(double, model, "订单");
  });

  it("a row inserted inside the data, the key cells read with the other checks in one request", async () => {
    const big = { limitBytes: 5 * 1024 * 1024 };
    const { model, double } = await ranLedger("1.13", big);
    insertRow(model, "订单", 100, [46300, "C101", "业务员1", 777]);
    const syncs = double.stats.syncCount;
    await expectRefused(double, model, "订单", big);
    // Per Undo: the sheets and the record (2), the undo marker (2), the snapshot (1), then the checks with the rollback's first request (1).
    expect((double.stats.syncCount - syncs) / 2).toBe(6);
  });

  it("a row of the table deleted", async () => {
    const { model, double } = await ranLedger();
    deleteRow(model, "客户", 20);
    await expectRefused(double, model, "客户");
  });

  it("the table sorted by a user's column", async () => {
    const { model, double } = await ranLedger();
    sortRowsDescending(model, "客户", 1, 40, 3);
    expect([2, 21].map((r) => model.sheetValues("客户").values[r]!.slice(0, 5))).toEqual([
      ["C102", "客户2", "业务员2", "华北", "A"],
      ["C101", "客户1", "业务员1", "华东", "B"],
    ]);
    await expectRefused(double, model, "客户");
  });
});

describe("Undo still gives the workbook back when nothing it wrote moved", () => {
  it("puts back what was in an owned cell before the run over the user's typing there, and keeps the user's edits elsewhere", async () => {
    const { model, double, before } = await ranLedger();
    model.sheet("订单")!.put(2, 5, { value: "老" });
    model.sheet("客户")!.put(4, 3, { value: "西南" });
    model.sheet("客户")!.put(0, 27, { value: "我的列" });
    model.sheet("客户")!.put(3, 27, { value: "备注" });
    insertRow(model, "订单", 401, [46400, "C100", "业务员0", 123]);
    insertColumn(model, "订单", 7, ["备注"]);
    expect(await hostOn(double).undoLastRun!("en-US")).toEqual({ ok: true });
    const expected = ledger();
    expected.sheet("客户")!.put(4, 3, { value: "西南" });
    expected.sheet("客户")!.put(0, 27, { value: "我的列" });
    expected.sheet("客户")!.put(3, 27, { value: "备注" });
    expected.setValues("订单", { row: 401, col: 0 }, [[46400, "C100", "业务员0", 123]]);
    expected.sheet("订单")!.put(0, 7, { value: "备注" });
    expect(model.snapshot()).toEqual({
      ...expected.snapshot(),
      activeSheet: before.activeSheet,
      selection: before.selection,
    });
  });
});

describe("Undo tells rows apart by the columns the review read, not by the user's other columns", () => {
  /**
   * The ledger with a user's first column of time since each order, as =NOW()-B2 gives: its own
   * value in every row (so that, most distinct and leftmost, it would tell rows apart first),
   * and a new one in every row each day.
   */
  function withDaysColumn(today: number): WorkbookModel {
    const model = ledger();
    const rows = model.sheetValues("订单").values;
    model.setValues(
      "订单",
      { row: 0, col: 0 },
      rows.map((r, i) => [i === 0 ? "距今天数" : today - (r[0] as number) + i / 1000, ...r]),
    );
    return model;
  }

  it("gives the workbook back after such a column changed in every row, no row having moved", async () => {
    const model = withDaysColumn(46400);
    const before = model.snapshot();
    const double = createExcelDouble(model, { apiSets: { ExcelApi: "1.13" } });
    expect(await hostOn(double).run({ lang: "zh-CN", settings: {} }, () => undefined)).toMatchObject({ ok: true });
    expect(model.sheetValues("订单").values[0]).toEqual([
      "距今天数",
      "订单日期",
      "客户编号",
      "业务员",
      "金额",
      "客户等级",
      "新老客户",
    ]);
    const nextDay = withDaysColumn(46401);
    model.setValues(
      "订单",
      { row: 0, col: 0 },
      nextDay.sheetValues("订单").values.map((r) => [r[0]!]),
    );
    expect(await hostOn(double).undoLastRun!("zh-CN")).toEqual({ ok: true });
    expect(model.snapshot()).toEqual({
      ...nextDay.snapshot(),
      activeSheet: before.activeSheet,
      selection: before.selection,
    });
  });

  it("still refuses when a row moved", async () => {
    const model = withDaysColumn(46400);
    const double = createExcelDouble(model, { apiSets: { ExcelApi: "1.13" } });
    expect(await hostOn(double).run({ lang: "zh-CN", settings: {} }, () => undefined)).toMatchObject({ ok: true });
    sortRowsDescending(model, "订单", 1, 400, 4);
    await expectRefused(double, model, "订单");
  });
});

describe("a run that must first take back an interrupted one", () => {
  it("refuses, changing nothing, when the user inserted a column among the interrupted run's columns since", async () => {
    const model = ledger();
    const double = createExcelDouble(model);
    const outcome = await hostOn(double).run({ lang: "en-US", settings: {} }, (p) => {
      if (p.stage === "write" && p.done === 3) double.failOnSync(double.stats.syncCount + 1);
    });
    expect(outcome).toMatchObject({ ok: false, code: "GeneralException" });
    double.options.failOnSync = undefined;
    insertColumn(model, "订单", 5, ["我的备注", "备注1"]);
    const edited = model.snapshot();
    expect(await hostOn(double).run({ lang: "en-US", settings: {} }, () => undefined)).toEqual({
      ok: false,
      code: "RollbackBlocked",
      message: t("en-US", "rollback.moved", { sheet: "订单" }),
    });
    expect(model.snapshot()).toEqual(edited);
  });
});
