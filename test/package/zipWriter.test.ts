import { PassThrough, Readable, Writable } from "node:stream";
import { crc32, deflateRawSync } from "node:zlib";
import JSZip from "jszip";
import yauzl from "yauzl";
import {
  centralRecord,
  dataDescriptor,
  endOfDirectory,
  writeZip,
  type ZipEntry,
} from "../../src/adapters/xlsx/package/zipWriter";

/** The zip `writeZip` makes of `entries`, as one buffer. */
async function zipOf(entries: ZipEntry[]): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const out = new PassThrough();
  out.on("data", (c: Buffer) => chunks.push(c));
  await writeZip(entries, out, 1, new Date(2026, 10, 2, 9, 30, 12));
  return Buffer.concat(chunks);
}

const big = Buffer.from("<row>".repeat(50_000) + "中文" + "</row>".repeat(50_000), "utf8");

describe("writeZip", () => {
  it("writes entries that JSZip reads back with their CRC-32 checked, names and order kept", async () => {
    const zip = await zipOf([
      { name: "[Content_Types].xml", open: async () => "<Types/>" },
      {
        name: "xl/worksheets/工作表.xml",
        open: async () => Readable.from([big.subarray(0, 70_000), big.subarray(70_000)]),
      },
      { name: "empty.xml", open: async () => "" },
    ]);
    const read = await JSZip.loadAsync(zip, { checkCRC32: true });
    expect(Object.keys(read.files)).toEqual(["[Content_Types].xml", "xl/worksheets/工作表.xml", "empty.xml"]);
    expect(await read.file("[Content_Types].xml")!.async("string")).toBe("<Types/>");
    expect((await read.file("xl/worksheets/工作表.xml")!.async("nodebuffer")).equals(big)).toBe(true);
    expect(await read.file("empty.xml")!.async("string")).toBe("");
    expect(read.file("empty.xml")!.date.getMinutes()).toBe(30);
  });

  it("deflates a part cut into small chunks of any size as one deflate of its whole bytes", async () => {
    // Small chunks are joined into pieces for the deflater; the deflated bytes must not depend on the cut.
    const sizes = [1, 17, 4096, 65535, 2, 70_000, 333, 9000];
    const chunks: Buffer[] = [];
    for (let at = 0, k = 0; at < big.length; at += sizes[k++ % sizes.length])
      chunks.push(big.subarray(at, at + sizes[k % sizes.length]));
    const zip = await zipOf([{ name: "s.xml", open: async () => Readable.from(chunks) }]);
    const start = zip.readUInt32LE(zip.length - 6); // the central directory, from the end record
    const compressed = zip.readUInt32LE(start + 20);
    expect(zip.subarray(35, 35 + compressed).equals(deflateRawSync(big, { level: 1 }))).toBe(true);
    expect(zip.readUInt32LE(start + 16)).toBe(crc32(big));
    expect(zip.readUInt32LE(start + 24)).toBe(big.length);
  });

  it("is read by yauzl (the package reader's zip library) with the sizes its directory declares", async () => {
    const zip = await zipOf([{ name: "a/b.xml", open: async () => Readable.from([big]) }]);
    const text = await new Promise<string>((resolve, reject) =>
      yauzl.fromBuffer(zip, { lazyEntries: false, validateEntrySizes: true }, (err, z) => {
        if (err) return reject(err);
        z.on("entry", (entry: yauzl.Entry) =>
          z.openReadStream(entry, (e, stream) => {
            if (e) return reject(e);
            const chunks: Buffer[] = [];
            stream
              .on("data", (c: Buffer) => chunks.push(c))
              .on("end", () => resolve(`${entry.fileName}:${Buffer.concat(chunks).toString("utf8")}`))
              .on("error", reject);
          }),
        );
      }),
    );
    expect(text).toBe(`a/b.xml:${big.toString("utf8")}`);
  });

  it("copies raw entries as stored, deflated or not, with the CRC and sizes their record gives", async () => {
    const text = Buffer.from("<sst>共享</sst>".repeat(1000), "utf8");
    const stored = Buffer.from("<Types/>");
    const deflated = deflateRawSync(text, { level: 9 });
    const zip = await zipOf([
      {
        name: "xl/sharedStrings.xml",
        raw: async () => ({
          stream: Readable.from([deflated]),
          method: 8,
          crc32: crc32(text),
          size: text.length,
          compressed: deflated.length,
        }),
      },
      {
        name: "stored.xml",
        raw: async () => ({
          stream: Readable.from([stored]),
          method: 0,
          crc32: crc32(stored),
          size: stored.length,
          compressed: stored.length,
        }),
      },
    ]);
    expect(zip.includes(deflated)).toBe(true);
    const read = await JSZip.loadAsync(zip, { checkCRC32: true });
    expect((await read.file("xl/sharedStrings.xml")!.async("nodebuffer")).equals(text)).toBe(true);
    expect(await read.file("stored.xml")!.async("string")).toBe("<Types/>");
  });

  describe("invalid input", () => {
    it("rejects a raw entry whose bytes are not as many as its record says", async () => {
      const raw = async () => ({
        stream: Readable.from([Buffer.from("abc")]),
        method: 0,
        crc32: crc32("abcd"),
        size: 4,
        compressed: 4,
      });
      await expect(zipOf([{ name: "a.xml", raw }])).rejects.toThrow("a.xml copied 3 bytes, its record says 4");
    });

    it("rejects when an entry's stream fails", async () => {
      const failing = new Readable({ read() { this.destroy(new Error("disk gone")); } }); // prettier-ignore
      await expect(zipOf([{ name: "a.xml", open: async () => failing }])).rejects.toThrow("disk gone");
    });

    it("rejects when the output fails", async () => {
      const out = new Writable({ write: (_c, _e, done) => done(new Error("no space")) });
      await expect(writeZip([{ name: "a.xml", open: async () => Readable.from([big]) }], out, 1)).rejects.toThrow(
        "no space",
      );
    });
  });

  describe("zip64 records (past 4 GiB)", () => {
    const huge = {
      name: Buffer.from("s.xml"),
      method: 8,
      offset: 5 * 2 ** 32,
      crc: 0x1234abcd,
      size: 2 ** 33 + 7,
      compressed: 2 ** 32 + 3,
    };

    it("writes a 24-byte data descriptor with 8-byte sizes", () => {
      const d = dataDescriptor(huge);
      expect([d.length, d.readUInt32LE(4), d.readBigUInt64LE(8), d.readBigUInt64LE(16)]).toEqual([
        24,
        0x1234abcd,
        BigInt(huge.compressed),
        BigInt(huge.size),
      ]);
    });

    it("puts sizes and offset in the central record's zip64 extra field", () => {
      const r = centralRecord(huge, 0, 0);
      const extra = r.subarray(46 + 5);
      expect([
        r.readUInt16LE(6),
        r.readUInt32LE(20),
        r.readUInt32LE(24),
        r.readUInt32LE(42),
        r.readUInt16LE(30),
      ]).toEqual([45, 0xffffffff, 0xffffffff, 0xffffffff, 28]);
      expect([
        extra.readUInt16LE(0),
        extra.readBigUInt64LE(4),
        extra.readBigUInt64LE(12),
        extra.readBigUInt64LE(20),
      ]).toEqual([1, BigInt(huge.size), BigInt(huge.compressed), BigInt(huge.offset)]);
    });

    it("adds the zip64 end record and locator when the directory starts past 4 GiB", () => {
      const e = endOfDirectory(3, 2 ** 32 + 10, 300);
      expect(e.length).toBe(56 + 20 + 22);
      expect([
        e.readUInt32LE(0),
        e.readBigUInt64LE(24),
        e.readBigUInt64LE(48),
        e.readUInt32LE(56),
        e.readBigUInt64LE(64),
      ]).toEqual([0x06064b50, 3n, BigInt(2 ** 32 + 10), 0x07064b50, BigInt(2 ** 32 + 310)]);
      expect(e.readUInt32LE(76 + 16)).toBe(0xffffffff);
    });

    it("keeps the small records below 4 GiB", () => {
      const small = { ...huge, offset: 10, size: 100, compressed: 50, crc: crc32(deflateRawSync("x")) };
      expect([
        dataDescriptor(small).length,
        centralRecord(small, 0, 0).length,
        endOfDirectory(1, 10, 60).length,
      ]).toEqual([16, 46 + 5, 22]);
    });
  });
});
