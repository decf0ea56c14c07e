import { checkGrids } from "./checkGrids";
import { ExcelLimitError } from "./errors";
import { grid } from "./testing/grids";

function thrown(f: () => void): ExcelLimitError | undefined {
  try {
    f();
  } catch (e) {
    if (e instanceof ExcelLimitError) return e;
    throw e;
  }
  return undefined;
}

describe("checkGrids", () => {
  it("accepts a grid that ends on row 1,048,576 and column XFD", () => {
    expect(thrown(() => checkGrids([grid("S", [[1]], { row: 1_048_575, col: 16_383 })], "en-US"))).toBeUndefined();
  });

  it("refuses a grid taller than 1,048,576 rows, naming the sheet and the rows", () => {
    const e = thrown(() => checkGrids([grid("Orders", [[1], [2]], { row: 1_048_575, col: 0 })], "en-US"));
    expect(e?.limit).toBe("tooManyRows");
    expect(e?.sheet).toBe("Orders");
    expect(e?.message).toBe(
      'Sheet "Orders" has 1048577 rows; Excel allows at most 1,048,576. The file was not saved by Excel or is damaged: open it in Excel, save it, then run again. Nothing was written.',
    );
  });

  it("refuses a grid wider than 16,384 columns (its widest row counts), in the user's language", () => {
    const e = thrown(() => checkGrids([grid("订单", [[1], [1, 2]], { row: 0, col: 16_383 })], "zh-CN"));
    expect(e?.limit).toBe("tooManyColumns");
    expect(e?.message).toBe(
      "工作表“订单”有 16385 列，超过 Excel 的上限 16,384 列（A 到 XFD）。该文件不是 Excel 保存的或已损坏：请在 Excel 中打开并保存后再运行。未写入任何内容。",
    );
  });

  it("is a RangeError, so callers show its message as they show a bad setting's", () => {
    expect(thrown(() => checkGrids([grid("S", [], { row: 1_048_577, col: 0 })], "en-US"))).toBeInstanceOf(RangeError);
  });
});
