import JSZip from "jszip";
import { openXlsxBuffer } from "../../src/adapters/xlsx/package/openXlsx";
import { packagePort } from "../../src/adapters/xlsx/package/packagePort";
import { BesideTables } from "../../src/adapters/xlsx/stream/besideTables";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";

/** A one-sheet package whose sheet holds `rows` and lists `listed` of the `tables` (name → ref). */
async function workbook(rows: string, tables: Record<string, string>, listed = Object.keys(tables)): Promise<Buffer> {
  const zip = new JSZip();
  const names = Object.keys(tables);
  zip.file(
    "[Content_Types].xml",
    `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>`,
  );
  zip.file(
    "_rels/.rels",
    `<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  zip.file(
    "xl/workbook.xml",
    `<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>`,
  );
  zip.file(
    "xl/_rels/workbook.xml.rels",
    `<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
  );
  zip.file(
    "xl/worksheets/_rels/sheet1.xml.rels",
    `<Relationships xmlns="${PKG_REL}">${names.map((n, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/table" Target="../tables/table${i + 1}.xml"/>`).join("")}</Relationships>`,
  );
  names.forEach((name, i) =>
    zip.file(
      `xl/tables/table${i + 1}.xml`,
      `<table xmlns="${MAIN}" id="${i + 1}" name="${name}" displayName="${name}" ref="${tables[name]}"><tableColumns count="1"><tableColumn id="1" name="A"/></tableColumns></table>`,
    ),
  );
  const parts = listed.map((n) => `<tablePart r:id="rId${names.indexOf(n) + 1}"/>`).join("");
  zip.file(
    "xl/worksheets/sheet1.xml",
    `<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetData>${rows}</sheetData><tableParts count="${listed.length}">${parts}</tableParts></worksheet>`,
  );
  return zip.generateAsync({ type: "nodebuffer" });
}

async function blockedTables(data: Buffer) {
  const port = packagePort(await openXlsxBuffer(data));
  try {
    await port.readGrids(new Set());
    return port.blockedTables!();
  } finally {
    await port.close();
  }
}

const v = (ref: string, n = 1) => `<c r="${ref}"><v>${n}</v></c>`;
const row = (r: number, ...cells: string[]) => `<row r="${r}">${cells.join("")}</row>`;

describe("packagePort.blockedTables", () => {
  it("lists a table with a value beside it in its rows: room up to that column, free columns right of the sheet's last used one", async () => {
    const rows = [row(1, v("A1"), v("B1")), row(3, v("A3"), v("F3")), row(9, v("A9"), v("H9"))].join("");
    expect(await blockedTables(await workbook(rows, { T: "A1:B4" }))).toEqual([
      { sheet: "Data", table: "T", from: 2, room: 3, freeCol: 8 },
    ]);
  });

  it("counts a formula without a cached value and a styled empty cell, not a cell in the default style", async () => {
    const styled = `<c r="C2" s="3"/>`;
    const formula = `<c r="E3"><f>1+1</f></c>`;
    const plain = `<c r="C4" s="0"/><c r="Z4"/>`;
    expect(
      await blockedTables(await workbook([row(2, v("A2"), styled), row(3, formula)].join(""), { T: "A1:A4" })),
    ).toEqual([{ sheet: "Data", table: "T", from: 1, room: 1, freeCol: 5 }]);
    expect(await blockedTables(await workbook([row(2, v("A2")), row(4, plain)].join(""), { T: "A1:A4" }))).toEqual([]);
  });

  it("takes the whole table's rows, totals row included, and no row above or below", async () => {
    const rows = [row(1, v("D1")), row(5, v("E5")), row(6, v("C6"))].join("");
    expect(await blockedTables(await workbook(rows, { Above: "A2:B5" }))).toEqual([
      { sheet: "Data", table: "Above", from: 2, room: 2, freeCol: 5 },
    ]);
    expect(await blockedTables(await workbook(rows, { Between: "A2:B4" }))).toEqual([]);
  });

  it("sees a second table beside the first, and leaves out table parts the sheet does not list", async () => {
    const rows = [row(1, v("A1"), v("E1"), v("F1")), row(2, v("A2"), v("E2"), v("F2"), v("H2"))].join("");
    const tables = { Left: "A1:A2", Right: "E1:F2", Unlisted: "J1:J2" };
    expect(await blockedTables(await workbook(rows, tables, ["Left", "Right"]))).toEqual([
      { sheet: "Data", table: "Left", from: 1, room: 3, freeCol: 8 },
      { sheet: "Data", table: "Right", from: 6, room: 1, freeCol: 8 },
    ]);
  });

  it("lists no table that ends in the last column (XFD) and none on a sheet it skipped", async () => {
    expect(await blockedTables(await workbook(row(1, v("XFC1"), v("XFD1")), { Edge: "XFC1:XFD2" }))).toEqual([]);
    const port = packagePort(await openXlsxBuffer(await workbook(row(1, v("A1"), v("C1")), { T: "A1:A2" })));
    await port.readGrids(new Set(["Data"]));
    expect(port.blockedTables!()).toEqual([]);
    await port.close();
  });
});

describe("BesideTables", () => {
  it("keeps the first occupied column right of each table in its rows and the sheet's rightmost", () => {
    const b = new BesideTables([{ top: 1, left: 1, bottom: 50, right: 3 }]);
    b.note(5, 9);
    b.note(6, 5);
    b.note(51, 4);
    b.note(2, 3);
    expect([b.firstBeside, b.rightmost]).toEqual([[5], 9]);
    expect(b.blocked("S", [{ index: 0, name: "T" }])).toEqual([
      { sheet: "S", table: "T", from: 3, room: 1, freeCol: 9 },
    ]);
  });
});
