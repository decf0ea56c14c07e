import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { createExcelHost } from "../../src/adapters/excel/excelHost";
import { main } from "../../src/cli/main";
import { asExcel, createExcelDouble } from "../excel-double/excelDouble";
import { WorkbookModel } from "../excel-double/model";

const env = { isSetSupported: () => false, now: () => new Date(2026, 10, 23, 9, 30) };
const NAMES = ['=HYPERLINK("http://x","点我")', "+SUM(A1)", "-1+2", "@cmd", "+86 138 0000 0000"];
const REPS = ["=1+1", "@rep", "-rep"];
const REGION = '=A1&"区"';
const HEADER = ["订单日期", "客户名称", "业务员", "区域", "金额"];

/** Orders whose names, salespeople and region look like formulas; one amount is text so the issues list quotes a name too. */
function rows(): (string | number)[][] {
  const out: (string | number)[][] = [];
  NAMES.forEach((n, i) => {
    for (let m = 0; m < 6; m++)
      out.push([46000 + m * 30 + i, n, REPS[i % REPS.length]!, REGION, m === 5 && i === 0 ? 10 : 1000 * (i + 1)]);
  });
  out.push([46160, NAMES[1]!, REPS[0]!, REGION, "abc"]);
  return out;
}

describe("text that looks like a formula is never written as one (guarantee 5)", () => {
  it("Office.js path: no cell anywhere holds a formula, and every name, salesperson and region is written as typed", async () => {
    const model = new WorkbookModel();
    model.addSheet("订单");
    model.setValues("订单", { row: 0, col: 0 }, [HEADER, ...rows()]);
    const outcome = await createExcelHost(asExcel(createExcelDouble(model)), env).run(
      { lang: "zh-CN", settings: {} },
      () => undefined,
    );
    expect(outcome.ok).toBe(true);
    const formulas = model.sheets.flatMap((s) =>
      [...s.entries()].filter(([, , c]) => c.formula !== undefined).map(([r, c]) => `${s.name}:${r},${c}`),
    );
    expect(formulas).toEqual([]);
    const written = model.sheets
      .filter((s) => s.name !== "订单")
      .flatMap((s) => model.sheetValues(s.name).values.flat());
    for (const text of [...NAMES, ...REPS, REGION]) expect(written).toContain(text);
  });

  it(".xlsx path: every cell the command line writes with such text is a string, and no sheet has a formula", async () => {
    const dir = mkdtempSync(join(tmpdir(), "inject-"));
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("订单");
    ws.addRow(HEADER);
    for (const r of rows()) ws.addRow(r);
    await wb.xlsx.writeFile(join(dir, "in.xlsx"));
    expect(
      await main(
        [join(dir, "in.xlsx"), "--out", join(dir, "out.xlsx"), "--lang", "zh-CN"],
        () => undefined,
        () => undefined,
      ),
    ).toBe(0);
    const zip = await JSZip.loadAsync(readFileSync(join(dir, "out.xlsx")));
    const sheets = Object.keys(zip.files).filter((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f));
    expect(sheets.length).toBeGreaterThan(1);
    const shared = (await zip.file("xl/sharedStrings.xml")?.async("string")) ?? "";
    const xml = (await Promise.all(sheets.map((f) => zip.file(f)!.async("string")))).join("\n");
    expect(xml).not.toMatch(/<f[ >]/);
    const esc = (s: string) =>
      s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
    for (const text of [...NAMES, ...REPS, REGION]) {
      const count = (hay: string, needle: string) => hay.split(`>${needle}<`).length - 1;
      const asString = count(shared, esc(text)) + count(shared, text) + count(xml, esc(text)) + count(xml, text);
      expect({ text, asString: asString > 0 }).toEqual({ text, asString: true });
    }
  });
});
