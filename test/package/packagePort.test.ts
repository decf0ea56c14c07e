import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { reviewWorkbook } from "../../src/adapters/reviewWorkbook";
import { openXlsx } from "../../src/adapters/xlsx/package/openXlsx";
import { packagePort } from "../../src/adapters/xlsx/package/packagePort";
import { loadWorkbook } from "../support/loadWorkbook";
import { EMPTY_RECORD } from "../../src/core/record";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** A package with only what a workbook must have: no styles, no shared strings, no docProps. */
async function bareWorkbook(file: string): Promise<void> {
  const zip = new JSZip();
  zip.file(
    "[Content_Types].xml",
    `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
      `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
  );
  zip.file(
    "_rels/.rels",
    `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  zip.file(
    "xl/workbook.xml",
    `<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="Orders" sheetId="1" r:id="rId1"/></sheets></workbook>`,
  );
  zip.file(
    "xl/_rels/workbook.xml.rels",
    `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
  );
  const text = (ref: string, s: string) => `<c r="${ref}" t="inlineStr"><is><t>${s}</t></is></c>`;
  const rows = [
    `<row r="1">${text("A1", "Order Date")}${text("B1", "Customer")}${text("C1", "Amount")}</row>`,
    `<row r="2"><c r="A2"><v>46296</v></c>${text("B2", "Acme")}<c r="C2"><v>120</v></c></row>`,
    `<row r="3"><c r="A3"><v>46300</v></c>${text("B3", "Bolt")}<c r="C3"><v>80</v></c></row>`,
  ];
  zip.file(
    "xl/worksheets/sheet1.xml",
    `<worksheet xmlns="${MAIN}"><sheetData>${rows.join("")}</sheetData></worksheet>`,
  );
  writeFileSync(file, await zip.generateAsync({ type: "nodebuffer" }));
}

async function review(input: string, output: string) {
  const port = packagePort(await openXlsx(input));
  try {
    const result = await reviewWorkbook(port, { lang: "en-US", generatedAt: "2026-11-02 09:00" });
    await port.save(output);
    return result;
  } finally {
    await port.close();
  }
}

describe("packagePort", () => {
  const dir = mkdtempSync(join(tmpdir(), "package-port-"));

  it("reads no record and every sheet name from a workbook never reviewed", async () => {
    await bareWorkbook(join(dir, "bare.xlsx"));
    const port = packagePort(await openXlsx(join(dir, "bare.xlsx")));
    expect(await port.readMeta()).toEqual({ sheetNames: ["Orders"], record: EMPTY_RECORD, dateSystem: 1900 });
    await port.close();
    await port.close();
  });

  it("gives a package without a styles part one, related and typed, that ExcelJS reads", async () => {
    await bareWorkbook(join(dir, "bare.xlsx"));
    await review(join(dir, "bare.xlsx"), join(dir, "bare-out.xlsx"));
    const zip = await JSZip.loadAsync(readFileSync(join(dir, "bare-out.xlsx")));
    expect(await zip.file("xl/_rels/workbook.xml.rels")!.async("string")).toContain(
      `Type="${REL}/styles" Target="styles.xml"/>`,
    );
    expect(await zip.file("[Content_Types].xml")!.async("string")).toContain(
      '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>',
    );
    const wb = await loadWorkbook(readFileSync(join(dir, "bare-out.xlsx")));
    const orders = wb.getWorksheet("Orders")!;
    expect([orders.getCell("D1").value, orders.getCell("D1").font?.bold, orders.getCell("B2").value]).toEqual([
      "Tier",
      true,
      "Acme",
    ]);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Orders", "Customers", "Review 2026-10", "_SalesReview"]);
  });

  it("reads its record back after Excel-like software re-saved it with shared strings", async () => {
    await bareWorkbook(join(dir, "bare.xlsx"));
    const first = await review(join(dir, "bare.xlsx"), join(dir, "once.xlsx"));
    const wb = await loadWorkbook(readFileSync(join(dir, "once.xlsx")));
    await wb.xlsx.writeFile(join(dir, "resaved.xlsx"));
    const zip = await JSZip.loadAsync(readFileSync(join(dir, "resaved.xlsx")));
    const recordPart = Object.keys(zip.files)
      .filter((n) => /worksheets\/sheet\d+\.xml$/.test(n))
      .sort()
      .pop()!;
    expect(await zip.file(recordPart)!.async("string")).toMatch(/<c r="A2" t="s">/);
    const port = packagePort(await openXlsx(join(dir, "resaved.xlsx")));
    const meta = await port.readMeta();
    await port.close();
    expect(meta.record).toEqual(first.record);
  });

  describe("invalid input", () => {
    it("refuses to save before a plan was written", async () => {
      await bareWorkbook(join(dir, "bare.xlsx"));
      const port = packagePort(await openXlsx(join(dir, "bare.xlsx")));
      await expect(port.save(join(dir, "never.xlsx"))).rejects.toThrow("packagePort.save: nothing was written");
      await port.close();
    });

    it("reads a record sheet somebody typed into as damaged, not as a crash", async () => {
      const wb = new ExcelJS.Workbook();
      wb.addWorksheet("Orders").addRow(["Order Date"]);
      wb.addWorksheet("_SalesReview", { state: "veryHidden" }).addRows([
        ["Sales Review record (do not edit)"],
        ["{not json"],
      ]);
      await wb.xlsx.writeFile(join(dir, "typed.xlsx"));
      const port = packagePort(await openXlsx(join(dir, "typed.xlsx")));
      expect((await port.readMeta()).record).toEqual({ ...EMPTY_RECORD, damaged: true });
      await port.close();
    });
  });
});
