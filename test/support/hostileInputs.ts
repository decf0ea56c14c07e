import { closeSync, openSync, writeSync } from "node:fs";
import { createDeflateRaw, crc32 } from "node:zlib";
import JSZip from "jszip";
import type { MessageKey } from "../../src/i18n";

/**
 * Issue 13's hostile inputs, one home for the tests that check their words on both readers
 * (test/cli/unreadableInputs.test.ts, test/stream/openXlsxBytes.test.ts) and the bench that
 * measures their memory (bench/hostile.ts).
 * Each builder makes its file in memory, or streams it to disk when it is large when inflated.
 */
export const NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
export const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
export const SHEET = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${NS}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Order Date</t></is></c><c r="B1" t="inlineStr"><is><t>Customer ID</t></is></c><c r="C1" t="inlineStr"><is><t>Amount</t></is></c></row><row r="2"><c r="A2"><v>46000</v></c><c r="B2" t="inlineStr"><is><t>C1</t></is></c><c r="C2"><v>100</v></c></row></sheetData></worksheet>`;
const WORKBOOK = `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${NS}" xmlns:r="${REL}"><sheets><sheet name="Orders" sheetId="1" r:id="rId1"/></sheets></workbook>`;
const TYPES = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`;

/** Strict Open XML names the package's relationship types under purl.oclc.org (ISO/IEC 29500-1 Strict). */
export const STRICT_RELS = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;

/** Row 3 stored before row 2: readable (cells go by their references), but not patchable in order. */
export const ROWS_OUT_OF_ORDER = SHEET.replace(
  /<row r="2">.*<\/row>/,
  `<row r="3"><c r="A3"><v>46001</v></c><c r="B3" t="inlineStr"><is><t>C2</t></is></c><c r="C3"><v>50</v></c></row><row r="2"><c r="A2"><v>46000</v></c><c r="B2" t="inlineStr"><is><t>C1</t></is></c><c r="C2"><v>100</v></c></row>`,
);

export const MACRO_TYPE = "application/vnd.ms-excel.sheet.macroEnabled.main+xml";
const PLAIN_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";
/** A stand-in for a VBA project's bytes: the run must copy them as they are. */
export const VBA = Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 7919) % 256));

/** The package's parts other than the sheet: content types, relationships and the workbook. */
function packageParts(): Record<string, string> {
  return {
    "[Content_Types].xml": TYPES,
    "_rels/.rels": `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    "xl/workbook.xml": WORKBOOK,
    "xl/_rels/workbook.xml.rels": `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
  };
}

/** A small valid workbook (one order sheet), with any part replaced. */
export async function workbook(parts: Record<string, string | Buffer> = {}): Promise<Buffer> {
  const zip = new JSZip();
  const all: Record<string, string | Buffer> = { ...packageParts(), "xl/worksheets/sheet1.xml": SHEET, ...parts };
  for (const [name, data] of Object.entries(all)) zip.file(name, data);
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

/** The small workbook as an .xlsm: the macro-enabled content type and a vbaProject.bin part. */
export async function macroWorkbook(): Promise<Buffer> {
  const types = TYPES.replace(PLAIN_TYPE, MACRO_TYPE).replace(
    "</Types>",
    '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>',
  );
  const rels = packageParts()["xl/_rels/workbook.xml.rels"].replace(
    "</Relationships>",
    '<Relationship Id="rId9" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>',
  );
  return workbook({ "[Content_Types].xml": types, "xl/_rels/workbook.xml.rels": rels, "xl/vbaProject.bin": VBA });
}

/** An OLE compound file's first bytes; `encrypted` names an EncryptionInfo stream in UTF-16LE, as a directory entry does. */
export function ole(encrypted: boolean): Buffer {
  const head = Buffer.alloc(1536);
  Buffer.from("d0cf11e0a1b11ae1", "hex").copy(head);
  Buffer.from(encrypted ? "EncryptionInfo" : "Workbook", "utf16le").copy(head, 1024);
  return head;
}

/** A workbook whose sheet part's deflate stream is damaged in the middle (its header and sizes intact). */
export async function damagedDeflate(): Promise<Buffer> {
  const rows = Array.from(
    { length: 400 },
    (_, i) =>
      `<row r="${i + 2}"><c r="A${i + 2}"><v>${46000 + (i % 30)}</v></c><c r="B${i + 2}" t="inlineStr"><is><t>C${i}</t></is></c><c r="C${i + 2}"><v>${i}</v></c></row>`,
  ).join("");
  const sheet = SHEET.replace("</sheetData>", `${rows}</sheetData>`).replace(/<row r="2">.*?<\/row>/, "");
  const zip = await workbook({ "xl/worksheets/sheet1.xml": sheet });
  // The sheet's local header: signature, 26 bytes, its name, its extra field, then the deflated data.
  const header = zip.indexOf(Buffer.from("xl/worksheets/sheet1.xml")) - 30;
  if (header < 0 || zip.readUInt32LE(header) !== 0x04034b50) throw new Error("sheet entry not found");
  const data = header + 30 + zip.readUInt16LE(header + 26) + zip.readUInt16LE(header + 28);
  for (let i = data + 200; i < data + 260; i++) zip[i] ^= 0x5a;
  return zip;
}

/** The small workbook with its sheet entry declaring 10 bytes inflated, in its local and central headers. */
export async function wrongSize(): Promise<Buffer> {
  const zip = await workbook();
  const name = Buffer.from("xl/worksheets/sheet1.xml");
  for (let at = zip.indexOf(name); at >= 0; at = zip.indexOf(name, at + 1)) {
    if (zip.readUInt32LE(at - 30) === 0x04034b50) zip.writeUInt32LE(10, at - 30 + 22);
    else if (zip.readUInt32LE(at - 46) === 0x02014b50) zip.writeUInt32LE(10, at - 46 + 24);
    else throw new Error("sheet entry header not found");
  }
  return zip;
}

/** An XML document as UTF-16LE with its BOM, its declaration saying so. */
export const utf16 = (xml: string) =>
  Buffer.concat([
    Buffer.from([0xff, 0xfe]),
    Buffer.from(xml.replace('encoding="UTF-8"', 'encoding="UTF-16"'), "utf16le"),
  ]);

/** The classic "billion laughs": ten levels of ten references, 10^9 "lol"s if a parser expanded them. */
export function billionLaughs(): string {
  const levels = Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`).join("");
  return SHEET.replace("?>", `?><!DOCTYPE worksheet [<!ENTITY lol0 "lol">${levels}]>`).replace(
    "<t>C1</t>",
    "<t>&lol9;</t>",
  );
}

/** workbook.xml with `depth` elements nested in an extension list (issue 13's memory case). */
export function nestedWorkbookXml(depth: number): string {
  const nested = `<extLst><ext uri="{00000000-0000-0000-0000-000000000000}">${"<x>".repeat(depth)}${"</x>".repeat(depth)}</ext></extLst>`;
  return WORKBOOK.replace("</workbook>", `${nested}</workbook>`);
}

/**
 * Writes to `file` a workbook whose one shared string is `bytes` × "x": a few MB on disk, `bytes`
 * when inflated. The zip is written by hand, streaming, since no JavaScript string holds 1 GB:
 * each part deflated (raw) with its CRC-32 and sizes, then the central directory.
 */
export async function inflatingSharedString(file: string, bytes: number): Promise<void> {
  const parts = packageParts();
  parts["[Content_Types].xml"] = TYPES.replace(
    "</Types>",
    '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
  );
  parts["xl/_rels/workbook.xml.rels"] = parts["xl/_rels/workbook.xml.rels"].replace(
    "</Relationships>",
    `<Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
  );
  parts["xl/worksheets/sheet1.xml"] = SHEET.replace(
    '<c r="B2" t="inlineStr"><is><t>C1</t></is></c>',
    '<c r="B2" t="s"><v>0</v></c>',
  );
  const sst = [
    `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${NS}" count="1" uniqueCount="1"><si><t>`,
    "</t></si></sst>",
  ].map((t) => Buffer.from(t));
  const fd = openSync(file, "w");
  const entries: Entry[] = [];
  let offset = 0;
  const put = (b: Buffer) => {
    writeSync(fd, b);
    offset += b.length;
  };
  try {
    for (const [name, text] of Object.entries(parts))
      entries.push(await storePart(put, () => offset, name, [Buffer.from(text)]));
    entries.push(await storePart(put, () => offset, "xl/sharedStrings.xml", xChunks(sst[0], bytes, sst[1])));
    const start = offset;
    for (const e of entries) put(zipHeader(0x02014b50, e, true));
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(entries.length, 8);
    end.writeUInt16LE(entries.length, 10);
    end.writeUInt32LE(offset - start, 12);
    end.writeUInt32LE(start, 16);
    put(end);
  } finally {
    closeSync(fd);
  }
}

/** `head`, then `bytes` × "x" in 1 MiB chunks, then `tail`. */
function* xChunks(head: Buffer, bytes: number, tail: Buffer): Generator<Buffer> {
  yield head;
  const mib = Buffer.alloc(1 << 20, "x");
  for (let left = bytes; left > 0; left -= mib.length) yield left >= mib.length ? mib : mib.subarray(0, left);
  yield tail;
}

type Entry = { name: string; crc: number; size: number; packed: number; offset: number };

/** Deflates the chunks into memory (a few MB at most), then writes the local header and the data. */
async function storePart(
  put: (b: Buffer) => void,
  at: () => number,
  name: string,
  chunks: Iterable<Buffer>,
): Promise<Entry> {
  const deflate = createDeflateRaw({ level: 9 });
  const packed: Buffer[] = [];
  deflate.on("data", (b: Buffer) => packed.push(b));
  const done = new Promise((resolve, reject) => (deflate.on("end", resolve), deflate.on("error", reject)));
  let crc = 0;
  let size = 0;
  for (const c of chunks) {
    crc = crc32(c, crc);
    size += c.length;
    if (!deflate.write(c)) await new Promise((r) => deflate.once("drain", r));
  }
  deflate.end();
  await done;
  const data = Buffer.concat(packed);
  const entry = { name, crc, size, packed: data.length, offset: at() };
  put(zipHeader(0x04034b50, entry, false));
  put(data);
  return entry;
}

/** A local (`central` false) or central directory header for a deflated entry, sizes under 4 GiB. */
function zipHeader(signature: number, e: Entry, central: boolean): Buffer {
  const name = Buffer.from(e.name);
  const h = Buffer.alloc((central ? 46 : 30) + name.length);
  let i = 0;
  const u16 = (v: number) => void (i = h.writeUInt16LE(v, i));
  const u32 = (v: number) => void (i = h.writeUInt32LE(v >>> 0, i));
  u32(signature);
  if (central) u16(20);
  [20, 0, 8, 0, 0x21].forEach(u16); // version, flags, deflate, time, date (1980-01-01)
  [e.crc, e.packed, e.size].forEach(u32);
  u16(name.length);
  u16(0);
  if (central) {
    [0, 0, 0].forEach(u16); // comment length, disk, internal attributes
    u32(0); // external attributes
    u32(e.offset);
  }
  name.copy(h, i);
  return h;
}

/** Every unreadable input with the words it must get: the command line's test and the pane reader's share them. */
export const UNREADABLE_CASES: { name: string; key: MessageKey; file: () => Promise<Buffer | string> }[] = [
  { name: "an encrypted (password-protected) workbook", key: "cli.unreadable.encrypted", file: async () => ole(true) },
  { name: "an old .xls workbook", key: "cli.unreadable.oldXls", file: async () => ole(false) },
  {
    name: "a CSV file",
    key: "cli.unreadable.text",
    file: async () => "Order Date,Customer ID,Amount\n2025-12-01,C1,100\n",
  },
  { name: "a damaged deflate stream", key: "cli.unreadable.damaged", file: damagedDeflate },
  { name: "an entry inflating past the size its header declares", key: "cli.unreadable.damaged", file: wrongSize },
  { name: "a zip cut short", key: "cli.unreadable.damaged", file: async () => (await workbook()).subarray(0, 400) },
  {
    name: "a shared string or cell text too large",
    key: "cli.unreadable.tooLarge",
    file: () =>
      workbook({ "xl/worksheets/sheet1.xml": SHEET.replace("<t>C1</t>", `<t>${"x".repeat(20 * 1024 * 1024)}</t>`) }),
  },
  {
    name: "an internal entity in a sheet",
    key: "cli.unreadable.entities",
    file: () =>
      workbook({
        "xl/worksheets/sheet1.xml": SHEET.replace("?>", '?><!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaa">]>').replace(
          "<t>C1</t>",
          "<t>&a;</t>",
        ),
      }),
  },
  {
    name: "a billion laughs in a sheet",
    key: "cli.unreadable.entities",
    file: async () => workbook({ "xl/worksheets/sheet1.xml": billionLaughs() }),
  },
  {
    name: "an undefined entity reference in a sheet",
    key: "cli.unreadable.entities",
    file: () => workbook({ "xl/worksheets/sheet1.xml": SHEET.replace("<t>C1</t>", "<t>&nbsp;C1</t>") }),
  },
  {
    name: "an external entity in workbook.xml",
    key: "cli.unreadable.entities",
    file: () =>
      workbook({
        "xl/workbook.xml": `<?xml version="1.0"?><!DOCTYPE workbook [<!ENTITY x SYSTEM "file:///etc/passwd">]><workbook xmlns="${NS}" xmlns:r="${REL}"><sheets><sheet name="&x;" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      }),
  },
  {
    name: "a UTF-16 sheet part",
    key: "cli.unreadable.utf16",
    file: () => workbook({ "xl/worksheets/sheet1.xml": utf16(SHEET) }),
  },
  {
    name: "a UTF-16 workbook part",
    key: "cli.unreadable.utf16",
    file: async () =>
      workbook({
        "xl/workbook.xml": utf16(
          `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${NS}" xmlns:r="${REL}"><sheets><sheet name="Orders" sheetId="1" r:id="rId1"/></sheets></workbook>`,
        ),
      }),
  },
  {
    name: "malformed sheet XML",
    key: "cli.unreadable.malformed",
    file: () => workbook({ "xl/worksheets/sheet1.xml": `${SHEET}trailing text` }),
  },
  {
    name: "malformed workbook.xml",
    key: "cli.unreadable.malformed",
    file: () => workbook({ "xl/workbook.xml": `<?xml version="1.0"?><workbook xmlns="${NS}"><sheets>` }),
  },
  {
    name: "a Strict Open XML workbook",
    key: "cli.unreadable.strict",
    file: () => workbook({ "_rels/.rels": STRICT_RELS }),
  },
  {
    name: "an order sheet with its rows out of order",
    key: "cli.unreadable.rowOrder",
    file: () => workbook({ "xl/worksheets/sheet1.xml": ROWS_OUT_OF_ORDER }),
  },
];
