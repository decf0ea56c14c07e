import { createExcelHost } from "../../src/adapters/excel/excelHost";
import { asExcel, createExcelDouble } from "../excel-double/excelDouble";
import { modelFromFile } from "../excel-double/fromExcelJS";
import { t, type Lang } from "../../src/i18n";
import { columnLetters } from "../excel-double/address";
import { modelFromBytes } from "../excel-double/fromExcelJS";
import { BOOKKEEPING_SHEETS } from "../../src/core/record";
import { WorkbookModel, type WorkbookSnapshot } from "../excel-double/model";
import { modelFromJson, modelToJson, type WorkbookJson } from "../excel-double/serialize";
import { insertColumn } from "../excel-double/userEdits";
import { enUserWorkbook, zhUserWorkbook } from "./fixtures/userWorkbooks";
import { diffOutsideOwned, LAYOUT_PROPERTIES, recordOf, userView } from "./officeCompare";
import { SAMPLE_ZH as SAMPLE } from "../fixtures/paths";

const env = { isSetSupported: () => false, now: () => new Date(2026, 10, 23, 9, 30) };

async function run(model: WorkbookModel, lang: Lang = "zh-CN"): Promise<void> {
  const outcome = await createExcelHost(asExcel(createExcelDouble(model)), env).run(
    { lang, settings: {} },
    () => undefined,
  );
  expect(outcome).toMatchObject({ ok: true });
}

/** The run's own columns, from the record it leaves ("Sheet!K"). */
function ownedColumns(model: WorkbookModel): string[] {
  return (recordOf(model)?.owned ?? []).map((o) => `${o.sheet}!${columnLetters(o.col)}`);
}

/** The owned column of `sheet` headed `header`, 0-based. */
function ownedCol(model: WorkbookModel, sheet: string, header: string): number {
  return recordOf(model)!.owned.find((o) => o.sheet === sheet && o.header === header)!.col;
}

/** A snapshot of the user's input sheets only: the run owns the bookkeeping and review sheets (a re-run replaces the review sheet). */
function inputSheets(snap: WorkbookSnapshot, model: WorkbookModel): WorkbookSnapshot {
  const runs = new Set([...BOOKKEEPING_SHEETS, ...(recordOf(model)?.ownedSheets ?? []).map((o) => o.sheet)]);
  const mine = (x: { sheet: string }) => !runs.has(x.sheet);
  return {
    ...snap,
    sheets: snap.sheets.filter((x) => !runs.has(x.name)),
    tables: snap.tables.filter(mine),
    conditionalFormats: snap.conditionalFormats.filter(mine),
    charts: snap.charts.filter(mine),
    names: snap.names.filter((n) => n.scope === null || !runs.has(n.scope)),
  };
}

/** What the user keeps beside the cells in every sheet of theirs, property by property. */
function layoutOf(model: WorkbookModel): Record<string, unknown> {
  const view = userView(model);
  return {
    names: view.names,
    ...Object.fromEntries(view.sheets.map((x) => [x.name, LAYOUT_PROPERTIES.map((k) => x[k])])),
  };
}

/**
 * The safety fixtures, with merged titles, notes, validation lists, hidden and filtered rows,
 * an AutoFilter, frozen panes, print areas and names: after the first run the user inserts a
 * column among the owned columns of the customer sheet and one left of the owned columns of
 * the order sheet (moving its filter, print area and named range).
 */
const FIXTURES = [
  {
    lang: "zh-CN" as Lang,
    build: zhUserWorkbook,
    customers: "客户表",
    tier: "销售排名",
    orders: "订单表",
    layoutItems: 210,
  },
  {
    lang: "en-US" as Lang,
    build: enUserWorkbook,
    customers: "Customers",
    tier: "Rank",
    orders: "Orders",
    layoutItems: 3453,
  },
];

const firstRuns = new Map<Lang, Promise<WorkbookJson>>();
/** A fresh copy of a fixture after its first run (each fixture is built, loaded and run once per file). */
async function afterFirstRun(f: (typeof FIXTURES)[number]): Promise<WorkbookModel> {
  if (!firstRuns.has(f.lang)) {
    const first = async (): Promise<WorkbookJson> => {
      const model = await modelFromBytes(await f.build());
      await run(model, f.lang);
      return modelToJson(model);
    };
    firstRuns.set(f.lang, first());
  }
  return modelFromJson(await firstRuns.get(f.lang)!);
}

describe("inserting user columns between owned ones moves nothing of the user's (guarantee 2)", () => {
  it("re-runs onto its columns where they moved to, in a plain range, leaving the user's new column as typed", async () => {
    const model = new WorkbookModel();
    model.addSheet("订单");
    model.setValues("订单", { row: 0, col: 0 }, [
      ["订单日期", "客户名称", "业务员", "金额"],
      ...Array.from({ length: 30 }, (_, i) => [46200 + i * 3, `客户${i % 7}`, `业务员${i % 3}`, 1000 + i * 17]),
    ]);
    await run(model);
    expect(model.sheetValues("订单").values[0]).toEqual([
      "订单日期",
      "客户名称",
      "业务员",
      "金额",
      "客户等级",
      "新老客户",
    ]);
    insertColumn(model, "订单", 5, ["我的备注", ...Array.from({ length: 30 }, (_, i) => `备注${i}`)]);
    const inserted = userView(model);
    await run(model);
    expect(model.sheetValues("订单").values[0]).toEqual([
      "订单日期",
      "客户名称",
      "业务员",
      "金额",
      "客户等级",
      "我的备注",
      "新老客户",
    ]);
    expect(userView(model)).toEqual(inserted);
  });

  it("re-runs onto its table columns where they moved to when the user inserts a column inside the table", async () => {
    const model = await modelFromFile(SAMPLE);
    await run(model);
    const header = model.sheetValues("客户表").values[0]!;
    const at = header.indexOf("销售占比");
    expect(at).toBeGreaterThan(7);
    // The manager's notes on the customers' rows only (a note on an empty row would make it a customer row to the review).
    const customers = model.sheet("客户表")!;
    insertColumn(model, "客户表", at, [
      "经理批注",
      ...Array.from({ length: 202 }, (_, i) =>
        customers.get(i + 1, 0)?.value === undefined ? null : i % 2 ? `看${i}` : i,
      ),
    ]);
    const inserted = userView(model);
    await run(model);
    expect(model.sheetValues("客户表").values[0]!.slice(at - 1, at + 2)).toEqual([
      header[at - 1],
      "经理批注",
      "销售占比",
    ]);
    expect(userView(model)).toEqual(inserted);
  });
});

describe("inserted user columns, with the user's layout (merged areas, notes, validation, hidden rows, filter, panes, names)", () => {
  it.each(FIXTURES)(
    "re-running keeps every property outside the run's columns as the user left it, and Undo gives that back ($lang)",
    async (f) => {
      const model = await afterFirstRun(f);
      const at = ownedCol(model, f.customers, f.tier);
      insertColumn(model, f.customers, at, ["经理批注", "看1", 2, "看3"]);
      insertColumn(model, f.orders, 2, ["My note"]);
      const inserted = model.snapshot();
      const insertedView = userView(model);
      const insertedLayout = layoutOf(model);
      await run(model, f.lang);
      const diff = diffOutsideOwned(
        inputSheets(inserted, model),
        inputSheets(model.snapshot(), model),
        ownedColumns(model),
      );
      expect(diff.outside).toEqual([]);
      expect(diff.layoutItems).toBe(f.layoutItems);
      expect(layoutOf(model)).toEqual(insertedLayout);
      const host = createExcelHost(asExcel(createExcelDouble(model)), env);
      expect(await host.undoLastRun!(f.lang)).toEqual({ ok: true });
      expect(userView(model)).toEqual(insertedView);
    },
    60_000,
  );

  it.each(FIXTURES)(
    "Undo right after the insertion refuses, naming the sheet, and changes no property ($lang)",
    async (f) => {
      const model = await afterFirstRun(f);
      insertColumn(model, f.customers, ownedCol(model, f.customers, f.tier), ["经理批注"]);
      const edited = model.snapshot();
      const host = createExcelHost(asExcel(createExcelDouble(model)), env);
      expect(await host.undoLastRun!(f.lang)).toEqual({
        ok: false,
        code: "RollbackBlocked",
        message: t(f.lang, "rollback.moved", { sheet: f.customers }),
      });
      const diff = diffOutsideOwned(edited, model.snapshot());
      expect(diff.outside).toEqual([]);
      expect(diff.layoutItems).toBe(f.layoutItems);
      expect(model.snapshot()).toEqual(edited);
    },
    60_000,
  );
});
