import type { Progress } from "../adapters/port";
import type { Inspection, RunOutcome, RunSummary } from "./host";

/** Where the pane is: reading the workbook, waiting for Run, running, showing results, or showing an error. */
export type AppState =
  | { status: "loading" }
  | { status: "ready"; inspection: Inspection }
  | { status: "running"; inspection: Inspection; progress: Progress | null }
  | { status: "done"; inspection: Inspection; summary: RunSummary }
  | { status: "error"; inspection?: Inspection; message: string };

export type AppAction =
  | { type: "inspect" }
  | { type: "inspected"; inspection: Inspection }
  | { type: "inspectFailed"; message: string }
  | { type: "runStarted" }
  | { type: "progress"; progress: Progress }
  | { type: "runFinished"; outcome: RunOutcome }
  | { type: "runFailed"; message: string }
  | { type: "missingText"; missing: string | undefined };

export const INITIAL_APP_STATE: AppState = { status: "loading" };

/**
 * The pane's state machine. Actions that make no sense in the current state (progress
 * after the run ended, Run while loading) leave the state as it is.
 * @example appReducer({ status: "ready", inspection }, { type: "runStarted" })
 *   → { status: "running", inspection, progress: null }
 */
export function appReducer(state: AppState, action: AppAction): AppState {
  switch (action.type) {
    case "inspect":
      return state.status === "running" ? state : { status: "loading" };
    case "inspected":
      // A fresh look after a run keeps the results on screen.
      if (state.status === "done") return { ...state, inspection: action.inspection };
      if (state.status === "running") return state;
      return { status: "ready", inspection: action.inspection };
    case "inspectFailed":
      if (state.status === "done" || state.status === "running") return state;
      return { status: "error", message: action.message };
    case "runStarted": {
      const inspection = inspectionOf(state);
      if (!inspection || state.status === "running") return state;
      return { status: "running", inspection, progress: null };
    }
    case "progress":
      return state.status === "running" ? { ...state, progress: action.progress } : state;
    case "runFinished":
      if (state.status !== "running") return state;
      return action.outcome.ok
        ? { status: "done", inspection: state.inspection, summary: action.outcome.summary }
        : { status: "error", inspection: state.inspection, message: action.outcome.message };
    case "runFailed":
      return state.status === "running" ? { status: "error", inspection: state.inspection, message: action.message } : state;
    case "missingText": {
      const inspection = inspectionOf(state);
      if (!inspection || inspection.missing === undefined || action.missing === undefined) return state;
      return { ...state, inspection: { ...inspection, missing: action.missing } } as AppState;
    }
  }
}

/** The inspection the state holds, if any. */
export function inspectionOf(state: AppState): Inspection | undefined {
  return state.status === "loading" ? undefined : state.inspection;
}
