import { Readable } from "node:stream";
import type { Cell } from "../../src/core/_lib/cells";
import type { ColumnPlan, SheetPlan } from "../../src/core/output";
import { newSheetPart, type NewSheet } from "../../src/adapters/xlsx/package/newSheetPart";
import { newWorkbookPackage } from "../../src/adapters/xlsx/package/newWorkbookPackage";
import { patchSheet } from "../../src/adapters/xlsx/package/patchSheet";
import { SharedStringTable } from "../../src/adapters/xlsx/package/sharedStringTable";
import { STYLES } from "./sheetStyles";

async function text(stream: Readable | Iterable<Buffer>): Promise<string> {
  const parts: Buffer[] = [];
  for await (const chunk of stream) parts.push(chunk as Buffer);
  return Buffer.concat(parts).toString("utf8");
}

function sheet(values: Cell[][], formats: NewSheet["formats"]): NewSheet {
  return { grid: { sheet: "订单", origin: { row: 0, col: 0 }, values }, formats };
}

function plan(columns: ColumnPlan[], rows: number): SheetPlan {
  return { sheet: "订单", headerRow: 0, firstRow: 1, lastRow: rows, columns };
}

/** The part made with its owned cells in one pass, and the part made without them and then patched. */
async function bothWays(s: NewSheet, p: SheetPlan): Promise<{ onePass: string; patched: string }> {
  const onePass = await text(newSheetPart(s, { plan: p, styles: STYLES }));
  const patched = await text(patchSheet(Readable.from(newSheetPart(s)), p, STYLES));
  return { onePass, patched };
}

const GRID: Cell[][] = [
  ["客户", "日期", "金额"],
  ["甲 & 乙", 46000, 12.5],
  [null, null, null],
  ["=SUM(A1)", null, 3],
];

describe("newSheetPart", () => {
  it("writes owned columns right of the grid as patchSheet writes them, highlights and widths included", async () => {
    const owned: ColumnPlan[] = [
      {
        output: "t.tier",
        header: "层级",
        col: 3,
        format: "general",
        values: ["A", "B", "A"],
        highlights: [{ text: "A", fill: "#FF0000", font: "#000000" }],
      },
      {
        output: "t.due",
        header: "到期",
        col: 4,
        format: "date",
        values: [46001, "无", null],
        cellFormats: [null, "general", null],
      },
    ];
    const { onePass, patched } = await bothWays(sheet(GRID, [null, "date", "money"]), plan(owned, 3));
    expect(onePass).toBe(patched);
    expect(onePass).toContain(
      '<row r="2"><c r="A2" t="inlineStr"><is><t>甲 &amp; 乙</t></is></c><c r="B2" s="2"><v>46000</v></c><c r="C2" s="3"><v>12.5</v></c><c r="D2" s="8" t="inlineStr"><is><t>A</t></is></c><c r="E2" s="11"><v>46001</v></c></row>',
    );
    expect(onePass).toContain('<row r="3"><c r="D3" s="8" t="inlineStr"><is><t>B</t></is></c>');
    expect(onePass).toContain('<dimension ref="A1:E4"/>');
    expect(onePass).toContain('<conditionalFormatting sqref="D2:D4"><cfRule type="expression" dxfId="3" priority="1">');
  });

  it("replaces a grid cell in an owned column and creates the rows past the grid", async () => {
    const owned: ColumnPlan[] = [
      { output: "t.a", header: "新", col: 1, format: "integer", values: [1, 2, 3, 4, 5] },
      { output: "t.b", header: "后", col: 5, format: "general", values: ["x"] },
    ];
    const { onePass, patched } = await bothWays(sheet(GRID, [null, "date", "money"]), plan(owned, 5));
    expect(onePass).toBe(patched);
    expect(onePass).toContain(
      '<row r="2"><c r="A2" t="inlineStr"><is><t>甲 &amp; 乙</t></is></c><c r="B2" s="12"><v>1</v></c><c r="C2" s="3"><v>12.5</v></c><c r="F2" s="8" t="inlineStr"><is><t>x</t></is></c></row>',
    );
    expect(onePass).toContain(
      '<row r="5"><c r="B5" s="12"><v>4</v></c></row><row r="6"><c r="B6" s="12"><v>5</v></c></row></sheetData>',
    );
  });

  it("is the plain part when the plan owns no column", async () => {
    const s = sheet(GRID, [null, "date", "money"]);
    expect(await text(newSheetPart(s, { plan: plan([], 3), styles: STYLES }))).toBe(await text(newSheetPart(s)));
  });

  it("is what the new workbook package writes for its own parts only", async () => {
    const pkg = newWorkbookPackage([sheet(GRID, [null, "date", "money"])]);
    const owned = plan([{ output: "t.a", header: "新", col: 3, format: "general", values: ["y"] }], 3);
    const stream = pkg.writeOwned?.("xl/worksheets/sheet1.xml", owned, STYLES);
    expect(stream).toBeDefined();
    expect(await text(stream!)).toBe(
      await text(patchSheet(await pkg.openStream("xl/worksheets/sheet1.xml"), owned, STYLES)),
    );
    expect(pkg.writeOwned?.("xl/worksheets/sheet2.xml", owned, STYLES)).toBeUndefined();
  });

  it("writes the texts of its shared columns as shared strings, numbered in order of first use, and the rest inline", async () => {
    const strings = new SharedStringTable();
    const s: NewSheet = { ...sheet(GRID, [null, "date", "money"]), sharedColumns: [0] };
    const xml = await text(newSheetPart(s, undefined, strings));
    expect(xml).toContain(
      '<row r="1"><c r="A1" s="1" t="s"><v>0</v></c><c r="B1" s="1" t="inlineStr"><is><t>日期</t></is></c>',
    );
    expect(xml).toContain('<row r="2"><c r="A2" t="s"><v>1</v></c><c r="B2" s="2"><v>46000</v></c>');
    expect(xml).toContain('<row r="4"><c r="A4" t="s"><v>2</v></c><c r="C4" s="3"><v>3</v></c></row>');
    expect(await text(strings.part())).toBe(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="3" uniqueCount="3">' +
        "<si><t>客户</t></si><si><t>甲 &amp; 乙</t></si><si><t>=SUM(A1)</t></si></sst>",
    );
  });

  it("is the inline part without a table, whatever its shared columns", async () => {
    const s = sheet(GRID, [null, "date", "money"]);
    expect(await text(newSheetPart({ ...s, sharedColumns: [0] }))).toBe(await text(newSheetPart(s)));
  });
});

describe("SharedStringTable", () => {
  it("numbers a text once, counts every use, and keeps white space and control characters", async () => {
    const strings = new SharedStringTable();
    expect(["a", " b", "a", "c\u0001"].map((t) => strings.index(t))).toEqual([0, 1, 0, 2]);
    expect(await text(strings.part())).toContain(
      'count="4" uniqueCount="3"><si><t>a</t></si><si><t xml:space="preserve"> b</t></si><si><t>c_x0001_</t></si></sst>',
    );
  });

  it("refuses a new text once its part is made, and takes one it has", async () => {
    const strings = new SharedStringTable();
    strings.index("a");
    await text(strings.part());
    expect(strings.index("a")).toBe(0);
    expect(() => strings.index("b")).toThrow("after the shared strings part was made");
  });
});

describe("newWorkbookPackage's shared strings", () => {
  const source = (): NewSheet => ({ ...sheet(GRID, [null, "date", "money"]), sharedColumns: [0] });

  it("writes them after its sheets, named in the content types and the workbook's relationships", async () => {
    const pkg = newWorkbookPackage([source()]);
    expect(pkg.entries.at(-1)).toBe("xl/sharedStrings.xml");
    expect(pkg.sharedStringsPath).toBe("xl/sharedStrings.xml");
    await text(await pkg.openStream("xl/worksheets/sheet1.xml"));
    expect(await pkg.readText("xl/sharedStrings.xml")).toContain("<si><t>甲 &amp; 乙</t></si>");
    expect(await pkg.readText("[Content_Types].xml")).toContain(
      '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>',
    );
    expect(await pkg.readText("xl/_rels/workbook.xml.rels")).toContain(
      'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"',
    );
  });

  it("refuses to make them before every sheet is made", async () => {
    const pkg = newWorkbookPackage([source(), source()]);
    await text(await pkg.openStream("xl/worksheets/sheet1.xml"));
    await expect(pkg.readText("xl/sharedStrings.xml")).rejects.toThrow("after every sheet part");
  });
});
