import { basename } from "node:path";
import { combineSummary } from "../../adapters/combineSummary";
import { CombineInputError, combineWorkbooks, type CombineInput } from "../../adapters/combineWorkbooks";
import { RunCancelledError } from "../../adapters/excel/cancel";
import type { OwnSheets } from "../../adapters/excel/combineInExcel";
import { summarize } from "../../adapters/excel/excelHost";
import { describeRunError } from "../../adapters/describeRunError";
import { NotZipError } from "../../adapters/xlsx/package/sniffBytes";
import { openXlsx } from "../../adapters/xlsx/package/openXlsx";
import { packagePort } from "../../adapters/xlsx/package/packagePort";
import { sheetsNeverRead } from "../../core/record";
import { t } from "../../i18n";
import { SAMPLE_EN, SAMPLE_ZH } from "../../../test/fixtures/paths";
import { inProcessWorker, picked } from "../../../test/support/inProcessWorker";
import { foundInCombined } from "./combineForExcel";
import { combineInWorker } from "./combineInWorker";
import type { PickedFile } from "./readClient";
import type { CombineStep } from "./readProtocol";
import { SLICE_ITEMS } from "./sliceLargeArrays";

const OPTIONS = { lang: "zh-CN", generatedAt: "2026-12-06 20:00" } as const;

const fileInput = (f: string): CombineInput => ({
  name: basename(f),
  open: async () => packagePort(await openXlsx(f)),
});

/** What the pane writes, from combineWorkbooks run here, directly: the expected answer of the worker. */
async function direct(inputs: CombineInput[], lang: "zh-CN" | "en-US" = "zh-CN") {
  const r = await combineWorkbooks(inputs, { ...OPTIONS, lang });
  return {
    plan: r.plan,
    record: r.record,
    combined: r.merged.grids.map((g, i) => ({ sheet: g.sheet, rows: g.values, formats: r.merged.formats[i] })),
    summary: { ...summarize(r.review, r.plan, lang), combined: combineSummary(r, lang) },
    // Checked against a reading of the written workbook in test/adapter/excelCombine.test.ts.
    found: foundInCombined(r),
  };
}

describe("combineInWorker (the pane's team review, run in the read worker)", () => {
  it("gives exactly what combineWorkbooks gives on the same files, the large sheets sent in slices", async () => {
    const expected = await direct([SAMPLE_ZH, SAMPLE_EN].map(fileInput));
    const worker = inProcessWorker();
    const files = [SAMPLE_ZH, SAMPLE_EN].map((f) => ({ file: picked(f) }));
    const pane = await combineInWorker(files, worker)(undefined, OPTIONS);
    expect(pane.combined.map((g) => [g.sheet, g.rows.length])).toEqual([
      ["客户表", 202],
      ["订单表", 9237],
      ["拜访表", 5885],
      ["费用表", 217],
    ]);
    expect(pane).toEqual(expected);
    expect(worker.requests).toEqual(["combine"]);
    // The combined order sheet is over one slice: it came in two, as did its owned columns' values.
    expect(pane.combined[1].rows.length).toBeGreaterThan(SLICE_ITEMS);
    expect(worker.replies.filter((r) => r === "slice").length).toBeGreaterThanOrEqual(2);
    expect(worker.replies.at(-1)).toBe("combined");
  });

  it("takes the open workbook's own sheets, as the pane read them, as the first input", async () => {
    const port = packagePort(await openXlsx(SAMPLE_EN));
    const meta = await port.readMeta();
    const own: OwnSheets = { name: "This workbook", meta, grids: await port.readGrids(sheetsNeverRead(meta.record)) };
    const expected = await direct([{ ...fileInput(SAMPLE_EN), name: "This workbook" }, fileInput(SAMPLE_ZH)]);
    const pane = await combineInWorker([{ file: picked(SAMPLE_ZH) }], inProcessWorker())(own, OPTIONS);
    expect(pane).toEqual(expected);
    expect(pane.summary.combined?.[0]).toContain("This workbook");
  });

  it("tells rows read per sheet, and each file's merge as it begins, the next file's read begun; the last one's as the review", async () => {
    const steps: string[] = [];
    const say = (s: CombineStep) =>
      s.kind === "read"
        ? `${s.file} ${s.progress.sheet} ${s.progress.done}/${s.progress.total}`
        : `${s.kind} ${s.file}`;
    const files = [SAMPLE_EN, SAMPLE_ZH].map((f) => ({ file: picked(f) }));
    await combineInWorker(files, inProcessWorker(), { onStep: (s) => steps.push(say(s)) })(undefined, OPTIONS);
    expect(steps[0]).toBe("sales-ledger-sample.xlsx Customers 0/4");
    expect(steps.filter((s) => !s.includes("/"))).toEqual([
      "merge sales-ledger-sample.xlsx",
      `review ${basename(SAMPLE_ZH)}`,
    ]);
    // Each step shows until the next: the merge of the first file shows while it runs, not the second file's read.
    const merge = steps.indexOf("merge sales-ledger-sample.xlsx");
    expect(steps.findIndex((s) => s.startsWith(basename(SAMPLE_ZH)))).toBeLessThan(merge);
    expect(steps[merge + 1]?.startsWith(basename(SAMPLE_ZH))).toBe(true);
  });

  it("stops when cancelled: the worker is terminated and the run fails as cancelled", async () => {
    const controller = new AbortController();
    const worker = inProcessWorker();
    const run = combineInWorker([{ file: picked(SAMPLE_ZH) }], worker, {
      signal: controller.signal,
      onStep: () => controller.abort(),
    });
    await expect(run(undefined, OPTIONS)).rejects.toBeInstanceOf(RunCancelledError);
    expect(worker.terminated).toBe(true);
  });

  describe("invalid input", () => {
    it("fails a CSV picked as a workbook with the command line's words, naming the file", async () => {
      const csv: PickedFile = {
        name: "orders.csv",
        arrayBuffer: async () => new TextEncoder().encode("Order Date,Amount\n2026-01-02,5\n").buffer as ArrayBuffer,
      };
      const run = combineInWorker([{ file: picked(SAMPLE_EN) }, { file: csv }], inProcessWorker());
      const error = await run(undefined, { ...OPTIONS, lang: "en-US" }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CombineInputError);
      expect((error as CombineInputError).input).toBe("orders.csv");
      const reason = (error as CombineInputError).reason;
      expect(reason).toBeInstanceOf(NotZipError);
      expect(describeRunError(reason, "orders.csv", "en-US")).toBe(
        t("en-US", "cli.unreadable.text", { file: "orders.csv" }),
      );
    });

    it("fails a month that is not YYYY-MM with the command line's words, as a RangeError", async () => {
      const run = combineInWorker([{ file: picked(SAMPLE_EN) }], inProcessWorker());
      const error = await run(undefined, { ...OPTIONS, month: "2026-13" }).catch((e: unknown) => e);
      const expected = await combineWorkbooks([fileInput(SAMPLE_EN)], { ...OPTIONS, month: "2026-13" }).catch(
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(RangeError);
      expect(expected).toBeInstanceOf(RangeError);
      expect((error as Error).message).toBe((expected as Error).message);
    });
  });
});
