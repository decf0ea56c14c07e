import { once } from "node:events";
import { Readable, type TransformOptions, type Writable } from "node:stream";
import { finished, pipeline } from "node:stream/promises";
import { setImmediate } from "node:timers/promises";
import { crc32, createDeflateRaw, type ZlibOptions } from "node:zlib";

/**
 * An entry of the zip being written, opened only when the writer reaches it, so one large
 * part at a time is in flight: its bytes from `open` (a stream, or a string written as
 * UTF-8), deflated on the way; or, from `raw`, an entry of another zip copied as it is stored.
 */
export type ZipEntry =
  { name: string; open: () => Promise<Readable | string> } | { name: string; raw: () => Promise<RawEntry> };

/** An entry's bytes as its zip stores them, with what its directory record says of them. */
export interface RawEntry {
  stream: Readable;
  method: number;
  crc32: number;
  size: number;
  compressed: number;
}

/**
 * How many bytes each step of a part's way out may hold ahead of the next (made bytes before
 * the deflater, deflated bytes before the file). A writer held back resumes only once the step
 * after it has taken everything it held (a stream's `drain`), so with 1 MB, one piece, the main
 * thread waited on the deflate of each piece it had just made: ~23% of the team review's write.
 * Eight pieces ahead keep the deflater busy meanwhile (see docs/decisions.md).
 */
export const PIPE_AHEAD = 8 * 1024 * 1024;
/**
 * The deflater's output chunk, and the least it is handed at once: the inflater's chunks
 * (and so the patched ones) are often a few KiB, and each write is a trip to the pool and back.
 * A megabyte of sheet XML deflates to ~140 KB, so one trip takes a whole piece.
 */
const DEFLATE_CHUNK = 1024 * 1024;

/** Sizes past this need the zip64 records (0xffffffff itself means "see zip64"). */
const MAX_32 = 0xfffffffe;
const FLAGS = 0x0808; // bit 3: crc and sizes follow the data; bit 11: the name is UTF-8
const DEFLATE = 8;
const VERSION = 20;
const VERSION_ZIP64 = 45;

/** What the central directory needs of a written entry. */
export interface Written {
  name: Buffer;
  method: number;
  offset: number;
  crc: number;
  size: number;
  compressed: number;
}

/**
 * Writes `entries` in order as a zip to `out` (then ends it), each deflated at `level` as
 * it streams through or copied as stored: the CRC-32 is zlib's (native; yazl's JavaScript CRC took ~13% of a
 * run's CPU), sizes and CRC follow each entry in a data descriptor, and entries or offsets
 * past 4 GiB get zip64 records, as yazl wrote them. Rejects on the first error of any
 * entry or of `out`.
 * @example await writeZip([{ name: "a.xml", open: async () => "<a/>" }], createWriteStream(file), 1)
 */
export async function writeZip(
  entries: readonly ZipEntry[],
  out: Writable,
  level: number,
  mtime = new Date(),
): Promise<void> {
  let offset = 0;
  let failed: Error | undefined;
  out.on("error", (e: Error) => (failed ??= e));
  const put = async (bytes: Buffer) => {
    if (failed) throw failed;
    offset += bytes.length;
    if (!out.write(bytes)) await once(out, "drain");
  };
  const { time, date } = dosDateTime(mtime);
  const written: Written[] = [];
  for (const entry of entries) {
    const w: Written = {
      name: Buffer.from(entry.name, "utf8"),
      method: DEFLATE,
      offset,
      crc: 0,
      size: 0,
      compressed: 0,
    };
    const data = async (chunks: AsyncIterable<Buffer>) => {
      for await (const chunk of chunks) {
        w.compressed += chunk.length;
        await put(chunk);
      }
    };
    if ("raw" in entry) {
      const raw = await entry.raw();
      Object.assign(w, { method: raw.method, crc: raw.crc32, size: raw.size });
      await put(localHeader(w, time, date));
      await pipeline(raw.stream, data);
      if (w.compressed !== raw.compressed)
        throw new Error(`writeZip: ${entry.name} copied ${w.compressed} bytes, its record says ${raw.compressed}`);
    } else {
      await put(localHeader(w, time, date));
      await pipeline(await openBytes(entry.open), checksum(w), deflater(level), data);
    }
    await put(dataDescriptor(w));
    written.push(w);
  }
  const start = offset;
  for (const w of written) await put(centralRecord(w, time, date));
  await put(endOfDirectory(written.length, start, offset - start));
  out.end();
  await finished(out);
}

/**
 * A raw deflate stream at `level` that takes `PIPE_AHEAD` bytes before it holds its writer back
 * (zlib's streams pass these options on to `Transform`; @types/node's `ZlibOptions` omits them).
 */
function deflater(level: number) {
  const options: ZlibOptions & TransformOptions = {
    level,
    chunkSize: DEFLATE_CHUNK,
    writableHighWaterMark: PIPE_AHEAD,
    readableHighWaterMark: PIPE_AHEAD,
  };
  return createDeflateRaw(options);
}

async function openBytes(open: () => Promise<Readable | string>): Promise<Readable> {
  const source = await open();
  return typeof source === "string" ? Readable.from([Buffer.from(source, "utf8")]) : source;
}

/**
 * A pipeline step that passes the bytes on, adding them to `w`'s CRC-32 and size, in pieces
 * of at least `DEFLATE_CHUNK` bytes (small chunks joined) but the last, giving the event loop
 * its turn after each.
 */
function checksum(w: Written) {
  return async function* (chunks: AsyncIterable<Buffer>) {
    let batch: Buffer[] = [];
    let held = 0;
    for await (const chunk of chunks) {
      w.crc = crc32(chunk, w.crc);
      w.size += chunk.length;
      batch.push(chunk);
      held += chunk.length;
      if (held < DEFLATE_CHUNK) continue;
      yield batch.length === 1 ? batch[0] : Buffer.concat(batch, held);
      [batch, held] = [[], 0];
      // Pieces made without a pause (a new sheet's, from a generator) would pass on in one chain of
      // promises, and the deflater's finished trips to the pool wait for its end: let them in.
      await setImmediate();
    }
    if (held > 0) yield Buffer.concat(batch, held);
  };
}

function localHeader(w: Written, time: number, date: number): Buffer {
  const name = w.name;
  const b = Buffer.alloc(30);
  b.writeUInt32LE(0x04034b50, 0);
  b.writeUInt16LE(VERSION, 4);
  b.writeUInt16LE(FLAGS, 6);
  b.writeUInt16LE(w.method, 8);
  b.writeUInt16LE(time, 10);
  b.writeUInt16LE(date, 12);
  // crc and sizes (14–25) stay 0: they follow in the data descriptor
  b.writeUInt16LE(name.length, 26);
  return Buffer.concat([b, name]);
}

// The records below are exported for their tests: zip64 cannot be reached with test-sized data.

const isZip64 = (w: Written) => w.size > MAX_32 || w.compressed > MAX_32 || w.offset > MAX_32;

export function dataDescriptor(w: Written): Buffer {
  const wide = isZip64(w);
  const b = Buffer.alloc(wide ? 24 : 16);
  b.writeUInt32LE(0x08074b50, 0);
  b.writeUInt32LE(w.crc, 4);
  if (wide) {
    b.writeBigUInt64LE(BigInt(w.compressed), 8);
    b.writeBigUInt64LE(BigInt(w.size), 16);
  } else {
    b.writeUInt32LE(w.compressed, 8);
    b.writeUInt32LE(w.size, 12);
  }
  return b;
}

export function centralRecord(w: Written, time: number, date: number): Buffer {
  const wide = isZip64(w);
  const b = Buffer.alloc(46);
  b.writeUInt32LE(0x02014b50, 0);
  b.writeUInt16LE(wide ? VERSION_ZIP64 : VERSION, 4); // made by (MS-DOS attributes: none set)
  b.writeUInt16LE(wide ? VERSION_ZIP64 : VERSION, 6);
  b.writeUInt16LE(FLAGS, 8);
  b.writeUInt16LE(w.method, 10);
  b.writeUInt16LE(time, 12);
  b.writeUInt16LE(date, 14);
  b.writeUInt32LE(w.crc, 16);
  b.writeUInt32LE(wide ? 0xffffffff : w.compressed, 20);
  b.writeUInt32LE(wide ? 0xffffffff : w.size, 24);
  b.writeUInt16LE(w.name.length, 28);
  b.writeUInt16LE(wide ? 28 : 0, 30);
  b.writeUInt32LE(wide ? 0xffffffff : w.offset, 42);
  if (!wide) return Buffer.concat([b, w.name]);
  const extra = Buffer.alloc(28);
  extra.writeUInt16LE(0x0001, 0);
  extra.writeUInt16LE(24, 2);
  extra.writeBigUInt64LE(BigInt(w.size), 4);
  extra.writeBigUInt64LE(BigInt(w.compressed), 12);
  extra.writeBigUInt64LE(BigInt(w.offset), 20);
  return Buffer.concat([b, w.name, extra]);
}

/** The end of central directory record, after the zip64 record and locator when anything needs them. */
export function endOfDirectory(count: number, start: number, size: number): Buffer {
  const wide = count > 0xfffe || start > MAX_32 || size > MAX_32;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(wide ? 0xffff : count, 8);
  end.writeUInt16LE(wide ? 0xffff : count, 10);
  end.writeUInt32LE(wide ? 0xffffffff : size, 12);
  end.writeUInt32LE(wide ? 0xffffffff : start, 16);
  if (!wide) return end;
  const record = Buffer.alloc(56);
  record.writeUInt32LE(0x06064b50, 0);
  record.writeBigUInt64LE(44n, 4);
  record.writeUInt16LE(VERSION_ZIP64, 12);
  record.writeUInt16LE(VERSION_ZIP64, 14);
  record.writeBigUInt64LE(BigInt(count), 24);
  record.writeBigUInt64LE(BigInt(count), 32);
  record.writeBigUInt64LE(BigInt(size), 40);
  record.writeBigUInt64LE(BigInt(start), 48);
  const locator = Buffer.alloc(20);
  locator.writeUInt32LE(0x07064b50, 0);
  locator.writeBigUInt64LE(BigInt(start + size), 8);
  locator.writeUInt32LE(1, 16);
  return Buffer.concat([record, locator, end]);
}

/** MS-DOS time and date fields (local time, 2-second steps, 1980 to 2107). */
function dosDateTime(d: Date): { time: number; date: number } {
  const year = Math.min(Math.max(d.getFullYear(), 1980), 2107);
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1),
    date: ((year - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}
