import ExcelJS from "exceljs";
import { createExcelHost } from "../../src/adapters/excel/excelHost";
import { asExcel, createExcelDouble } from "../excel-double/excelDouble";
import { modelFromWorkbook } from "../excel-double/fromExcelJS";
import { recordOf } from "./officeCompare";
import { lazy, runCli } from "./fixtures/runCli";
import { smallWorkbook } from "./fixtures/smallWorkbook";
import { openPackage, readRecord } from "./xlsxPackage";

/**
 * User cells right of a table in its rows: the .xlsx path (the streaming reader's
 * `blockedTables`) and the Office.js path (its reads of the ranges beside each table) decide
 * alike where the table's new columns go, so both write the same cells. The order table is
 * A1:C50 (totals row included); the run adds two columns to it.
 */
const env = { isSetSupported: () => false, now: () => new Date(2026, 10, 23, 9, 30) };

async function withCells(cells: Record<string, ExcelJS.CellValue>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await smallWorkbook()) as unknown as ExcelJS.Buffer);
  const orders = wb.getWorksheet("订单表")!;
  for (const [address, value] of Object.entries(cells)) orders.getCell(address).value = value;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The order sheet's owned columns (0-based) after a run on each path. */
async function ownedOrderColumns(input: Buffer): Promise<{ xlsx: number[]; office: number[] }> {
  const out = await openPackage(await runCli(input, "--lang", "zh-CN"));
  const xlsx = readRecord(out)!
    .owned.filter((o) => o.sheet === "订单表")
    .map((o) => o.col);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(input as unknown as ExcelJS.Buffer);
  const model = modelFromWorkbook(wb);
  const outcome = await createExcelHost(asExcel(createExcelDouble(model)), env).run(
    { lang: "zh-CN", settings: {} },
    () => undefined,
  );
  expect(outcome.ok).toBe(true);
  const office = recordOf(model)!
    .owned.filter((o) => o.sheet === "订单表")
    .map((o) => o.col);
  return { xlsx, office };
}

jest.setTimeout(120_000);

describe("owned columns beside a table with user cells in its rows, on both paths", () => {
  it("widens the table when nothing stands beside it (D, E)", async () => {
    expect(await ownedOrderColumns(await smallWorkbook())).toEqual({ xlsx: [3, 4], office: [3, 4] });
  });

  it("goes right of everything when one column is free and two are needed (a note in E5: F, G)", async () => {
    expect(await ownedOrderColumns(await smallWorkbook({ noteBesideTable: "E5" }))).toEqual({
      xlsx: [5, 6],
      office: [5, 6],
    });
  });

  it("widens the table when the new columns fit before the note (a note in G5: D, E)", async () => {
    expect(await ownedOrderColumns(await smallWorkbook({ noteBesideTable: "G5" }))).toEqual({
      xlsx: [3, 4],
      office: [3, 4],
    });
  });

  it("counts a formula in the table's header row and looks right of every used cell of the sheet (D1 formula, J70: K, L)", async () => {
    const input = await withCells({ D1: { formula: "1+2", result: 3 }, J70: "below the table" });
    expect(await ownedOrderColumns(input)).toEqual({ xlsx: [10, 11], office: [10, 11] });
  });

  it("ignores cells beside the table but below its totals row (D51: D, E)", async () => {
    expect(await ownedOrderColumns(await withCells({ D51: "under the totals" }))).toEqual({
      xlsx: [3, 4],
      office: [3, 4],
    });
  });
});

describe("a re-run after the columns went outside the table", () => {
  const once = lazy(async () => runCli(await smallWorkbook({ noteBesideTable: "E5" }), "--lang", "zh-CN"));

  it("writes the same package again", async () => {
    const first = await once();
    const again = await runCli(first, "--lang", "zh-CN");
    const a = await openPackage(first);
    const b = await openPackage(again);
    expect([...b.parts.keys()].sort()).toEqual([...a.parts.keys()].sort());
    expect([...a.parts].filter(([name, data]) => !b.parts.get(name)!.equals(data)).map(([name]) => name)).toEqual([]);
  });
});
