import type { Progress } from "../../src/adapters/port";
import { createExcelHost } from "../../src/adapters/excel/excelHost";
import { UNDO_SHEET } from "../../src/core/record";
import { asExcel, createExcelDouble } from "../excel-double/excelDouble";
import { WorkbookModel } from "../excel-double/model";

const env = { isSetSupported: () => false, now: () => new Date(2026, 10, 23, 9, 30), port: { limitBytes: 16 * 1024 } };

describe("progress of an Office.js run", () => {
  it("is reported before each read chunk and each write request starts, and once at the end", async () => {
    const model = new WorkbookModel();
    model.addSheet("订单");
    model.setValues("订单", { row: 0, col: 0 }, [
      ["订单日期", "客户名称", "业务员", "金额"],
      ...Array.from({ length: 2000 }, (_, i) => [46000 + (i % 300), `客户${i % 50}`, `业务员${i % 4}`, 100 + i]),
    ]);
    const double = createExcelDouble(model);
    const events: (Progress & { syncs: number; undoSheet: boolean })[] = [];
    const outcome = await createExcelHost(asExcel(double), env).run({ lang: "zh-CN", settings: {} }, (p) =>
      events.push({ ...p, syncs: double.stats.syncCount, undoSheet: model.sheet(UNDO_SHEET) !== undefined }),
    );
    expect(outcome.ok).toBe(true);

    const reads = events.filter((e) => e.stage === "read");
    const total = reads[0]!.total;
    expect(total).toBe(2001);
    expect(reads[0]!.done).toBe(0);
    expect(reads[reads.length - 1]!.done).toBe(total);
    // Several chunks, each announced before it is read and counted after.
    expect(reads.length).toBeGreaterThan(4);
    for (let i = 1; i < reads.length; i++) expect(reads[i]!.done).toBeGreaterThanOrEqual(reads[i - 1]!.done);

    const writes = events.filter((e) => e.stage === "write");
    const n = writes[0]!.total;
    expect(writes.map((e) => e.done)).toEqual(Array.from({ length: n + 1 }, (_, i) => i));
    expect(writes.every((e) => e.total === n)).toBe(true);
    // The first is told before anything is written; a request goes to Excel between each two.
    expect(writes[0]!.undoSheet).toBe(false);
    for (let i = 1; i < writes.length; i++) expect(writes[i]!.syncs).toBeGreaterThan(writes[i - 1]!.syncs);
    expect(n).toBeGreaterThan(5);
    expect(events.findIndex((e) => e.stage === "write")).toBeGreaterThan(
      events.findIndex((e) => e.stage === "compute"),
    );
  });
});
