import { t, type Lang } from "../i18n";
import type { AppState } from "./appReducer";
import { doneAnnouncement } from "./describeResults";

/**
 * What the pane's polite live region holds in this state: the result of a run, or that it
 * was cancelled or undone; empty otherwise (failures take the focus and are read from there).
 * The region stays in the page, so a screen reader says each new text once.
 * @example announce({ status: "ready", inspection, notice: "cancelled" }, "en-US")
 *   === "The run was cancelled. The workbook is as it was before the run."
 */
export function announce(state: AppState, lang: Lang): string {
  if (state.status === "done") return doneAnnouncement(state.summary, lang);
  if (state.status === "ready" && state.notice === "cancelled") return t(lang, "pane.cancelled");
  if (state.status === "ready" && state.notice === "undone") return t(lang, "pane.undo.done");
  return "";
}
