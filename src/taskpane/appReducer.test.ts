import { appReducer, busy, INITIAL_APP_STATE, type AppState } from "./appReducer";
import { inspectionOf, SUMMARY } from "./testFixtures";

const inspection = inspectionOf();
const ready: AppState = { status: "ready", inspection };
const running: AppState = { status: "running", inspection, progress: null, cancelling: false };
const undoing: AppState = { status: "undoing", inspection };
const done: AppState = { status: "done", inspection, summary: SUMMARY };

describe("appReducer", () => {
  it("starts loading", () => {
    expect(INITIAL_APP_STATE).toEqual({ status: "loading" });
  });

  it("is ready once the workbook is inspected", () => {
    expect(appReducer(INITIAL_APP_STATE, { type: "inspected", inspection })).toEqual(ready);
  });

  it("shows an inspection failure in words", () => {
    expect(appReducer(INITIAL_APP_STATE, { type: "inspectFailed", message: "Excel is editing a cell." })).toEqual({
      status: "error",
      message: "Excel is editing a cell.",
    });
  });

  it("runs from ready, tracks progress and ends with the results", () => {
    const started = appReducer(ready, { type: "runStarted" });
    expect(started).toEqual(running);
    const reading = appReducer(started, { type: "progress", progress: { stage: "read", done: 1, total: 3 } });
    expect(reading).toEqual({
      status: "running",
      inspection,
      progress: { stage: "read", done: 1, total: 3 },
      cancelling: false,
    });
    expect(appReducer(reading, { type: "runFinished", outcome: { ok: true, summary: SUMMARY } })).toEqual({
      status: "done",
      inspection,
      summary: SUMMARY,
    });
  });

  it("shows a failed run's message and keeps the inspection so Run can be pressed again", () => {
    const failed = appReducer(running, {
      type: "runFinished",
      outcome: { ok: false, code: "ProtectedWorksheet", message: "A sheet is protected." },
    });
    expect(failed).toEqual({ status: "error", inspection, message: "A sheet is protected." });
    expect(appReducer(failed, { type: "runStarted" })).toEqual(running);
  });

  it("shows a run that threw in words", () => {
    expect(appReducer(running, { type: "runFailed", message: "Excel reported an error." })).toEqual({
      status: "error",
      inspection,
      message: "Excel reported an error.",
    });
  });

  it("keeps the results when the workbook is inspected again after a run", () => {
    const fresh = inspectionOf({ latestMonth: "2026-11" });
    expect(
      appReducer({ status: "done", inspection, summary: SUMMARY }, { type: "inspected", inspection: fresh }),
    ).toEqual({ status: "done", inspection: fresh, summary: SUMMARY });
  });

  it("runs again from the results", () => {
    expect(appReducer(done, { type: "runStarted" })).toEqual(running);
  });

  it("replaces the missing-column message after a language switch", () => {
    const missing = inspectionOf({ detection: undefined, missing: "No Orders sheet found: it needs amount." });
    const state = appReducer(INITIAL_APP_STATE, { type: "inspected", inspection: missing });
    expect(appReducer(state, { type: "missingText", missing: "未找到订单表：需要金额。" })).toEqual({
      status: "ready",
      inspection: { ...missing, missing: "未找到订单表：需要金额。" },
    });
  });

  describe("cancel", () => {
    it("marks the run as cancelling and keeps its progress", () => {
      const reading: AppState = {
        status: "running",
        inspection,
        progress: { stage: "write", done: 2, total: 5 },
        cancelling: false,
      };
      expect(appReducer(reading, { type: "cancelRequested" })).toEqual({ ...reading, cancelling: true });
    });

    it("says the run was cancelled when the host answers Cancelled, and Run can be pressed again", () => {
      const cancelling: AppState = { ...running, cancelling: true };
      const cancelled = appReducer(cancelling, {
        type: "runFinished",
        outcome: { ok: false, code: "Cancelled", message: "The run was cancelled." },
      });
      expect(cancelled).toEqual({ status: "ready", inspection, notice: "cancelled" });
      expect(appReducer(cancelled, { type: "runStarted" })).toEqual(running);
    });

    it("shows the results when the run finished before the host saw the cancel", () => {
      expect(
        appReducer({ ...running, cancelling: true }, { type: "runFinished", outcome: { ok: true, summary: SUMMARY } }),
      ).toEqual(done);
    });

    it("keeps the notice when the workbook is looked at again", () => {
      const fresh = inspectionOf({ latestMonth: "2026-11" });
      expect(
        appReducer({ status: "ready", inspection, notice: "cancelled" }, { type: "inspected", inspection: fresh }),
      ).toEqual({ status: "ready", inspection: fresh, notice: "cancelled" });
    });
  });

  describe("a run that stopped after writing", () => {
    it("keeps what was written, in words", () => {
      const outcome = {
        ok: false as const,
        code: "GeneralException",
        message: "Excel reported an error.",
        written: ["客户表: 15 of 15 columns", "月度分析 2026-10: not written"],
      };
      expect(appReducer(running, { type: "runFinished", outcome })).toEqual({
        status: "error",
        inspection,
        message: "Excel reported an error.",
        written: ["客户表: 15 of 15 columns", "月度分析 2026-10: not written"],
      });
    });

    it("leaves the list out when nothing was written", () => {
      const outcome = { ok: false as const, code: "AccessDenied", message: "No access.", written: [] };
      expect(appReducer(running, { type: "runFinished", outcome })).toEqual({
        status: "error",
        inspection,
        message: "No access.",
      });
    });

    it("keeps the failure on screen when the workbook is looked at again", () => {
      const failed: AppState = { status: "error", inspection, message: "x", written: ["a"] };
      const fresh = inspectionOf({ reviewSheets: [{ sheet: "月度分析 2026-10", month: "2026-10" }] });
      expect(appReducer(failed, { type: "inspected", inspection: fresh })).toEqual({ ...failed, inspection: fresh });
      expect(appReducer(failed, { type: "inspectFailed", message: "y" })).toBe(failed);
    });
  });

  describe("undo", () => {
    it("undoes from the results, then says so and drops the results", () => {
      const started = appReducer(done, { type: "undoStarted" });
      expect(started).toEqual(undoing);
      expect(appReducer(started, { type: "undoFinished", outcome: { ok: true } })).toEqual({
        status: "ready",
        inspection,
        notice: "undone",
      });
    });

    it("undoes after a failed or cancelled run", () => {
      expect(
        appReducer({ status: "error", inspection, message: "x", written: ["a"] }, { type: "undoStarted" }),
      ).toEqual(undoing);
      expect(appReducer({ status: "ready", inspection, notice: "cancelled" }, { type: "undoStarted" })).toEqual(
        undoing,
      );
    });

    it("shows a failed undo in words, marked as the undo's", () => {
      expect(
        appReducer(undoing, {
          type: "undoFinished",
          outcome: { ok: false, code: "ItemNotFound", message: "The sheet is gone." },
        }),
      ).toEqual({
        status: "error",
        inspection,
        message: "The sheet is gone.",
        failed: "undo",
      });
    });

    it("does not run, undo or reload while undoing", () => {
      expect(appReducer(undoing, { type: "runStarted" })).toBe(undoing);
      expect(appReducer(undoing, { type: "undoStarted" })).toBe(undoing);
      expect(appReducer(undoing, { type: "inspect" })).toBe(undoing);
      expect(appReducer(undoing, { type: "inspected", inspection: inspectionOf() })).toBe(undoing);
    });

    it("counts a run and an undo as busy, nothing else", () => {
      expect([INITIAL_APP_STATE, ready, running, undoing, done].map(busy)).toEqual([false, false, true, true, false]);
    });
  });

  describe("invalid input", () => {
    it("ignores Run while loading or already running", () => {
      expect(appReducer(INITIAL_APP_STATE, { type: "runStarted" })).toBe(INITIAL_APP_STATE);
      expect(appReducer(running, { type: "runStarted" })).toBe(running);
    });

    it("ignores progress and outcomes when no run is going on", () => {
      expect(appReducer(ready, { type: "progress", progress: { stage: "write", done: 1, total: 2 } })).toBe(ready);
      expect(appReducer(ready, { type: "cancelRequested" })).toBe(ready);
      expect(appReducer(done, { type: "undoFinished", outcome: { ok: true } })).toBe(done);
      expect(appReducer(INITIAL_APP_STATE, { type: "undoStarted" })).toBe(INITIAL_APP_STATE);
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
