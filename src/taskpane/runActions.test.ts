import type { Progress } from "../adapters/port";
import { appReducer, INITIAL_APP_STATE, type AppAction, type AppState } from "./appReducer";
import type { RunOutcome, RunRequest } from "./host";
import { performRun, performUndo } from "./runActions";
import { fakeHost, inspectionOf, SUMMARY } from "./testFixtures";

const REQUEST: RunRequest = { lang: "en-US", settings: {} };

/** Records every action and folds them through the real reducer, from a ready pane. */
function recorder() {
  const actions: AppAction[] = [];
  let state: AppState = appReducer(INITIAL_APP_STATE, { type: "inspected", inspection: inspectionOf() });
  return {
    actions,
    state: () => state,
    dispatch: (a: AppAction) => {
      actions.push(a);
      state = appReducer(state, a);
    },
  };
}

/** A run that reports progress, then waits until it is aborted and answers Cancelled, as the host does. */
function abortableRun(seen: Progress[]) {
  return (_request: RunRequest, onProgress: (p: Progress) => void, signal?: AbortSignal) =>
    new Promise<RunOutcome>((resolve) => {
      const p: Progress = { stage: "write", done: 1, total: 4 };
      seen.push(p);
      onProgress(p);
      signal?.addEventListener("abort", () =>
        resolve({ ok: false, code: "Cancelled", message: "The run was cancelled." }),
      );
    });
}

describe("performRun", () => {
  it("passes the request and the signal to the host and ends with the results", async () => {
    const host = fakeHost();
    const r = recorder();
    const outcome = await performRun(host, REQUEST, new AbortController().signal, r.dispatch);
    expect(outcome).toEqual({ ok: true, summary: SUMMARY });
    expect(host.calls).toEqual([["run", REQUEST, false]]);
    expect(r.actions.map((a) => a.type)).toEqual(["runStarted", "runFinished"]);
    expect(r.state()).toEqual({ status: "done", inspection: inspectionOf(), summary: SUMMARY });
  });

  it("stops when the signal is aborted mid-run and says the run was cancelled", async () => {
    const seen: Progress[] = [];
    const host = fakeHost({ run: abortableRun(seen) });
    const r = recorder();
    const abort = new AbortController();
    const pending = performRun(host, REQUEST, abort.signal, r.dispatch);
    expect(r.state()).toEqual({
      status: "running",
      inspection: inspectionOf(),
      progress: { stage: "write", done: 1, total: 4 },
      cancelling: false,
    });
    abort.abort();
    r.dispatch({ type: "cancelRequested" }); // what the Cancel button does beside aborting
    expect(r.state()).toMatchObject({ status: "running", cancelling: true });
    expect(await pending).toEqual({ ok: false, code: "Cancelled", message: "The run was cancelled." });
    expect(r.state()).toEqual({ status: "ready", inspection: inspectionOf(), notice: "cancelled" });
  });

  it("shows what a run wrote before it failed", async () => {
    const written = ["Customers: all 15 columns written", "Review 2026-10: not written"];
    const host = fakeHost({
      run: async () => ({ ok: false, code: "GeneralException", message: "Excel reported an error.", written }),
    });
    const r = recorder();
    await performRun(host, REQUEST, new AbortController().signal, r.dispatch);
    expect(r.state()).toEqual({
      status: "error",
      inspection: inspectionOf(),
      message: "Excel reported an error.",
      written,
    });
  });

  describe("invalid input", () => {
    it("words an error the host throws instead of answering", async () => {
      const host = fakeHost({
        run: async () => {
          throw Object.assign(new Error("busy"), { code: "InvalidOperationInCellEditMode" });
        },
      });
      const r = recorder();
      expect(await performRun(host, REQUEST, new AbortController().signal, r.dispatch)).toBeUndefined();
      expect(r.state()).toEqual({
        status: "error",
        inspection: inspectionOf(),
        message: "Excel is editing a cell. Press Enter or Esc in the sheet, then run again.",
      });
    });
  });
});

describe("performUndo", () => {
  it("asks the host in the pane's language and says the run was undone", async () => {
    const host = fakeHost();
    const r = recorder();
    expect(await performUndo(host, "zh-CN", r.dispatch)).toEqual({ ok: true });
    expect(host.calls).toEqual([["undoLastRun", "zh-CN"]]);
    expect(r.actions.map((a) => a.type)).toEqual(["undoStarted", "undoFinished"]);
    expect(r.state()).toEqual({ status: "ready", inspection: inspectionOf(), notice: "undone" });
  });

  it("shows the host's failure", async () => {
    const host = fakeHost({
      undoLastRun: async () => ({ ok: false, code: "ItemNotFound", message: "The analysis sheet was renamed." }),
    });
    const r = recorder();
    await performUndo(host, "en-US", r.dispatch);
    expect(r.state()).toEqual({
      status: "error",
      inspection: inspectionOf(),
      message: "The analysis sheet was renamed.",
      failed: "undo",
    });
  });

  describe("invalid input", () => {
    it("words an error the host throws", async () => {
      const host = fakeHost({
        undoLastRun: async () => {
          throw Object.assign(new Error("x"), { code: "InvalidOperationInCellEditMode" });
        },
      });
      const r = recorder();
      expect(await performUndo(host, "en-US", r.dispatch)).toEqual({
        ok: false,
        code: "Exception",
        message: "Excel is editing a cell. Press Enter or Esc in the sheet, then run again.",
      });
      expect(r.state()).toMatchObject({ status: "error", failed: "undo" });
    });
  });
});
