import { readFileSync } from "node:fs";
import { Readable } from "node:stream";
import JSZip from "jszip";
import type ExcelJS from "exceljs";
import type { SheetPlan } from "../../src/core/output";
import { loadWorkbook } from "../support/loadWorkbook";
import { patchSheet, type SheetStyles } from "../../src/adapters/xlsx/package/patchSheet";
import { patchTable } from "../../src/adapters/xlsx/package/patchTable";
import { SAMPLE_EN, SAMPLE_ZH } from "../fixtures/paths";

/** Part path of a sheet, from workbook.xml and its rels (absolute or relative targets). */
async function sheetPart(zip: JSZip, sheet: string): Promise<string> {
  const workbook = await zip.file("xl/workbook.xml")!.async("string");
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  const tag = [...workbook.matchAll(/<sheet [^>]*>/g)].map((m) => m[0]).find((t) => t.includes(`name="${sheet}"`));
  const id = /r:id="([^"]+)"/.exec(tag ?? "")?.[1];
  const rel = [...rels.matchAll(/<Relationship [^>]*>/g)].map((m) => m[0]).find((t) => t.includes(`Id="${id}"`));
  const target = /Target="([^"]+)"/.exec(rel ?? "")?.[1];
  if (!target) throw new Error(`no part for sheet ${sheet}`);
  return target.startsWith("/") ? target.slice(1) : `xl/${target}`;
}

/** Patches one part of the zip through the stream, fed in 1,000-byte chunks. */
async function patchPart(zip: JSZip, part: string, plan: SheetPlan, styles: SheetStyles): Promise<void> {
  const bytes = await zip.file(part)!.async("nodebuffer");
  const chunks = Array.from({ length: Math.ceil(bytes.length / 1000) }, (_, i) =>
    bytes.subarray(i * 1000, (i + 1) * 1000),
  );
  const out: Buffer[] = [];
  for await (const chunk of patchSheet(Readable.from(chunks), plan, styles)) out.push(chunk as Buffer);
  zip.file(part, Buffer.concat(out));
}

/** Appends to styles.xml what the test's style ids need: xf 2 (#,##0.00) and one dxf. C's styles.ts does this in the real writer. */
async function addTestStyles(zip: JSZip): Promise<SheetStyles> {
  const xml = await zip.file("xl/styles.xml")!.async("string");
  const count = Number(/<cellXfs count="(\d+)"/.exec(xml)![1]);
  const withXf = xml.replace(
    /<cellXfs count="\d+">([\s\S]*?)<\/cellXfs>/,
    (_m, body: string) =>
      `<cellXfs count="${count + 1}">${body}<xf numFmtId="4" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>`,
  );
  const dxf = `<dxfs count="1"><dxf><font><color rgb="FF9C0006"/></font><fill><patternFill patternType="solid"><bgColor rgb="FFFFC7CE"/></patternFill></fill></dxf></dxfs>`;
  zip.file("xl/styles.xml", withXf.replace(/<dxfs count="0"\/>|(?=<tableStyles)/, dxf));
  // xf 1 is the sample's own yyyy-mm-dd.
  return { header: 0, body: (f) => (f === "money" ? count : f === "date" ? 1 : 0), dxf: () => 0 };
}

function valueOf(ws: ExcelJS.Worksheet, address: string): unknown {
  return ws.getCell(address).value;
}

describe("patchSheet on a real sample, read back with ExcelJS", () => {
  it("writes the owned cells of the order sheet and leaves the user's cells as they were", async () => {
    const file = readFileSync(SAMPLE_EN);
    const before = await loadWorkbook(file);
    const zip = await JSZip.loadAsync(file);
    const styles = await addTestStyles(zip);
    const part = await sheetPart(zip, "Orders");
    const rows = 3401; // rows 4…3404
    const tiers = ["A", "B", "C", "D"];
    const plan: SheetPlan = {
      sheet: "Orders",
      headerRow: 2,
      firstRow: 3,
      lastRow: 3403,
      columns: [
        {
          output: "order.tier",
          header: "Tier",
          col: 6,
          format: "general",
          values: Array.from({ length: rows }, (_, k) => tiers[k % 4]),
          highlights: [{ text: "A", fill: "#FFC7CE", font: "#9C0006" }],
        },
        {
          output: "customer.visitCost",
          header: "Visit cost",
          col: 7,
          format: "money",
          values: Array.from({ length: rows }, (_, k) => (k % 3 === 2 ? null : k * 1.25)),
        },
        {
          output: "customer.visitDue",
          header: "Visit due",
          col: 8,
          format: "date",
          values: Array.from({ length: rows }, (_, k) => (k % 5 === 0 ? `Overdue ${k} days` : 46000 + k)),
          cellFormats: Array.from({ length: rows }, (_, k) => (k % 5 === 0 ? "general" : null)),
        },
      ],
    };
    await patchPart(zip, part, plan, styles);
    const after = await loadWorkbook(await zip.generateAsync({ type: "nodebuffer" }));

    const ws = after.getWorksheet("Orders")!;
    const old = before.getWorksheet("Orders")!;
    expect(ws.rowCount).toBe(old.rowCount); // (getCell below creates rows in ExcelJS)
    expect([valueOf(ws, "G3"), valueOf(ws, "H3"), valueOf(ws, "I3")]).toEqual(["Tier", "Visit cost", "Visit due"]);
    expect([valueOf(ws, "G4"), valueOf(ws, "H4"), valueOf(ws, "I4")]).toEqual(["A", 0, "Overdue 0 days"]);
    expect([valueOf(ws, "G5"), valueOf(ws, "H5"), valueOf(ws, "I5")]).toEqual([
      "B",
      1.25,
      new Date(Date.UTC(1899, 11, 30) + 46001 * 86400000),
    ]);
    expect([valueOf(ws, "G6"), valueOf(ws, "H6")]).toEqual(["C", null]);
    expect([valueOf(ws, "G3404"), valueOf(ws, "H3404"), valueOf(ws, "I3404")]).toEqual([
      "A",
      4250,
      "Overdue 3400 days",
    ]);
    expect(ws.getCell("H5").numFmt).toBe("#,##0.00");
    expect(ws.getCell("I5").numFmt).toBe("yyyy-mm-dd");
    expect(ws.getColumn(7).width).toBe(10);
    expect(ws.getColumn(8).width).toBe(22);
    const cf = (
      ws as unknown as { conditionalFormattings: { ref: string; rules: { type: string; formulae: string[] }[] }[] }
    ).conditionalFormattings;
    expect(
      cf.map((c) => ({ ref: c.ref, rules: c.rules.map((r) => ({ type: r.type, formulae: r.formulae })) })),
    ).toEqual([{ ref: "G4:G3404", rules: [{ type: "expression", formulae: ['G4="A"'] }] }]);

    // Every user cell of every row is unchanged.
    for (let r = 1; r <= old.rowCount; r++) {
      for (let c = 1; c <= 6; c++) {
        const a = old.getRow(r).getCell(c);
        const b = ws.getRow(r).getCell(c);
        if (a.value !== b.value && JSON.stringify(a.value) !== JSON.stringify(b.value))
          throw new Error(`${a.address}: ${JSON.stringify(a.value)} became ${JSON.stringify(b.value)}`);
        expect(b.numFmt).toBe(a.numFmt);
      }
    }
    expect([valueOf(ws, "A1"), valueOf(ws, "A4"), valueOf(ws, "D4"), valueOf(ws, "D3403")]).toEqual([
      "Orders 2026",
      "SO000627",
      3079.19,
      "$4,124.26",
    ]);
    // The other sheets are the same as before.
    for (const name of ["Customers", "Visits", "Costs"])
      expect(after.getWorksheet(name)!.getSheetValues()).toEqual(before.getWorksheet(name)!.getSheetValues());
  });

  it("widens the order table of the Chinese sample over a new column", async () => {
    const file = readFileSync(SAMPLE_ZH);
    const zip = await JSZip.loadAsync(file);
    const part = await sheetPart(zip, "订单表");
    const rows = 5856;
    const plan: SheetPlan = {
      sheet: "订单表",
      table: "Orders",
      headerRow: 0,
      firstRow: 1,
      lastRow: 5856,
      columns: [
        {
          output: "order.tier",
          header: "客户等级",
          col: 6,
          format: "general",
          values: Array.from({ length: rows }, (_, k) => ["A", "B", "C", "D"][k % 4]),
        },
      ],
    };
    await patchPart(zip, part, plan, { header: 0, body: () => 0, dxf: () => 0 });
    zip.file("xl/tables/table2.xml", patchTable(await zip.file("xl/tables/table2.xml")!.async("string"), plan));
    const after = await loadWorkbook(await zip.generateAsync({ type: "nodebuffer" }));

    const ws = after.getWorksheet("订单表")!;
    const table = (
      ws as unknown as {
        tables: Record<
          string,
          { table: { tableRef?: string; ref?: string; autoFilterRef?: string; columns: { name: string }[] } }
        >;
      }
    ).tables.Orders.table;
    expect(table.tableRef ?? table.ref).toBe("A1:G5857");
    expect(table.autoFilterRef).toBe("A1:G5857");
    expect(table.columns.map((c) => c.name)).toEqual([
      "订单号",
      "订单日期",
      "客户编号",
      "金额",
      "毛利",
      "已回款",
      "客户等级",
    ]);
    expect([valueOf(ws, "G1"), valueOf(ws, "G2"), valueOf(ws, "G5857"), valueOf(ws, "A1"), valueOf(ws, "F1")]).toEqual([
      "客户等级",
      "A",
      "D",
      "订单号",
      "已回款",
    ]);
  });
});
