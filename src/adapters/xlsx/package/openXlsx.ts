import { pipeline, Transform, type Readable } from "node:stream";
import { createInflateRaw } from "node:zlib";
import yauzl from "yauzl";
import { addEntry, describeParts, entryFinder, type PackageParts } from "./describeParts";
import { NotAnXlsxError, UnreadablePartError, unreadableKindOf } from "./openXlsxError";
import type { RawEntry } from "./zipWriter";
import type { SheetPlan } from "../../../core/output";
import type { SheetStyles } from "./ownedCells";
import { OFF_THREAD_BYTES, sheetsOffThread } from "../worker/readSheetOffThread";

export { NotAnXlsxError } from "./openXlsxError";
export type { XlsxSheetInfo } from "./describeParts";

export interface XlsxPackage extends PackageParts<Readable> {
  /** An entry's bytes as stored (compressed), with its directory record's CRC and sizes: copied into an output unchanged. */
  openRaw(path: string): Promise<RawEntry>;
  /** An entry's inflated size as its directory record says (checked when it is inflated), undefined when absent. */
  partSize?(path: string): number | undefined;
  close(): Promise<void>;
  /**
   * A package that generates its sheet parts (`newWorkbookPackage`) writes a sheet plan's owned
   * cells as it generates the part, byte for byte as `patchSheet` would patch them into it, so
   * that the XML it has just made is not parsed again; undefined for a part it does not make.
   */
  writeOwned?(part: string, plan: SheetPlan, styles: SheetStyles): Readable | undefined;
}

/**
 * Inflater output chunk. Each chunk is a trip to libuv's thread pool and back and a round of
 * stream callbacks; at 64 KiB the issue workbook's 71 MB of sheets were ~1,100 of them, and the
 * main thread waited on them (docs/decisions.md): a megabyte makes them ~70.
 */
const CHUNK = 1024 * 1024;
/** How far inflating (on libuv's thread pool) may run ahead of the XML scanner. */
const READ_AHEAD = 1024 * 1024;

/**
 * Opens an .xlsx file for random access: nothing but the zip directory and a few small parts is read.
 * Its largest sheet part may be read on a worker thread (`offThread`): from `offThreadFrom`
 * bytes inflated, see `sheetsOffThread`; tests force it with 0, Infinity never offers it.
 */
export async function openXlsx(
  file: string,
  { offThreadFrom = OFF_THREAD_BYTES }: { offThreadFrom?: number } = {},
): Promise<XlsxPackage> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.open(
      file,
      { lazyEntries: true, autoClose: false, decodeStrings: false, validateEntrySizes: true },
      (err, z) =>
        // A missing or unreadable file (ENOENT, EACCES, EISDIR) is not a bad workbook: its error goes up as it is.
        err ? reject((err as NodeJS.ErrnoException).code ? err : new NotAnXlsxError(file, err.message)) : resolve(z),
    ),
  );
  const pkg = await fromZip(zip, file);
  if (offThreadFrom !== Infinity) pkg.offThread = sheetsOffThread(file, (part) => pkg.partSize?.(part), offThreadFrom);
  return pkg;
}

/** The same over bytes in memory (tests, and callers that already hold the file). */
export async function openXlsxBuffer(data: Uint8Array, label = "workbook"): Promise<XlsxPackage> {
  const buffer = Buffer.isBuffer(data) ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.fromBuffer(buffer, { lazyEntries: true, decodeStrings: false, validateEntrySizes: true }, (err, z) =>
      err ? reject(new NotAnXlsxError(label, err.message)) : resolve(z),
    ),
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

/** Every file entry by name, names checked (addEntry). */
function readDirectory(zip: yauzl.ZipFile): Promise<Map<string, yauzl.Entry>> {
  const byName = new Map<string, yauzl.Entry>();
  return new Promise((resolve, reject) => {
    zip.on("error", reject);
    zip.on("end", () => resolve(byName));
    zip.on("entry", (entry: yauzl.Entry) => {
      const name = yauzl.getFileNameLowLevel(
        entry.generalPurposeBitFlag,
        entry.fileName as unknown as Buffer,
        entry.extraFields,
        false,
      );
      try {
        entry.fileName = name;
        addEntry(byName, name, entry);
      } catch (e) {
        return reject(e);
      }
      zip.readEntry();
    });
    zip.readEntry();
  });
}

async function describePackage(
  zip: yauzl.ZipFile,
  byName: Map<string, yauzl.Entry>,
  label: string,
): Promise<XlsxPackage> {
  const open = async (entry: yauzl.Entry, path: string): Promise<Readable> => {
    if (entry.compressionMethod !== 8) return zip.openReadStreamPromise(entry);
    return inflate(
      await zip.openReadStreamPromise(entry, { decompress: false }),
      entry.uncompressedSize,
      (why) => new NotAnXlsxError(label, `part ${path} ${why}`),
    );
  };
  const find = entryFinder(byName);
  const openRaw = async (path: string): Promise<RawEntry> => {
    const entry = find(path);
    if (!entry) throw new NotAnXlsxError(label, `part ${path} is missing`);
    // yauzl takes `decompress` only for a compressed entry; a stored one comes as it is.
    const stream = await (entry.compressionMethod === 0
      ? zip.openReadStreamPromise(entry)
      : zip.openReadStreamPromise(entry, { decompress: false }));
    return {
      stream,
      method: entry.compressionMethod,
      crc32: entry.crc32,
      size: entry.uncompressedSize,
      compressed: entry.compressedSize,
    };
  };
  const parts = await describeParts({ byName, open }, label);
  const partSize = (path: string) => find(path)?.uncompressedSize;
  return { ...parts, openRaw, partSize, close: async () => zip.close() };
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
