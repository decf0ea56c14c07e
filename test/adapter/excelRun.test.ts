import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { createExcelHost } from "../../src/adapters/excel/excelHost";
import { main } from "../../src/cli/main";
import type { Cell } from "../../src/core/_lib/cells";
import { BACKUP_SHEET, RECORD_SHEET, UNDO_SHEET } from "../../src/core/record";
import { asExcel, createExcelDouble } from "../excel-double/excelDouble";
import { modelFromFile } from "../excel-double/fromExcelJS";
import { dumpWorkbook } from "../support/readBack";
import { SAMPLE_EN, SAMPLE_ZH } from "../fixtures/paths";

const env = { isSetSupported: () => false, now: () => new Date(2026, 10, 23, 9, 30) };

/** Sheet values without trailing blanks, "" and null alike, so two readers' used ranges compare. */
function normalise(values: Cell[][], origin: { row: number; col: number }): Cell[][] {
  const out: Cell[][] = [];
  values.forEach((row, r) => {
    const full: Cell[] = [];
    for (let c = 0; c < origin.col; c++) full.push(null);
    for (const v of row) full.push(v === "" ? null : v === 0 ? 0 : v); // -0 and 0 are one value in a cell
    while (full.length > 0 && full[full.length - 1] === null) full.pop();
    out[origin.row + r] = full;
  });
  for (let r = 0; r < out.length; r++) out[r] ??= [];
  while (out.length > 0 && out[out.length - 1].length === 0) out.pop();
  return out;
}

describe.each([
  { file: basename(SAMPLE_ZH), input: SAMPLE_ZH, lang: "zh-CN" as const, generated: "生成时间" },
  { file: basename(SAMPLE_EN), input: SAMPLE_EN, lang: "en-US" as const, generated: "Generated" },
])("the Office.js adapter on $file", ({ input, lang, generated }) => {
  it("writes exactly what the command line writes for the same input", async () => {
    const model = await modelFromFile(input);
    const double = createExcelDouble(model);
    const outcome = await createExcelHost(asExcel(double), env).run({ lang, settings: {} }, () => undefined);
    expect(outcome.ok).toBe(true);

    const out = join(mkdtempSync(join(tmpdir(), "adapter-")), "cli.xlsx");
    expect(await main([input, "--out", out, "--lang", lang], () => undefined, () => undefined)).toBe(0);
    const cli = await dumpWorkbook(out);

    // The command line has no undo: the Office.js path's undo data is its own.
    const names = model.sheets.map((s) => s.name).filter((n) => n !== UNDO_SHEET && n !== BACKUP_SHEET);
    expect(names.filter((n) => n !== RECORD_SHEET)).toEqual([...cli.keys()].filter((n) => n !== RECORD_SHEET));
    expect(names).toContain(RECORD_SHEET);
    for (const name of names) {
      const fromExcel = model.sheetValues(name);
      let excelRows = normalise(fromExcel.values as Cell[][], fromExcel.origin);
      let cliRows = normalise(cli.get(name)!.rows, { row: 0, col: 0 });
      if (name.startsWith(lang === "zh-CN" ? "月度分析" : "Review")) {
        const drop = (rows: Cell[][]) => rows.filter((r) => r[0] !== generated);
        excelRows = drop(excelRows);
        cliRows = drop(cliRows);
      }
      if (name === RECORD_SHEET) continue;
      expect({ name, rows: excelRows }).toEqual({ name, rows: cliRows });
    }
    expect(model.sheets.find((s) => s.name === RECORD_SHEET)?.visibility).toBe("VeryHidden");
    expect(model.sheets.find((s) => s.name === UNDO_SHEET)?.visibility).toBe("VeryHidden");
  });
});
