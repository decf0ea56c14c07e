import JSZip from "jszip";
import type { MessageKey } from "../../src/i18n";

/**
 * Issue 13's unreadable inputs, made here (none over a few KB on disk but the too-large text),
 * shared by the command line's test and the pane reader's: both must refuse each with the same words.
 */

const NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const SHEET = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${NS}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Order Date</t></is></c><c r="B1" t="inlineStr"><is><t>Customer ID</t></is></c><c r="C1" t="inlineStr"><is><t>Amount</t></is></c></row><row r="2"><c r="A2"><v>46000</v></c><c r="B2" t="inlineStr"><is><t>C1</t></is></c><c r="C2"><v>100</v></c></row></sheetData></worksheet>`;

/** Strict Open XML names the package's relationship types under purl.oclc.org (ISO/IEC 29500-1 Strict). */
const STRICT_RELS = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;

/** Row 3 stored before row 2: readable (cells go by their references), but not patchable in order. */
const ROWS_OUT_OF_ORDER = SHEET.replace(
  /<row r="2">.*<\/row>/,
  `<row r="3"><c r="A3"><v>46001</v></c><c r="B3" t="inlineStr"><is><t>C2</t></is></c><c r="C3"><v>50</v></c></row><row r="2"><c r="A2"><v>46000</v></c><c r="B2" t="inlineStr"><is><t>C1</t></is></c><c r="C2"><v>100</v></c></row>`,
);

export const MACRO_TYPE = "application/vnd.ms-excel.sheet.macroEnabled.main+xml";
const PLAIN_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";
/** A stand-in for a VBA project's bytes: the run must copy them as they are. */
export const VBA = Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 7919) % 256));

/** The small workbook as an .xlsm: the macro-enabled content type and a vbaProject.bin part. */
export async function macroWorkbook(): Promise<Buffer> {
  const base = await JSZip.loadAsync(await workbook());
  const types = (await base.file("[Content_Types].xml")!.async("string")).replace(PLAIN_TYPE, MACRO_TYPE).replace("</Types>", '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>');
  const rels = (await base.file("xl/_rels/workbook.xml.rels")!.async("string")).replace("</Relationships>", '<Relationship Id="rId9" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>');
  return workbook({ "[Content_Types].xml": types, "xl/_rels/workbook.xml.rels": rels, "xl/vbaProject.bin": VBA });
}

/** A small valid workbook (one order sheet), with any part replaced. */
export async function workbook(parts: Record<string, string | Buffer> = {}): Promise<Buffer> {
  const zip = new JSZip();
  const all: Record<string, string | Buffer> = {
    "[Content_Types].xml": `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
    "_rels/.rels": `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    "xl/workbook.xml": `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${NS}" xmlns:r="${REL}"><sheets><sheet name="Orders" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    "xl/_rels/workbook.xml.rels": `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    "xl/worksheets/sheet1.xml": SHEET,
    ...parts,
  };
  for (const [name, data] of Object.entries(all)) zip.file(name, data);
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

/** An OLE compound file's first bytes; `encrypted` names an EncryptionInfo stream in UTF-16LE, as a directory entry does. */
function ole(encrypted: boolean): Buffer {
  const head = Buffer.alloc(1536);
  Buffer.from("d0cf11e0a1b11ae1", "hex").copy(head);
  Buffer.from(encrypted ? "EncryptionInfo" : "Workbook", "utf16le").copy(head, 1024);
  return head;
}

/** A workbook whose sheet part's deflate stream is damaged in the middle (its header and sizes intact). */
async function damagedDeflate(): Promise<Buffer> {
  const rows = Array.from({ length: 400 }, (_, i) => `<row r="${i + 2}"><c r="A${i + 2}"><v>${46000 + (i % 30)}</v></c><c r="B${i + 2}" t="inlineStr"><is><t>C${i}</t></is></c><c r="C${i + 2}"><v>${i}</v></c></row>`).join("");
  const sheet = SHEET.replace("</sheetData>", `${rows}</sheetData>`).replace(/<row r="2">.*?<\/row>/, "");
  const zip = await workbook({ "xl/worksheets/sheet1.xml": sheet });
  // The sheet's local header: signature, 26 bytes, its name, its extra field, then the deflated data.
  const header = zip.indexOf(Buffer.concat([Buffer.from("xl/worksheets/sheet1.xml")])) - 30;
  if (header < 0 || zip.readUInt32LE(header) !== 0x04034b50) throw new Error("sheet entry not found");
  const data = header + 30 + zip.readUInt16LE(header + 26) + zip.readUInt16LE(header + 28);
  for (let i = data + 200; i < data + 260; i++) zip[i] ^= 0x5a;
  return zip;
}

const utf16 = (xml: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xml.replace('encoding="UTF-8"', 'encoding="UTF-16"'), "utf16le")]);

export const UNREADABLE_CASES: { name: string; key: MessageKey; file: () => Promise<Buffer | string> }[] = [
  { name: "an encrypted (password-protected) workbook", key: "cli.unreadable.encrypted", file: async () => ole(true) },
  { name: "an old .xls workbook", key: "cli.unreadable.oldXls", file: async () => ole(false) },
  { name: "a CSV file", key: "cli.unreadable.text", file: async () => "Order Date,Customer ID,Amount\n2025-12-01,C1,100\n" },
  { name: "a damaged deflate stream", key: "cli.unreadable.damaged", file: damagedDeflate },
  { name: "a zip cut short", key: "cli.unreadable.damaged", file: async () => (await workbook()).subarray(0, 400) },
  { name: "a shared string or cell text too large", key: "cli.unreadable.tooLarge", file: () => workbook({ "xl/worksheets/sheet1.xml": SHEET.replace("<t>C1</t>", `<t>${"x".repeat(20 * 1024 * 1024)}</t>`) }) },
  { name: "an internal entity in a sheet", key: "cli.unreadable.entities", file: () => workbook({ "xl/worksheets/sheet1.xml": SHEET.replace("?>", '?><!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaa">]>').replace("<t>C1</t>", "<t>&a;</t>") }) },
  { name: "an undefined entity reference in a sheet", key: "cli.unreadable.entities", file: () => workbook({ "xl/worksheets/sheet1.xml": SHEET.replace("<t>C1</t>", "<t>&nbsp;C1</t>") }) },
  { name: "an external entity in workbook.xml", key: "cli.unreadable.entities", file: () => workbook({ "xl/workbook.xml": `<?xml version="1.0"?><!DOCTYPE workbook [<!ENTITY x SYSTEM "file:///etc/passwd">]><workbook xmlns="${NS}" xmlns:r="${REL}"><sheets><sheet name="&x;" sheetId="1" r:id="rId1"/></sheets></workbook>` }) },
  { name: "a UTF-16 sheet part", key: "cli.unreadable.utf16", file: () => workbook({ "xl/worksheets/sheet1.xml": utf16(SHEET) }) },
  { name: "a UTF-16 workbook part", key: "cli.unreadable.utf16", file: async () => workbook({ "xl/workbook.xml": utf16(`<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${NS}" xmlns:r="${REL}"><sheets><sheet name="Orders" sheetId="1" r:id="rId1"/></sheets></workbook>`) }) },
  { name: "malformed sheet XML", key: "cli.unreadable.malformed", file: () => workbook({ "xl/worksheets/sheet1.xml": `${SHEET}trailing text` }) },
  { name: "malformed workbook.xml", key: "cli.unreadable.malformed", file: () => workbook({ "xl/workbook.xml": `<?xml version="1.0"?><workbook xmlns="${NS}"><sheets>` }) },
  { name: "a Strict Open XML workbook", key: "cli.unreadable.strict", file: () => workbook({ "_rels/.rels": STRICT_RELS }) },
  { name: "an order sheet with its rows out of order", key: "cli.unreadable.rowOrder", file: () => workbook({ "xl/worksheets/sheet1.xml": ROWS_OUT_OF_ORDER }) },
];

