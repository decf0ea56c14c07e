import { asExcel, createExcelDouble } from "../../../test/excel-double/excelDouble";
import { WorkbookModel } from "../../../test/excel-double/model";
import { rowJsonBytes } from "./chunking";
import { readGridsFromExcel } from "./readExcel";
import { MARGIN, PART_BYTES, ReadPlanner } from "./readInChunks";

/** A budget that holds exactly these parts (rows at bytes a row each, the margin on top); half a byte spare against rounding. */
const budgetFor = (...parts: [rows: number, perRow: number][]): number =>
  parts.reduce((n, [rows, perRow]) => n + PART_BYTES + rows * perRow * MARGIN, 0.5);

describe("ReadPlanner", () => {
  it("takes rows at the heaviest of the samples around and inside them, margin included", () => {
    const planner = new ReadPlanner(
      [1000],
      [
        [
          { start: 0, perRow: 10 },
          { start: 500, perRow: 20 },
          { start: 990, perRow: 10 },
        ],
      ],
      [false],
    );
    // Rows 0..99 lie between the samples at 0 and 500: 20 bytes a row counts.
    expect(planner.next(budgetFor([100, 20]))).toEqual([{ block: 0, start: 0, rows: 100 }]);
    expect(planner.next(budgetFor([400, 20]))).toEqual([{ block: 0, start: 100, rows: 400 }]);
    expect(planner.next(budgetFor([400, 20]))).toEqual([{ block: 0, start: 500, rows: 400 }]);
    expect(planner.next(1e9)).toEqual([{ block: 0, start: 900, rows: 100 }]);
    expect(planner.next(1e9)).toEqual([]);
  });

  it("takes rows past the last sample at that sample's weight", () => {
    const planner = new ReadPlanner(
      [1000],
      [
        [
          { start: 0, perRow: 30 },
          { start: 100, perRow: 10 },
        ],
      ],
      [false],
    );
    expect(planner.next(budgetFor([100, 30]))).toEqual([{ block: 0, start: 0, rows: 100 }]);
    expect(planner.next(budgetFor([500, 10]))).toEqual([{ block: 0, start: 100, rows: 500 }]);
  });

  it("plans a block's next part at no less than its last part weighed", () => {
    const planner = new ReadPlanner([1000], [[{ start: 0, perRow: 10 }]], [false]);
    expect(planner.next(budgetFor([100, 10]))).toEqual([{ block: 0, start: 0, rows: 100 }]);
    planner.observe(0, 40);
    expect(planner.next(budgetFor([100, 40]))).toEqual([{ block: 0, start: 100, rows: 100 }]);
  });

  it("fills a request with the rest of one block and the start of the next, skipping blocks read whole", () => {
    const planner = new ReadPlanner(
      [50, 10, 1000],
      [[{ start: 0, perRow: 10 }], [], [{ start: 0, perRow: 10 }]],
      [false, true, false],
    );
    expect(planner.next(budgetFor([50, 10], [100, 10]))).toEqual([
      { block: 0, start: 0, rows: 50 },
      { block: 2, start: 0, rows: 100 },
    ]);
  });

  it("sends a row heavier than the whole budget alone", () => {
    const planner = new ReadPlanner([3], [[{ start: 0, perRow: 5000 }]], [false]);
    expect([planner.next(1000), planner.next(1000), planner.next(1000), planner.next(1000)]).toEqual([
      [{ block: 0, start: 0, rows: 1 }],
      [{ block: 0, start: 1, rows: 1 }],
      [{ block: 0, start: 2, rows: 1 }],
      [],
    ]);
  });
});

describe("readGridsFromExcel in chunks", () => {
  const limit = 64 * 1024;
  /** An order log whose rows from `heavyFrom` to `heavyTo` carry a long note: rows of two weights. */
  function model(rows: number, heavyFrom: number, heavyTo: number): WorkbookModel {
    const m = new WorkbookModel();
    m.addSheet("订单");
    const data = Array.from({ length: rows }, (_, i) => [
      46000 + (i % 300),
      `客户${i % 97}`,
      100.5 + i,
      i >= heavyFrom && i < heavyTo ? "备注".repeat(40) : "",
    ]);
    m.setValues("订单", { row: 0, col: 0 }, [["订单日期", "客户名称", "金额", "备注"], ...data]);
    return m;
  }

  async function read(m: WorkbookModel) {
    // The double refuses a request or response over the limit, as Excel does over its own.
    const double = createExcelDouble(m, { requestLimitBytes: limit, responseLimitBytes: limit });
    const { grids } = await asExcel(double).run((context) => readGridsFromExcel(context, ["订单"], new Set(), limit));
    const valueBytes = grids[0].values.reduce((n, r) => n + rowJsonBytes(r), 0);
    return { values: grids[0].values, stats: double.stats, valueBytes };
  }

  it("reads every row once, each response within the limit, in about as many requests as the bytes need", async () => {
    // Notes of 0 to 60 characters on one row in seven, and names growing longer down the sheet.
    const m = new WorkbookModel();
    m.addSheet("订单");
    const data = Array.from({ length: 30_000 }, (_, i) => [
      46000 + (i % 300),
      `客户${i % 97}${"甲".repeat(Math.floor(i / 5000))}`,
      100.5 + i,
      i % 7 === 3 ? "x".repeat((i * 7919) % 61) : "",
    ]);
    m.setValues("订单", { row: 0, col: 0 }, [["订单日期", "客户名称", "金额", "备注"], ...data]);
    const { values, stats, valueBytes } = await read(m);
    expect(values).toEqual(m.sheetValues("订单").values);
    expect(stats.syncs.filter((x) => x.error)).toEqual([]);
    // Geometry and samples take two requests; the values take their bytes ÷ the limit, each request filled to 85% at least.
    expect(stats.syncCount).toBeLessThanOrEqual(2 + Math.ceil(valueBytes / (limit * 0.85)));
    expect(stats.maxResponseBytes).toBeLessThanOrEqual(limit);
  });

  it("sizes the requests down ahead of a stretch of heavy rows the samples saw, so Excel refuses none", async () => {
    const m = model(20_000, 8_000, 11_000);
    const { values, stats } = await read(m);
    expect(values).toEqual(m.sheetValues("订单").values);
    expect(stats.syncs.filter((x) => x.error)).toEqual([]);
    expect(stats.maxResponseBytes).toBeLessThanOrEqual(limit);
  });

  it("reads again in halves a response Excel refuses, when rows between the samples are far heavier", async () => {
    // 600 heavy rows, narrower than the gap between two sample runs, fall between them.
    const m = model(40_000, 3_000, 3_600);
    const { values, stats } = await read(m);
    expect(values).toEqual(m.sheetValues("订单").values);
    const refused = stats.syncs.filter((x) => x.error).map((x) => x.error);
    expect(refused.length).toBeGreaterThan(0);
    expect(new Set(refused)).toEqual(new Set(["ResponsePayloadSizeLimitExceeded"]));
    expect(Math.max(...stats.syncs.filter((x) => !x.error).map((x) => x.responseBytes))).toBeLessThanOrEqual(limit);
  });
});
