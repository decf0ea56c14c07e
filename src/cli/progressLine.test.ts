import { groupDigits, progressLine, REDRAW_MS, type ProgressStream } from "./progressLine";

const ERASE = "\r\x1b[K";

/** A terminal that records what is written, and a clock the test sets. */
function fakeTty(columns?: number): { stream: ProgressStream; writes: string[]; clock: { now: number } } {
  const writes: string[] = [];
  const stream: ProgressStream = { isTTY: true, write: (text) => writes.push(text) };
  if (columns !== undefined) stream.columns = columns;
  return { stream, writes, clock: { now: 0 } };
}

/** What an English line draws for reads `[sheet, rows, done]` told a redraw's time apart. */
function drawnForReads(reads: readonly (readonly [string, number, number])[]): string[] {
  const { stream, writes, clock } = fakeTty();
  const line = progressLine(stream, "en-US", () => clock.now);
  for (const [sheet, rows, done] of reads) {
    line.update({ stage: "read", sheet, rows, done });
    clock.now += REDRAW_MS;
  }
  return writes;
}

describe("progressLine", () => {
  it("says which sheet is read and how many rows so far, in English and Chinese", () => {
    const en = fakeTty();
    progressLine(en.stream, "en-US", () => 0).update({ stage: "read", sheet: "Orders", rows: 512_000 });
    const zh = fakeTty();
    progressLine(zh.stream, "zh-CN", () => 0).update({ stage: "read", sheet: "订单表", rows: 512_000 });
    expect([en.writes, zh.writes]).toEqual([
      [`${ERASE}Reading Orders … 512,000 rows`],
      [`${ERASE}读取 订单表 … 512,000 行`],
    ]);
  });

  it("shows the sheets read side by side in the order they started, each leaving once finished", () => {
    const writes = drawnForReads([
      ["Orders", 0, 0],
      ["Customers", 0, 0],
      ["Orders", 65_536, 0],
      ["Customers", 6_047, 1],
      ["Orders", 131_072, 1],
    ]);
    expect(writes).toEqual([
      `${ERASE}Reading Orders … 0 rows`,
      `${ERASE}Reading Orders … 0 rows · Customers … 0 rows`,
      `${ERASE}Reading Orders … 65,536 rows · Customers … 0 rows`,
      `${ERASE}Reading Orders … 65,536 rows · Customers … 6,047 rows`,
      `${ERASE}Reading Orders … 131,072 rows`,
    ]);
    const zh = fakeTty();
    const zhLine = progressLine(zh.stream, "zh-CN", () => 0);
    zhLine.update({ stage: "read", sheet: "订单表", rows: 65_536, done: 0 });
    zhLine.update({ stage: "read", sheet: "客户表", rows: 0, done: 0 });
    expect(zh.writes).toEqual([`${ERASE}读取 订单表 … 65,536 行`]);
    zhLine.update({ stage: "compute" });
    zhLine.update({ stage: "read", sheet: "客户表", rows: 10, done: 0 });
    expect(zh.writes.at(-1)).toBe(`${ERASE}读取 订单表 … 65,536 行 · 客户表 … 10 行`);
  });

  it("starts afresh with the next workbook's read (a team review reads one after another)", () => {
    const writes = drawnForReads([
      ["Orders", 0, 0],
      ["Visits", 0, 0],
      ["Orders", 10, 1],
      ["Customers", 0, 0],
    ]);
    expect(writes.at(-1)).toBe(`${ERASE}Reading Customers … 0 rows`);
  });

  it("says when it computes and what it writes, in English and Chinese", () => {
    for (const [lang, want] of [
      ["en-US", ["Computing the review …", "Writing the output file …", "Writing Orders …"]],
      ["zh-CN", ["正在计算 …", "正在写入输出文件 …", "写入 Orders …"]],
    ] as const) {
      const { stream, writes } = fakeTty();
      let now = 0;
      const line = progressLine(stream, lang, () => now);
      line.update({ stage: "compute" });
      line.update({ stage: "write" });
      now += REDRAW_MS;
      line.update({ stage: "write", sheet: "Orders" });
      expect(writes).toEqual(want.map((text) => ERASE + text));
    }
  });

  it("redraws at most every 200 ms within a stage", () => {
    const { stream, writes, clock } = fakeTty();
    const line = progressLine(stream, "en-US", () => clock.now);
    for (const [at, rows] of [
      [0, 0],
      [100, 65_536],
      [199, 131_072],
      [200, 196_608],
      [350, 262_144],
      [400, 327_680],
    ]) {
      clock.now = at;
      line.update({ stage: "read", sheet: "Orders", rows });
    }
    expect(writes).toEqual([
      `${ERASE}Reading Orders … 0 rows`,
      `${ERASE}Reading Orders … 196,608 rows`,
      `${ERASE}Reading Orders … 327,680 rows`,
    ]);
  });

  it("draws a new stage at once", () => {
    const { stream, writes, clock } = fakeTty();
    const line = progressLine(stream, "en-US", () => clock.now);
    line.update({ stage: "read", sheet: "Orders", rows: 10 });
    clock.now = 50;
    line.update({ stage: "compute" });
    clock.now = 60;
    line.update({ stage: "compute" });
    expect(writes).toEqual([`${ERASE}Reading Orders … 10 rows`, `${ERASE}Computing the review …`]);
  });

  it("does not draw the same text again", () => {
    const { stream, writes, clock } = fakeTty();
    const line = progressLine(stream, "en-US", () => clock.now);
    line.update({ stage: "compute" });
    clock.now = 5 * REDRAW_MS;
    line.update({ stage: "compute" });
    expect(writes).toEqual([`${ERASE}Computing the review …`]);
  });

  it("erases the line once when cleared, and draws again at the next update", () => {
    const { stream, writes, clock } = fakeTty();
    const line = progressLine(stream, "en-US", () => clock.now);
    line.update({ stage: "compute" });
    line.clear();
    line.clear();
    clock.now = 10;
    line.update({ stage: "compute" });
    expect(writes).toEqual([`${ERASE}Computing the review …`, ERASE, `${ERASE}Computing the review …`]);
  });

  it("cuts the line to the terminal's width, East Asian characters taking two columns", () => {
    const en = fakeTty(20);
    progressLine(en.stream, "en-US", () => 0).update({ stage: "read", sheet: "Orders", rows: 1 });
    const zh = fakeTty(12);
    progressLine(zh.stream, "zh-CN", () => 0).update({ stage: "read", sheet: "订单表", rows: 1 });
    expect([en.writes, zh.writes]).toEqual([[`${ERASE}Reading Orders … 1…`], [`${ERASE}读取 订单…`]]);
  });

  describe("edge cases", () => {
    it("writes nothing at all to a stream that is not a TTY, or to none", () => {
      const writes: string[] = [];
      for (const stream of [
        { write: (s: string) => writes.push(s) },
        { isTTY: false, write: (s: string) => writes.push(s) },
        undefined,
      ]) {
        const line = progressLine(stream, "zh-CN", () => 0);
        line.update({ stage: "read", sheet: "订单表", rows: 65_536 });
        line.update({ stage: "compute" });
        line.clear();
      }
      expect(writes).toEqual([]);
    });

    it("does not erase a line it never drew", () => {
      const { stream, writes } = fakeTty();
      progressLine(stream, "en-US", () => 0).clear();
      expect(writes).toEqual([]);
    });
  });
});

describe("groupDigits", () => {
  it("groups thousands with commas", () => {
    expect([0, 999, 1000, 65_536, 1_048_575].map(groupDigits)).toEqual(["0", "999", "1,000", "65,536", "1,048,575"]);
  });
});
