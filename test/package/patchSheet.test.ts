import { Readable } from "node:stream";
import type { ColumnPlan, SheetPlan } from "../../src/core/output";
import { patchSheet, SheetPatcher } from "../../src/adapters/xlsx/package/patchSheet";
import { STYLES } from "./sheetStyles";

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

function column(
  col: number,
  header: string,
  values: ColumnPlan["values"],
  extra: Partial<ColumnPlan> = {},
): ColumnPlan {
  return { output: `test.${header}`, header, col, format: "general", values, ...extra };
}

function sheetPlan(columns: ColumnPlan[], extra: Partial<SheetPlan> = {}): SheetPlan {
  const rows = Math.max(0, ...columns.map((c) => c.values.length));
  return { sheet: "Orders", headerRow: 0, firstRow: 1, lastRow: rows, columns, ...extra };
}

async function collect(stream: Readable): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const chunk of stream) parts.push(chunk as Buffer);
  return Buffer.concat(parts);
}

/** Patches `xml` fed as the given byte chunks. */
async function patchChunks(chunks: Buffer[], plan: SheetPlan): Promise<string> {
  return (await collect(patchSheet(Readable.from(chunks), plan, STYLES))).toString("utf8");
}

function patch(xml: string, plan: SheetPlan): Promise<string> {
  return patchChunks([Buffer.from(xml, "utf8")], plan);
}

const cell = (ref: string, text: string, s = 8, p = "") =>
  `<${p}c r="${ref}" s="${s}" t="inlineStr"><${p}is><${p}t>${text}</${p}t></${p}is></${p}c>`;
const header = (ref: string, text: string, p = "") => cell(ref, text, 7, p);
const num = (ref: string, v: number, s = 8) => `<c r="${ref}" s="${s}"><v>${v}</v></c>`;

describe("patchSheet", () => {
  it("appends owned cells to rows, drops spans, keeps untouched rows byte-identical", async () => {
    const xml =
      `${DECL}<worksheet ${NS}><dimension ref="A1:B4"/><sheetData>` +
      `<row r="1" spans="1:2"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>` +
      `<row r="2" spans="1:2" ht="20" customHeight="1"><c r="A2"><v>5</v></c></row>` +
      `<row r="3"><c r="A3"><v>6</v></c></row>` +
      `<row r="4" spans="1:2"><c r="A4" s="2"><v>7</v></c></row>` +
      `</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`;
    const out = await patch(xml, sheetPlan([column(2, "Tier", ["A", "B"])]));
    expect(out).toBe(
      `${DECL}<worksheet ${NS}><dimension ref="A1:C4"/><cols><col min="3" max="3" width="10" customWidth="1"/></cols><sheetData>` +
        `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c>${header("C1", "Tier")}</row>` +
        `<row r="2" ht="20" customHeight="1"><c r="A2"><v>5</v></c>${cell("C2", "A")}</row>` +
        `<row r="3"><c r="A3"><v>6</v></c>${cell("C3", "B")}</row>` +
        `<row r="4" spans="1:2"><c r="A4" s="2"><v>7</v></c></row>` +
        `</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`,
    );
  });

  it("replaces an owned cell in the middle of user columns (a reused cleared column), keeping its neighbours", async () => {
    const xml =
      `<worksheet ${NS}><sheetData>` +
      `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>9</v></c><c r="C1" t="s"><v>1</v></c></row>` +
      `<row r="2"><c r="A2"><v>1</v></c><c r="B2" s="4" t="s"><v>3</v></c><c r="C2"><f>A2*2</f><v>2</v></c></row>` +
      `<row r="3"><c r="A3"><v>1</v></c><c r="C3"><v>3</v></c></row>` +
      `</sheetData></worksheet>`;
    const plan = sheetPlan([
      column(1, "Due", [45000, "Overdue 3 days"], { format: "date", cellFormats: [null, "general"] }),
    ]);
    expect(await patch(xml, plan)).toBe(
      `<worksheet ${NS}><cols><col min="2" max="2" width="10" customWidth="1"/></cols><sheetData>` +
        `<row r="1"><c r="A1" t="s"><v>0</v></c>${header("B1", "Due")}<c r="C1" t="s"><v>1</v></c></row>` +
        `<row r="2"><c r="A2"><v>1</v></c>${num("B2", 45000, 11)}<c r="C2"><f>A2*2</f><v>2</v></c></row>` +
        `<row r="3"><c r="A3"><v>1</v></c>${cell("B3", "Overdue 3 days", 8)}<c r="C3"><v>3</v></c></row>` +
        `</sheetData></worksheet>`,
    );
  });

  it("writes several owned columns in column order, at the far right and between user cells", async () => {
    const xml = `<worksheet ${NS}><sheetData><row r="1"><c r="A1"><v>1</v></c><c r="C1"><v>3</v></c></row></sheetData></worksheet>`;
    const plan = sheetPlan([column(5, "Far", []), column(1, "Mid", [])]);
    expect(await patch(xml, plan)).toBe(
      `<worksheet ${NS}><cols><col min="2" max="2" width="10" customWidth="1"/><col min="6" max="6" width="10" customWidth="1"/></cols><sheetData>` +
        `<row r="1"><c r="A1"><v>1</v></c>${header("B1", "Mid")}<c r="C1"><v>3</v></c>${header("F1", "Far")}</row></sheetData></worksheet>`,
    );
  });

  it("creates missing rows in order between and after existing rows", async () => {
    const xml = `<worksheet ${NS}><sheetData><row r="1"><c r="A1"><v>1</v></c></row><row r="4"><c r="A4"><v>4</v></c></row></sheetData></worksheet>`;
    const plan = sheetPlan([column(1, "T", ["a", "b", "c", "d", "e"])]);
    expect(await patch(xml, plan)).toBe(
      `<worksheet ${NS}><cols><col min="2" max="2" width="10" customWidth="1"/></cols><sheetData>` +
        `<row r="1"><c r="A1"><v>1</v></c>${header("B1", "T")}</row>` +
        `<row r="2">${cell("B2", "a")}</row><row r="3">${cell("B3", "b")}</row>` +
        `<row r="4"><c r="A4"><v>4</v></c>${cell("B4", "c")}</row>` +
        `<row r="5">${cell("B5", "d")}</row><row r="6">${cell("B6", "e")}</row>` +
        `</sheetData></worksheet>`,
    );
  });

  it("creates no row between the header and a first row further down", async () => {
    const xml = `<worksheet ${NS}><sheetData><row r="3"><c r="A3"><v>1</v></c></row></sheetData></worksheet>`;
    const plan = sheetPlan([column(1, "T", ["a"])], { headerRow: 0, firstRow: 3, lastRow: 3 });
    expect(await patch(xml, plan)).toBe(
      `<worksheet ${NS}><cols><col min="2" max="2" width="10" customWidth="1"/></cols><sheetData>` +
        `<row r="1">${header("B1", "T")}</row><row r="3"><c r="A3"><v>1</v></c></row><row r="4">${cell("B4", "a")}</row>` +
        `</sheetData></worksheet>`,
    );
  });

  it("fills a self-closed <row/> and an empty sheetData", async () => {
    const rows = `<worksheet ${NS}><sheetData><row r="1"/><row r="2" spans="1:1" /></sheetData></worksheet>`;
    expect(await patch(rows, sheetPlan([column(0, "T", [1])]))).toBe(
      `<worksheet ${NS}><cols><col min="1" max="1" width="10" customWidth="1"/></cols><sheetData>` +
        `<row r="1">${header("A1", "T")}</row><row r="2" >${num("A2", 1)}</row></sheetData></worksheet>`,
    );
    const empty = `<worksheet ${NS}><dimension ref="A1"/><sheetData/><pageMargins/></worksheet>`;
    expect(await patch(empty, sheetPlan([column(0, "T", [1])]))).toBe(
      `<worksheet ${NS}><dimension ref="A1:A2"/><cols><col min="1" max="1" width="10" customWidth="1"/></cols><sheetData>` +
        `<row r="1">${header("A1", "T")}</row><row r="2">${num("A2", 1)}</row></sheetData><pageMargins/></worksheet>`,
    );
  });

  it("counts rows and cells without r (implicit) and keeps them without r", async () => {
    const xml =
      `<worksheet ${NS}><sheetData>` +
      `<row><c t="s"><v>0</v></c><c t="s"><v>1</v></c><c t="s"><v>2</v></c></row>` +
      `<row><c><v>1</v></c><c><v>2</v></c><c><v>3</v></c></row>` +
      `<row r="5"><c><v>1</v></c></row><row><c r="D6"><v>1</v></c><c><v>2</v></c></row>` +
      `</sheetData></worksheet>`;
    const plan = sheetPlan([column(1, "T", [10, 20, 30, 40, 50])]);
    expect(await patch(xml, plan)).toBe(
      `<worksheet ${NS}><cols><col min="2" max="2" width="10" customWidth="1"/></cols><sheetData>` +
        `<row><c t="s"><v>0</v></c>${header("B1", "T")}<c t="s"><v>2</v></c></row>` +
        `<row><c><v>1</v></c>${num("B2", 10)}<c><v>3</v></c></row>` +
        `<row r="3">${num("B3", 20)}</row><row r="4">${num("B4", 30)}</row>` +
        `<row r="5"><c><v>1</v></c>${num("B5", 40)}</row>` +
        `<row>${num("B6", 50)}<c r="D6"><v>1</v></c><c><v>2</v></c></row>` +
        `</sheetData></worksheet>`,
    );
  });

  it("patches an x:-prefixed part, writing its elements with the same prefix", async () => {
    const xml =
      `<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:dimension ref="A1:A2"/><x:sheetData>` +
      `<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c></x:row><x:row r="2"><x:c r="A2"><x:v>1</x:v></x:c><x:c r="B2"><x:v>old</x:v></x:c></x:row>` +
      `</x:sheetData><x:conditionalFormatting sqref="B2:B9"><x:cfRule type="expression" dxfId="0" priority="2"><x:formula>B2="A"</x:formula></x:cfRule></x:conditionalFormatting>` +
      `<x:pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></x:worksheet>`;
    const plan = sheetPlan([column(1, "T", ["A"], { highlights: [{ text: "A", fill: "#FFC7CE", font: "#9C0006" }] })]);
    expect(await patch(xml, plan)).toBe(
      `<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:dimension ref="A1:B2"/><x:cols><x:col min="2" max="2" width="10" customWidth="1"/></x:cols><x:sheetData>` +
        `<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c>${header("B1", "T", "x:")}</x:row><x:row r="2"><x:c r="A2"><x:v>1</x:v></x:c>${cell("B2", "A", 8, "x:")}</x:row>` +
        `</x:sheetData><x:conditionalFormatting sqref="B2"><x:cfRule type="expression" dxfId="3" priority="1"><x:formula>B2="A"</x:formula></x:cfRule></x:conditionalFormatting>` +
        `<x:pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></x:worksheet>`,
    );
  });

  it("keeps attributes in any order and quote style, and > inside attribute values", async () => {
    const xml = `<worksheet ${NS}><sheetData><row customHeight='1' spans='1:1' r='1' ht="a>b"><c t='s' r='A1'><v>0</v></c></row></sheetData></worksheet>`;
    expect(await patch(xml, sheetPlan([column(1, "T", [])]))).toBe(
      `<worksheet ${NS}><cols><col min="2" max="2" width="10" customWidth="1"/></cols><sheetData><row customHeight='1' r='1' ht="a>b"><c t='s' r='A1'><v>0</v></c>${header("B1", "T")}</row></sheetData></worksheet>`,
    );
  });

  it("writes a null value as an empty styled cell and formula-looking text as an inline string", async () => {
    const xml = `<worksheet ${NS}><sheetData><row r="2"><c r="B2"><f>1+1</f><v>2</v></c></row></sheetData></worksheet>`;
    const plan = sheetPlan([column(1, "Name", [null, '=HYPERLINK("http://x","y")'], { format: "money" })]);
    expect(await patch(xml, plan)).toBe(
      `<worksheet ${NS}><cols><col min="2" max="2" width="10" customWidth="1"/></cols><sheetData>` +
        `<row r="1">${header("B1", "Name")}</row><row r="2"><c r="B2" s="9"/></row>` +
        `<row r="3"><c r="B3" s="9" t="inlineStr"><is><t>=HYPERLINK("http://x","y")</t></is></c></row></sheetData></worksheet>`,
    );
  });

  it("keeps every row after the plan's last row byte for byte, whatever it holds", async () => {
    const tailRows = `<row r="3" spans="1:9"><c r="B3"><v>keep</v></c></row>\n<!-- </row> -->\n<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>`;
    const xml = `<worksheet ${NS}><sheetData><row r="1"/>${tailRows}</sheetData></worksheet>`;
    expect(await patch(xml, sheetPlan([column(1, "T", ["x"])]))).toBe(
      `<worksheet ${NS}><cols><col min="2" max="2" width="10" customWidth="1"/></cols><sheetData><row r="1">${header("B1", "T")}</row><row r="2">${cell("B2", "x")}</row>${tailRows}</sheetData></worksheet>`,
    );
  });

  it("puts owned cells before a row's extLst, after a rich-text last cell, and into an empty <row></row>", async () => {
    const rich = `<c r="A1" t="inlineStr"><is><r><rPr><color rgb="FFFF0000"/><condense val="0"/></rPr><t>red</t></r></is></c>`;
    const ext = `<extLst><ext uri="{x}"><c r="Z9"/></ext></extLst>`;
    const xml = `<worksheet ${NS}><sheetData><row r="1">${rich}</row><row r="2"><c r="A2"><v>1</v></c>${ext}</row><row r="3"></row><row r="4">\n <c r="A4"><v>2</v></c>\n</row></sheetData></worksheet>`;
    const plan = sheetPlan([column(1, "T", [1, 2, 3])]);
    expect(await patch(xml, plan)).toBe(
      `<worksheet ${NS}><cols><col min="2" max="2" width="10" customWidth="1"/></cols><sheetData>` +
        `<row r="1">${rich}${header("B1", "T")}</row><row r="2"><c r="A2"><v>1</v></c>${num("B2", 1)}${ext}</row><row r="3">${num("B3", 2)}</row>` +
        `<row r="4">\n <c r="A4"><v>2</v></c>${num("B4", 3)}\n</row></sheetData></worksheet>`,
    );
  });

  it("merges around comments between cells and a last cell right of the owned column", async () => {
    const xml = `<worksheet ${NS}><sheetData><row r="1"><c r="A1"><v>1</v></c><!-- <c r="B1"/> --><c r="B1"><v>old</v></c><c r="D1"><v>4</v></c></row></sheetData></worksheet>`;
    expect(await patch(xml, sheetPlan([column(1, "T", []), column(2, "U", [])]))).toBe(
      `<worksheet ${NS}><cols><col min="2" max="2" width="10" customWidth="1"/><col min="3" max="3" width="10" customWidth="1"/></cols><sheetData>` +
        `<row r="1"><c r="A1"><v>1</v></c><!-- <c r="B1"/> -->${header("B1", "T")}${header("C1", "U")}<c r="D1"><v>4</v></c></row></sheetData></worksheet>`,
    );
  });

  it("copies bytes that are not valid UTF-8 in rows it keeps and rows it patches exactly", async () => {
    const before = Buffer.from(`<worksheet ${NS}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>`, "utf8");
    const middle = Buffer.from(`</t></is></c></row><row r="3"><c r="A3" t="inlineStr"><is><t>`, "utf8");
    const after = Buffer.from(`</t></is></c></row></sheetData></worksheet>`, "utf8");
    const bad = Buffer.from([0xff, 0xc3, 0x28, 0xe2, 0x82]);
    const input = Buffer.concat([before, bad, middle, bad, after]);
    const out = await collect(
      patchSheet(Readable.from([input.subarray(0, 90), input.subarray(90)]), sheetPlan([column(1, "T", [])]), STYLES),
    );
    const expected = Buffer.concat([
      Buffer.from(
        `<worksheet ${NS}><cols><col min="2" max="2" width="10" customWidth="1"/></cols><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>`,
      ),
      bad,
      Buffer.from(`</t></is></c>${header("B1", "T")}</row><row r="3"><c r="A3" t="inlineStr"><is><t>`),
      bad,
      after,
    ]);
    expect(out.equals(expected)).toBe(true);
  });

  describe("outside sheetData", () => {
    const head = `<worksheet ${NS} xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><sheetPr><tabColor rgb="FF00FF00"/></sheetPr><dimension ref="B2:D9"/><sheetViews><sheetView tabSelected="1" workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/>`;

    it("inserts new <col>s sorted among existing ones and leaves a covered column's <col> alone", async () => {
      const xml = `${head}<cols><col min="1" max="2" width="30" customWidth="1"/><col min="6" max="6" width="5" style="3" customWidth="1"/></cols><sheetData/></worksheet>`;
      const plan = sheetPlan([
        column(1, "Covered", []),
        column(3, "客户等级", []),
        column(9, "A much longer header text", []),
      ]);
      expect(await patch(xml, plan)).toBe(
        `${head.replace('ref="B2:D9"', 'ref="B1:J9"')}<cols><col min="1" max="2" width="30" customWidth="1"/><col min="4" max="4" width="10" customWidth="1"/><col min="6" max="6" width="5" style="3" customWidth="1"/><col min="10" max="10" width="24" customWidth="1"/></cols>` +
          `<sheetData><row r="1">${header("B1", "Covered")}${header("D1", "客户等级")}${header("J1", "A much longer header text")}</row></sheetData></worksheet>`,
      );
    });

    it("replaces an earlier run's conditional formats, keeps the user's own and numbers ours after every priority", async () => {
      const userCf = `<conditionalFormatting sqref="A2:A9 C2:C9"><cfRule type="cellIs" dxfId="0" priority="1" operator="lessThan"><formula>0</formula></cfRule></conditionalFormatting>`;
      const userCfHeader = `<conditionalFormatting sqref="E1:E9"><cfRule type="containsBlanks" dxfId="1" priority="2"><formula>LEN(TRIM(E1))=0</formula></cfRule></conditionalFormatting>`;
      const oldRun = `<conditionalFormatting sqref="E2:E40 E50"><cfRule type="expression" dxfId="5" priority="3"><formula>E2="A"</formula></cfRule></conditionalFormatting>`;
      const ext = `<extLst><ext uri="{78C0D931-6437-407d-A8EE-F0AAD7539E65}"><x14:conditionalFormattings><x14:conditionalFormatting><x14:cfRule type="dataBar" priority="7" id="{1}"/><xm:sqref xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main">E2:E9</xm:sqref></x14:conditionalFormatting></x14:conditionalFormattings></ext></extLst>`;
      const rest = `<dataValidations count="1"><dataValidation type="list" sqref="B2:B9"><formula1>"x,y"</formula1></dataValidation></dataValidations><hyperlinks><hyperlink ref="A2" display="a > b" r:id="rId1" xmlns:r="r"/></hyperlinks><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><tableParts count="1"><tablePart r:id="rId2" xmlns:r="r"/></tableParts>`;
      const xml = `${head}<sheetData/><mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells>${userCf}${oldRun}${userCfHeader}${rest}${ext}</worksheet>`;
      const plan = sheetPlan([
        column(4, "Tier", ["A", "B", "C"], {
          highlights: [
            { text: "A", fill: "#FFC7CE", font: "#9C0006" },
            { text: 'say "B"', fill: "#FFEB9C", font: "#9C5700" },
          ],
        }),
      ]);
      const ours =
        `<conditionalFormatting sqref="E2:E4"><cfRule type="expression" dxfId="3" priority="8"><formula>E2="A"</formula></cfRule>` +
        `<cfRule type="expression" dxfId="4" priority="9"><formula>E2="say ""B"""</formula></cfRule></conditionalFormatting>`;
      expect(await patch(xml, plan)).toBe(
        `${head.replace('ref="B2:D9"', 'ref="B1:E9"')}<cols><col min="5" max="5" width="10" customWidth="1"/></cols><sheetData>` +
          `<row r="1">${header("E1", "Tier")}</row><row r="2">${cell("E2", "A")}</row><row r="3">${cell("E3", "B")}</row><row r="4">${cell("E4", "C")}</row>` +
          `</sheetData><mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells>${userCf}${userCfHeader}${ours}${rest}${ext}</worksheet>`,
      );
    });

    it("numbers ours after the rules it keeps, not after the earlier run's it removes, so a re-run writes the same priorities", async () => {
      const userCf = `<conditionalFormatting sqref="A2:A9"><cfRule type="cellIs" dxfId="0" priority="2" operator="lessThan"><formula>0</formula></cfRule></conditionalFormatting>`;
      const oldRun = `<conditionalFormatting sqref="E2:E4"><cfRule type="expression" dxfId="3" priority="3"><formula>E2="A"</formula></cfRule><cfRule type="expression" dxfId="4" priority="4"><formula>E2="B"</formula></cfRule></conditionalFormatting>`;
      const xml = `<worksheet ${NS}><sheetData/>${userCf}${oldRun}<pageMargins/></worksheet>`;
      const plan = sheetPlan([
        column(4, "Tier", ["A", "B", "C"], {
          highlights: [
            { text: "A", fill: "#FFC7CE", font: "#9C0006" },
            { text: "B", fill: "#FFEB9C", font: "#9C5700" },
          ],
        }),
      ]);
      const once = await patch(xml, plan);
      expect(once.slice(once.indexOf("</sheetData>"))).toBe(`</sheetData>${userCf}${oldRun}<pageMargins/></worksheet>`);
      expect(await patch(once, plan)).toBe(once);
    });

    it("puts our conditional formats before dataValidations when the sheet has none, and removes old ones of a column without highlights", async () => {
      const oldRun = `<conditionalFormatting sqref="B2:B9"><cfRule type="expression" dxfId="5" priority="1"><formula>B2="Down"</formula></cfRule></conditionalFormatting>`;
      const xml = `<worksheet ${NS}><sheetData/>${oldRun}<dataValidations count="0"/><pageMargins/></worksheet>`;
      const plan = sheetPlan([
        column(1, "Change", ["Down"]),
        column(2, "Tier", ["A"], { highlights: [{ text: "A", fill: "#FFC7CE", font: "#9C0006" }] }),
      ]);
      expect(await patch(xml, plan)).toBe(
        `<worksheet ${NS}><cols><col min="2" max="2" width="14" customWidth="1"/><col min="3" max="3" width="10" customWidth="1"/></cols><sheetData>` +
          `<row r="1">${header("B1", "Change")}${header("C1", "Tier")}</row><row r="2">${cell("B2", "Down")}${cell("C2", "A")}</row></sheetData>` +
          `<conditionalFormatting sqref="C2"><cfRule type="expression" dxfId="3" priority="1"><formula>C2="A"</formula></cfRule></conditionalFormatting><dataValidations count="0"/><pageMargins/></worksheet>`,
      );
      const bare = `<worksheet ${NS}><sheetData/><drawing r:id="rId1" xmlns:r="r"/></worksheet>`;
      expect(await patch(bare, plan)).toContain(
        `</sheetData><conditionalFormatting sqref="C2"><cfRule type="expression" dxfId="3" priority="1"><formula>C2="A"</formula></cfRule></conditionalFormatting><drawing r:id="rId1" xmlns:r="r"/></worksheet>`,
      );
    });
  });

  describe("chunk boundaries", () => {
    const xml =
      `${DECL}<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:dimension ref="A1:C4"/><x:sheetData>` +
      `<x:row r="1" spans="1:3"><x:c r="A1" t="inlineStr"><x:is><x:t>客户 😀</x:t></x:is></x:c><x:c r="C1" t="s"><x:v>1</x:v></x:c></x:row>\n` +
      `<!-- a comment with <x:row> -->` +
      `<x:row r='2' ht="a>b"><x:c r="A2" t="inlineStr"><x:is><x:t>华东&amp;华南🎉</x:t></x:is></x:c><x:c r="B2"><x:v>stale</x:v></x:c><x:c r="C2"><x:v>3</x:v></x:c></x:row>` +
      `<x:row r="4"><x:c><x:v>1</x:v></x:c><x:c t="inlineStr"><x:is><x:t>𠮷野家</x:t></x:is></x:c></x:row><x:row r="9"><x:c r="B9"><x:v>9</x:v></x:c></x:row>` +
      `</x:sheetData><x:conditionalFormatting sqref="A1:A4"><x:cfRule type="expression" dxfId="0" priority="4"><x:formula>A1="😀"</x:formula></x:cfRule></x:conditionalFormatting><x:pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></x:worksheet>`;
    const plan = sheetPlan([
      column(1, "等级", ["A", "😀 B", "C"], { highlights: [{ text: "A", fill: "#FFC7CE", font: "#9C0006" }] }),
    ]);
    const bytes = Buffer.from(xml, "utf8");

    it("gives the expected result in one chunk", async () => {
      const out = await patch(xml, plan);
      expect(out).toBe(
        `${DECL}<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:dimension ref="A1:C4"/><x:cols><x:col min="2" max="2" width="10" customWidth="1"/></x:cols><x:sheetData>` +
          `<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>客户 😀</x:t></x:is></x:c>${header("B1", "等级", "x:")}<x:c r="C1" t="s"><x:v>1</x:v></x:c></x:row>\n` +
          `<!-- a comment with <x:row> -->` +
          `<x:row r='2' ht="a>b"><x:c r="A2" t="inlineStr"><x:is><x:t>华东&amp;华南🎉</x:t></x:is></x:c>${cell("B2", "A", 8, "x:")}<x:c r="C2"><x:v>3</x:v></x:c></x:row>` +
          `<x:row r="3">${cell("B3", "😀 B", 8, "x:")}</x:row>` +
          `<x:row r="4"><x:c><x:v>1</x:v></x:c>${cell("B4", "C", 8, "x:")}</x:row><x:row r="9"><x:c r="B9"><x:v>9</x:v></x:c></x:row>` +
          `</x:sheetData><x:conditionalFormatting sqref="A1:A4"><x:cfRule type="expression" dxfId="0" priority="4"><x:formula>A1="😀"</x:formula></x:cfRule></x:conditionalFormatting>` +
          `<x:conditionalFormatting sqref="B2:B4"><x:cfRule type="expression" dxfId="3" priority="5"><x:formula>B2="A"</x:formula></x:cfRule></x:conditionalFormatting>` +
          `<x:pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></x:worksheet>`,
      );
    });

    it("gives the same bytes split in two at every byte position (inside tags, entities and multi-byte characters)", async () => {
      const whole = await patch(xml, plan);
      for (let i = 1; i < bytes.length; i++) {
        expect(await patchChunks([bytes.subarray(0, i), bytes.subarray(i)], plan)).toBe(whole);
      }
    });

    it("gives the same bytes fed one byte at a time and in random splits", async () => {
      const whole = await patch(xml, plan);
      const oneByOne = Array.from(bytes, (_, i) => bytes.subarray(i, i + 1));
      expect(await patchChunks(oneByOne, plan)).toBe(whole);
      let seed = 42;
      const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
      for (let run = 0; run < 200; run++) {
        const chunks: Buffer[] = [];
        for (let i = 0; i < bytes.length;) {
          const n = 1 + Math.floor(random() * 40);
          chunks.push(bytes.subarray(i, i + n));
          i += n;
        }
        expect(await patchChunks(chunks, plan)).toBe(whole);
      }
    });

    it("never emits a chunk that ends inside a UTF-8 character", async () => {
      const oneByOne = Array.from(bytes, (_, i) => bytes.subarray(i, i + 1));
      const out = patchSheet(Readable.from(oneByOne), plan, STYLES);
      for await (const chunk of out) expect((chunk as Buffer).toString("utf8")).not.toContain("\uFFFD");
    });
  });

  it("hands its output on a megabyte or so at a time, rows whole, the same bytes as in one piece", async () => {
    const rows = 40_000;
    let body = "";
    for (let r = 2; r <= rows + 1; r++)
      body += `<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>客户${r}</t></is></c></row>`;
    const xml = `${DECL}<worksheet ${NS}><sheetData><row r="1"><c r="A1"><v>1</v></c></row>${body}</sheetData></worksheet>`;
    const plan = sheetPlan([
      column(
        1,
        "等级",
        Array.from({ length: rows }, (_, k) => (k % 2 ? "A" : 12.5)),
      ),
    ]);
    const bytes = Buffer.from(xml, "utf8");
    const input = Array.from({ length: Math.ceil(bytes.length / 65_536) }, (_, i) =>
      bytes.subarray(i * 65_536, (i + 1) * 65_536),
    );
    const chunks: Buffer[] = [];
    for await (const chunk of patchSheet(Readable.from(input), plan, STYLES)) chunks.push(chunk as Buffer);
    const whole = Buffer.concat(chunks);
    expect(whole.toString("utf8")).toBe(await patch(xml, plan));
    expect(whole.length).toBeGreaterThan(3 * 1024 * 1024);
    // Every chunk but the last two (the rest of the rows, then the tail) holds a megabyte, cut after a row.
    for (const chunk of chunks.slice(0, -2)) {
      expect(chunk.length).toBeGreaterThanOrEqual(1024 * 1024);
      expect(chunk.length).toBeLessThan(1024 * 1024 + 200);
      expect(chunk.subarray(-6).toString("latin1")).toBe("</row>");
    }
  });

  it("gives back the part unchanged for a plan without columns", async () => {
    const xml = `${DECL}<worksheet ${NS}><dimension ref="A1:B2"/><sheetData><row r="1" spans="1:2"><c r="A1"><v>1</v></c></row></sheetData><conditionalFormatting sqref="B2:B9"><cfRule type="expression" dxfId="0" priority="1"><formula>B2="A"</formula></cfRule></conditionalFormatting></worksheet>`;
    expect(await patch(xml, sheetPlan([]))).toBe(xml);
  });

  describe("invalid input", () => {
    it("throws on a non-finite number in the plan", async () => {
      const xml = `<worksheet ${NS}><sheetData/></worksheet>`;
      await expect(patch(xml, sheetPlan([column(1, "T", [Infinity])]))).rejects.toThrow(
        "cellXml: B2 holds Infinity, which an .xlsx cannot store",
      );
    });

    it("throws on a part without sheetData or cut inside it", async () => {
      await expect(
        patch(`<worksheet ${NS}><dimension ref="A1"/></worksheet>`, sheetPlan([column(1, "T", [])])),
      ).rejects.toThrow("patchSheet: the sheet part has no <sheetData>");
      await expect(patch(`<worksheet ${NS}><sheetData><row r="1">`, sheetPlan([column(1, "T", [])]))).rejects.toThrow(
        "patchSheet: the sheet part ends inside <sheetData>",
      );
    });

    it("throws on rows out of order", async () => {
      const xml = `<worksheet ${NS}><sheetData><row r="3"/><row r="2"/></sheetData></worksheet>`;
      await expect(patch(xml, sheetPlan([column(1, "T", [1, 2, 3, 4])]))).rejects.toThrow(
        "Orders: rowOrder: row 2 after row 3 in Orders",
      );
    });

    it("throws on a column planned twice", () => {
      expect(() => new SheetPatcher(sheetPlan([column(1, "T", []), column(1, "U", [])]), STYLES)).toThrow(
        "patchSheet: column B of Orders is planned twice",
      );
    });

    it("refuses a UTF-16 part", async () => {
      const utf16 = Buffer.concat([
        Buffer.from([0xff, 0xfe]),
        Buffer.from(`<worksheet ${NS}><sheetData/></worksheet>`, "utf16le"),
      ]);
      await expect(patchChunks([utf16], sheetPlan([column(1, "T", [])]))).rejects.toThrow(
        "patchSheet: the sheet part is UTF-16",
      );
      await expect(
        patchChunks([utf16.subarray(0, 1), utf16.subarray(1)], sheetPlan([column(1, "T", [])])),
      ).rejects.toThrow("patchSheet: the sheet part is UTF-16");
    });
  });
});
