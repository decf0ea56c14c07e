import { appReducer, INITIAL_APP_STATE, type AppState } from "./appReducer";
import { inspectionOf, SUMMARY } from "./testFixtures";

const inspection = inspectionOf();
const ready: AppState = { status: "ready", inspection };
const running: AppState = { status: "running", inspection, progress: null };

describe("appReducer", () => {
  it("starts loading", () => {
    expect(INITIAL_APP_STATE).toEqual({ status: "loading" });
  });

  it("is ready once the workbook is inspected", () => {
    expect(appReducer(INITIAL_APP_STATE, { type: "inspected", inspection })).toEqual(ready);
  });

  it("shows an inspection failure in words", () => {
    expect(appReducer(INITIAL_APP_STATE, { type: "inspectFailed", message: "Excel is editing a cell." })).toEqual({ status: "error", message: "Excel is editing a cell." });
  });

  it("runs from ready, tracks progress and ends with the results", () => {
    const started = appReducer(ready, { type: "runStarted" });
    expect(started).toEqual(running);
    const reading = appReducer(started, { type: "progress", progress: { stage: "read", done: 1, total: 3 } });
    expect(reading).toEqual({ status: "running", inspection, progress: { stage: "read", done: 1, total: 3 } });
    expect(appReducer(reading, { type: "runFinished", outcome: { ok: true, summary: SUMMARY } })).toEqual({ status: "done", inspection, summary: SUMMARY });
  });

  it("shows a failed run's message and keeps the inspection so Run can be pressed again", () => {
    const failed = appReducer(running, { type: "runFinished", outcome: { ok: false, code: "ProtectedWorksheet", message: "A sheet is protected." } });
    expect(failed).toEqual({ status: "error", inspection, message: "A sheet is protected." });
    expect(appReducer(failed, { type: "runStarted" })).toEqual(running);
  });

  it("shows a run that threw in words", () => {
    expect(appReducer(running, { type: "runFailed", message: "Excel reported an error." })).toEqual({ status: "error", inspection, message: "Excel reported an error." });
  });

  it("keeps the results when the workbook is inspected again after a run", () => {
    const fresh = inspectionOf({ latestMonth: "2026-11" });
    expect(appReducer({ status: "done", inspection, summary: SUMMARY }, { type: "inspected", inspection: fresh })).toEqual({ status: "done", inspection: fresh, summary: SUMMARY });
  });

  it("runs again from the results", () => {
    expect(appReducer({ status: "done", inspection, summary: SUMMARY }, { type: "runStarted" })).toEqual(running);
  });

  it("replaces the missing-column message after a language switch", () => {
    const missing = inspectionOf({ detection: undefined, missing: "No Orders sheet found: it needs amount." });
    const state = appReducer(INITIAL_APP_STATE, { type: "inspected", inspection: missing });
    expect(appReducer(state, { type: "missingText", missing: "未找到订单表：需要金额。" })).toEqual({
      status: "ready",
      inspection: { ...missing, missing: "未找到订单表：需要金额。" },
    });
  });

  describe("invalid input", () => {
    it("ignores Run while loading or already running", () => {
      expect(appReducer(INITIAL_APP_STATE, { type: "runStarted" })).toBe(INITIAL_APP_STATE);
      expect(appReducer(running, { type: "runStarted" })).toBe(running);
    });

    it("ignores progress and outcomes when no run is going on", () => {
      expect(appReducer(ready, { type: "progress", progress: { stage: "write", done: 1, total: 2 } })).toBe(ready);
      expect(appReducer(ready, { type: "runFinished", outcome: { ok: true, summary: SUMMARY } })).toBe(ready);
      expect(appReducer(ready, { type: "runFailed", message: "x" })).toBe(ready);
    });

    it("ignores a new inspection or a reload while running", () => {
      expect(appReducer(running, { type: "inspected", inspection: inspectionOf() })).toBe(running);
      expect(appReducer(running, { type: "inspect" })).toBe(running);
      expect(appReducer(running, { type: "inspectFailed", message: "x" })).toBe(running);
    });

    it("ignores a missing-column message when nothing was missing", () => {
      expect(appReducer(ready, { type: "missingText", missing: "x" })).toBe(ready);
    });
  });
});
