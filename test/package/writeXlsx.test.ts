import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { reviewWorkbook, type ReviewWorkbookResult } from "../../src/adapters/reviewWorkbook";
import { openXlsx } from "../../src/adapters/xlsx/package/openXlsx";
import { packagePort } from "../../src/adapters/xlsx/package/packagePort";
import { childrenNamed, outlineXml } from "../../src/adapters/xlsx/package/xmlOutline";
import { loadWorkbook } from "../support/loadWorkbook";
import { SAMPLE_ZH as SAMPLE } from "../fixtures/paths";

const GENERATED_AT = "2026-11-02 09:00";

async function run(input: string, output: string, month?: string): Promise<ReviewWorkbookResult> {
  const port = packagePort(await openXlsx(input));
  try {
    const result = await reviewWorkbook(port, {
      lang: "zh-CN",
      generatedAt: GENERATED_AT,
      ...(month ? { month } : {}),
    });
    await port.save(output);
    return result;
  } finally {
    await port.close();
  }
}

/** Every entry of a zip, decompressed. */
async function parts(file: string): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const out = new Map<string, Buffer>();
  for (const [name, f] of Object.entries(zip.files)) if (!f.dir) out.set(name, await f.async("nodebuffer"));
  return out;
}

function sheetsOf(workbookXml: string): { name?: string; sheetId?: string; state?: string; rid?: string }[] {
  const sheets = childrenNamed(childrenNamed(outlineXml(workbookXml), "sheets")[0], "sheet");
  return sheets.map((s) => ({
    name: s.attrs.name,
    sheetId: s.attrs.sheetId,
    state: s.attrs.state,
    rid: s.attrs["r:id"],
  }));
}

describe("writeXlsx through packagePort", () => {
  const dir = mkdtempSync(join(tmpdir(), "write-xlsx-"));
  const input = join(dir, "in.xlsx");
  const once = join(dir, "once.xlsx");
  let first: ReviewWorkbookResult;
  beforeAll(async () => {
    copyFileSync(SAMPLE, input);
    first = await run(input, once);
  });

  it("copies every part it does not have to change byte for byte, and changes only the parts of the run", async () => {
    const [before, after] = [await parts(input), await parts(once)];
    const changed = [...before.keys()].filter((k) => !before.get(k)!.equals(after.get(k) ?? Buffer.alloc(0)));
    expect(changed.sort()).toEqual(
      [
        "[Content_Types].xml",
        "xl/_rels/workbook.xml.rels",
        "xl/styles.xml",
        "xl/tables/table1.xml",
        "xl/tables/table2.xml",
        "xl/tables/table3.xml",
        "xl/workbook.xml",
        "xl/worksheets/sheet1.xml",
        "xl/worksheets/sheet2.xml",
        "xl/worksheets/sheet3.xml",
      ].sort(),
    );
    expect([...after.keys()].filter((k) => !before.has(k))).toEqual([
      "xl/worksheets/sheet5.xml",
      "xl/worksheets/sheet6.xml",
      "xl/drawings/drawing1.xml",
      "xl/charts/chart1.xml",
      "xl/charts/chart2.xml",
      "xl/worksheets/_rels/sheet5.xml.rels",
      "xl/drawings/_rels/drawing1.xml.rels",
    ]);
    expect(readFileSync(input).equals(readFileSync(SAMPLE))).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(["in.xlsx", "once.xlsx"]);
  });

  it("appends the review and the very hidden record sheet with new sheet ids, relationships and content types", async () => {
    const after = await parts(once);
    expect(sheetsOf(after.get("xl/workbook.xml")!.toString())).toEqual([
      { name: "客户表", sheetId: "1", state: "visible", rid: "rId1" },
      { name: "订单表", sheetId: "2", state: "visible", rid: "rId2" },
      { name: "拜访记录", sheetId: "3", state: "visible", rid: "rId3" },
      { name: "费用表", sheetId: "4", state: "visible", rid: "rId4" },
      { name: "月度分析 2026-10", sheetId: "5", state: undefined, rid: "rId7" },
      { name: "_SalesReview", sheetId: "6", state: "veryHidden", rid: "rId8" },
    ]);
    const rels = after.get("xl/_rels/workbook.xml.rels")!.toString();
    expect(rels).toContain(
      '<Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet5.xml"/>',
    );
    const types = after.get("[Content_Types].xml")!.toString();
    for (const part of [
      "xl/worksheets/sheet5.xml",
      "xl/worksheets/sheet6.xml",
      "xl/drawings/drawing1.xml",
      "xl/charts/chart1.xml",
      "xl/charts/chart2.xml",
    ])
      expect(types).toContain(`PartName="/${part}"`);
    expect(after.get("xl/worksheets/_rels/sheet5.xml.rels")!.toString()).toContain('Target="../drawings/drawing1.xml"');
  });

  it("writes what an independent reader reads back as the plan: the review's cells and the record", async () => {
    const wb = await loadWorkbook(readFileSync(once));
    const review = wb.getWorksheet("月度分析 2026-10")!;
    const rows = first.plan.report.rows;
    expect(rows.length).toBeGreaterThan(100);
    for (const r of [0, 10, rows.length - 1])
      for (let c = 0; c < rows[r].cells.length; c++)
        expect([r, c, review.getCell(r + 1, c + 1).value ?? null]).toEqual([r, c, rows[r].cells[c]]);
    expect(wb.getWorksheet("_SalesReview")!.state).toBe("veryHidden");
    const port = packagePort(await openXlsx(once));
    const meta = await port.readMeta();
    await port.close();
    expect(meta.record).toEqual(first.record);
    expect(meta.sheetNames).toEqual(["客户表", "订单表", "拜访记录", "费用表", "月度分析 2026-10", "_SalesReview"]);
  });

  it("replaces the same month's review sheet and the record in place on a re-run: same parts, ids and positions", async () => {
    const twice = join(dir, "twice.xlsx");
    await run(once, twice);
    const [a, b] = [await parts(once), await parts(twice)];
    expect([...b.keys()]).toEqual([...a.keys()]);
    // (The patched input sheets are patchSheet's to compare; its conditional-format priorities are numbered on.)
    for (const name of [
      "xl/workbook.xml",
      "xl/_rels/workbook.xml.rels",
      "[Content_Types].xml",
      "xl/styles.xml",
      "xl/charts/chart1.xml",
      "xl/drawings/drawing1.xml",
      "xl/tables/table1.xml",
    ]) {
      expect([name, b.get(name)!.toString()]).toEqual([name, a.get(name)!.toString()]);
    }
  });

  it("keeps an earlier month's review sheet and its charts byte for byte when reviewing another month", async () => {
    const other = join(dir, "other.xlsx");
    await run(once, other, "2026-09");
    const [a, b] = [await parts(once), await parts(other)];
    for (const name of [
      "xl/worksheets/sheet5.xml",
      "xl/worksheets/_rels/sheet5.xml.rels",
      "xl/drawings/drawing1.xml",
      "xl/charts/chart1.xml",
      "xl/charts/chart2.xml",
    ])
      expect(b.get(name)!.equals(a.get(name)!)).toBe(true);
    expect([...b.keys()].filter((k) => !a.has(k))).toEqual([
      "xl/worksheets/sheet7.xml",
      "xl/drawings/drawing2.xml",
      "xl/charts/chart3.xml",
      "xl/charts/chart4.xml",
      "xl/worksheets/_rels/sheet7.xml.rels",
      "xl/drawings/_rels/drawing2.xml.rels",
    ]);
    expect(sheetsOf(b.get("xl/workbook.xml")!.toString()).map((s) => [s.name, s.sheetId])).toEqual([
      ["客户表", "1"],
      ["订单表", "2"],
      ["拜访记录", "3"],
      ["费用表", "4"],
      ["月度分析 2026-10", "5"],
      ["_SalesReview", "6"],
      ["月度分析 2026-09", "7"],
    ]);
  });

  it("keeps a replaced sheet's old drawing when another sheet still shows it", async () => {
    const zip = await JSZip.loadAsync(readFileSync(once));
    const costs = "xl/worksheets/sheet4.xml";
    const xml = await zip.file(costs)!.async("string");
    zip.file(
      costs,
      xml.replace(
        /<tableParts/,
        '<drawing xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rIdShared"/><tableParts',
      ),
    );
    const rels = await zip.file("xl/worksheets/_rels/sheet4.xml.rels")!.async("string");
    zip.file(
      "xl/worksheets/_rels/sheet4.xml.rels",
      rels.replace(
        "</Relationships>",
        '<Relationship Id="rIdShared" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing" Target="/xl/drawings/drawing1.xml"/></Relationships>',
      ),
    );
    const shared = join(dir, "shared.xlsx");
    writeFileSync(shared, await zip.generateAsync({ type: "nodebuffer" }));
    const out = join(dir, "shared-out.xlsx");
    await run(shared, out);
    const [a, b] = [await parts(shared), await parts(out)];
    for (const name of [
      "xl/drawings/drawing1.xml",
      "xl/drawings/_rels/drawing1.xml.rels",
      "xl/charts/chart1.xml",
      "xl/charts/chart2.xml",
    ])
      expect(b.get(name)!.equals(a.get(name)!)).toBe(true);
    expect(b.get("xl/worksheets/_rels/sheet5.xml.rels")!.toString()).toContain('Target="../drawings/drawing2.xml"');
    expect(
      b
        .get("[Content_Types].xml")!
        .toString()
        .match(/PartName="\/xl\/drawings\/drawing1.xml"/g),
    ).toHaveLength(1);
  });

  describe("invalid input", () => {
    it("fails on a part it cannot write and leaves no file behind", async () => {
      const bad = mkdtempSync(join(tmpdir(), "write-xlsx-bad-"));
      copyFileSync(SAMPLE, join(bad, "in.xlsx"));
      const port = packagePort(await openXlsx(join(bad, "in.xlsx")));
      const plan = structuredClone(first.plan);
      plan.report.rows[3].cells[1] = Infinity;
      await port.write(plan, first.record, []);
      await expect(port.save(join(bad, "out.xlsx"))).rejects.toThrow(/cellXml: B4 holds Infinity/);
      await port.close();
      expect(readdirSync(bad)).toEqual(["in.xlsx"]);
      expect(existsSync(join(bad, "out.xlsx"))).toBe(false);
    });
  });
});
