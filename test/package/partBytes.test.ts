import fc from "fast-check";
import { PartBytes } from "../../src/adapters/xlsx/package/partBytes";
import { cellValueXml, valueMarkup } from "../../src/adapters/xlsx/package/xmlText";

/** What `write` puts into a fresh PartBytes, as one buffer. */
function written(write: (b: PartBytes) => void): Buffer {
  const b = new PartBytes();
  write(b);
  return b.take();
}

const decimalOf = (x: number) => written((b) => b.decimal(x)).toString("latin1");

/** Whether `xs` written into one PartBytes, each followed by a comma, read as `String` writes each (a megabyte a call, not a value). */
const decimalsOf = (xs: number[]) =>
  written((b) => xs.forEach((x) => (b.decimal(x), b.ascii(",")))).toString("latin1") ===
  xs.map((x) => `${String(x)},`).join("");

describe("PartBytes.decimal", () => {
  it.each([
    [0, "0"],
    [-0, "0"],
    [7, "7"],
    [0.07, "0.07"],
    [0.1, "0.1"],
    [12.5, "12.5"],
    [-1234.56, "-1234.56"],
    [100, "100"],
    [999999999999.99, "999999999999.99"],
    [1e12, "1000000000000"],
    [1.005, "1.005"],
    [0.1 + 0.2, "0.30000000000000004"],
    [1 / 3, "0.3333333333333333"],
    [1e21, "1e+21"],
    [5e-324, "5e-324"],
    [-2.5e-7, "-2.5e-7"],
  ])("writes %p as %p", (x, expected) => {
    expect(decimalOf(x)).toBe(expected);
    expect(decimalOf(x)).toBe(String(x));
  });

  it("writes every amount in cents as String does, up to a trillion and past it", () => {
    const cents = fc.oneof(
      fc.integer({ min: -100_000_000, max: 100_000_000 }),
      fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }),
      fc.integer({ min: 99_999_999_999_000, max: 100_000_000_001_000 }),
    );
    fc.assert(
      fc.property(fc.array(cents, { minLength: 1, maxLength: 20 }), (ns) => decimalsOf(ns.map((n) => n / 100))),
      { numRuns: 200 },
    );
  });

  it("writes any finite double as String does", () => {
    const doubles = fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), { minLength: 1, maxLength: 20 });
    fc.assert(fc.property(doubles, decimalsOf), { numRuns: 200 });
  });
});

describe("PartBytes.text", () => {
  it("encodes as Buffer.from does: BMP, astral pairs and lone surrogates", () => {
    for (const s of ["", "abc", "é", "客户 A-001", "😀x", "\ud800", "a\udc00b", "\ud83d", "\uffff"])
      expect(written((b) => b.text(s))).toEqual(Buffer.from(s, "utf8"));
  });

  it("encodes any string as Buffer.from does", () => {
    // Several strings a run, into one PartBytes (each a fresh one allocates a megabyte): each
    // string's bytes must stand where Buffer.from puts them, one after another.
    const strings = fc.array(fc.string({ unit: "binary", maxLength: 40 }), { minLength: 1, maxLength: 10 });
    fc.assert(
      fc.property(strings, (ss) =>
        written((b) => ss.forEach((s) => b.text(s))).equals(Buffer.concat(ss.map((s) => Buffer.from(s, "utf8")))),
      ),
      { numRuns: 100 },
    );
  });
});

describe("PartBytes", () => {
  it("writes markup, bytes and whole numbers in order", () => {
    const out = written((b) => {
      b.ascii("<row r=");
      b.whole(1048576);
      b.bytes(Buffer.from("><c/>", "latin1"));
      b.whole(0);
    });
    expect(out.toString("latin1")).toBe("<row r=1048576><c/>0");
  });

  it("copies a range of a buffer, and tells when a chunk's worth would be written", () => {
    const b = new PartBytes();
    b.ascii("<x>");
    b.copy(Buffer.from("abcdef"), 1, 4);
    expect(b.fullWith(1024 * 1024 - 7)).toBe(false);
    expect(b.fullWith(1024 * 1024 - 6)).toBe(true);
    expect(b.take().toString("latin1")).toBe("<x>bcd");
  });

  it("is full after a megabyte, hands it on and starts again empty; a longer row grows the chunk", () => {
    const b = new PartBytes();
    const row = "x".repeat(1000);
    let rows = 0;
    while (!b.full) {
      b.ascii(row);
      rows++;
    }
    expect(rows).toBe(Math.ceil((1 << 20) / 1000));
    const first = b.take();
    expect(first.length).toBe(rows * 1000);
    expect(b.full).toBe(false);
    const long = "é".repeat(600_000);
    b.text(long);
    expect(b.take()).toEqual(Buffer.from(long, "utf8"));
    expect(b.take().length).toBe(0);
  });
});

describe("valueMarkup", () => {
  it("is cellValueXml's markup around a number and around a plain text, with or without a prefix", () => {
    for (const prefix of ["", "x:"]) {
      const m = valueMarkup(prefix);
      expect(m.number.join(String(-12.5))).toBe(cellValueXml("A1", -12.5, prefix));
      expect(m.plainText.join("客户A-001")).toBe(cellValueXml("A1", "客户A-001", prefix));
    }
    expect(valueMarkup("x:").plainText.join("a")).toBe(' t="inlineStr"><x:is><x:t>a</x:t></x:is></x:c>');
  });
});
