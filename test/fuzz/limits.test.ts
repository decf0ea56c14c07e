import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { createExcelHost } from "../../src/adapters/excel/excelHost";
import { main } from "../../src/cli/main";
import { asExcel, createExcelDouble } from "../excel-double/excelDouble";
import { dumpWorkbook } from "../support/readBack";
import { toModel, toXlsx } from "./build";
import { EXCEL_MAX_COLS, type FuzzWorkbook } from "./generators";

const env = { isSetSupported: () => false, now: () => new Date(2026, 10, 23, 9, 30) };
const dir = mkdtempSync(join(tmpdir(), "limits-"));

async function cli(input: Buffer, name: string): Promise<{ code: number; err: string; out: string }> {
  const file = join(dir, `${name}.xlsx`);
  const out = join(dir, `${name}.out.xlsx`);
  writeFileSync(file, input);
  const err: string[] = [];
  const code = await main(
    [file, "--out", out, "--lang", "en-US"],
    () => undefined,
    (l) => err.push(l),
  );
  return { code, err: err.join("\n"), out };
}

/** An order sheet whose header row reaches XFD: no column is left for the results. */
const full: FuzzWorkbook = {
  shape: "wide",
  sheets: [
    {
      name: "Orders 2026",
      rows: [
        ["Order Date", "Customer", "Amount"],
        [45900, "A", 5],
      ],
      far: [{ row: 0, col: EXCEL_MAX_COLS - 1, value: "notes" }],
    },
  ],
};
const noFreeColumn =
  'Sheet "Orders 2026" has no free column for the results: its columns already reach XFD, the last of Excel\'s 16,384. Delete unused columns at its right end, then run again. Nothing was written.';

describe("Excel's limits, end to end", () => {
  it("a sheet with no free column: the pane gets the message and the workbook is untouched", async () => {
    const model = toModel(full);
    const before = JSON.stringify(model.snapshot());
    const outcome = await createExcelHost(asExcel(createExcelDouble(model)), env).run(
      { lang: "en-US", settings: {} },
      () => undefined,
    );
    expect(outcome).toEqual({ ok: false, code: "BadSetting", message: noFreeColumn });
    expect(JSON.stringify(model.snapshot())).toBe(before);
  });

  it("a sheet with no free column: the command line exits 2 with the message and writes no file", async () => {
    const r = await cli(await toXlsx(full), "full");
    expect({ code: r.code, err: r.err, written: existsSync(r.out) }).toEqual({
      code: 2,
      err: noFreeColumn,
      written: false,
    });
  });

  it("a hand-made package with a row past 1,048,576: the command line exits 2 with the message", async () => {
    const zip = await JSZip.loadAsync(
      await toXlsx({
        shape: "normal",
        sheets: [
          {
            name: "Orders",
            rows: [
              ["Order Date", "Customer", "Amount"],
              [45900, "A", 5],
            ],
          },
        ],
      }),
    );
    const part = "xl/worksheets/sheet1.xml";
    const xml = (await zip.file(part)!.async("string")).replace(/<dimension[^>]*>/, "");
    zip.file(part, xml.replace("</sheetData>", '<row r="1048577"><c r="A1048577"><v>1</v></c></row></sheetData>'));
    const r = await cli(await zip.generateAsync({ type: "nodebuffer" }), "tall");
    expect({ code: r.code, err: r.err, written: existsSync(r.out) }).toEqual({
      code: 2,
      err: 'Sheet "Orders" has 1048577 rows; Excel allows at most 1,048,576. The file was not saved by Excel or is damaged: open it in Excel, save it, then run again. Nothing was written.',
      written: false,
    });
  });

  it("a customer name of 40,000 characters is written cut to 32,767, ending …, by both paths", async () => {
    const name = "客".repeat(40_000);
    const wb: FuzzWorkbook = {
      shape: "longText",
      sheets: [
        {
          name: "Orders",
          rows: [
            ["Order Date", "Customer Name", "Amount"],
            [45900, name, 5],
            [45901, "B", 7],
          ],
        },
      ],
    };
    const cut = "客".repeat(32_766) + "…";

    const r = await cli(await toXlsx(wb), "long");
    expect(r.code).toBe(0);
    const created = (await dumpWorkbook(r.out)).get("Customers")!.rows;
    expect(created.map((row) => row[0])).toEqual(["Customer Name", cut, "B"]);

    const model = toModel(wb);
    const outcome = await createExcelHost(asExcel(createExcelDouble(model)), env).run(
      { lang: "en-US", settings: {} },
      () => undefined,
    );
    expect(outcome.ok).toBe(true);
    expect(model.sheetValues("Customers").values.map((row) => row[0])).toEqual(["Customer Name", cut, "B"]);
  });
});
