import { readFileSync } from "node:fs";
import { basename } from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { loadWorkbook, workbookGrids } from "../support/loadWorkbook";
import { readWorkbookGrids } from "../../src/adapters/xlsx/stream/readWorkbookGrids";
import { openXlsxBuffer } from "../../src/adapters/xlsx/package/openXlsx";
import { checkGrids } from "../../src/core/checkGrids";
import { ExcelLimitError } from "../../src/core/errors";
import { SAMPLE_EN, SAMPLE_ZH, SUPERSTORE_EN, SUPERSTORE_ZH } from "../fixtures/paths";

/** Every fixture workbook, by file name; a missing one fails its test rather than being skipped. */
const files = [SAMPLE_EN, SAMPLE_ZH, SUPERSTORE_EN, SUPERSTORE_ZH].map((f) => [basename(f), f] as const);

async function expectSame(bytes: Uint8Array): Promise<void> {
  const expected = workbookGrids(await loadWorkbook(bytes));
  const pkg = await openXlsxBuffer(bytes);
  try {
    expect(await readWorkbookGrids(pkg)).toEqual(expected);
  } finally {
    await pkg.close();
  }
}

describe("streaming reader equals the ExcelJS reader", () => {
  it.each(files)(
    "%s",
    async (_name, f) => {
      await expectSame(readFileSync(f));
    },
    120_000,
  );

  it("covers every cell type, tables with totals, two tables on a sheet, empty sheets", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Types");
    ws.getCell("A1").value = "shared";
    ws.getCell("B1").value = { richText: [{ text: "rich " }, { font: { bold: true }, text: "text" }] };
    ws.getCell("C1").value = { formula: 'A1&"x"', result: "sharedx" };
    ws.getCell("D1").value = { formula: "1+1", result: 2 };
    ws.getCell("E1").value = { formula: "TRUE()", result: true };
    ws.getCell("F1").value = { formula: "NA()", result: { error: "#N/A" } };
    ws.getCell("G1").value = { formula: "NOW()" } as ExcelJS.CellFormulaValue;
    ws.getCell("A2").value = new Date(Date.UTC(2024, 1, 29));
    ws.getCell("B2").value = new Date(Date.UTC(1899, 11, 30, 13, 30));
    ws.getCell("C2").value = false;
    ws.getCell("D2").value = { error: "#DIV/0!" } as ExcelJS.CellErrorValue;
    ws.getCell("E2").value = "";
    ws.getCell("F2").value = 1.5e-7;
    ws.getCell("G2").value = "line\r\nbreak _x0041_";
    ws.getCell("Z40").value = "beyond a gap";
    wb.addWorksheet("Empty");
    const t = wb.addWorksheet("Tables");
    t.addTable({
      name: "First",
      ref: "A1",
      totalsRow: true,
      columns: [
        { name: "K", totalsRowLabel: "Total" },
        { name: "V", totalsRowFunction: "sum" },
      ],
      rows: [
        ["a", 1],
        ["b", 2],
      ],
    });
    t.addTable({
      name: "Second",
      ref: "E3",
      columns: [{ name: "X" }, { name: "Y" }],
      rows: [
        ["", 3],
        ["é", 4],
      ],
    });
    await expectSame(new Uint8Array(await wb.xlsx.writeBuffer()));
    wb.properties.date1904 = true;
    await expectSame(new Uint8Array(await wb.xlsx.writeBuffer()));
  });
});

const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const rels = (items: [string, string, string][]) =>
  `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${items.map(([id, type, target]) => `<Relationship Id="${id}" Type="${REL}/${type}" Target="${target}"/>`).join("")}</Relationships>`;

/** A one-sheet package ("S") with the given sheet XML and table parts (relationship id → part name and XML). */
async function oneSheet(
  sheetXml: string,
  tables: [id: string, target: string, xml: string][] = [],
): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file("_rels/.rels", rels([["rId1", "officeDocument", "xl/workbook.xml"]]));
  zip.file(
    "xl/workbook.xml",
    `<workbook xmlns:r="${REL}"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`,
  );
  zip.file("xl/_rels/workbook.xml.rels", rels([["rId1", "worksheet", "worksheets/sheet1.xml"]]));
  zip.file("xl/worksheets/sheet1.xml", sheetXml);
  zip.file("xl/worksheets/_rels/sheet1.xml.rels", rels(tables.map(([id, target]) => [id, "table", target])));
  for (const [, target, xml] of tables)
    zip.file(target.startsWith("/") ? target.slice(1) : `xl/tables/${target.split("/").pop()}`, xml);
  return zip.generateAsync({ type: "uint8array" });
}

async function gridsOf(bytes: Uint8Array) {
  const pkg = await openXlsxBuffer(bytes);
  try {
    return await readWorkbookGrids(pkg);
  } finally {
    await pkg.close();
  }
}

describe("readWorkbookGrids", () => {
  it("follows the sheet's <tableParts> order and leaves out table parts the sheet does not list", async () => {
    const bytes = await oneSheet(
      `<worksheet xmlns:r="${REL}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>k</t></is></c><c r="D1" t="inlineStr"><is><t>v</t></is></c></row>` +
        `<row r="2"><c r="A2"><v>1</v></c><c r="D2"><v>2</v></c></row><row r="3"><c r="A3"><v>9</v></c></row></sheetData>` +
        `<tableParts count="2"><tablePart r:id="rId2"/><tablePart r:id="rId1"/></tableParts></worksheet>`,
      [
        ["rId1", "../tables/t1.xml", `<table name="First" displayName="First" ref="A1:A3" totalsRowCount="1"/>`],
        ["rId2", "/xl/tables/t2.xml", `<table name="Second" ref="D1:D2"/>`],
        ["rId3", "../tables/orphan.xml", `<table name="Orphan" ref="A1:D3"/>`],
      ],
    );
    expect(await gridsOf(bytes)).toEqual([
      { sheet: "S", origin: { row: 0, col: 3 }, values: [["v"], [2]], table: "Second" },
      { sheet: "S", origin: { row: 0, col: 0 }, values: [["k"], [1]], table: "First" },
    ]);
  });

  describe("invalid input", () => {
    it.each([
      [
        "a row past 1,048,576",
        `<row r="1"><c r="B1"><v>1</v></c></row><row r="2000000000"><c r="C2000000000"><v>2</v></c></row>`,
        "tooManyRows",
        "has 2000000000 rows",
      ],
      [
        "a column past XFD",
        `<row r="3"><c r="B3"><v>1</v></c><c r="ZZZZZ3"><v>2</v></c></row>`,
        "tooManyColumns",
        "is 12356630 columns wide",
      ],
    ])(
      "does not build %s, and its grid makes checkGrids refuse the sheet with its true extent",
      async (_what, rows, limit, extent) => {
        const grids = await gridsOf(await oneSheet(`<worksheet><sheetData>${rows}</sheetData></worksheet>`));
        expect(grids.map((g) => g.values)).toEqual([[[null]]]);
        const error = (() => {
          try {
            checkGrids(grids, "en-US");
          } catch (e) {
            return e;
          }
        })();
        expect(error).toBeInstanceOf(ExcelLimitError);
        expect((error as ExcelLimitError).limit).toBe(limit);
        expect((error as Error).message).toContain(extent);
      },
    );
  });
});
