import { Readable } from "node:stream";
import { openXlsx } from "../../src/adapters/xlsx/package/openXlsx";
import { BesideTables } from "../../src/adapters/xlsx/stream/besideTables";
import { StoreCells } from "../../src/adapters/xlsx/stream/cellSink";
import { EncodeCells, replayCells, type CellBatch } from "../../src/adapters/xlsx/stream/encodeCells";
import { readSharedStrings } from "../../src/adapters/xlsx/stream/readSharedStrings";
import { readSheetCells, streamSheet } from "../../src/adapters/xlsx/stream/readSheetCells";
import { SAMPLE_EN, SAMPLE_ZH } from "../fixtures/paths";

const sheet = (body: string, after = "") =>
  `<?xml version="1.0"?><worksheet><sheetData>${body}</sheetData>${after}</worksheet>`;

const SHARED = ["甲", "乙", "a string of more than thirteen characters"];
const TABLES = [
  { top: 1, left: 1, bottom: 4, right: 2 },
  { top: 3, left: 1, bottom: 9, right: 3 },
];

/** Every kind of cell the reader tells apart, and the damaged ones it must read as it reads them in-thread. */
const EDGE_CASES: Record<string, string> = {
  "inline strings, formulas' cached text, errors, booleans, ISO dates": sheet(
    `<row r="1"><c r="A1" t="inlineStr"><is><t>销售 &amp; 額</t><rPh><t>x</t></rPh></is></c>` +
      `<c r="B1" t="str"><f>A1&amp;"!"</f><v>a&lt;b</v></c><c r="C1" t="e"><v>#N/A</v></c>` +
      `<c r="D1" t="b"><v>1</v></c><c r="E1" t="b"><v>0</v></c><c r="F1" t="d"><v>2026-10-31T12:00:00</v></c>` +
      `<c r="G1" t="inlineStr"><is><t></t></is></c><c r="H1" t="str"><v></v></c></row>`,
    `<tableParts count="1"><tablePart r:id="rId1"/></tableParts>`,
  ),
  "shared strings, in range, out of range, fractional, empty": sheet(
    `<row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2" t="s"><v>2</v></c><c r="C2" t="s"><v>9</v></c>` +
      `<c r="D2" t="s" s="3"><v>7</v></c><c r="E2" t="s"><v>1.5</v></c><c r="F2" t="s"><v></v></c>` +
      `<c r="G2" t="s"><v><![CDATA[1]]></v></c></row>`,
  ),
  "numbers, styles and formulas without a value beside tables": sheet(
    `<row r="3"><c r="A3"><v>-12.5</v></c><c r="B3"><v>1e-7</v></c><c r="C3" s="0"><v>45001</v></c>` +
      `<c r="D3" s="4"/><c r="E3"><f>SUM(A3:C3)</f></c><c r="F3" s="0"/><c r="G3"><v>x</v></c></row>` +
      `<row r="5"><c r="K5" s="1"/></row>`,
  ),
  "rows out of order, rows and cells without r": sheet(
    `<row r="7"><c r="B7"><v>7</v></c></row><row r="4"><c r="C4"><v>4</v></c><c><v>5</v></c></row>` +
      `<row><c><v>6</v></c></row><row r="2"><c r="A2"><v>2</v></c></row>`,
  ),
  "a cell past XFD and past the last row": sheet(
    `<row r="1"><c r="A1"><v>1</v></c><c r="XFE1"><v>2</v></c></row>` +
      `<row r="1048577"><c r="A1048577"><v>3</v></c></row><row r="99999999999"><c r="ZZZZ99999999999"><v>4</v></c></row>`,
  ),
  "an empty sheet": sheet(""),
  "prefixed names": `<x:worksheet xmlns:x="s"><x:sheetData><x:row r="1"><x:c r="A1" t="s"><x:v>1</x:v></x:c></x:row></x:sheetData></x:worksheet>`,
};

/** The part as a stream of `size`-byte chunks. */
function chunked(xml: string, size = 5): Readable {
  const bytes = Buffer.from(xml, "utf8");
  const parts: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) parts.push(bytes.subarray(i, i + size));
  return Readable.from(parts);
}

/** What a reader leaves in its sinks: the stored rows, what stands beside the tables, the part's end. */
async function readHere(xml: () => Readable, shared: readonly string[], date1904: boolean, tables?: typeof TABLES) {
  const beside = tables && new BesideTables(tables);
  const { cells, ...end } = await readSheetCells(xml(), shared, { date1904, beside });
  return { cells, beside, end };
}

/** The same, the reader encoding into batches of `size` numbers (structured-cloned, as posted) replayed into a store. */
async function readEncoded(
  xml: () => Readable,
  shared: readonly string[],
  date1904: boolean,
  tables?: typeof TABLES,
  size?: number,
) {
  const beside = tables && new BesideTables(tables);
  const store = new StoreCells(shared, beside);
  const batches: CellBatch[] = [];
  const encode = new EncodeCells(
    beside !== undefined,
    (b, transfer) => batches.push(structuredClone(b, { transfer })),
    size,
  );
  const end = await streamSheet(xml(), encode, { date1904 });
  encode.flush();
  for (const batch of batches) replayCells(batch, store);
  return { result: { cells: store.cells, beside, end }, batches: batches.length };
}

describe("EncodeCells and replayCells", () => {
  for (const [name, xml] of Object.entries(EDGE_CASES)) {
    for (const date1904 of [false, true]) {
      it(`replay the same rows and tables' neighbours as reading in-thread: ${name}${date1904 ? ", 1904" : ""}`, async () => {
        for (const tables of [undefined, TABLES]) {
          const here = await readHere(() => chunked(xml), SHARED, date1904, tables);
          for (const size of [3, 4, 7, undefined]) {
            const { result } = await readEncoded(() => chunked(xml), SHARED, date1904, tables, size);
            expect(result).toEqual(here);
          }
        }
      });
    }
  }

  it("read the rows as the test expects them (the comparison above is not between two empty results)", async () => {
    const { cells, beside } = await readHere(
      () => chunked(EDGE_CASES[Object.keys(EDGE_CASES)[1]]),
      SHARED,
      false,
      TABLES,
    );
    expect(cells.block({ top: 2, left: 1, bottom: 2, right: 7 })).toEqual([
      ["甲", "a string of more than thirteen characters", null, null, null, null, "乙"],
    ]);
    expect(beside?.rightmost).toBe(7);
    const dates = await readHere(() => chunked(EDGE_CASES[Object.keys(EDGE_CASES)[0]]), SHARED, true);
    expect(dates.cells.block({ top: 1, left: 1, bottom: 1, right: 8 })).toEqual([
      ["销售 & 額", "a<b", "#N/A", true, false, 44864.5, "", null],
    ]);
  });

  for (const file of [SAMPLE_ZH, SAMPLE_EN]) {
    it(`replay every sheet of ${file.split("/").pop()} as read in-thread, in many batches`, async () => {
      const pkg = await openXlsx(file, { offThreadFrom: Infinity });
      try {
        const path = pkg.sharedStringsPath;
        const shared = path ? await readSharedStrings(await pkg.openStream(path), path) : [];
        for (const s of pkg.sheets) {
          const bytes = await partBytes(pkg.openStream(s.partPath));
          const xml = () => Readable.from([bytes]);
          const here = await readHere(xml, shared, pkg.date1904, TABLES);
          const encoded = await readEncoded(xml, shared, pkg.date1904, TABLES, 999);
          expect(encoded.result).toEqual(here);
          expect(encoded.batches).toBeGreaterThan(1);
        }
      } finally {
        await pkg.close();
      }
    });
  }
});

async function partBytes(stream: Promise<Readable>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of await stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
