import { Readable } from "node:stream";
import { readSharedStrings } from "../../src/adapters/xlsx/stream/readSharedStrings";
import { readSheetCells } from "../../src/adapters/xlsx/stream/readSheetCells";

/** The XML as a byte stream cut into chunks of `size` bytes, so boundaries fall inside characters and entities. */
function chunked(xml: string, size: number): Readable {
  const bytes = Buffer.from(xml, "utf8");
  const parts: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) parts.push(bytes.subarray(i, i + size));
  return Readable.from(parts);
}

const sheet = (body: string) => `<?xml version="1.0"?><worksheet><sheetData>${body}</sheetData></worksheet>`;

describe("readSheetCells", () => {
  it("places cells and rows without r after the previous one", async () => {
    const xml = sheet(`<row r="3"><c r="B3"><v>1</v></c><c><v>2</v></c></row><row><c><v>3</v></c></row>`);
    const { cells } = await readSheetCells(chunked(xml, 7), [], { date1904: false });
    expect(cells.used()).toEqual({ top: 3, left: 1, bottom: 4, right: 3 });
    expect(cells.block({ top: 2, left: 1, bottom: 5, right: 4 })).toEqual([
      [null, null, null, null],
      [null, 1, 2, null],
      [3, null, null, null],
      [null, null, null, null],
    ]);
  });

  it("decodes multi-byte characters and entities split across every chunk boundary", async () => {
    const xml = sheet(
      `<row r="1"><c r="A1" t="inlineStr"><is><t>销售 &amp; 額 €</t></is></c><c r="B1" t="str"><v>a&lt;b</v></c></row>`,
    );
    for (let size = 1; size <= 5; size++) {
      const { cells } = await readSheetCells(chunked(xml, size), [], { date1904: false });
      expect(cells.get(1, 1)).toBe("销售 & 額 €");
      expect(cells.get(1, 2)).toBe("a<b");
    }
  });

  it("keeps xml:space text and decodes _x000D_ escapes as ExcelJS does", async () => {
    const xml = sheet(
      `<row r="1"><c r="A1" t="inlineStr"><is><r><t xml:space="preserve"> a </t></r><r><t>b_x000D_</t></r><rPh><t>ignored</t></rPh></is></c></row>`,
    );
    const { cells } = await readSheetCells(chunked(xml, 3), [], { date1904: false });
    expect(cells.get(1, 1)).toBe(" a b\r");
  });

  it("reads booleans, errors, ISO dates and empty values", async () => {
    const xml = sheet(
      `<row r="1"><c r="A1" t="b"><v>1</v></c><c r="B1" t="e"><v>#N/A</v></c><c r="C1" t="d"><v>2024-02-29T12:00:00</v></c><c r="D1"><v/></c><c r="E1"><f>1+1</f></c><c r="F1" t="s"><v>1</v></c></row>`,
    );
    const { cells } = await readSheetCells(chunked(xml, 4), ["x", "y"], { date1904: false });
    expect(cells.block({ top: 1, left: 1, bottom: 1, right: 7 })).toEqual([
      [true, "#N/A", 45351.5, null, null, "y", null],
    ]);
    const cells1904 = await readSheetCells(chunked(xml, 4), ["x", "y"], { date1904: true });
    expect(cells1904.cells.get(1, 3)).toBe(43889.5);
  });
});

describe("readSharedStrings", () => {
  it("joins rich runs, skips phonetic runs, keeps empty items", async () => {
    const xml = `<sst><si><t>plain</t></si><si><r><t>ri</t></r><r><t>ch</t></r><rPh sb="0" eb="1"><t>ふり</t></rPh></si><si><t/></si><si><t>a_x000A_b</t></si></sst>`;
    expect(await readSharedStrings(chunked(xml, 2))).toEqual(["plain", "rich", "", "a\nb"]);
  });
});
