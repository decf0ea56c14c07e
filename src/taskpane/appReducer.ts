import type { Progress } from "../adapters/port";
import type { Inspection, RunOutcome, RunSummary, UndoOutcome } from "./host";

/** What the pane last told the user outside of an error: a cancelled run, or an undone one. */
export type Notice = "cancelled" | "undone";

/**
 * Where the pane is: reading the workbook, waiting for Run, running (maybe being cancelled),
 * undoing the last run, showing results, or showing an error.
 */
export type AppState =
  | { status: "loading" }
  | { status: "ready"; inspection: Inspection; notice?: Notice }
  | { status: "running"; inspection: Inspection; progress: Progress | null; cancelling: boolean }
  | { status: "undoing"; inspection: Inspection }
  | { status: "done"; inspection: Inspection; summary: RunSummary }
  | {
      status: "error";
      inspection?: Inspection;
      message: string;
      /** What failed: a run (the default) or an undo. */
      failed?: "run" | "undo";
      /** What a failed run had written before it stopped, in words; the next run repairs it. */
      written?: string[];
    };

export type AppAction =
  | { type: "inspect" }
  | { type: "inspected"; inspection: Inspection }
  | { type: "inspectFailed"; message: string }
  | { type: "runStarted" }
  | { type: "progress"; progress: Progress }
  | { type: "cancelRequested" }
  | { type: "runFinished"; outcome: RunOutcome }
  | { type: "runFailed"; message: string }
  | { type: "undoStarted" }
  | { type: "undoFinished"; outcome: UndoOutcome }
  | { type: "missingText"; missing: string | undefined };

export const INITIAL_APP_STATE: AppState = { status: "loading" };

/** Code of the outcome of a run the user cancelled (see ReviewHost.run). */
export const CANCELLED = "Cancelled";

/**
 * The pane's state machine. Actions that make no sense in the current state (progress
 * after the run ended, Run while loading or undoing) leave the state as it is.
 * @example appReducer({ status: "ready", inspection }, { type: "runStarted" })
 *   → { status: "running", inspection, progress: null, cancelling: false }
 */
export function appReducer(state: AppState, action: AppAction): AppState {
  switch (action.type) {
    case "inspect":
      return busy(state) ? state : { status: "loading" };
    case "inspected":
      // A fresh look after a run keeps the results (or the notice, or the failure) on screen.
      if (busy(state)) return state;
      if (state.status === "done" || state.status === "error" || state.status === "ready")
        return { ...state, inspection: action.inspection };
      return { status: "ready", inspection: action.inspection };
    case "inspectFailed":
      if (busy(state) || state.status === "done") return state;
      if (state.status === "error" && state.inspection) return state;
      return { status: "error", message: action.message };
    case "runStarted": {
      const inspection = inspectionOf(state);
      if (!inspection || busy(state)) return state;
      return { status: "running", inspection, progress: null, cancelling: false };
    }
    case "progress":
      return state.status === "running" ? { ...state, progress: action.progress } : state;
    case "cancelRequested":
      return state.status === "running" ? { ...state, cancelling: true } : state;
    case "runFinished":
      if (state.status !== "running") return state;
      if (action.outcome.ok) return { status: "done", inspection: state.inspection, summary: action.outcome.summary };
      if (action.outcome.code === CANCELLED)
        return { status: "ready", inspection: state.inspection, notice: "cancelled" };
      return action.outcome.written && action.outcome.written.length > 0
        ? {
            status: "error",
            inspection: state.inspection,
            message: action.outcome.message,
            written: action.outcome.written,
          }
        : { status: "error", inspection: state.inspection, message: action.outcome.message };
    case "runFailed":
      return state.status === "running"
        ? { status: "error", inspection: state.inspection, message: action.message }
        : state;
    case "undoStarted": {
      const inspection = inspectionOf(state);
      if (!inspection || busy(state)) return state;
      return { status: "undoing", inspection };
    }
    case "undoFinished":
      if (state.status !== "undoing") return state;
      // The results on screen described the run that is gone: the pane shows the notice instead.
      return action.outcome.ok
        ? { status: "ready", inspection: state.inspection, notice: "undone" }
        : { status: "error", inspection: state.inspection, message: action.outcome.message, failed: "undo" };
    case "missingText": {
      const inspection = inspectionOf(state);
      if (!inspection || inspection.missing === undefined || action.missing === undefined) return state;
      return { ...state, inspection: { ...inspection, missing: action.missing } } as AppState;
    }
  }
}

/** A run or an undo is going on: the workbook is being changed. */
export function busy(state: AppState): boolean {
  return state.status === "running" || state.status === "undoing";
}

/** The inspection the state holds, if any. */
export function inspectionOf(state: AppState): Inspection | undefined {
  return state.status === "loading" ? undefined : state.inspection;
}
