import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { NotAnXlsxError, openXlsx, openXlsxBuffer, type XlsxPackage } from "../../src/adapters/xlsx/package/openXlsx";
import { SAMPLE_EN, SAMPLE_ZH } from "../fixtures/paths";

const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const relsXml = (rels: [id: string, type: string, target: string][]) =>
  `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels
    .map(([id, type, target]) => `<Relationship Id="${id}" Type="${REL}/${type}" Target="${target}"/>`)
    .join("")}</Relationships>`;
const sheetXml = (body: string) =>
  `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${body}</sheetData></worksheet>`;

/** A hand-made package, as openpyxl and others write them: absolute targets, hidden sheets, a chart sheet, 1904 dates. */
async function handMade(): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file("[Content_Types].xml", `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`);
  zip.file("_rels/.rels", relsXml([["rId1", "officeDocument", "/xl/workbook.xml"]]));
  zip.file(
    "xl/workbook.xml",
    `\uFEFF<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:rel="${REL}"><workbookPr date1904="true"/><sheets>` +
      `<sheet name="Shown" sheetId="3" rel:id="rId7"/><sheet name="Chart" sheetId="4" rel:id="rId9"/><sheet name="Hidden" sheetId="1" state="hidden" rel:id="rId8"/>` +
      `<sheet name="Deep" sheetId="2" state="veryHidden" rel:id="rId10"/></sheets></workbook>`,
  );
  zip.file(
    "xl/_rels/workbook.xml.rels",
    relsXml([
      ["rId7", "worksheet", "/xl/worksheets/a.xml"],
      ["rId8", "worksheet", "worksheets/b.xml"],
      ["rId9", "chartsheet", "chartsheets/sheet1.xml"],
      ["rId10", "worksheet", "./worksheets/../worksheets/c.xml"],
      ["rId11", "sharedStrings", "/xl/sharedStrings.xml"],
      ["rId12", "styles", "styles.xml"],
    ]),
  );
  zip.file("xl/worksheets/a.xml", sheetXml(`<row r="1"><c r="A1"><v>1</v></c></row>`));
  zip.file(
    "xl/worksheets/_rels/a.xml.rels",
    relsXml([
      ["rId2", "table", "/xl/tables/t2.xml"],
      ["rId1", "table", "../tables/t1.xml"],
      ["rId3", "hyperlink", "https://example.com"],
    ]),
  );
  zip.file("xl/worksheets/b.xml", sheetXml(""));
  zip.file("xl/worksheets/c.xml", sheetXml(""));
  zip.file("xl/chartsheets/sheet1.xml", `<chartsheet/>`);
  zip.file("xl/tables/t1.xml", `<table name="T1" ref="A1:A2"/>`);
  zip.file("xl/tables/t2.xml", `<table name="T2" ref="C1:C2"/>`);
  zip.file("xl/sharedStrings.xml", `<sst/>`);
  zip.file("xl/styles.xml", `<styleSheet/>`);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

async function withPackage<T>(pkg: XlsxPackage, f: (pkg: XlsxPackage) => Promise<T>): Promise<T> {
  try {
    return await f(pkg);
  } finally {
    await pkg.close();
  }
}

describe("openXlsx", () => {
  it("describes the English sample: four plain sheets behind absolute targets", async () => {
    await withPackage(await openXlsx(SAMPLE_EN), async (pkg) => {
      expect(pkg.workbookPath).toBe("xl/workbook.xml");
      expect(pkg.sheets).toEqual(
        ["Customers", "Orders", "Visits", "Costs"].map((name, i) => ({
          name,
          partPath: `xl/worksheets/sheet${i + 1}.xml`,
          sheetId: i + 1,
          rId: `rId${i + 1}`,
          state: "visible",
          tables: [],
        })),
      );
      expect(pkg.stylesPath).toBe("xl/styles.xml");
      expect(pkg.sharedStringsPath).toBeUndefined();
      expect(pkg.date1904).toBe(false);
      expect(pkg.entries).toEqual([
        "docProps/app.xml",
        "docProps/core.xml",
        "xl/theme/theme1.xml",
        "xl/worksheets/sheet1.xml",
        "xl/worksheets/sheet2.xml",
        "xl/worksheets/sheet3.xml",
        "xl/worksheets/sheet4.xml",
        "xl/styles.xml",
        "_rels/.rels",
        "xl/workbook.xml",
        "xl/_rels/workbook.xml.rels",
        "[Content_Types].xml",
      ]);
      const zip = await JSZip.loadAsync(readFileSync(SAMPLE_EN));
      for (const entry of pkg.entries) expect(await pkg.readText(entry)).toBe(await zip.file(entry)?.async("string"));
    });
  });

  it("finds each table of the Chinese sample through the sheet's relationships", async () => {
    await withPackage(await openXlsxBuffer(readFileSync(SAMPLE_ZH)), async (pkg) => {
      expect(pkg.sheets.map((s) => [s.name, s.partPath, s.tables])).toEqual(
        ["客户表", "订单表", "拜访记录", "费用表"].map((name, i) => [
          name,
          `xl/worksheets/sheet${i + 1}.xml`,
          [{ partPath: `xl/tables/table${i + 1}.xml`, rId: "rId1" }],
        ]),
      );
      expect((await pkg.readText("xl/tables/table2.xml")).includes('ref="A1:')).toBe(true);
    });
  });

  it("resolves absolute, relative and dotted targets, sheet states, 1904 dates, and leaves chart sheets out", async () => {
    await withPackage(await openXlsxBuffer(await handMade()), async (pkg) => {
      expect(pkg.sheets).toEqual([
        {
          name: "Shown",
          partPath: "xl/worksheets/a.xml",
          sheetId: 3,
          rId: "rId7",
          state: "visible",
          tables: [
            { partPath: "xl/tables/t2.xml", rId: "rId2" },
            { partPath: "xl/tables/t1.xml", rId: "rId1" },
          ],
        },
        { name: "Hidden", partPath: "xl/worksheets/b.xml", sheetId: 1, rId: "rId8", state: "hidden", tables: [] },
        { name: "Deep", partPath: "xl/worksheets/c.xml", sheetId: 2, rId: "rId10", state: "veryHidden", tables: [] },
      ]);
      expect(pkg.date1904).toBe(true);
      expect(pkg.sharedStringsPath).toBe("xl/sharedStrings.xml");
      expect(pkg.stylesPath).toBe("xl/styles.xml");
      expect((await pkg.readText("xl/workbook.xml")).startsWith("<?xml")).toBe(true);
      expect(pkg.has("xl/tables/t1.xml")).toBe(true);
      expect(pkg.has("XL/Tables/T1.xml")).toBe(true);
      expect(pkg.has("xl/tables/t3.xml")).toBe(false);
      await expect(pkg.readText("xl/tables/t3.xml")).rejects.toThrow("part xl/tables/t3.xml is missing");
    });
  });

  it("reads relative targets as ExcelJS writes them", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Plain").getCell("A1").value = "x";
    wb.addWorksheet("WithTable").addTable({ name: "Tbl", ref: "B2", columns: [{ name: "K" }], rows: [["a"]] });
    await withPackage(await openXlsxBuffer(new Uint8Array(await wb.xlsx.writeBuffer())), async (pkg) => {
      expect(pkg.sheets.map((s) => [s.name, s.partPath, s.tables.map((t) => t.partPath)])).toEqual([
        ["Plain", "xl/worksheets/sheet1.xml", []],
        ["WithTable", "xl/worksheets/sheet2.xml", ["xl/tables/table1.xml"]],
      ]);
      expect(pkg.sharedStringsPath).toBe("xl/sharedStrings.xml");
    });
  });

  it("streams a large part in many chunks", async () => {
    const zip = new JSZip();
    zip.file("xl/workbook.xml", `<workbook/>`);
    const big = sheetXml(
      Array.from({ length: 120_000 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`).join(""),
    );
    zip.file("xl/worksheets/sheet1.xml", big);
    await withPackage(
      await openXlsxBuffer(await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" })),
      async (pkg) => {
        const sizes: number[] = [];
        for await (const chunk of await pkg.openStream("xl/worksheets/sheet1.xml"))
          sizes.push((chunk as Buffer).length);
        expect(sizes.reduce((a, b) => a + b, 0)).toBe(Buffer.byteLength(big));
        // 6 MB inflated, in chunks of at most a megabyte (openXlsx's CHUNK).
        expect(Buffer.byteLength(big)).toBeGreaterThan(2.5 * 1024 * 1024);
        expect(Math.max(...sizes)).toBeLessThanOrEqual(1024 * 1024);
        expect(sizes.length).toBeGreaterThanOrEqual(6);
        expect(pkg.workbookPath).toBe("xl/workbook.xml");
        expect(pkg.sheets).toEqual([]);
      },
    );
  });

  describe("invalid input", () => {
    const dir = mkdtempSync(join(tmpdir(), "openXlsx-"));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it("refuses a file that is not a zip, naming the file", async () => {
      const file = join(dir, "notes.xlsx");
      writeFileSync(file, "Customer,Amount\nA,1\n");
      const error = await openXlsx(file).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(NotAnXlsxError);
      expect(error).toBeInstanceOf(RangeError);
      expect((error as Error).message).toMatch(
        new RegExp(`^${file.replace(/[.\\/]/g, "\\$&")} is not an \\.xlsx workbook: `),
      );
    });

    it("passes a missing file's error on as it is", async () => {
      const error = await openXlsx(join(dir, "missing.xlsx")).catch((e: unknown) => e);
      expect(error).not.toBeInstanceOf(NotAnXlsxError);
      expect((error as NodeJS.ErrnoException).code).toBe("ENOENT");
    });

    it("refuses an empty file", async () => {
      const file = join(dir, "empty.xlsx");
      writeFileSync(file, "");
      await expect(openXlsx(file)).rejects.toThrow(`${file} is not an .xlsx workbook: `);
    });

    it("refuses a truncated workbook", async () => {
      const bytes = readFileSync(SAMPLE_EN);
      await expect(openXlsxBuffer(bytes.subarray(0, bytes.length - 100), "cut.xlsx")).rejects.toThrow(
        /^cut\.xlsx is not an \.xlsx workbook: /,
      );
    });

    it("refuses a zip without a workbook part", async () => {
      const zip = new JSZip();
      zip.file("word/document.xml", "<document/>");
      await expect(openXlsxBuffer(await zip.generateAsync({ type: "uint8array" }), "letter.docx")).rejects.toThrow(
        "letter.docx is not an .xlsx workbook: no workbook part (xl/workbook.xml)",
      );
    });

    it.each([
      ["../evil.txt", 'unsafe entry name "../evil.txt" (parent folder)'],
      ["xl/../../evil.txt", 'unsafe entry name "xl/../../evil.txt" (parent folder)'],
      ["/etc/evil", 'unsafe entry name "/etc/evil" (absolute path)'],
      ["C:/evil", 'unsafe entry name "C:/evil" (absolute path)'],
    ])("refuses an entry named %s", async (name, reason) => {
      const zip = new JSZip();
      zip.file("xl/workbook.xml", "<workbook/>");
      zip.file(name, "x", { createFolders: false });
      const error = await openXlsxBuffer(await zip.generateAsync({ type: "uint8array" }), "bad.xlsx").catch(
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(NotAnXlsxError);
      expect((error as Error).message).toBe(`bad.xlsx is not an .xlsx workbook: ${reason}`);
    });

    it.each([
      [10, "inflates past the 10 bytes its header declares"],
      [200_000, "inflates to 100000 bytes, not the 200000 its header declares"],
    ])("refuses an entry whose header says it inflates to %d bytes", async (declared, why) => {
      const zip = new JSZip();
      zip.file("xl/workbook.xml", "<workbook/>");
      zip.file("xl/worksheets/sheet1.xml", "x".repeat(100_000));
      const bytes = Buffer.from(await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" }));
      // The lie is in both headers, the central directory's and the local one.
      patchUncompressedSize(bytes, "xl/worksheets/sheet1.xml", declared);
      await withPackage(await openXlsxBuffer(bytes), async (pkg) => {
        await expect(pkg.readText("xl/worksheets/sheet1.xml")).rejects.toThrow(
          `workbook is not an .xlsx workbook: part xl/worksheets/sheet1.xml ${why}`,
        );
      });
    });
  });
});

/** Rewrites the uncompressed size of an entry in its local and central headers. */
function patchUncompressedSize(zip: Buffer, name: string, size: number): void {
  const nameBytes = Buffer.from(name);
  for (let i = 0; i < zip.length - 4; i++) {
    const sig = zip.readUInt32LE(i);
    if (sig === 0x04034b50 && zip.subarray(i + 30, i + 30 + nameBytes.length).equals(nameBytes))
      zip.writeUInt32LE(size, i + 22);
    if (sig === 0x02014b50 && zip.subarray(i + 46, i + 46 + nameBytes.length).equals(nameBytes))
      zip.writeUInt32LE(size, i + 24);
  }
}
