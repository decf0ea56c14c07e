import { Readable } from "node:stream";
import { crc32, deflateRawSync } from "node:zlib";
import { columnLetters } from "../../../core/_lib/a1";
import type { Cell } from "../../../core/_lib/cells";
import { NUMBER_FORMATS, type NumberFormat } from "../../../core/output";
import type { Grid } from "../../../core/types";
import { NS_REL } from "./charts";
import type { XlsxPackage } from "./openXlsx";
import { cellXml, escapeXmlAttr } from "./xmlText";

const NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const NS_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const CT = "application/vnd.openxmlformats-officedocument.spreadsheetml";
/** Bytes of a sheet part's chunk: a few thousand rows, so a million-row sheet streams in bounded memory. */
const CHUNK_BYTES = 1 << 20;
const WIDTH = 16;

/** A sheet of a new workbook: its grid (at A1, the first row its header) and each column's number format. */
export interface NewSheet {
  grid: Grid;
  formats: readonly (NumberFormat | null)[];
}

/**
 * cellXfs of the new workbook's styles part: 0 default, then header (bold) and one per number
 * format an input field can have; ratios and scores are never input fields (General).
 */
const XF = { header: 1, date: 2, money: 3, integer: 4, decimal: 5, percent: 0, oneDecimal: 0, general: 0 } as const;
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
 * workbook (owned columns patched into the sheets, the analysis and record sheets added).
 * Sheet parts are generated as they are streamed, so a million-row sheet is never held as XML.
 * @example packagePort(newWorkbookPackage([{ grid, formats: [null] }])) // a port over a one-sheet workbook
 */
export function newWorkbookPackage(sheets: readonly NewSheet[]): XlsxPackage {
  const parts = new Map<string, () => Readable | string>();
  const sheetPart = (i: number) => `xl/worksheets/sheet${i + 1}.xml`;
  parts.set("[Content_Types].xml", () => contentTypes(sheets.length));
  parts.set(
    "_rels/.rels",
    () =>
      `${XML_HEAD}<Relationships xmlns="${NS_PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  parts.set("xl/workbook.xml", () => workbookXml(sheets));
  parts.set("xl/_rels/workbook.xml.rels", () => workbookRels(sheets.length));
  parts.set("xl/styles.xml", () => STYLES);
  sheets.forEach((s, i) => parts.set(sheetPart(i), () => Readable.from(sheetChunks(s))));
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
    date1904: false,
    close: async () => undefined,
  };
}

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

function contentTypes(n: number): string {
  const sheets = Array.from(
    { length: n },
    (_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="${CT}.worksheet+xml"/>`,
  ).join("");
  return (
    `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
    `<Override PartName="/xl/workbook.xml" ContentType="${CT}.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="${CT}.styles+xml"/>${sheets}</Types>`
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
    (_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
  );
  rels.push(`<Relationship Id="rId${n + 1}" Type="${REL}/styles" Target="styles.xml"/>`);
  return `${XML_HEAD}<Relationships xmlns="${NS_PKG_REL}">${rels.join("")}</Relationships>`;
}

function* sheetChunks({ grid, formats }: NewSheet): Generator<Buffer> {
  const width = grid.values[0]?.length ?? 0;
  const styles = formats.map((f) => (f === null ? 0 : XF[f]));
  const cols = width > 0 ? `<cols><col min="1" max="${width}" width="${WIDTH}" customWidth="1"/></cols>` : "";
  const dimension = width > 0 ? `A1:${columnLetters(width - 1)}${grid.values.length}` : "A1";
  yield Buffer.from(
    `${XML_HEAD}<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}"><dimension ref="${dimension}"/>` +
      `<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>` +
      `<sheetFormatPr defaultRowHeight="15"/>${cols}<sheetData>`,
  );
  const letters = Array.from({ length: width }, (_, c) => columnLetters(c));
  // Each row's XML is encoded into a chunk as it is made: a chunk built as one string of
  // 2,000 rows was a tree of ~100,000 concatenations that Buffer.from had to flatten first.
  let chunk = Buffer.allocUnsafe(CHUNK_BYTES);
  let at = 0;
  for (let r = 0; r < grid.values.length; r++) {
    const row: readonly Cell[] = grid.values[r];
    const n = String(r + 1);
    let cells = "";
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (v === null || v === undefined) continue;
      cells += cellXml(letters[c] + n, v, r === 0 ? XF.header : typeof v === "number" ? styles[c] : 0);
    }
    const xml = `<row r="${n}">${cells}</row>`;
    // UTF-8 takes at most 3 bytes per UTF-16 code unit.
    if (at + 3 * xml.length > chunk.length) {
      if (at > 0) yield chunk.subarray(0, at);
      chunk = Buffer.allocUnsafe(Math.max(CHUNK_BYTES, 3 * xml.length));
      at = 0;
    }
    at += chunk.write(xml, at);
  }
  if (at > 0) yield chunk.subarray(0, at);
  yield Buffer.from(
    `</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`,
  );
}
