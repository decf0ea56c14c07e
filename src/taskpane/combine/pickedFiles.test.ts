import ExcelJS from "exceljs";
import { t } from "../../i18n";
import { SAMPLE_EN } from "../../../test/fixtures/paths";
import { inProcessWorker, picked } from "../../../test/support/inProcessWorker";
import { initMapping } from "../mappingState";
import { fileOverrides, fileProblems, filesReady, pickedFilesReducer, type PickedFileState } from "./pickedFiles";
import { combineInWorker } from "./combineInWorker";
import { inspectPicked, type PickedFile } from "./readClient";

const OPTIONS = { lang: "en-US", generatedAt: "2026-12-06 20:00" } as const;

/** A workbook with two order sheets: Orders (5 rows, detected) and Old orders (3 rows). */
async function twoOrderSheets(): Promise<PickedFile> {
  const wb = new ExcelJS.Workbook();
  const sheet = (name: string, rows: number) => {
    const ws = wb.addWorksheet(name);
    ws.addRow(["Order Date", "Customer", "Amount"]);
    for (let i = 0; i < rows; i++) ws.addRow([new Date(Date.UTC(2026, 5, i + 1)), `Shop ${name.length}-${i}`, 100 + i]);
  };
  sheet("Orders", 5);
  sheet("Old orders", 3);
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  return { name: "team.xlsx", arrayBuffer: async () => bytes.slice().buffer };
}

async function inspect(files: PickedFile[]): Promise<PickedFileState[]> {
  let state = pickedFilesReducer([], { type: "picked", files });
  await inspectPicked(files, inProcessWorker(), "en-US", (index, result) => {
    state = pickedFilesReducer(
      state,
      "failed" in result
        ? { type: "failed", index, message: result.failed }
        : { type: "inspected", index, inspection: result.inspection },
    );
  });
  return state;
}

async function combinedOrderRows(state: PickedFileState[]): Promise<number> {
  const files = state.map((f) => ({ file: f.file, overrides: fileOverrides(f) }));
  const result = await combineInWorker(files, inProcessWorker())(undefined, OPTIONS);
  const orders = result.combined.find((g) => g.sheet === "Orders")!;
  return orders.rows.length - 1;
}

describe("pickedFilesReducer", () => {
  it("starts each picked file unread, with nothing mapped", () => {
    const file = { name: "a.xlsx", arrayBuffer: async () => new ArrayBuffer(0) };
    expect(pickedFilesReducer([], { type: "picked", files: [file] })).toEqual([
      { file, mapping: initMapping(undefined) },
    ]);
  });

  it("shows what was detected in a picked file: sheets, header rows, rows and data issues per role", async () => {
    const [file] = await inspect([picked(SAMPLE_EN)]);
    const d = file.inspection!.detection!;
    expect({
      sheets: [d.customers?.sheet, d.orders?.sheet, d.visits?.sheet, d.costs?.sheet, d.payments?.sheet],
      headerRows: [d.customers?.headerRow, d.orders?.headerRow, d.visits?.headerRow, d.costs?.headerRow],
      rows: [d.customers?.rowCount, d.orders?.rowCount, d.visits?.rowCount, d.costs?.rowCount],
      issues: file.inspection!.issueCounts,
      mapping: file.mapping.orders,
      ready: filesReady([file]),
    }).toEqual({
      sheets: ["Customers", "Orders", "Visits", "Costs", undefined],
      headerRows: [2, 2, 2, 2],
      rows: [121, 3393, 2131, 96],
      // The orders' three are samples/expected-en.json's data issues (B1146, D2286, B2497).
      issues: { customers: 1, orders: 3, visits: 0, costs: 0 },
      mapping: { sheet: "Orders", edits: {} },
      ready: true,
    });
  });

  it("keeps a mapping change to the file it was made for", async () => {
    const state = await inspect([picked(SAMPLE_EN), picked(SAMPLE_EN)]);
    const changed = pickedFilesReducer(state, {
      type: "mapping",
      index: 1,
      action: { type: "column", role: "orders", field: "amount", col: 0 },
    });
    expect(changed.map(fileOverrides)).toEqual([
      undefined,
      { orders: { sheet: "Orders", headerRow: 2, columns: { amount: 0 } } },
    ]);
  });

  it("reads a file whose order sheet is overridden from that sheet in the combine run", async () => {
    const detected = await inspect([await twoOrderSheets()]);
    expect(detected[0].mapping.orders.sheet).toBe("Orders");
    expect(await combinedOrderRows(detected)).toBe(5);
    const overridden = pickedFilesReducer(detected, {
      type: "mapping",
      index: 0,
      action: { type: "sheet", role: "orders", sheet: "Old orders" },
    });
    expect(fileOverrides(overridden[0])).toEqual({ orders: { sheet: "Old orders" } });
    expect(await combinedOrderRows(overridden)).toBe(3);
  });

  describe("invalid input", () => {
    it("holds Combine while a chosen sheet lacks a required column", async () => {
      const state = pickedFilesReducer(await inspect([picked(SAMPLE_EN)]), {
        type: "mapping",
        index: 0,
        action: { type: "column", role: "orders", field: "orderDate", col: null },
      });
      expect(fileProblems(state[0])).toEqual({ orders: [["orderDate"]] });
      expect(filesReady(state)).toBe(false);
    });

    it("words a file that cannot be read as the command line does, and holds Combine", async () => {
      const csv: PickedFile = {
        name: "orders.csv",
        arrayBuffer: async () => new TextEncoder().encode("Order Date,Amount\n2026-01-02,5\n").buffer as ArrayBuffer,
      };
      const state = await inspect([csv]);
      expect(state[0].error).toBe(t("en-US", "cli.unreadable.text", { file: "orders.csv" }));
      expect(filesReady(state)).toBe(false);
    });
  });
});
