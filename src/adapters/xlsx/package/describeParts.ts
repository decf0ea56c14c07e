import type { OffThreadSheets } from "../stream/offThreadSheet";
import type { ByteChunks } from "../stream/parseXmlStream";
import { declaresEntities, looksUtf16, NotAnXlsxError, UnreadablePartError } from "./openXlsxError";
import {
  isMacroEnabled,
  isStrict,
  isType,
  parseRels,
  relsPathOf,
  streamWorkbook,
  type Relationship,
} from "./openXlsxParts";

const CONTENT_TYPES = "[Content_Types].xml";

/** The most a part read whole as text may inflate to; sheets are streamed and have no such cap. */
const MAX_TEXT_PART_BYTES = 64 * 1024 * 1024;

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

/**
 * What an .xlsx package holds, read through any zip layer: yauzl and zlib on the command line
 * (openXlsx), fflate in the pane (openXlsxBytes). Only the zip layer differs; every part is read
 * here and by the stream readers, one home for both.
 */
export interface PackageParts<S extends ByteChunks = ByteChunks> {
  /** Every entry name, in the zip's order (directories excluded). */
  entries: readonly string[];
  has(path: string): boolean;
  /** Decompressed bytes of an entry, as a stream in chunks (never the whole part at once). */
  openStream(path: string): Promise<S>;
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
  /** Reads the largest sheet part on another thread (openXlsx on a file: the command line); none in the pane. */
  offThread?: OffThreadSheets;
}

/** A zip's entries by name and how to inflate one (the zip layer's whole job). */
export interface ZipEntries<E, S extends ByteChunks> {
  byName: ReadonlyMap<string, E>;
  open(entry: E, path: string): Promise<S>;
}

/**
 * Checks an entry name and adds it: a package never needs `..` or an absolute path, nor
 * two entries of one name. Directories are left out. Throws a plain Error (the caller
 * words it as not an .xlsx).
 */
export function addEntry<E>(byName: Map<string, E>, name: string, entry: E): void {
  const unsafe = unsafeName(name);
  if (unsafe) throw new Error(`unsafe entry name "${name}" (${unsafe})`);
  if (name.endsWith("/")) return;
  if (byName.has(name)) throw new Error(`entry "${name}" appears twice`);
  byName.set(name, entry);
}

function unsafeName(name: string): string | undefined {
  if (name.startsWith("/") || /^[A-Za-z]:/.test(name)) return "absolute path";
  if (name.split("/").includes("..")) return "parent folder";
  if (name.includes("\0")) return "NUL character";
  return undefined;
}

/** Finds an entry by part name: exactly, else case-insensitively (part names compare so in OPC). */
export function entryFinder<E>(byName: ReadonlyMap<string, E>): (path: string) => E | undefined {
  const lower = new Map<string, E>();
  for (const [name, entry] of byName) if (!lower.has(name.toLowerCase())) lower.set(name.toLowerCase(), entry);
  return (path) => byName.get(path) ?? lower.get(path.toLowerCase());
}

/** Reads the package's relationships, workbook part and sheet list through `zip`. */
export async function describeParts<E, S extends ByteChunks>(
  zip: ZipEntries<E, S>,
  label: string,
): Promise<PackageParts<S>> {
  const find = entryFinder(zip.byName);
  const open = async (path: string): Promise<S> => {
    const entry = find(path);
    if (entry === undefined) throw new NotAnXlsxError(label, `part ${path} is missing`);
    return zip.open(entry, path);
  };
  const readText = async (path: string) => textOf(await open(path), path);
  const rels = async (partPath: string): Promise<Relationship[]> => {
    const path = relsPathOf(partPath);
    return find(path) !== undefined ? parseRels(await readText(path), partPath) : [];
  };
  const officeDocument = (await rels("")).find((r) => isType(r, "officeDocument"));
  // Every part the run writes is in the transitional class: a Strict package would come out mixed.
  if (officeDocument && isStrict(officeDocument))
    throw new UnreadablePartError("strict", "_rels/.rels", officeDocument.type);
  const workbookPath =
    officeDocument && find(officeDocument.target) !== undefined ? officeDocument.target : "xl/workbook.xml";
  if (find(workbookPath) === undefined) throw new NotAnXlsxError(label, "no workbook part (xl/workbook.xml)");
  // Streamed: a workbook.xml of millions of elements (inside an extension list) costs no memory for them.
  const workbook = await streamWorkbook(await open(workbookPath), workbookPath);
  const wbRels = await rels(workbookPath);
  const byId = new Map(wbRels.map((r) => [r.id, r]));
  const sheets: XlsxSheetInfo[] = [];
  for (const s of workbook.sheets) {
    const rel = byId.get(s.rId);
    if (!rel || !isType(rel, "worksheet")) continue;
    const tables = (await rels(rel.target))
      .filter((r) => isType(r, "table"))
      .map((r) => ({ partPath: r.target, rId: r.id }));
    sheets.push({ ...s, partPath: rel.target, tables });
  }
  const partOf = (kind: string) => wbRels.find((r) => isType(r, kind) && find(r.target) !== undefined)?.target;
  const parts: PackageParts<S> = {
    entries: [...zip.byName.keys()],
    has: (path) => find(path) !== undefined,
    openStream: open,
    readText,
    workbookPath,
    sheets,
    date1904: workbook.date1904,
    macroEnabled:
      find(CONTENT_TYPES) !== undefined ? isMacroEnabled(await readText(CONTENT_TYPES), workbookPath) : false,
  };
  const stylesPath = partOf("styles");
  const sharedStringsPath = partOf("sharedStrings");
  if (stylesPath) parts.stylesPath = stylesPath;
  if (sharedStringsPath) parts.sharedStringsPath = sharedStringsPath;
  return parts;
}

/** A small part's text: size capped, UTF-16 and entity declarations refused, BOM stripped. */
async function textOf(stream: ByteChunks, path: string): Promise<string> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const bytes = typeof chunk === "string" ? new TextEncoder().encode(chunk) : chunk;
    size += bytes.length;
    if (size > MAX_TEXT_PART_BYTES)
      throw new UnreadablePartError("tooLarge", path, `inflates past ${MAX_TEXT_PART_BYTES} bytes`);
    chunks.push(bytes);
  }
  const whole = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    whole.set(c, at);
    at += c.length;
  }
  if (looksUtf16(whole)) throw new UnreadablePartError("utf16", path, "UTF-16 text");
  const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(whole);
  // A DTD's entities are never resolved: the part is refused before any reader sees it.
  if (declaresEntities(text)) throw new UnreadablePartError("entities", path, "a document type or entity declaration");
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
