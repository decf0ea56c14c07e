import type { Progress } from "../adapters/port";
import { t, type Lang } from "../i18n";

export interface ProgressView {
  /** The stage in words, e.g. "Reading sheets". */
  stage: string;
  /** The stage and how far through it, e.g. "Reading sheets: 2 of 5". */
  label: string;
  /** 0 to 1 for the progress bar; undefined while nothing is known (an indeterminate bar). */
  value: number | undefined;
}

/**
 * What the progress bar shows for a run's progress.
 * @example describeProgress({ stage: "read", done: 2, total: 5 }, "en-US")
 *   → { stage: "Reading sheets", label: "Reading sheets: 2 of 5", value: 0.4 }
 */
export function describeProgress(progress: Progress | null, lang: Lang): ProgressView {
  if (!progress) {
    const stage = t(lang, "pane.stage.start");
    return { stage, label: stage, value: undefined };
  }
  const stage = t(lang, `pane.stage.${progress.stage}`);
  if (!(progress.total > 0)) return { stage, label: stage, value: undefined };
  const done = Math.min(Math.max(progress.done, 0), progress.total);
  return {
    stage,
    label: t(lang, "pane.progress", { stage, done, total: progress.total }),
    value: done / progress.total,
  };
}
