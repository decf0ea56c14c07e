import { createExcelHost } from "../../src/adapters/excel/excelHost";
import { asExcel, createExcelDouble } from "../excel-double/excelDouble";
import { modelFromFile } from "../excel-double/fromExcelJS";
import { SAMPLE_ZH as SAMPLE } from "../fixtures/paths";

const now = () => new Date(2026, 10, 23, 9, 30);

describe("the Office.js host's contract for the pane", () => {
  it("lists the review sheets earlier runs made, with their month, so the pane can ask before replacing one", async () => {
    const model = await modelFromFile(SAMPLE);
    const host = createExcelHost(asExcel(createExcelDouble(model)), { isSetSupported: () => false, now });
    expect((await host.inspect("zh-CN")).reviewSheets).toEqual([]);
    expect((await host.run({ lang: "zh-CN", settings: {} }, () => undefined)).ok).toBe(true);
    expect((await host.run({ lang: "zh-CN", month: "2026-09", settings: {} }, () => undefined)).ok).toBe(true);
    const inspection = await host.inspect("zh-CN");
    expect(inspection.reviewSheets).toEqual([
      { sheet: "月度分析 2026-10", month: "2026-10" },
      { sheet: "月度分析 2026-09", month: "2026-09" },
    ]);
    // The add-in's bookkeeping sheets are never offered as inputs.
    expect(inspection.detection?.ignored.map((i) => i.sheet)).toEqual([]);
  });

  it("runs and undoes in one undo group where ExcelApi 1.20 is there", async () => {
    const model = await modelFromFile(SAMPLE);
    const double = createExcelDouble(model);
    const host = createExcelHost(asExcel(double), {
      isSetSupported: (name, version) => name === "ExcelApi" && version === "1.20",
      now,
    });
    expect((await host.run({ lang: "en-US", settings: {} }, () => undefined)).ok).toBe(true);
    expect(await host.undoLastRun!("en-US")).toEqual({ ok: true });
    expect(double.stats.runs).toEqual([{ mergeUndoGroup: true }, { mergeUndoGroup: true }]);
  });
});
