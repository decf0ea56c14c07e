import type { Lang } from "../i18n";
import type { AppAction } from "./appReducer";
import type { ReviewHost, RunOutcome, RunRequest, UndoOutcome } from "./host";
import { describeError } from "./officeEnvironment";

type Dispatch = (action: AppAction) => void;

/**
 * Runs the review through the host, telling the pane's reducer each step: started, progress,
 * and the outcome (a cancelled run's outcome comes back from the host like any other). A host
 * that throws instead of answering is shown in words. Returns the outcome, or undefined when
 * the host threw.
 */
export async function performRun(
  host: ReviewHost,
  request: RunRequest,
  signal: AbortSignal,
  dispatch: Dispatch,
): Promise<RunOutcome | undefined> {
  dispatch({ type: "runStarted" });
  try {
    const outcome = await host.run(request, (progress) => dispatch({ type: "progress", progress }), signal);
    dispatch({ type: "runFinished", outcome });
    return outcome;
  } catch (e) {
    dispatch({ type: "runFailed", message: describeError(e, request.lang) });
    return undefined;
  }
}

/**
 * Takes the last run back through the host and tells the reducer how it went; an error the
 * host throws becomes a failed outcome in words.
 */
export async function performUndo(host: ReviewHost, lang: Lang, dispatch: Dispatch): Promise<UndoOutcome> {
  dispatch({ type: "undoStarted" });
  let outcome: UndoOutcome;
  try {
    if (!host.undoLastRun) throw new Error("this host cannot undo a run"); // the pane hides the button then
    outcome = await host.undoLastRun(lang);
  } catch (e) {
    outcome = { ok: false, code: "Exception", message: describeError(e, lang) };
  }
  dispatch({ type: "undoFinished", outcome });
  return outcome;
}
