import { pipeline, Transform, type Readable } from "node:stream";
import { createInflateRaw } from "node:zlib";
import yauzl from "yauzl";
import type { StreamPackage } from "../stream/readWorkbookGrids";
import { declaresEntities, looksUtf16, NotAnXlsxError, UnreadablePartError, unreadableKindOf } from "./openXlsxError";
import type { RawEntry } from "./zipWriter";
import { isMacroEnabled, isStrict, isType, parseRels, relsPathOf, streamWorkbook, type Relationship } from "./openXlsxParts";

const CONTENT_TYPES = "[Content_Types].xml";

export { NotAnXlsxError } from "./openXlsxError";

export interface XlsxSheetInfo {
  name: string;
  /** Part path without leading slash, e.g. "xl/worksheets/sheet1.xml". */
  partPath: string;
  sheetId: number;
  /** Relationship id in workbook.xml (r:id). */
  rId: string;
  state: "visible" | "hidden" | "veryHidden";
  tables: { partPath: string; rId: string }[];
}

export interface XlsxPackage extends StreamPackage {
  /** Every entry name, in the zip's order (directories excluded). */
  entries: readonly string[];
  has(path: string): boolean;
  /** Decompressed bytes of an entry, as a stream in chunks (never the whole part at once). */
  openStream(path: string): Promise<Readable>;
  /** An entry's bytes as stored (compressed), with its directory record's CRC and sizes: copied into an output unchanged. */
  openRaw(path: string): Promise<RawEntry>;
  /** A small part as UTF-8 text (BOM stripped). Throws naming the part when it is missing. */
  readText(path: string): Promise<string>;
  workbookPath: string;
  /** The worksheets in workbook order (chart sheets, which hold no cells, are left out). */
  sheets: XlsxSheetInfo[];
  stylesPath?: string;
  sharedStringsPath?: string;
  date1904: boolean;
  /** The workbook part's content type is macro-enabled: the output must be named .xlsm (or .xltm) too. */
  macroEnabled: boolean;
  close(): Promise<void>;
}

/** The most a part read whole as text may inflate to; sheets are streamed and have no such cap. */
const MAX_TEXT_PART_BYTES = 64 * 1024 * 1024;

/** Inflater output chunk; larger than zlib's 16 KiB default, so a 200 MB sheet is fewer hand-offs. */
const CHUNK = 64 * 1024;
/** How far inflating (on libuv's thread pool) may run ahead of the XML scanner. */
const READ_AHEAD = 1024 * 1024;

/** Opens an .xlsx file for random access: nothing but the zip directory and a few small parts is read. */
export async function openXlsx(file: string): Promise<XlsxPackage> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.open(file, { lazyEntries: true, autoClose: false, decodeStrings: false, validateEntrySizes: true }, (err, z) =>
      // A missing or unreadable file (ENOENT, EACCES, EISDIR) is not a bad workbook: its error goes up as it is.
      err ? reject((err as NodeJS.ErrnoException).code ? err : new NotAnXlsxError(file, err.message)) : resolve(z),
    ),
  );
  return fromZip(zip, file);
}

/** The same over bytes in memory (tests, and callers that already hold the file). */
export async function openXlsxBuffer(data: Uint8Array, label = "workbook"): Promise<XlsxPackage> {
  const buffer = Buffer.isBuffer(data) ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.fromBuffer(buffer, { lazyEntries: true, decodeStrings: false, validateEntrySizes: true }, (err, z) => (err ? reject(new NotAnXlsxError(label, err.message)) : resolve(z))),
  );
  return fromZip(zip, label);
}

async function fromZip(zip: yauzl.ZipFile, label: string): Promise<XlsxPackage> {
  try {
    const byName = await readDirectory(zip);
    return await describePackage(zip, byName, label);
  } catch (e) {
    zip.close();
    if (e instanceof NotAnXlsxError || e instanceof UnreadablePartError) throw e;
    if (unreadableKindOf(e) === "damaged") throw new UnreadablePartError("damaged", label, (e as Error).message);
    throw new NotAnXlsxError(label, e instanceof Error ? e.message : String(e));
  }
}

/** Every file entry by name, names checked: a package never needs `..` or an absolute path. */
function readDirectory(zip: yauzl.ZipFile): Promise<Map<string, yauzl.Entry>> {
  const byName = new Map<string, yauzl.Entry>();
  return new Promise((resolve, reject) => {
    zip.on("error", reject);
    zip.on("end", () => resolve(byName));
    zip.on("entry", (entry: yauzl.Entry) => {
      const name = yauzl.getFileNameLowLevel(entry.generalPurposeBitFlag, entry.fileName as unknown as Buffer, entry.extraFields, false);
      const unsafe = unsafeName(name);
      if (unsafe) return reject(new Error(`unsafe entry name "${name}" (${unsafe})`));
      if (!name.endsWith("/")) {
        if (byName.has(name)) return reject(new Error(`entry "${name}" appears twice`));
        entry.fileName = name;
        byName.set(name, entry);
      }
      zip.readEntry();
    });
    zip.readEntry();
  });
}

function unsafeName(name: string): string | undefined {
  if (name.startsWith("/") || /^[A-Za-z]:/.test(name)) return "absolute path";
  if (name.split("/").includes("..")) return "parent folder";
  if (name.includes("\0")) return "NUL character";
  return undefined;
}

async function describePackage(zip: yauzl.ZipFile, byName: Map<string, yauzl.Entry>, label: string): Promise<XlsxPackage> {
  // Part names compare case-insensitively in OPC; an exact match is tried first.
  const lower = new Map<string, yauzl.Entry>();
  for (const [name, entry] of byName) if (!lower.has(name.toLowerCase())) lower.set(name.toLowerCase(), entry);
  const find = (path: string) => byName.get(path) ?? lower.get(path.toLowerCase());
  const open = async (path: string): Promise<Readable> => {
    const entry = find(path);
    if (!entry) throw new NotAnXlsxError(label, `part ${path} is missing`);
    if (entry.compressionMethod !== 8) return zip.openReadStreamPromise(entry);
    return inflate(await zip.openReadStreamPromise(entry, { decompress: false }), entry.uncompressedSize, (why) => new NotAnXlsxError(label, `part ${path} ${why}`));
  };
  const openRaw = async (path: string): Promise<RawEntry> => {
    const entry = find(path);
    if (!entry) throw new NotAnXlsxError(label, `part ${path} is missing`);
    // yauzl takes `decompress` only for a compressed entry; a stored one comes as it is.
    const stream = await (entry.compressionMethod === 0 ? zip.openReadStreamPromise(entry) : zip.openReadStreamPromise(entry, { decompress: false }));
    return { stream, method: entry.compressionMethod, crc32: entry.crc32, size: entry.uncompressedSize, compressed: entry.compressedSize };
  };
  const readText = async (path: string): Promise<string> => {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of await open(path)) {
      size += (chunk as Buffer).length;
      if (size > MAX_TEXT_PART_BYTES) throw new UnreadablePartError("tooLarge", path, `inflates past ${MAX_TEXT_PART_BYTES} bytes`);
      chunks.push(chunk as Buffer);
    }
    const bytes = Buffer.concat(chunks);
    if (looksUtf16(bytes)) throw new UnreadablePartError("utf16", path, "UTF-16 text");
    const text = bytes.toString("utf8");
    // A DTD's entities are never resolved: the part is refused before any reader sees it.
    if (declaresEntities(text)) throw new UnreadablePartError("entities", path, "a document type or entity declaration");
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  };
  const rels = async (partPath: string): Promise<Relationship[]> => {
    const path = relsPathOf(partPath);
    return find(path) ? parseRels(await readText(path), partPath) : [];
  };

  const officeDocument = (await rels("")).find((r) => isType(r, "officeDocument"));
  // Every part the run writes is in the transitional class: a Strict package would come out mixed.
  if (officeDocument && isStrict(officeDocument)) throw new UnreadablePartError("strict", "_rels/.rels", officeDocument.type);
  const workbookPath = officeDocument && find(officeDocument.target) ? officeDocument.target : "xl/workbook.xml";
  if (!find(workbookPath)) throw new NotAnXlsxError(label, "no workbook part (xl/workbook.xml)");
  // Streamed: a workbook.xml of millions of elements (inside an extension list) costs no memory for them.
  const workbook = await streamWorkbook(await open(workbookPath), workbookPath);
  const wbRels = await rels(workbookPath);
  const byId = new Map(wbRels.map((r) => [r.id, r]));
  const sheets: XlsxSheetInfo[] = [];
  for (const s of workbook.sheets) {
    const rel = byId.get(s.rId);
    if (!rel || !isType(rel, "worksheet")) continue;
    const tables = (await rels(rel.target)).filter((r) => isType(r, "table")).map((r) => ({ partPath: r.target, rId: r.id }));
    sheets.push({ ...s, partPath: rel.target, tables });
  }
  const partOf = (kind: string) => wbRels.find((r) => isType(r, kind) && find(r.target))?.target;
  const pkg: XlsxPackage = {
    entries: [...byName.keys()],
    has: (path) => find(path) !== undefined,
    openStream: open,
    openRaw,
    readText,
    workbookPath,
    sheets,
    date1904: workbook.date1904,
    macroEnabled: find(CONTENT_TYPES) ? isMacroEnabled(await readText(CONTENT_TYPES), workbookPath) : false,
    close: async () => zip.close(),
  };
  const stylesPath = partOf("styles");
  const sharedStringsPath = partOf("sharedStrings");
  if (stylesPath) pkg.stylesPath = stylesPath;
  if (sharedStringsPath) pkg.sharedStringsPath = sharedStringsPath;
  return pkg;
}

/**
 * Inflates an entry's raw bytes, counting them: the size in the zip header is not trusted,
 * a stream that inflates past it (a zip bomb's trick) or falls short of it fails.
 */
function inflate(raw: Readable, declared: number, fail: (why: string) => Error): Readable {
  let seen = 0;
  const count = new Transform({
    readableHighWaterMark: READ_AHEAD,
    transform(chunk: Buffer, _encoding, done) {
      seen += chunk.length;
      if (seen > declared) done(fail(`inflates past the ${declared} bytes its header declares`));
      else done(null, chunk);
    },
    flush(done) {
      done(seen === declared ? null : fail(`inflates to ${seen} bytes, not the ${declared} its header declares`));
    },
  });
  return pipeline(raw, createInflateRaw({ chunkSize: CHUNK }), count, (err) => {
    if (err && !count.destroyed) count.destroy(err);
  });
}
