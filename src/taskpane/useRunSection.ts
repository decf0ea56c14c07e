import { useMemo } from "react";
import type { Progress } from "../adapters/port";
import type { Lang } from "../i18n";
import { describeProgress } from "./describeProgress";

/** The progress bar's words and value while running; undefined otherwise. */
export function useRunSection(running: boolean, progress: Progress | null, lang: Lang) {
  return useMemo(() => (running ? describeProgress(progress, lang) : undefined), [running, progress, lang]);
}
