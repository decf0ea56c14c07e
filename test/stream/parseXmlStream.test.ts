import { Readable } from "node:stream";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { ownCopy, parseXmlStream } from "../../src/adapters/xlsx/stream/parseXmlStream";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

/** Heap bytes still held after keeping a 30-character piece of each of 200 chunks of 64 KB. */
function heldByPieces(keep: (piece: string) => string): number {
  gc();
  const before = process.memoryUsage().heapUsed;
  const kept: string[] = [];
  for (let i = 0; i < 200; i++) kept.push(keep((String(i).padStart(6, "0") + "y".repeat(65_536)).slice(0, 30)));
  gc();
  const held = process.memoryUsage().heapUsed - before;
  expect(kept[199]).toBe(`000199${"y".repeat(24)}`);
  return held;
}

describe("ownCopy", () => {
  it("keeps a long piece of text without keeping the chunk it was cut from", () => {
    // Other work in the same worker can leave garbage behind that one gc() does not take, which only
    // ever adds to a measurement: so the premise takes the largest of three and the claim the smallest.
    const measure = (keep: (piece: string) => string) => [0, 1, 2].map(() => heldByPieces(keep));
    // The premise first: a plain slice keeps its whole chunk (200 × 64 KB).
    expect(Math.max(...measure((piece) => piece))).toBeGreaterThan(10_000_000);
    expect(Math.min(...measure(ownCopy))).toBeLessThan(1_000_000);
  });
});

describe("parseXmlStream", () => {
  it("decodes characters cut by chunk boundaries and closes the parser once at the end", async () => {
    const bytes = Buffer.from("<a>销售€😀</a>", "utf8");
    const written: string[] = [];
    let closed = 0;
    const sink = { write: (text: string) => written.push(text), close: () => closed++ };
    await parseXmlStream(Readable.from([...bytes].map((b) => Buffer.from([b]))), sink);
    expect(written.join("")).toBe("<a>销售€😀</a>");
    expect(closed).toBe(1);
  });

  it("pulls the next chunk only after the parser has taken this one", async () => {
    const events: string[] = [];
    async function* chunks() {
      for (const text of ["<a>", "x", "</a>"]) {
        events.push(`read ${text}`);
        yield Buffer.from(text);
      }
    }
    await parseXmlStream(Readable.from(chunks(), { highWaterMark: 1 }), {
      write: (t: string) => events.push(`write ${t}`),
      close: () => events.push("close"),
    });
    // The stream reads at most one chunk ahead of the parser; a chunk's bytes from its last "<"
    // on wait for the next chunk, so the parser gets whole tags ("<a>" goes with "x").
    expect(events).toEqual(["read <a>", "read x", "read </a>", "write <a>x", "write </a>", "close"]);
  });
});
