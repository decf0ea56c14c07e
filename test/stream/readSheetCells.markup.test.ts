import { Readable } from "node:stream";
import fc from "fast-check";
import { readSharedStrings } from "../../src/adapters/xlsx/stream/readSharedStrings";
import { readSheetCells } from "../../src/adapters/xlsx/stream/readSheetCells";

/** The XML as a byte stream cut into chunks of `size` bytes. */
function chunked(xml: string, size: number): Readable {
  const bytes = Buffer.from(xml, "utf8");
  const parts: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) parts.push(bytes.subarray(i, i + size));
  return Readable.from(parts);
}

const sheet = (body: string, tail = "") =>
  `<?xml version="1.0"?><worksheet><sheetData>${body}</sheetData>${tail}</worksheet>`;

async function cellsOf(xml: string, shared: string[] = [], size = 5) {
  return (await readSheetCells(chunked(xml, size), shared, { date1904: false })).cells;
}

describe("readSheetCells on markup other writers produce", () => {
  it("reads prefixed elements (x:row, x:c, x:v) as the same cells", async () => {
    const xml = `<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r="1"><x:c r="A1" t="s"><x:v>1</x:v></x:c><x:c r="B1"><x:v>2.5</x:v></x:c></x:row></x:sheetData></x:worksheet>`;
    const cells = await cellsOf(xml, ["zero", "one"]);
    expect(cells.block({ top: 1, left: 1, bottom: 1, right: 2 })).toEqual([["one", 2.5]]);
  });

  it("reads CDATA, skips comments and processing instructions inside values", async () => {
    const xml = sheet(
      `<row r="1"><c r="A1" t="str"><v><![CDATA[a<b]]><!-- note --> &amp;c<?pi x?></v></c><c r="B1" t="inlineStr"><is><t><![CDATA[x]]>y</t></is></c></row>`,
    );
    for (let size = 1; size <= 9; size++) {
      const cells = await cellsOf(xml, [], size);
      expect([cells.get(1, 1), cells.get(1, 2)]).toEqual(["a<b &c", "xy"]);
    }
  });

  it("finds tag ends past a quoted '>' and reads single-quoted attributes", async () => {
    const xml = sheet(
      `<row r='2' note="a>b"><c note='x>y' r='B2' t='s'><v>0</v></c><c r="C2" t="b"><v>1</v></c></row>`,
    );
    const cells = await cellsOf(xml, ["shared"], 3);
    expect(cells.block({ top: 2, left: 2, bottom: 2, right: 3 })).toEqual([["shared", true]]);
  });

  it("keeps no value for empty and self-closing cells", async () => {
    const cells = await cellsOf(
      sheet(`<row r="1"><c r="A1" s="3"/><c r="B1"><v></v></c><c r="C1"><f>A1</f></c><c r="D1"><v>4</v></c></row>`),
    );
    expect(cells.used()).toEqual({ top: 1, left: 4, bottom: 1, right: 4 });
    expect(cells.block({ top: 1, left: 1, bottom: 1, right: 4 })).toEqual([[null, null, null, 4]]);
  });

  it("normalises line ends as XML parsers do, but keeps character references", async () => {
    const xml = sheet(`<row r="1"><c r="A1" t="inlineStr"><is><t>a\r\nb\rc&#13;d&#x1F600;&#233;</t></is></c></row>`);
    expect((await cellsOf(xml, [], 2)).get(1, 1)).toBe("a\nb\nc\rd😀é");
  });

  it("places rows and cells that come out of order", async () => {
    const xml = sheet(
      `<row r="5"><c r="C5"><v>3</v></c><c r="A5"><v>1</v></c></row><row r="2"><c r="B2"><v>9</v></c></row><row r="5"><c r="B5"><v>2</v></c></row>`,
    );
    const cells = await cellsOf(xml);
    expect(cells.used()).toEqual({ top: 2, left: 1, bottom: 5, right: 3 });
    expect(cells.block({ top: 2, left: 1, bottom: 5, right: 3 })).toEqual([
      [null, 9, null],
      [null, null, null],
      [null, null, null],
      [1, 2, 3],
    ]);
    // Placed, but marked: the workbook reader refuses such a sheet (the package writer patches rows in order).
    expect(cells.outOfOrder).toEqual({ row: 2, after: 5 });
  });

  it("ignores indentation between tags and a byte order mark", async () => {
    const xml = `\ufeff<?xml version="1.0"?>\r\n<worksheet>\n  <sheetData>\n    <row r="1">\n      <c r="A1" t="s">\n        <v>0</v>\n      </c>\n      <c r="B1">\n        <f>1+1</f>\n        <v>2</v>\n      </c>\n    </row>\n  </sheetData>\n</worksheet>\n`;
    const cells = await cellsOf(xml, ["zero"], 3);
    expect(cells.used()).toEqual({ top: 1, left: 1, bottom: 1, right: 2 });
    expect(cells.block({ top: 1, left: 1, bottom: 1, right: 2 })).toEqual([["zero", 2]]);
  });

  it("lists the sheet's table parts in order, whatever the relationships prefix", async () => {
    const xml = sheet(
      `<row r="1"><c r="A1"><v>1</v></c></row>`,
      `<tableParts count="2"><tablePart r:id="rId3"/><tablePart rel:id="rId1"/></tableParts>`,
    );
    expect((await readSheetCells(chunked(xml, 4), [], { date1904: false })).tableParts).toEqual(["rId3", "rId1"]);
  });

  it("reads exponents, spaces and long digit strings as Number() does", async () => {
    const raws = ["1.5E-7", " 12 ", "12345678901234567890", "-0", "0.1", "1e308", "-.5", "5."];
    const xml = sheet(
      `<row r="1">${raws.map((v, i) => `<c r="${String.fromCharCode(65 + i)}1"><v>${v}</v></c>`).join("")}</row>`,
    );
    const row = (await cellsOf(xml)).block({ top: 1, left: 1, bottom: 1, right: raws.length })[0];
    raws.forEach((v, i) => expect(Object.is(row[i], Number(v))).toBe(true));
  });

  it("reads every plain decimal exactly as Number() does (the byte fast path)", async () => {
    const decimal = fc
      .tuple(fc.boolean(), fc.stringMatching(/^[0-9]{1,15}$/), fc.nat({ max: 16 }))
      .map(
        ([neg, digits, point]) =>
          `${neg ? "-" : ""}${point < digits.length ? `${digits.slice(0, point)}.${digits.slice(point)}` : digits}`,
      );
    await fc.assert(
      fc.asyncProperty(fc.array(decimal, { minLength: 1, maxLength: 20 }), async (values) => {
        const xml = sheet(
          `<row r="1">${values.map((v, i) => `<c r="${colName(i + 1)}1"><v>${v}</v></c>`).join("")}</row>`,
        );
        const row = (await cellsOf(xml, [], 64)).block({ top: 1, left: 1, bottom: 1, right: values.length })[0];
        values.forEach((v, i) => expect(Object.is(row[i], Number(v))).toBe(true));
      }),
      { numRuns: 300 },
    );
  });

  describe("invalid input", () => {
    it("fails, naming the part, when the part ends inside a tag or inside a value", async () => {
      const opts = { date1904: false, part: "xl/worksheets/sheet1.xml" };
      await expect(readSheetCells(chunked(`<worksheet><sheetData><row r="1"><c r="A1"`, 4), [], opts)).rejects.toThrow(
        "xl/worksheets/sheet1.xml: malformed: the part ends inside markup (character 34)",
      );
      await expect(
        readSheetCells(chunked(`<worksheet><sheetData><row r="1"><c r="A1"><v>12`, 4), [], opts),
      ).rejects.toThrow("xl/worksheets/sheet1.xml: malformed: the part ends inside <v> (character 49)");
    });

    it("fails on markup that is not well-formed XML", async () => {
      await expect(cellsOf(sheet(`<row r="1"><c r="A1"><v>1</c></row>`))).rejects.toThrow(
        "sheet: malformed: </c> closes <v> (character 69)",
      );
      await expect(cellsOf(sheet(`<row r="1"><c r="A1" t="str"><v>a &nbsp; b</v></c></row>`))).rejects.toThrow(
        "sheet: entities: undefined entity &nbsp;",
      );
    });

    it("gives null for a shared-string index past the table", async () => {
      expect((await cellsOf(sheet(`<row r="1"><c r="A1" t="s"><v>7</v></c></row>`), ["only"])).get(1, 1)).toBeNull();
    });
  });
});

describe("readSharedStrings on markup other writers produce", () => {
  it("reads prefixed elements, CDATA, empty items and character references", async () => {
    const xml = `<x:sst xmlns:x="main"><x:si><x:t>a&lt;b</x:t></x:si><x:si/><x:si><x:r><x:t><![CDATA[c]]></x:t></x:r><x:r><x:t>d&#x41;</x:t></x:r></x:si></x:sst>`;
    for (let size = 1; size <= 6; size++)
      expect(await readSharedStrings(chunked(xml, size))).toEqual(["a<b", "", "cdA"]);
  });

  describe("invalid input", () => {
    it("fails, naming the part, when the table ends early", async () => {
      await expect(
        readSharedStrings(chunked(`<sst><si><t>a</t></si><si><t>b`, 4), "xl/sharedStrings.xml"),
      ).rejects.toThrow("xl/sharedStrings.xml: malformed: the part ends inside <t> (character 31)");
    });
  });
});

function colName(n: number): string {
  let s = "";
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}
