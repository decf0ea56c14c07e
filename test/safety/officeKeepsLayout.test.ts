import { createExcelHost, type ExcelApi } from "../../src/adapters/excel/excelHost";
import type { Lang } from "../../src/i18n";
import { columnLetters } from "../excel-double/address";
import { asExcel, createExcelDouble, type ExcelDouble } from "../excel-double/excelDouble";
import { modelFromBytes } from "../excel-double/fromExcelJS";
import { WorkbookModel, cellKey, type WorkbookSnapshot } from "../excel-double/model";
import { modelFromJson, modelToJson, type WorkbookJson } from "../excel-double/serialize";
import { itFull } from "../support/tier";
import { enUserWorkbook, zhUserWorkbook } from "./fixtures/userWorkbooks";
import { diffOutsideOwned, recordOf, type OutsideDiff } from "./officeCompare";

/**
 * Issue 4 ("nothing lost") on the Office.js path with the safety fixtures: the strict double
 * snapshots the whole workbook before and after a run, and everything outside the run's own
 * columns and sheets — cells, widths, merged titles, notes, validation lists, hidden and
 * filtered rows, the AutoFilter and its criteria, frozen panes, tables (totals rows), rules,
 * charts, print areas and names — is compared; Undo gives the workbook back whole. The
 * tamper tests break one property during a run and show the compare names exactly that.
 */

const now = () => new Date(2026, 10, 23, 9, 30);

/** The run's own columns, from the record it leaves ("Sheet!K"). */
function ownedColumns(model: WorkbookModel): string[] {
  return (recordOf(model)?.owned ?? []).map((o) => `${o.sheet}!${columnLetters(o.col)}`);
}

const FIXTURES: { lang: Lang; build: () => Promise<Buffer> }[] = [
  { lang: "zh-CN", build: zhUserWorkbook },
  { lang: "en-US", build: enUserWorkbook },
];

const loaded = new Map<Lang, WorkbookModel>();
/** A fresh copy of a fixture's model (each is built and loaded once). */
async function fixture(lang: Lang): Promise<WorkbookModel> {
  if (!loaded.has(lang)) loaded.set(lang, await modelFromBytes(await FIXTURES.find((f) => f.lang === lang)!.build()));
  return modelFromJson(modelToJson(loaded.get(lang)!));
}

/** The double behind an adapter that, inside the run's Excel.run, also does `harm` to the workbook: a broken adapter. */
function broken(double: ExcelDouble, harm: (model: WorkbookModel) => void): ExcelApi {
  const run = <T>(a: unknown, b?: unknown): Promise<T> => {
    const batch = (typeof a === "function" ? a : b) as (ctx: Excel.RequestContext) => Promise<T>;
    return asExcel(double).run(async (ctx) => {
      const result = await batch(ctx);
      harm(double.model);
      return result;
    });
  };
  return { run } as ExcelApi;
}

async function runOn(
  model: WorkbookModel,
  lang: Lang,
  harm?: (model: WorkbookModel) => void,
): Promise<{ diff: OutsideDiff; double: ExcelDouble }> {
  const double = createExcelDouble(model);
  const before = model.snapshot();
  const excel = harm ? broken(double, harm) : asExcel(double);
  const outcome = await createExcelHost(excel, { isSetSupported: double.isSetSupported, now }).run(
    { lang, settings: {} },
    () => undefined,
  );
  expect(outcome).toMatchObject({ ok: true });
  return { diff: diffOutsideOwned(before, model.snapshot(), ownedColumns(model)), double };
}

describe("the Office.js path keeps what the user keeps beside the cells (issue 4)", () => {
  it.each([
    // [fixture, cells compared, layout items kept, properties compared, owned columns]
    // 13 receivable and screening columns more than before (19 owned then).
    ["zh-CN", 76_955, 210, 88, 32],
    ["en-US", 48_094, 3_453, 84, 32],
  ] as const)(
    "changes nothing outside the run's own columns and sheets in the %s fixture, and Undo gives the whole workbook back",
    async (lang, cells, layoutItems, properties, owned) => {
      const model = await fixture(lang);
      const before = model.snapshot();
      const { diff, double } = await runOn(model, lang);
      expect(diff.outside).toEqual([]);
      expect([diff.cells, diff.layoutItems, diff.properties, diff.owned.size]).toEqual([
        cells,
        layoutItems,
        properties,
        owned,
      ]);
      const host = createExcelHost(asExcel(double), { isSetSupported: double.isSetSupported, now });
      expect(await host.undoLastRun!(lang)).toEqual({ ok: true });
      expect(model.snapshot()).toEqual(before);
    },
    60_000,
  );
});

describe("Undo in an Excel without Table.resize (ExcelApi 1.12) keeps it all too", () => {
  it.each([["zh-CN"], ["en-US"]] as const)(
    "gives the %s fixture back whole after deleting the table columns the run added",
    async (lang) => {
      const model = await fixture(lang);
      const before = model.snapshot();
      const double = createExcelDouble(model, { apiSets: { ExcelApi: "1.12" } });
      const host = createExcelHost(asExcel(double), { isSetSupported: double.isSetSupported, now });
      expect(await host.run({ lang, settings: {} }, () => undefined)).toMatchObject({ ok: true });
      expect(diffOutsideOwned(before, model.snapshot(), ownedColumns(model)).outside).toEqual([]);
      expect(await host.undoLastRun!(lang)).toEqual({ ok: true });
      expect(model.snapshot()).toEqual(before);
    },
    60_000,
  );
});

const B4 = cellKey(3, 1);
const H5 = cellKey(4, 7);
/** Each property of the en-US fixture a broken run could drop or change, and the compare's exact words for it. */
const TAMPERS = [
  [
    "a note",
    (m: WorkbookModel): unknown => m.sheet("Customers")!.notes.delete(B4),
    ['Customers!B4: note {"text":"Key account, call monthly"} -> undefined'],
  ],
  [
    "a merged title",
    (m: WorkbookModel): unknown => m.sheet("Customers")!.merges.splice(0, 1),
    ['Customers: merges ["A1:G1"] -> []'],
  ],
  [
    "a validation list",
    (m: WorkbookModel): unknown => m.sheet("Customers")!.validations.delete(H5),
    ['Customers!H5: validation {"type":"list","formulae":["\\"Gold,Standard\\""],"allowBlank":true} -> undefined'],
  ],
  [
    "a hidden row",
    (m: WorkbookModel): unknown => m.sheet("Customers")!.hiddenRows.delete(19),
    ["Customers: hiddenRows [20,21] -> [21]"],
  ],
  [
    "a hidden column",
    (m: WorkbookModel): unknown => m.sheet("Customers")!.hiddenColumns.add(2),
    ['Customers: hiddenColumns [] -> ["C"]'],
  ],
  [
    "the filter",
    (m: WorkbookModel): unknown => (m.sheet("Orders")!.autoFilter!.criteria = {}),
    [
      'Orders: autoFilter {"address":"A3:G3404","criteria":{"2":"<filters><filter val=\\"C0025\\"/><filter val=\\"C0041\\"/></filters>"}} -> {"address":"A3:G3404","criteria":{}}',
    ],
  ],
  [
    "the frozen panes",
    (m: WorkbookModel): unknown => (m.sheet("Customers")!.freeze = { rows: 4, cols: 1 }),
    ['Customers: freeze {"rows":3,"cols":1} -> {"rows":4,"cols":1}'],
  ],
  [
    "a defined name",
    (m: WorkbookModel): unknown =>
      m.names.splice(
        m.names.findIndex((n) => n.name === "Amounts"),
        1,
      ),
    ['name Amounts: "=Orders!$D$4:$D$3404" -> undefined'],
  ],
  [
    "the print area",
    (m: WorkbookModel): unknown => (m.names.find((n) => n.name === "Print_Area")!.formula = "='Orders'!$A1:$K3404"),
    [`name Print_Area (Orders): "='Orders'!$A1:$G3404" -> "='Orders'!$A1:$K3404"`],
  ],
] as const;

/** The en-US fixture before and after one good run, shared by the quick tier's tamper tests. */
let oneRun: Promise<{ before: WorkbookSnapshot; after: WorkbookJson }> | undefined;
async function afterOneRun(): Promise<{ before: WorkbookSnapshot; after: WorkbookJson }> {
  oneRun ??= (async () => {
    const model = await fixture("en-US");
    const before = model.snapshot();
    await runOn(model, "en-US");
    return { before, after: modelToJson(model) };
  })();
  return oneRun;
}

describe("the compare fails when a run breaks what the user keeps (tamper tests, en-US fixture)", () => {
  // Quick tier: the harm is done to a copy of one good run's result; the full tier does it inside each run.
  it.each(TAMPERS)(
    "names exactly the difference when the run's result lacks or changes %s",
    async (_what, harm, expected) => {
      const { before, after } = await afterOneRun();
      const model = modelFromJson(after);
      harm(model);
      expect(diffOutsideOwned(before, model.snapshot(), ownedColumns(model)).outside).toEqual(expected);
    },
  );

  itFull.each(TAMPERS)(
    "names exactly the difference when the run drops or changes %s",
    async (_what, harm, expected) => {
      const { diff } = await runOn(await fixture("en-US"), "en-US", harm);
      expect(diff.outside).toEqual(expected);
    },
    60_000,
  );
});

/** Excel calls a broken adapter could make that break what the user keeps, and the compare's exact words for each. */
const CALL_TAMPERS = [
  [
    "clears a validated cell whole",
    (ctx: Excel.RequestContext): unknown => ctx.workbook.worksheets.getItem("Customers").getRange("H5").clear(),
    [
      'Customers!H5: validation {"type":"list","formulae":["\\"Gold,Standard\\""],"allowBlank":true} -> undefined',
      'Customers!H5: {"value":"Standard"} -> undefined',
    ],
  ],
  [
    "clears the contents of a cell with a note (the note stays)",
    (ctx: Excel.RequestContext): unknown =>
      ctx.workbook.worksheets.getItem("Customers").getRange("B4").clear("Contents"),
    ['Customers!B4: {"value":"Hooli Hardware LLC"} -> undefined'],
  ],
  [
    "clears the formats of the merged title",
    (ctx: Excel.RequestContext): unknown =>
      ctx.workbook.worksheets.getItem("Customers").getRange("A1:G1").clear("Formats"),
    [
      'Customers: merges ["A1:G1"] -> []',
      'Customers!A1: {"value":"Customers 2026","font":{"bold":true,"size":14}} -> {"value":"Customers 2026"}',
      ..."BCDEFG".split("").map((c) => `Customers!${c}1: {"font":{"bold":true,"size":14}} -> undefined`),
    ],
  ],
  [
    "renames a sheet a name refers to",
    (ctx: Excel.RequestContext): unknown => (ctx.workbook.worksheets.getItem("Orders").name = "Orders 2026"),
    [
      'Orders: name "Orders" -> "Orders 2026"',
      'name Amounts: "=Orders!$D$4:$D$3404" -> "=\'Orders 2026\'!$D$4:$D$3404"',
      "name Print_Area (Orders): \"='Orders'!$A1:$G3404\" -> \"='Orders 2026'!$A1:$G3404\"",
    ],
  ],
] as const;

describe("the compare fails when a broken adapter's own Excel calls break what the user keeps (en-US fixture)", () => {
  /** As `broken`, but the harm is queued through the double's API inside the run's Excel.run. */
  function brokenCalls(double: ExcelDouble, harm: (ctx: Excel.RequestContext) => void): ExcelApi {
    const run = <T>(a: unknown, b?: unknown): Promise<T> => {
      const batch = (typeof a === "function" ? a : b) as (ctx: Excel.RequestContext) => Promise<T>;
      return asExcel(double).run(async (ctx) => {
        const result = await batch(ctx);
        harm(ctx);
        await ctx.sync();
        return result;
      });
    };
    return { run } as ExcelApi;
  }

  // Quick tier: the same calls on a copy of one good run's result; the full tier makes them inside each run.
  it.each(CALL_TAMPERS)("names what changed when Excel calls after the run %s", async (_what, harm, expected) => {
    const { before, after } = await afterOneRun();
    const model = modelFromJson(after);
    await asExcel(createExcelDouble(model)).run(async (ctx) => {
      harm(ctx);
      await ctx.sync();
    });
    expect(diffOutsideOwned(before, model.snapshot(), ownedColumns(model)).outside).toEqual(expected);
  });

  itFull.each(CALL_TAMPERS)(
    "names what changed when the run also %s",
    async (_what, harm, expected) => {
      const model = await fixture("en-US");
      const double = createExcelDouble(model);
      const before = model.snapshot();
      const outcome = await createExcelHost(brokenCalls(double, harm), {
        isSetSupported: double.isSetSupported,
        now,
      }).run({ lang: "en-US", settings: {} }, () => undefined);
      expect(outcome).toMatchObject({ ok: true });
      expect(diffOutsideOwned(before, model.snapshot(), ownedColumns(model)).outside).toEqual(expected);
    },
    60_000,
  );
});
