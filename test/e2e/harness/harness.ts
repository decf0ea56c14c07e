import { formatAddress } from "../../excel-double/address";
import { createExcelDouble } from "../../excel-double/excelDouble";
import type { DoubleErrorCode } from "../../excel-double/errors";
import type { WorkbookSnapshot } from "../../excel-double/model";
import { modelFromJson, modelToJson, type WorkbookJson } from "../../excel-double/serialize";

/**
 * Runs in the page before office.js and the pane's bundle: builds the workbook the server
 * put in `window.__MODEL_JSON__` and installs the strict Excel double as the global `Excel`
 * that src/taskpane/index.tsx hands to createExcelHost. The test reads the workbook back
 * through `window.__e2e`.
 */

export interface E2eProbe {
  /** The selected cell as Excel reports it ("订单表!B1388"), or null. */
  selection(): string | null;
  /** The active sheet's name, or null. */
  activeSheet(): string | null;
  /** The whole workbook, for modelFromJson in the test. */
  dump(): WorkbookJson;
  /** Excel.run calls and syncs the pane made, so the test knows the double, not something else, answered. */
  stats(): { runs: number; syncs: number; maxRequestBytes: number };
  /** Everything in the workbook as the double compares it (cells, formats, tables, rules, charts, selection). */
  snapshot(): WorkbookSnapshot;
  /** Milliseconds each sync takes from now on: a slow Excel, so a test can press Cancel mid-run. */
  setLatency(ms: number): void;
  /** Fault hook: the `k`-th sync from now (1 = the next) fails with `code`, as Excel failing mid-run. */
  failSyncFromNow(k: number, code?: DoubleErrorCode): void;
}

type HarnessWindow = Window & { __MODEL_JSON__?: WorkbookJson; __model?: unknown; __e2e?: E2eProbe };

const w = window as HarnessWindow;
if (!w.__MODEL_JSON__)
  throw new Error("e2e harness: the page has no window.__MODEL_JSON__ (the server injects it before this script)");
const model = modelFromJson(w.__MODEL_JSON__);
delete w.__MODEL_JSON__;
// A few milliseconds a round trip, as a host would take, so the pane's progress has time to show.
const double = createExcelDouble(model, { latencyMs: 5 });
// Not writable: if anything (office.js loading a host script) tried to replace it, the run would fail loudly.
Object.defineProperty(window, "Excel", { value: double, writable: false, configurable: false, enumerable: true });

const sheetName = (id: string | null): string | null => (id === null ? null : (model.sheetById(id)?.name ?? null));
w.__model = model;
w.__e2e = {
  selection: () => {
    const s = model.selection;
    const name = s ? sheetName(s.sheetId) : null;
    return s && name ? formatAddress(name, s.box) : null;
  },
  activeSheet: () => sheetName(model.activeSheetId),
  dump: () => modelToJson(model),
  stats: () => ({
    runs: double.stats.runs.length,
    syncs: double.stats.syncCount,
    maxRequestBytes: double.stats.maxRequestBytes,
  }),
  snapshot: () => model.snapshot(),
  setLatency: (ms) => {
    double.options.latencyMs = ms;
  },
  failSyncFromNow: (k, code) => double.failOnSync(double.stats.syncCount + k, code),
};
