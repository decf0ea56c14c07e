import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { loadWorkbook, sheetTables } from "../support/loadWorkbook";
import { main } from "../../src/cli/main";
import { dumpWorkbook, rowOf, type SheetDump } from "../support/readBack";
import { SAMPLE_EN, SAMPLE_ZH } from "../fixtures/paths";

/**
 * Idempotence through the command line: analysing a workbook the command line wrote
 * gives the same workbook again — no column added twice, no figure changed — except
 * the generated time in the analysis sheet's title block.
 */
const cases = [
  { file: basename(SAMPLE_ZH), input: SAMPLE_ZH, lang: "zh-CN", review: "月度分析 2026-10", generated: "生成时间" },
  { file: basename(SAMPLE_EN), input: SAMPLE_EN, lang: "en-US", review: "Review 2026-06", generated: "Generated" },
];

/** Per sheet: its Excel tables' boxes and its conditional-format ranges with their rule count. */
async function structure(file: string) {
  const wb = await loadWorkbook(readFileSync(file));
  return wb.worksheets.map((ws) => ({
    sheet: ws.name,
    tables: sheetTables(ws),
    // ExcelJS keeps them in a property its typings do not declare.
    conditional: (
      ws as unknown as { conditionalFormattings: { ref: string; rules: unknown[] }[] }
    ).conditionalFormattings.map((cf) => [cf.ref, cf.rules.length]),
  }));
}

/** The chart and drawing parts of a package, by path, with their XML. */
async function charts(file: string): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const out: Record<string, string> = {};
  for (const path of Object.keys(zip.files)
    .filter((p) => /^xl\/(charts|drawings)\/.+\.(xml|rels)$/.test(p))
    .sort())
    out[path] = await zip.file(path)!.async("string");
  return out;
}

/** A sheet's values and number formats with the generated-time row blanked. */
function comparable(sheet: SheetDump, generatedRow: number | null) {
  const blank = (rows: unknown[][]) => rows.map((r, i) => (i === generatedRow ? r.map(() => "(generated)") : r));
  return { rows: blank(sheet.rows), formats: blank(sheet.formats), state: sheet.state };
}

describe.each(cases)("re-running the command line on its own output: $file", ({ input, lang, review, generated }) => {
  let first: Map<string, SheetDump>;
  let second: Map<string, SheetDump>;
  let files: string[];
  const printed: string[][] = [[], []];
  const codes: number[] = [];

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), "rerun-"));
    const out1 = join(dir, "out1.xlsx");
    const out2 = join(dir, "out2.xlsx");
    codes.push(
      await main(
        [input, "--out", out1, "--lang", lang],
        (l) => printed[0].push(l),
        (l) => printed[0].push(l),
      ),
    );
    codes.push(
      await main(
        [out1, "--out", out2, "--lang", lang],
        (l) => printed[1].push(l),
        (l) => printed[1].push(l),
      ),
    );
    files = [out1, out2];
    first = await dumpWorkbook(out1);
    second = await dumpWorkbook(out2);
  });

  it("succeeds both times", () => {
    expect(codes).toEqual([0, 0]);
  });

  it("keeps the same sheets, in the same order", () => {
    expect([...second.keys()]).toEqual([...first.keys()]);
    expect([...first.keys()]).toContain(review);
  });

  it("adds no column twice", () => {
    const width = (d: Map<string, SheetDump>) =>
      [...d].map(([name, s]) => [name, Math.max(0, ...s.rows.map((r) => r.length)), s.rows.length]);
    expect(width(second)).toEqual(width(first));
  });

  it("writes every sheet cell by cell as the first run did, the generated time aside", () => {
    for (const [name, sheet] of first) {
      const generatedRow = name === review ? rowOf(sheet, generated) : null;
      expect({ name, ...comparable(second.get(name)!, generatedRow) }).toEqual({
        name,
        ...comparable(sheet, generatedRow),
      });
    }
  });

  it("keeps the same tables and conditional formats, none duplicated", async () => {
    const [a, b] = [await structure(files[0]), await structure(files[1])];
    expect(b).toEqual(a);
    expect(a.some((s) => s.conditional.length > 0)).toBe(true);
  });

  it("writes the same two native charts, once", async () => {
    const [a, b] = [await charts(files[0]), await charts(files[1])];
    expect(Object.keys(a).filter((p) => /chart\d+\.xml$/.test(p)).length).toBe(2);
    expect(b).toEqual(a);
  });

  it("reports the same review figures", () => {
    // The last line names the output file, which differs.
    expect(printed[1].slice(0, -1)).toEqual(printed[0].slice(0, -1));
    expect(printed[0].length).toBeGreaterThan(3);
  });
});

describe("re-running the command line on an order log whose 客户表 it created", () => {
  let first: Map<string, SheetDump>;
  let second: Map<string, SheetDump>;
  const codes: number[] = [];

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), "rerun-orders-"));
    const input = join(dir, "orders.xlsx");
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("订单");
    ws.addRow(["订单日期", "订单号", "客户编号", "客户名称", "地区", "金额"]);
    const rows: [string, string, string, string, string, number][] = [
      ["2026-01-05", "SO-1", "K1", "甲公司", "华东", 1200],
      ["2026-02-10", "SO-2", "K2", "乙公司", "华北", 800],
      ["2026-03-15", "SO-3", "K1", "甲公司", "华南", 600],
      ["2026-04-20", "SO-4", "K3", "丙公司", "华东", 300],
      ["2026-05-25", "SO-5", "K2", "乙公司", "华北", -100],
      ["2026-06-30", "SO-6", "K1", "甲公司", "华东", 900],
    ];
    for (const [date, ...rest] of rows) ws.addRow([new Date(`${date}T00:00:00Z`), ...rest]);
    ws.getColumn(1).numFmt = "yyyy-mm-dd";
    await wb.xlsx.writeFile(input);
    const [out1, out2] = [join(dir, "out1.xlsx"), join(dir, "out2.xlsx")];
    const quiet = () => undefined;
    codes.push(await main([input, "--out", out1], quiet, quiet));
    codes.push(await main([out1, "--out", out2], quiet, quiet));
    first = await dumpWorkbook(out1);
    second = await dumpWorkbook(out2);
  });

  it("creates 客户表 once and adds no column twice", () => {
    expect(codes).toEqual([0, 0]);
    expect([...first.keys()]).toEqual(["订单", "客户表", "月度分析 2026-06", "_SalesReview"]);
    expect([...second.keys()]).toEqual([...first.keys()]);
    expect(second.get("客户表")!.rows.map((r) => r.slice(0, 4))).toEqual([
      ["客户编号", "客户名称", "业务员", "区域"],
      ["K1", "甲公司", null, "华东"],
      ["K2", "乙公司", null, "华北"],
      ["K3", "丙公司", null, "华东"],
    ]);
  });

  it("writes 订单 and 客户表 cell by cell as the first run did", () => {
    for (const name of ["订单", "客户表"])
      expect({ name, ...comparable(second.get(name)!, null) }).toEqual({ name, ...comparable(first.get(name)!, null) });
  });

  it("writes the analysis sheet as the first run did, the generated time aside", () => {
    const a = first.get("月度分析 2026-06")!;
    const b = second.get("月度分析 2026-06")!;
    expect(comparable(b, rowOf(b, "生成时间"))).toEqual(comparable(a, rowOf(a, "生成时间")));
  });
});
