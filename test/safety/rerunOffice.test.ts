import { createExcelHost } from "../../src/adapters/excel/excelHost";
import type { ReviewOptions } from "../../src/core/options";
import { asExcel, createExcelDouble } from "../excel-double/excelDouble";
import { modelFromFile } from "../excel-double/fromExcelJS";
import { type WorkbookModel, type WorkbookSnapshot, WorkbookModel as Model } from "../excel-double/model";
import { recordOf, userView } from "./officeCompare";
import { SAMPLE_ZH as SAMPLE } from "../fixtures/paths";

const env = { isSetSupported: () => false, now: () => new Date(2026, 10, 23, 9, 30) };

async function run(model: WorkbookModel, settings: Partial<ReviewOptions> = {}): Promise<void> {
  const outcome = await createExcelHost(asExcel(createExcelDouble(model)), env).run(
    { lang: "zh-CN", settings },
    () => undefined,
  );
  expect(outcome.ok).toBe(true);
}

/**
 * What the user sees, sheet ids as names (a re-run makes its analysis sheet anew: a new id,
 * same name, same place), and the record without its run log.
 */
function snap(model: WorkbookModel): WorkbookSnapshot & { record: unknown } {
  return { ...userView(model), record: recordOf(model) };
}

/** "Sheet!Col" of every cell that differs between two snapshots, and sheets added or removed. */
function changedColumns(a: WorkbookSnapshot, b: WorkbookSnapshot): Set<string> {
  const out = new Set<string>();
  for (const sb of b.sheets) {
    const sa = a.sheets.find((s) => s.id === sb.id);
    if (!sa) {
      out.add(`${sb.name}: added`);
      continue;
    }
    for (const k of new Set([...Object.keys(sa.cells), ...Object.keys(sb.cells)])) {
      if (JSON.stringify(sa.cells[k]) !== JSON.stringify(sb.cells[k])) out.add(`${sb.name}!${k.replace(/\d+$/, "")}`);
    }
  }
  for (const sa of a.sheets) if (!b.sheets.some((s) => s.id === sa.id)) out.add(`${sa.name}: removed`);
  return out;
}

describe("re-running on the Office.js path (guarantee 2)", () => {
  it("gives the same workbook when run twice as when run once", async () => {
    const model = await modelFromFile(SAMPLE);
    await run(model);
    const once = snap(model);
    await run(model);
    expect(snap(model)).toEqual(once);
  });

  it("rewrites only the run's own columns, the analysis sheet and the record when a setting changes", async () => {
    const model = await modelFromFile(SAMPLE);
    const before = snap(model);
    await run(model);
    const once = snap(model);
    // The run's columns: header empty before the first run, filled after it.
    const owned = new Set(
      before.sheets.flatMap((b) => {
        const a = once.sheets.find((s) => s.name === b.name)!;
        return Object.keys(a.cells)
          .filter((k) => /^[A-Z]+1$/.test(k) && b.cells[k]?.value === undefined && a.cells[k]?.value !== undefined)
          .map((k) => `${b.name}!${k.replace(/\d+$/, "")}`);
      }),
    );
    expect(owned.size).toBe(19 + 13); // with the 13 receivable and screening columns
    const ownSheets = once.sheets.filter((s) => !before.sheets.some((b) => b.id === s.id)).map((s) => s.name);
    await run(model, { threshold: 0.1, tierCuts: { a: 0.5, b: 0.9 } });
    const again = snap(model);
    const changed = [...changedColumns(once, again)];
    expect(changed.length).toBeGreaterThan(0);
    const outside = changed.filter((c) => !owned.has(c) && !ownSheets.some((s) => c.startsWith(`${s}!`)));
    expect(outside).toEqual([]);
    expect(again.sheets.map((s) => s.name)).toEqual(once.sheets.map((s) => s.name));
    expect(again.tables).toEqual(once.tables);
  });

  it("refills an owned column the user cleared in place, with the first run's values, formats and highlight rules (never duplicated)", async () => {
    const model = new Model();
    model.addSheet("订单");
    model.setValues("订单", { row: 0, col: 0 }, [
      ["订单日期", "客户名称", "业务员", "金额"],
      ...Array.from({ length: 30 }, (_, i) => [46200 + i * 3, `客户${i % 7}`, `业务员${i % 3}`, 1000 + i * 17]),
    ]);
    await run(model);
    const once = snap(model);
    expect(model.sheetValues("订单").values[0]).toEqual([
      "订单日期",
      "客户名称",
      "业务员",
      "金额",
      "客户等级",
      "新老客户",
    ]);
    const rules = (m: WorkbookModel) => m.snapshot().conditionalFormats.filter((cf) => cf.sheet === "订单");
    const rulesOnce = rules(model);
    expect(rulesOnce.map((cf) => cf.address)).toEqual(["E2:E31", "E2:E31", "E2:E31", "E2:E31"]);
    const orders = model.sheet("订单")!;
    for (const [r, c] of [...orders.entries()]) if (c === 4) orders.put(r, c, {});
    await run(model);
    expect(model.sheetValues("订单").values[0]).toEqual([
      "订单日期",
      "客户名称",
      "业务员",
      "金额",
      "客户等级",
      "新老客户",
    ]);
    expect(rules(model)).toEqual(rulesOnce);
    expect(snap(model)).toEqual(once);
  });
});
