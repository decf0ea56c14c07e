import { editPackage, sheetPart, tablePart } from "./fixtures/editPackage";
import { lazy, runCli } from "./fixtures/runCli";
import { smallWorkbook } from "./fixtures/smallWorkbook";
import { compareXlsx } from "./xlsxCompare";
import { partText, type XlsxPackage } from "./xlsxPackage";

/**
 * The comparer can fail: each test tampers with one property of a run's output and
 * expects exactly that property reported (and nothing else), or nothing for a change
 * the run is allowed to make. The output compared with itself gives no finding.
 */
const input = lazy(smallWorkbook);
const base = lazy(async () => runCli(await input(), "--lang", "zh-CN"));

type PartOf = (pkg: XlsxPackage) => string;
const sheet =
  (name: string): PartOf =>
  (pkg) =>
    sheetPart(pkg, name);
const table =
  (name: string): PartOf =>
  (pkg) =>
    tablePart(pkg, name);
const part =
  (name: string): PartOf =>
  () =>
    name;

/** Applies text edits to parts of the base output; each edit must change its part (null removes it). */
async function tamper(...edits: [PartOf, (xml: string) => string | null][]): Promise<Buffer> {
  return editPackage(await base(), (pkg, write) => {
    for (const [of, edit] of edits) {
      const name = of(pkg);
      const before = partText(pkg, name);
      const after = edit(before);
      if (after === before) throw new Error(`the edit of ${name} changed nothing`);
      write(name, after);
    }
  });
}

/** What the comparer reports for the base output against a tampered copy: `check where`, each once. */
async function reported(...edits: [PartOf, (xml: string) => string | null][]): Promise<string[]> {
  const c = await compareXlsx(await base(), await tamper(...edits));
  return [...new Set(c.findings.map((f) => `${f.check} ${f.where}`))];
}

describe("compareXlsx", () => {
  it("finds nothing when the output is compared with itself, and compares the user cells of both input sheets", async () => {
    const c = await compareXlsx(await base(), await base());
    expect(c.findings).toEqual([]);
    expect(c.owned).toEqual(
      [..."FGHIJKLMNOPQRSTUVWXYZ", "AA", "AB"].map((l) => `客户表!${l}`).concat(["订单表!D", "订单表!E"]),
    );
    expect(c.cellsCompared).toBe(189);
  });

  describe("user cells", () => {
    it("reports a changed value", async () => {
      expect(
        await reported([sheet("订单表"), (x) => x.replace(/(<c r="C2"[^>]*>)<v>[^<]*<\/v>/, "$1<v>1</v>")]),
      ).toEqual(["cell.value 订单表!C2"]);
    });
    it("reports a changed style index", async () => {
      expect(await reported([sheet("客户表"), (x) => x.replace(/(<c r="B3"[^>]*?) s="\d+"/, '$1 s="0"')])).toEqual([
        "cell.s 客户表!B3",
      ]);
    });
    it("reports a changed formula", async () => {
      expect(await reported([sheet("订单表"), (x) => x.replace("<f>SUM(C2:C49)</f>", "<f>SUM(C2:C48)</f>")])).toEqual([
        "cell.formula 订单表!C52",
      ]);
    });
    it("reports a shared string turned into inline text (type, value and inline text)", async () => {
      expect(
        await reported([
          sheet("客户表"),
          (x) =>
            x.replace(/<c r="A3"([^>]*?) t="s"><v>\d+<\/v><\/c>/, '<c r="A3"$1 t="inlineStr"><is><t>C1</t></is></c>'),
        ]),
      ).toEqual(["cell.t 客户表!A3", "cell.value 客户表!A3", "cell.inlineText 客户表!A3"]);
    });
    it("reports a removed cell and an added one", async () => {
      expect(
        await reported([
          sheet("客户表"),
          (x) =>
            x
              .replace(/<c r="C4"[^>]*?(\/>|>.*?<\/c>)/, "")
              .replace(/(<row r="4"[^>]*>[\s\S]*?)<\/row>/, '$1<c r="AC4"><v>1</v></c></row>'),
        ]),
      ).toEqual(["cell.missing 客户表!C4", "cell.added 客户表!AC4"]);
    });
    it("allows any change in an owned column", async () => {
      expect(
        await reported([sheet("客户表"), (x) => x.replace(/(<c r="I3"[^>]*>)<v>[^<]*<\/v>/, "$1<v>7</v>")]),
      ).toEqual([]);
    });
    it("reports an owned column left without its header", async () => {
      expect(await reported([sheet("客户表"), (x) => x.replace(/<c r="H2"[^>]*?(\/>|>.*?<\/c>)/, "")])).toEqual([
        "owned.header 客户表!H",
      ]);
    });
    it("reports a user cell below the data in a column the first run took", async () => {
      const cell = (c: { findings: { check: string; where: string }[] }) =>
        c.findings.filter((f) => f.where === "订单表!D60").map((f) => f.check);
      expect(cell(await compareXlsx(await input(), await base()))).toEqual([]);
      const changed = await tamper([sheet("订单表"), (x) => x.replace(/(<c r="D60"[^>]*>)<v>\d+<\/v>/, "$1<v>0</v>")]);
      expect(cell(await compareXlsx(await input(), changed))).toEqual(["cell.value"]);
    });
  });

  describe("rows and sheet properties", () => {
    it("reports a hidden row shown", async () => {
      expect(await reported([sheet("客户表"), (x) => x.replace(/(<row r="5"[^>]*?) hidden="1"/, "$1")])).toEqual([
        "row 客户表!5:5",
      ]);
    });
    it("ignores a row's spans", async () => {
      expect(
        await reported([
          sheet("客户表"),
          (x) => x.replace(/<row r="3"([^>]*?)(?: spans="[^"]*")?([^>]*)>/, '<row r="3"$1 spans="1:99"$2>'),
        ]),
      ).toEqual([]);
    });
    it.each([
      ["mergeCells", (x: string) => x.replace(/<mergeCells[\s\S]*?<\/mergeCells>/, "")],
      ["dataValidations", (x: string) => x.replace("&quot;老客户,新客户&quot;", "&quot;老客户&quot;")],
      ["autoFilter", (x: string) => x.replace(/<autoFilter ref="A2:E8"\/>/, "")],
      ["sheetViews", (x: string) => x.replace(/<pane [^>]*\/>/, "")],
      ["hyperlinks", (x: string) => x.replace(/<hyperlinks>[\s\S]*?<\/hyperlinks>/, "")],
      ["sheetProtection", (x: string) => x.replace("</sheetData>", '</sheetData><sheetProtection sheet="1"/>')],
      ["legacyDrawing", (x: string) => x.replace(/<legacyDrawing [^>]*\/>/, "")],
      ["pageSetup", (x: string) => x.replace('orientation="portrait"', 'orientation="landscape"')],
    ])("reports %s changed", async (element, edit) => {
      expect(await reported([sheet("客户表"), edit])).toEqual([`sheet.${element} 客户表`]);
    });
    it("reports the table parts list changed", async () => {
      expect(await reported([sheet("订单表"), (x) => x.replace(/<tableParts[\s\S]*?<\/tableParts>/, "")])).toEqual([
        "sheet.tableParts 订单表",
      ]);
    });
    it("reports a user column's width changed or a width added to a user column, not one added to an owned column", async () => {
      expect(
        await reported([sheet("客户表"), (x) => x.replace(/(<col min="2" max="2" width=")[^"]*"/, '$140"')]),
      ).toEqual(["cols 客户表!B"]);
      expect(
        await reported([
          sheet("客户表"),
          (x) => x.replace("<cols>", '<cols><col min="29" max="29" width="30" customWidth="1"/>'),
        ]),
      ).toEqual(["cols 客户表!AC"]);
      expect(
        await reported([sheet("客户表"), (x) => x.replace(/(<col min="6" max="6" width=")[^"]*"/, '$130"')]),
      ).toEqual([]);
    });
    it("reports a user conditional format lost, and a new one over user cells, not one over owned cells", async () => {
      const rule = (sqref: string) =>
        `<conditionalFormatting sqref="${sqref}"><cfRule type="expression" dxfId="0" priority="99"><formula>TRUE</formula></cfRule></conditionalFormatting>`;
      expect(
        await reported([
          sheet("客户表"),
          (x) => x.replace(/<conditionalFormatting sqref="D3:D8">[\s\S]*?<\/conditionalFormatting>/, ""),
        ]),
      ).toEqual(["conditionalFormatting.lost 客户表!D3:D8"]);
      expect(
        await reported([sheet("客户表"), (x) => x.replace("</sheetData>", `</sheetData>${rule("B3:B8")}`)]),
      ).toEqual(["conditionalFormatting.onUserCells 客户表!B3:B8"]);
      expect(
        await reported([sheet("客户表"), (x) => x.replace("</sheetData>", `</sheetData>${rule("J3:K8")}`)]),
      ).toEqual([]);
    });
  });

  describe("styles", () => {
    const styles = part("xl/styles.xml");
    const nth = (list: string, i: number, edit: (el: string) => string) => (x: string) =>
      x.replace(new RegExp(`<${list}\\b[^>]*>([\\s\\S]*?)</${list}>`), (whole) => {
        let k = -1;
        return whole.replace(/<(numFmt|font|fill|border|xf|cellStyle|dxf)\b[^>]*?(\/>|>[\s\S]*?<\/\1>)/g, (el) =>
          ++k === i ? edit(el) : el,
        );
      });
    it.each([
      ["numFmts", 0, (el: string) => el.replace(/formatCode="[^"]*"/, 'formatCode="0.000"')],
      ["fonts", 0, (el: string) => el.replace("<sz ", "<b/><sz ")],
      ["fills", 0, (el: string) => el.replace(/patternType="[^"]*"/, 'patternType="gray125"')],
      ["borders", 0, (el: string) => el.replace("<border", '<border diagonalUp="1"')],
      ["cellStyleXfs", 0, (el: string) => el.replace(/fontId="\d+"/, 'fontId="1"')],
      ["cellXfs", 1, (el: string) => el.replace(/numFmtId="\d+"/, 'numFmtId="10"')],
      ["dxfs", 0, (el: string) => el.replace("<dxf>", "<dxf><font><b/></font>")],
    ])("reports %s[%i] changed", async (list, i, edit) => {
      expect(await reported([styles, nth(list, i, edit)])).toEqual([`styles.${list} xl/styles.xml ${list}[${i}]`]);
    });
    it("allows entries appended to a list", async () => {
      expect(await reported([styles, (x) => x.replace(/<\/fonts>/, '<font><sz val="20"/></font></fonts>')])).toEqual(
        [],
      );
    });
  });

  describe("the workbook", () => {
    const wb = part("xl/workbook.xml");
    it("reports sheets reordered", async () => {
      expect(
        await reported([
          wb,
          (x) => x.replace(/(<sheet [^>]*name="客户表"[^>]*\/>)(<sheet [^>]*name="订单表"[^>]*\/>)/, "$2$1"),
        ]),
      ).toEqual(["workbook.sheetOrder xl/workbook.xml"]);
    });
    it("reports a hidden sheet shown", async () => {
      expect(
        await reported([wb, (x) => x.replace(/(<sheet [^>]*name="隐藏"[^>]*?) state="hidden"/, '$1 state="visible"')]),
      ).toEqual(["workbook.sheet 隐藏"]);
    });
    it("reports the print area dropped", async () => {
      expect(
        await reported([wb, (x) => x.replace(/<definedName name="_xlnm.Print_Area"[^>]*>[^<]*<\/definedName>/, "")]),
      ).toEqual(["workbook.definedNames xl/workbook.xml"]);
    });
    it("reports the book views changed", async () => {
      expect(
        await reported([
          wb,
          (x) => x.replace("<sheets>", '<bookViews><workbookView activeTab="1"/></bookViews><sheets>'),
        ]),
      ).toEqual(["workbook.bookViews xl/workbook.xml"]);
    });
    it("reports a new sheet the record does not list", async () => {
      expect(
        await reported(
          [wb, (x) => x.replace("</sheets>", '<sheet name="extra" sheetId="99" r:id="rId999"/></sheets>')],
          [
            part("xl/_rels/workbook.xml.rels"),
            (x) =>
              x.replace(
                "</Relationships>",
                '<Relationship Id="rId999" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet3.xml"/></Relationships>',
              ),
          ],
        ),
      ).toEqual(["workbook.unrecordedSheet extra"]);
    });
    it("reports an output without the run's record", async () => {
      expect(await reported([wb, (x) => x.replace(/<sheet [^>]*name="_SalesReview"[^>]*\/>/, "")])).toEqual([
        "owned.record _SalesReview",
      ]);
    });
  });

  describe("tables", () => {
    const orders = table("Orders");
    it.each([
      ["columns", (x: string) => x.replace('name="客户编号"', 'name="客户"')],
      ["attributes", (x: string) => x.replace(/ totalsRowCount="1"/, "")],
      [
        "autoFilter",
        (x: string) => x.replace(/<autoFilter ref="([^"]*)">/, '<autoFilter ref="$1"><sortState ref="A2:A49"/>'),
      ],
      [
        "other",
        (x: string) => x.replace(/<tableStyleInfo ([^>]*?)name="[^"]*"/, '<tableStyleInfo $1name="TableStyleDark1"'),
      ],
    ])("reports %s changed", async (what, edit) => {
      expect(await reported([orders, edit])).toEqual([`table.${what} 订单表: table Orders`]);
    });
    it("reports the table's range grown over a user column", async () => {
      expect(
        await reported([
          orders,
          (x) =>
            x
              .replace(/ref="A1:E50"/, 'ref="A1:F50"')
              .replace('<tableColumns count="5">', '<tableColumns count="6">')
              .replace("</tableColumns>", '<tableColumn id="6" name="x"/></tableColumns>'),
        ]),
      ).toEqual(["table.ref 订单表: table Orders"]);
    });
    it("reports a renamed table as missing", async () => {
      expect(await reported([orders, (x) => x.replace(/ name="Orders"/, ' name="Orders2"')])).toEqual([
        "table.missing 订单表: table Orders",
      ]);
    });
  });

  describe("parts", () => {
    it("reports a part it does not own changed or gone", async () => {
      expect(await reported([part("xl/theme/theme1.xml"), (x) => x.replace("Office Theme", "Office Theme 2")])).toEqual(
        ["part.changed xl/theme/theme1.xml"],
      );
      expect(await reported([part("xl/comments1.xml"), (x) => x.replace("重点客户", "重点")])).toEqual([
        "part.changed xl/comments1.xml",
      ]);
      expect(await reported([part("xl/comments1.xml"), () => null])).toEqual(["part.missing xl/comments1.xml"]);
    });
  });
});
