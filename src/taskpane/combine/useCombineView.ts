import { useCallback, useRef, useState } from "react";
import { t, type Lang } from "../../i18n";
import type { ReviewHost, RunSummary } from "../host";
import { pickedInputs, type PickedFile, type WorkerLike } from "./readClient";

export type CombineStatus =
  | { kind: "idle" }
  | { kind: "running"; text: string }
  | { kind: "done"; summary: RunSummary }
  | { kind: "error"; message: string };

/**
 * The Combine view's logic: the picked files, whether this workbook's own sheets take part, and
 * a run (files read in a worker started for it and ended after it; Cancel aborts both the reading
 * and the writing). `onWritten` hears of a run that changed the workbook, so the pane reads it again.
 */
export function useCombineView(
  host: ReviewHost,
  lang: Lang,
  startWorker: (() => WorkerLike) | undefined,
  onWritten: () => void,
) {
  const [files, setFiles] = useState<PickedFile[]>([]);
  const [includeOwn, setIncludeOwn] = useState(true);
  const [status, setStatus] = useState<CombineStatus>({ kind: "idle" });
  const controller = useRef<AbortController | undefined>(undefined);
  const running = status.kind === "running";
  const canRun = files.length > 0 && host.combine !== undefined && startWorker !== undefined && !running;

  const run = useCallback(async () => {
    if (!canRun || !host.combine || !startWorker) return;
    const abort = new AbortController();
    controller.current = abort;
    setStatus({ kind: "running", text: "" });
    let worker: WorkerLike | undefined;
    try {
      worker = startWorker();
      const inputs = pickedInputs(files, worker, lang, {
        signal: abort.signal,
        onProgress: (file, p) =>
          setStatus({ kind: "running", text: t(lang, "combine.pane.reading", { file, sheet: p.sheet, rows: p.rows }) }),
      });
      const outcome = await host.combine(
        { lang, includeOwn, ownName: t(lang, "combine.pane.thisWorkbook") },
        inputs,
        (p) => {
          if (p.stage !== "read") setStatus({ kind: "running", text: t(lang, "combine.pane.writing") });
        },
        abort.signal,
      );
      setStatus(outcome.ok ? { kind: "done", summary: outcome.summary } : { kind: "error", message: outcome.message });
      if (outcome.ok) onWritten();
    } catch (e) {
      // The host words every failure of a run; this is one before it (the worker would not start).
      setStatus({ kind: "error", message: e instanceof Error ? e.message : String(e) });
    } finally {
      worker?.terminate();
      controller.current = undefined;
    }
  }, [canRun, host, startWorker, files, lang, includeOwn, onWritten]);

  const cancel = useCallback(() => controller.current?.abort(), []);

  return { files, setFiles, includeOwn, setIncludeOwn, status, running, canRun, run: () => void run(), cancel };
}
