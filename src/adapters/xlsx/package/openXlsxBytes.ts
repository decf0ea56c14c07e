import { Inflate } from "fflate";
import type { ByteChunks } from "../stream/parseXmlStream";
import { addEntry, describeParts, type PackageParts } from "./describeParts";
import { NotAnXlsxError, UnreadablePartError, unreadableKindOf } from "./openXlsxError";

/** One file entry of the zip's central directory. */
interface ZipEntry {
  method: number;
  flags: number;
  compressed: number;
  size: number;
  localOffset: number;
}

/** How much compressed data is inflated at a time: small enough that a reader's turn stays short. */
const SLICE = 64 * 1024;
const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/**
 * Opens an .xlsx held in memory (a file the user picked in the pane) with no Node module: the zip
 * directory is read here, entries are inflated by fflate in slices. The package's parts are then
 * read exactly as on the command line (describeParts and the stream readers), and a file that
 * fails gives the same error kinds (NotAnXlsxError, UnreadablePartError) and so the same words.
 */
export async function openXlsxBytes(data: Uint8Array, label: string): Promise<PackageParts> {
  let byName: Map<string, ZipEntry>;
  try {
    byName = readDirectory(data);
  } catch (e) {
    throw new NotAnXlsxError(label, e instanceof Error ? e.message : String(e));
  }
  const open = async (entry: ZipEntry, path: string): Promise<ByteChunks> => entryChunks(data, entry, path, label);
  try {
    return await describeParts({ byName, open }, label);
  } catch (e) {
    if (e instanceof NotAnXlsxError || e instanceof UnreadablePartError) throw e;
    if (unreadableKindOf(e) === "damaged") throw new UnreadablePartError("damaged", label, (e as Error).message);
    throw new NotAnXlsxError(label, e instanceof Error ? e.message : String(e));
  }
}

/** The central directory's file entries by name; throws (with yauzl's words where they match) when it cannot be read. */
function readDirectory(data: Uint8Array): Map<string, ZipEntry> {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const end = findEndRecord(view);
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  if (count === 0xffff || at === 0xffffffff) throw new Error("ZIP64 archives are not read in the pane");
  const byName = new Map<string, ZipEntry>();
  const names = new TextDecoder("utf-8");
  for (let i = 0; i < count; i++) {
    if (at + 46 > data.length || view.getUint32(at, true) !== CENTRAL)
      throw new Error(`invalid central directory file header signature at ${at}`);
    const nameLength = view.getUint16(at + 28, true);
    const extra = view.getUint16(at + 30, true);
    const comment = view.getUint16(at + 32, true);
    // Part names are ASCII (OPC percent-encodes the rest), so UTF-8 and CP437 read them alike.
    const name = names.decode(data.subarray(at + 46, at + 46 + nameLength));
    addEntry(byName, name, {
      flags: view.getUint16(at + 8, true),
      method: view.getUint16(at + 10, true),
      compressed: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      localOffset: view.getUint32(at + 42, true),
    });
    at += 46 + nameLength + extra + comment;
  }
  return byName;
}

/** The end-of-central-directory record, searched back over the longest comment a zip may end with. */
function findEndRecord(view: DataView): number {
  for (let i = view.byteLength - 22; i >= Math.max(0, view.byteLength - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === EOCD) return i;
  }
  throw new Error("end of central directory record signature not found");
}

/** An entry's inflated bytes, slice by slice; the size its header declares is checked, not trusted. */
async function* entryChunks(
  data: Uint8Array,
  entry: ZipEntry,
  path: string,
  label: string,
): AsyncGenerator<Uint8Array> {
  const fail = (why: string) => new NotAnXlsxError(label, `part ${path} ${why}`);
  if (entry.flags & 1) throw fail("is encrypted");
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const local = entry.localOffset;
  if (local + 30 > data.length || view.getUint32(local, true) !== LOCAL)
    throw fail(`has an invalid local file header signature at ${local}`);
  const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
  if (start + entry.compressed > data.length) throw fail("is truncated: its data runs past the end of the file");
  const raw = data.subarray(start, start + entry.compressed);
  if (entry.method === 0) {
    if (raw.length !== entry.size) throw fail(`holds ${raw.length} bytes, not the ${entry.size} its header declares`);
    for (let i = 0; i < raw.length; i += SLICE) yield raw.subarray(i, i + SLICE);
    return;
  }
  if (entry.method !== 8) throw fail(`uses compression method ${entry.method}`);
  yield* inflateSlices(raw, entry.size, path, fail);
}

async function* inflateSlices(
  raw: Uint8Array,
  declared: number,
  path: string,
  fail: (why: string) => Error,
): AsyncGenerator<Uint8Array> {
  let out: Uint8Array[] = [];
  let seen = 0;
  const inflater = new Inflate((chunk) => {
    seen += chunk.length;
    // A highly compressed slice inflates to megabytes: handed on in SLICE pieces, the reader's turns stay short.
    for (let i = 0; i < chunk.length; i += SLICE) out.push(chunk.subarray(i, i + SLICE));
  });
  for (let i = 0; i < raw.length || i === 0; i += SLICE) {
    const last = i + SLICE >= raw.length;
    try {
      inflater.push(raw.subarray(i, i + SLICE), last);
    } catch (e) {
      // fflate's words for a corrupt deflate stream: the part is damaged, as zlib's Z_DATA_ERROR says on the command line.
      throw new UnreadablePartError("damaged", path, e instanceof Error ? e.message : String(e));
    }
    if (seen > declared) throw fail(`inflates past the ${declared} bytes its header declares`);
    const ready = out;
    out = [];
    yield* ready;
    if (last) break;
  }
  if (seen !== declared) throw fail(`inflates to ${seen} bytes, not the ${declared} its header declares`);
}
