import { readFileSync } from "node:fs";
import JSZip from "jszip";
import { appendStyles, MINIMAL_STYLES } from "../../src/adapters/xlsx/package/styles";
import { childrenNamed, outlineXml, type XmlElement } from "../../src/adapters/xlsx/package/xmlOutline";
import type { WritePlan } from "../../src/core/output";
import { SAMPLE_ZH as SAMPLE } from "../fixtures/paths";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

/** A plan that needs every kind of style: owned columns with formats and highlights, every row style of the report. */
function plan(): WritePlan {
  return {
    sheets: [
      {
        sheet: "Customers",
        headerRow: 0,
        firstRow: 1,
        lastRow: 2,
        columns: [
          {
            output: "customer.tier",
            header: "Tier",
            col: 3,
            format: "general",
            values: ["A", "B"],
            highlights: [{ text: "A", fill: "#FFC7CE", font: "#9C0006" }],
          },
          { output: "customer.sales", header: "Sales", col: 4, format: "money", values: [1, 2] },
          {
            output: "customer.due",
            header: "Due",
            col: 5,
            format: "general",
            values: [46000, "x"],
            cellFormats: ["date", null],
          },
        ],
      },
    ],
    report: {
      sheet: "Review",
      rows: [
        { cells: ["Title"], style: "title" },
        { cells: ["Section"], style: "section" },
        { cells: ["Metric", "2026-10"], style: "header" },
        { cells: ["Ratio", 0.5], formats: [null, "percent"], style: "body" },
        { cells: ["Total", 3], formats: [null, "money"], style: "total" },
        { cells: ["Note"], style: "note" },
      ],
      columnWidths: [],
      charts: [],
      issuesRow: 0,
    },
    owned: [],
  };
}

function section(xml: string, name: string): XmlElement | undefined {
  return childrenNamed(outlineXml(xml), name)[0];
}

function entryTexts(xml: string, name: string): string[] {
  const el = section(xml, name);
  return el ? el.children.map((c) => xml.slice(c.start, c.end)) : [];
}

const SECTIONS = ["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs"];

describe("appendStyles", () => {
  let sampleStyles: string;
  beforeAll(async () => {
    sampleStyles = await (await JSZip.loadAsync(readFileSync(SAMPLE))).file("xl/styles.xml")!.async("string");
  });

  it("keeps every existing entry at its index, byte for byte, and appends after them", () => {
    const { xml } = appendStyles(sampleStyles, plan());
    for (const name of SECTIONS) {
      const before = entryTexts(sampleStyles, name);
      expect(entryTexts(xml, name).slice(0, before.length)).toEqual(before);
    }
    // Only the four sections that grew differ from the input, outside of their appended entries and counts.
    expect(xml.slice(xml.indexOf("<cellStyles"), xml.indexOf("</cellStyles>"))).toBe(
      sampleStyles.slice(sampleStyles.indexOf("<cellStyles"), sampleStyles.indexOf("</cellStyles>")),
    );
    expect(xml.endsWith(sampleStyles.slice(sampleStyles.indexOf("<tableStyles")))).toBe(true);
  });

  it("derives the run's fonts from the workbook's default font", () => {
    const { xml } = appendStyles(sampleStyles, plan());
    expect(entryTexts(xml, "fonts")).toEqual([
      '<font><name val="Calibri"/><family val="2"/><color theme="1"/><sz val="11"/><scheme val="minor"/></font>',
      '<font><b/><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font>',
      '<font><b/><sz val="14"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font>',
      '<font><b/><sz val="12"/><color rgb="FF1F4E78"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font>',
      '<font><i/><sz val="11"/><color rgb="FF595959"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font>',
    ]);
    expect(section(xml, "fonts")!.attrs.count).toBe("5");
  });

  it("gives each style an xf that combines its number format, font, fill and border", () => {
    const { xml, styles } = appendStyles(sampleStyles, plan());
    const xfs = entryTexts(xml, "cellXfs");
    expect(section(xml, "cellXfs")!.attrs.count).toBe(String(xfs.length));
    expect(xfs[styles.header]).toBe('<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>');
    expect(xfs[styles.body("money")]).toBe(
      '<xf numFmtId="4" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>',
    );
    expect(xfs[styles.report("title", null)]).toBe(
      '<xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1"/>',
    );
    expect(xfs[styles.report("header", null)]).toBe(
      '<xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1"/>',
    );
    expect(xfs[styles.report("total", "money")]).toBe(
      '<xf numFmtId="4" fontId="1" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyFont="1" applyBorder="1"/>',
    );
    expect(xfs[styles.report("note", null)]).toBe(
      '<xf numFmtId="0" fontId="4" fillId="0" borderId="0" xfId="0" applyFont="1"/>',
    );
    expect(entryTexts(xml, "fills")[2]).toBe(
      '<fill><patternFill patternType="solid"><fgColor rgb="FFDDEBF7"/><bgColor indexed="64"/></patternFill></fill>',
    );
    expect(entryTexts(xml, "borders")[1]).toBe(
      '<border><left/><right/><top style="thin"><color indexed="64"/></top><bottom/><diagonal/></border>',
    );
  });

  it("reuses the workbook's numFmt of the same code and numbers new ones above 163 and the existing ids", () => {
    const { xml, styles } = appendStyles(sampleStyles, plan());
    expect(entryTexts(xml, "numFmts")).toEqual([
      '<numFmt numFmtId="164" formatCode="yyyy-mm-dd"/>',
      '<numFmt numFmtId="165" formatCode="0.0%"/>',
    ]);
    // The sample's own date xf means the same look: reused rather than duplicated.
    expect(styles.body("date")).toBe(1);
    expect(entryTexts(xml, "cellXfs")[1]).toBe(
      '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" pivotButton="0" quotePrefix="0" xfId="0"/>',
    );
    const high = sampleStyles.replace('numFmtId="164" formatCode="yyyy-mm-dd"', 'numFmtId="200" formatCode="0.000"');
    expect(entryTexts(appendStyles(high, plan()).xml, "numFmts")).toEqual([
      '<numFmt numFmtId="200" formatCode="0.000"/>',
      '<numFmt numFmtId="201" formatCode="yyyy-mm-dd"/>',
      '<numFmt numFmtId="202" formatCode="0.0%"/>',
    ]);
  });

  it("uses the workbook's default xf for unformatted body cells", () => {
    const { styles } = appendStyles(sampleStyles, plan());
    expect(styles.report("body", null)).toBe(0);
    expect(styles.body("general")).toBe(0);
  });

  it("writes a dxf per highlight, opening a self-closed dxfs", () => {
    const withDxfs = sampleStyles.replace("<tableStyles", '<dxfs count="0"/><tableStyles');
    const { xml, styles } = appendStyles(withDxfs, plan());
    expect(styles.dxf({ text: "A", fill: "#FFC7CE", font: "#9C0006" })).toBe(0);
    expect(xml).toContain(
      '<dxfs count="1"><dxf><font><color rgb="FF9C0006"/></font><fill><patternFill><bgColor rgb="FFFFC7CE"/></patternFill></fill></dxf></dxfs><tableStyles',
    );
  });

  it("adds nothing when run again on its own output", () => {
    const once = appendStyles(sampleStyles, plan());
    const twice = appendStyles(once.xml, plan());
    expect(twice.xml).toBe(once.xml);
    expect([
      twice.styles.header,
      twice.styles.body("money"),
      twice.styles.report("total", "money"),
      twice.styles.dxf({ text: "A", fill: "#FFC7CE", font: "#9C0006" }),
    ]).toEqual([
      once.styles.header,
      once.styles.body("money"),
      once.styles.report("total", "money"),
      once.styles.dxf({ text: "A", fill: "#FFC7CE", font: "#9C0006" }),
    ]);
  });

  describe("edge cases", () => {
    it("creates a styles part when the package has none", () => {
      const { xml, styles } = appendStyles(undefined, plan());
      expect(xml.startsWith(MINIMAL_STYLES.slice(0, MINIMAL_STYLES.indexOf("<fonts")))).toBe(true);
      expect(entryTexts(xml, "cellXfs")[0]).toBe('<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>');
      expect(styles.body("general")).toBe(0);
      expect(entryTexts(xml, "numFmts")).toEqual([
        '<numFmt numFmtId="164" formatCode="yyyy-mm-dd"/>',
        '<numFmt numFmtId="165" formatCode="0.0%"/>',
      ]);
      expect(outlineXml(xml).children.map((c) => c.local)).toEqual([
        "numFmts",
        "fonts",
        "fills",
        "borders",
        "cellStyleXfs",
        "cellXfs",
        "cellStyles",
        "dxfs",
        "tableStyles",
      ]);
    });

    it("creates missing sections in schema order, with the entries index 0 and 1 must hold", () => {
      const bare = `<styleSheet xmlns="${MAIN}"><fonts count="1"><font><sz val="10"/><name val="Arial"/></font></fonts><cellXfs count="1"><xf numFmtId="0" fontId="0"/></cellXfs><extLst/></styleSheet>`;
      const { xml, styles } = appendStyles(bare, plan());
      expect(outlineXml(xml).children.map((c) => c.local)).toEqual([
        "numFmts",
        "fonts",
        "fills",
        "borders",
        "cellXfs",
        "dxfs",
        "extLst",
      ]);
      expect(entryTexts(xml, "fills").slice(0, 2)).toEqual([
        '<fill><patternFill patternType="none"/></fill>',
        '<fill><patternFill patternType="gray125"/></fill>',
      ]);
      expect(entryTexts(xml, "borders")[0]).toBe("<border><left/><right/><top/><bottom/><diagonal/></border>");
      // No cellStyleXfs: the xfs name no parent style.
      expect(entryTexts(xml, "cellXfs")[styles.report("header", null)]).toBe(
        '<xf numFmtId="0" fontId="1" fillId="2" borderId="0" applyFont="1" applyFill="1"/>',
      );
      expect(entryTexts(xml, "fonts")[1]).toBe('<font><b/><sz val="10"/><name val="Arial"/></font>');
    });

    it("writes new entries with the part's namespace prefix", () => {
      const prefixed = `<x:styleSheet xmlns:x="${MAIN}"><x:fonts count="1"><x:font><x:sz val="11"/></x:font></x:fonts><x:cellXfs count="1"><x:xf numFmtId="0" fontId="0"/></x:cellXfs></x:styleSheet>`;
      const { xml, styles } = appendStyles(prefixed, plan());
      expect(entryTexts(xml, "fonts")[styles.header === 0 ? 0 : 1]).toBe('<x:font><x:b/><x:sz val="11"/></x:font>');
      expect(xml).toContain('<x:numFmts count="2"><x:numFmt numFmtId="164" formatCode="yyyy-mm-dd"/>');
      expect(outlineXml(xml).children.every((c) => c.prefix === "x")).toBe(true);
    });
  });

  describe("invalid input", () => {
    it("throws when asked for a style the plan did not need", () => {
      const { styles } = appendStyles(sampleStyles, { ...plan(), sheets: [] });
      expect(() => styles.body("money")).toThrow("appendStyles: style base|||money was not planned");
      expect(() => styles.dxf({ text: "x", fill: "#000000", font: "#FFFFFF" })).toThrow(
        "appendStyles: highlight #000000|#FFFFFF was not planned",
      );
    });

    it("refuses a part that is not a styleSheet", () => {
      expect(() => appendStyles("<worksheet/>", plan())).toThrow(
        "styles part: root element is <worksheet>, not styleSheet",
      );
    });
  });
});
