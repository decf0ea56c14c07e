import { basename } from "node:path";
import { CombineInputError, combineWorkbooks } from "../../adapters/combineWorkbooks";
import { openXlsx } from "../../adapters/xlsx/package/openXlsx";
import { packagePort } from "../../adapters/xlsx/package/packagePort";
import { t } from "../../i18n";
import { SAMPLE_EN, SAMPLE_ZH } from "../../../test/fixtures/paths";
import { PickedFileError } from "../../adapters/pickedFileError";
import { pickedInputs, type PickedFile } from "./readClient";
import { inProcessWorker, picked } from "../../../test/support/inProcessWorker";

const OPTIONS = { lang: "zh-CN", generatedAt: "2026-12-06 20:00" } as const;

describe("pickedInputs (the pane's combine inputs, read in the worker)", () => {
  it("combines two picked files exactly as the command line combines the same files", async () => {
    const files = [SAMPLE_ZH, SAMPLE_EN];
    const cli = await combineWorkbooks(
      files.map((f) => ({ name: basename(f), open: async () => packagePort(await openXlsx(f)) })),
      OPTIONS,
    );
    const worker = inProcessWorker();
    const pane = await combineWorkbooks(pickedInputs(files.map(picked), worker, "zh-CN"), OPTIONS);
    expect(pane.merged.grids.map((g) => g.sheet)).toEqual(["客户表", "订单表", "拜访表", "费用表"]);
    // What is written: the combined sheets, the plan of owned columns and analysis sheet, the record.
    expect({ merged: pane.merged, plan: pane.plan, record: pane.record }).toEqual({
      merged: cli.merged,
      plan: cli.plan,
      record: cli.record,
    });
    expect(worker.requests).toEqual(["open", "grids", "close", "open", "grids", "close"]);
  });

  it("reports rows read per file", async () => {
    const heard: string[] = [];
    const inputs = pickedInputs([picked(SAMPLE_EN)], inProcessWorker(), "en-US", {
      onProgress: (file, p) => heard.push(`${file} ${p.sheet} ${p.done}/${p.total}`),
    });
    await combineWorkbooks(inputs, { ...OPTIONS, lang: "en-US" });
    expect(heard[0]).toBe("sales-ledger-sample.xlsx Customers 0/4");
    expect(heard.at(-1)).toBe("sales-ledger-sample.xlsx Costs 4/4");
  });

  it("stops a read when cancelled: the worker is terminated and the input fails as cancelled", async () => {
    const controller = new AbortController();
    const worker = inProcessWorker();
    const inputs = pickedInputs([picked(SAMPLE_ZH)], worker, "zh-CN", {
      signal: controller.signal,
      onProgress: () => controller.abort(),
    });
    const error = await combineWorkbooks(inputs, OPTIONS).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CombineInputError);
    expect((error as CombineInputError).reason).toMatchObject({ code: "Cancelled" });
    expect(worker.terminated).toBe(true);
  });

  describe("invalid input", () => {
    it("fails a CSV picked as a workbook with the command line's words, naming the file", async () => {
      const csv: PickedFile = {
        name: "orders.csv",
        arrayBuffer: async () => new TextEncoder().encode("Order Date,Amount\n2026-01-02,5\n").buffer as ArrayBuffer,
      };
      const error = await combineWorkbooks(pickedInputs([csv], inProcessWorker(), "en-US"), {
        ...OPTIONS,
        lang: "en-US",
      }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CombineInputError);
      const reason = (error as CombineInputError).reason as PickedFileError;
      expect(reason).toBeInstanceOf(PickedFileError);
      expect(reason.words).toBe(t("en-US", "cli.unreadable.text", { file: "orders.csv" }));
    });
  });
});
