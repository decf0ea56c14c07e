import { jsonBytes, packOps, packWork, rowJsonBytes } from "./chunking";

describe("packOps", () => {
  it("packs operations in order within the budget", () => {
    expect(packOps([{ bytes: 3 }, { bytes: 3 }, { bytes: 3 }], 6).map((b) => b.length)).toEqual([2, 1]);
  });

  it("gives an operation larger than the budget a batch of its own", () => {
    expect(packOps([{ bytes: 1 }, { bytes: 10 }, { bytes: 1 }], 5).map((b) => b.map((o) => o.bytes))).toEqual([
      [1],
      [10],
      [1],
    ]);
  });

  it("makes no batch of nothing", () => {
    expect(packOps([], 5)).toEqual([]);
  });
});

describe("packWork", () => {
  const log: string[] = [];
  const op = (bytes: number, tag: string) => ({ bytes, queue: () => void log.push(tag) });
  const rows = (rowBytes: number[], partBytes: number, tag: string) => ({
    rowBytes,
    partBytes,
    queueRows: (a: number, b: number) => void log.push(`${tag}${a}-${b}`),
  });

  beforeEach(() => (log.length = 0));

  it("cuts a block of rows where a request is full, so the block does not start a request of its own", () => {
    const batches = packWork([op(4, "x"), rows([3, 3, 3], 1, "r")], 10);
    expect(batches.map((b) => b.map((o) => [o.from, o.bytes]))).toEqual([
      [
        [0, 4],
        [1, 4],
      ],
      [[1, 7]],
    ]);
    for (const b of batches) for (const o of b) void o.queue();
    expect(log).toEqual(["x", "r0-1", "r1-3"]);
  });

  it("fills every request but the last with rows of consecutive blocks", () => {
    const batches = packWork([rows([2, 2, 2, 2, 2], 0, "a"), rows([2, 2, 2, 2, 2], 0, "b")], 6);
    for (const b of batches) for (const o of b) void o.queue();
    expect(batches.map((b) => b.reduce((n, o) => n + o.bytes, 0))).toEqual([6, 6, 6, 2]);
    expect(log).toEqual(["a0-3", "a3-5", "b0-1", "b1-4", "b4-5"]);
  });

  it("sends a row larger than the budget alone, and starts a new request for it rather than splitting", () => {
    const batches = packWork([op(2, "x"), rows([1, 20, 1], 0, "r")], 5);
    for (const b of batches) for (const o of b) void o.queue();
    expect(batches.map((b) => b.map((o) => o.bytes))).toEqual([[2, 1], [20], [1]]);
    expect(log).toEqual(["x", "r0-1", "r1-2", "r2-3"]);
  });

  it("makes no request of an empty block", () => {
    expect(packWork([rows([], 5, "r")], 10)).toEqual([]);
  });
});

describe("jsonBytes", () => {
  it("counts a value's UTF-8 bytes in JSON with the comma after it", () => {
    expect([
      jsonBytes("abc"),
      jsonBytes("客户"),
      jsonBytes(1.5),
      jsonBytes(true),
      jsonBytes(false),
      jsonBytes(null),
      jsonBytes(46000),
      jsonBytes(0.1 + 0.2),
    ]).toEqual([6, 9, 4, 5, 6, 5, 6, 20]);
  });

  it("equals JSON.stringify's UTF-8 length for escapes, control characters, surrogate pairs and lone surrogates", () => {
    const texts = ['a"b\\c', "tab\there\nnew", "\u0001\u001f", "é ß", "😀x", "\ud800", "x\udc00y", "'=SUM(A1)", ""];
    const utf8 = (s: string) => new TextEncoder().encode(JSON.stringify(s)).length + 1;
    expect(texts.map(jsonBytes)).toEqual(texts.map(utf8));
  });

  it("equals JSON.stringify's length for whole, negative, huge and fractional numbers and for what JSON writes as null", () => {
    const numbers = [
      0,
      -0,
      7,
      10,
      -12,
      46000,
      99999,
      100000,
      123456789012345,
      999999999999999,
      1e15,
      1e21,
      -1e-7,
      0.1 + 0.2,
      1234.5,
      NaN,
      Infinity,
      -Infinity,
    ];
    expect(numbers.map(jsonBytes)).toEqual(numbers.map((v) => JSON.stringify(v).length + 1));
  });
});

describe("rowJsonBytes", () => {
  it("counts a row's brackets and the comma after it, blanks as empty text", () => {
    expect(rowJsonBytes([1, "a"])).toBe('[1,"a"],'.length);
    expect(rowJsonBytes([1], 3)).toBe('[1,"",""],'.length);
  });
});
