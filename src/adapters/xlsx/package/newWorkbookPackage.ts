import { Readable } from "node:stream";
import { crc32, deflateRawSync } from "node:zlib";
import { NUMBER_FORMATS } from "../../../core/output";
import { NS_MAIN, NS_PKG_REL, NS_REL } from "./namespaces";
import { newSheetPart, type NewSheet, type OwnedPlan } from "./newSheetPart";
import { SharedStringTable } from "./sharedStringTable";
import type { XlsxPackage } from "./openXlsx";
import { escapeXmlAttr } from "./xmlText";

export type { NewSheet } from "./newSheetPart";

const CT = "application/vnd.openxmlformats-officedocument.spreadsheetml";

/** The styles part; its cellXfs are `XF`'s indices. */
const STYLES =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${NS_MAIN}">` +
  `<numFmts count="1"><numFmt numFmtId="164" formatCode="${NUMBER_FORMATS.date}"/></numFmts>` +
  `<fonts count="2"><font><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font>` +
  `<font><b/><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font></fonts>` +
  `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
  `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
  `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
  `<cellXfs count="6"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>` +
  `<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>` +
  [164, 4, 1, 2]
    .map((n) => `<xf numFmtId="${n}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`)
    .join("") +
  `</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles><dxfs count="0"/><tableStyles count="0"/></styleSheet>`;

/**
 * A workbook that exists only in memory, holding `sheets` as plain ranges, shaped as
 * `openXlsx` gives a file: the package writer then writes a review into it as into any
 * workbook (the analysis and record sheets added), except that its sheets' owned columns are
 * written as the sheet parts are generated (`writeOwned`), not patched into them afterwards.
 * Sheet parts are generated as they are streamed, so a million-row sheet is never held as XML.
 * The texts of their shared columns are shared strings: that part comes after every sheet part and
 * can only be made once each has been read to its end (as the package writer makes the parts, in order).
 * @example packagePort(newWorkbookPackage([{ grid, formats: [null] }])) // a port over a one-sheet workbook
 */
export function newWorkbookPackage(sheets: readonly NewSheet[]): XlsxPackage {
  const parts = new Map<string, () => Readable | string>();
  const sheetPart = (i: number) => `xl/worksheets/sheet${i + 1}.xml`;
  const strings = new SharedStringTable();
  const made = new Set<number>();
  const sheetXml = (i: number, owned?: OwnedPlan): Readable =>
    Readable.from(newSheetPart(sheets[i], owned, strings)).once("end", () => made.add(i));
  function* stringsXml(): Generator<Buffer> {
    if (made.size < sheets.length)
      throw new Error("newWorkbookPackage: the shared strings part is made after every sheet part");
    yield* strings.part();
  }
  parts.set("[Content_Types].xml", () => contentTypes(sheets.length));
  parts.set(
    "_rels/.rels",
    () =>
      `${XML_HEAD}<Relationships xmlns="${NS_PKG_REL}"><Relationship Id="rId1" Type="${NS_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  parts.set("xl/workbook.xml", () => workbookXml(sheets));
  parts.set("xl/_rels/workbook.xml.rels", () => workbookRels(sheets.length));
  parts.set("xl/styles.xml", () => STYLES);
  sheets.forEach((_, i) => parts.set(sheetPart(i), () => sheetXml(i)));
  parts.set(SHARED_STRINGS, () => Readable.from(stringsXml()));
  const open = (path: string) => {
    const make = parts.get(path);
    if (!make) throw new Error(`newWorkbookPackage: no part ${path}`);
    return make();
  };
  const bytes = async (path: string): Promise<Buffer> => {
    const made = open(path);
    if (typeof made === "string") return Buffer.from(made);
    const chunks: Buffer[] = [];
    for await (const c of made) chunks.push(c as Buffer);
    return Buffer.concat(chunks);
  };
  return {
    // A new workbook holds no VBA project: an .xlsx.
    macroEnabled: false,
    entries: [...parts.keys()],
    has: (path) => parts.has(path),
    openStream: async (path) => {
      const made = open(path);
      return typeof made === "string" ? Readable.from([Buffer.from(made)]) : made;
    },
    openRaw: async (path) => {
      const data = await bytes(path);
      const deflated = deflateRawSync(data, { level: 1 });
      return {
        stream: Readable.from([deflated]),
        method: 8,
        crc32: crc32(data),
        size: data.length,
        compressed: deflated.length,
      };
    },
    readText: async (path) => (await bytes(path)).toString("utf8"),
    writeOwned: (path, plan, styles) => {
      const i = sheets.findIndex((_, k) => sheetPart(k) === path);
      return i < 0 ? undefined : sheetXml(i, { plan, styles });
    },
    workbookPath: "xl/workbook.xml",
    sheets: sheets.map((s, i) => ({
      name: s.grid.sheet,
      partPath: sheetPart(i),
      sheetId: i + 1,
      rId: `rId${i + 1}`,
      state: "visible",
      tables: [],
    })),
    stylesPath: "xl/styles.xml",
    sharedStringsPath: SHARED_STRINGS,
    date1904: false,
    close: async () => undefined,
  };
}

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const SHARED_STRINGS = "xl/sharedStrings.xml";

function contentTypes(n: number): string {
  const sheets = Array.from(
    { length: n },
    (_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="${CT}.worksheet+xml"/>`,
  ).join("");
  return (
    `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
    `<Override PartName="/xl/workbook.xml" ContentType="${CT}.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="${CT}.styles+xml"/>${sheets}` +
    `<Override PartName="/${SHARED_STRINGS}" ContentType="${CT}.sharedStrings+xml"/></Types>`
  );
}

function workbookXml(sheets: readonly NewSheet[]): string {
  const list = sheets
    .map((s, i) => `<sheet name="${escapeXmlAttr(s.grid.sheet)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
    .join("");
  return `${XML_HEAD}<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}"><bookViews><workbookView/></bookViews><sheets>${list}</sheets></workbook>`;
}

function workbookRels(n: number): string {
  const rels = Array.from(
    { length: n },
    (_, i) => `<Relationship Id="rId${i + 1}" Type="${NS_REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
  );
  rels.push(`<Relationship Id="rId${n + 1}" Type="${NS_REL}/styles" Target="styles.xml"/>`);
  rels.push(`<Relationship Id="rId${n + 2}" Type="${NS_REL}/sharedStrings" Target="sharedStrings.xml"/>`);
  return `${XML_HEAD}<Relationships xmlns="${NS_PKG_REL}">${rels.join("")}</Relationships>`;
}
