import { jsonBytes, packOps, splitRows } from "./chunking";

describe("packOps", () => {
  it("packs operations in order within the budget", () => {
    expect(packOps([{ bytes: 3 }, { bytes: 3 }, { bytes: 3 }], 6).map((b) => b.length)).toEqual([2, 1]);
  });

  it("gives an operation larger than the budget a batch of its own", () => {
    expect(packOps([{ bytes: 1 }, { bytes: 10 }, { bytes: 1 }], 5).map((b) => b.map((o) => o.bytes))).toEqual([[1], [10], [1]]);
  });

  it("makes no batch of nothing", () => {
    expect(packOps([], 5)).toEqual([]);
  });
});

describe("splitRows", () => {
  it("splits rows into runs within the budget", () => {
    expect(splitRows([5, 5, 5, 5], 10)).toEqual([
      [0, 2],
      [2, 4],
    ]);
  });

  it("keeps a row larger than the budget alone", () => {
    expect(splitRows([2, 20, 2], 10)).toEqual([
      [0, 1],
      [1, 2],
      [2, 3],
    ]);
  });
});

describe("jsonBytes", () => {
  it("counts non-ASCII text at three bytes a character", () => {
    expect([jsonBytes("abc"), jsonBytes("客户"), jsonBytes(1.5), jsonBytes(true)]).toEqual([6, 9, 12, 6]);
  });
});
