import { useCallback, useEffect, useReducer, useRef, useState } from "react";
import { t, type Lang } from "../../i18n";
import type { AfterRun, ReviewHost, RunSummary } from "../host";
import type { MappingAction } from "../mappingState";
import { fileOverrides, filesReady, pickedFilesReducer } from "./pickedFiles";
import { combineInWorker } from "./combineInWorker";
import { inspectPicked, type PickedFile, type WorkerLike } from "./readClient";
import type { CombineStep } from "./readProtocol";

export type CombineStatus =
  | { kind: "idle" }
  | { kind: "running"; text: string }
  | { kind: "done"; summary: RunSummary }
  | { kind: "error"; message: string };

/**
 * The Combine view's logic: the picked files, whether this workbook's own sheets take part, and
 * a run (files read in a worker started for it and ended after it; Cancel aborts both the reading
 * and the writing). `onWritten` hears of a run that changed the workbook, with what it now holds
 * when the host could tell (else the pane reads it again).
 */
export function useCombineView(
  host: ReviewHost,
  lang: Lang,
  startWorker: (() => WorkerLike) | undefined,
  onWritten: (after?: AfterRun) => void,
) {
  const [files, dispatch] = useReducer(pickedFilesReducer, []);
  const [includeOwn, setIncludeOwn] = useState(true);
  const [status, setStatus] = useState<CombineStatus>({ kind: "idle" });
  const controller = useRef<AbortController | undefined>(undefined);
  const running = status.kind === "running";
  const ready = filesReady(files);
  /** Every file is read, yet one cannot be (or lacks a column): the user must act before Combine. */
  const blocked = files.length > 0 && !ready && files.every((f) => f.inspection !== undefined || f.error !== undefined);
  const canRun = files.length > 0 && ready && host.combine !== undefined && startWorker !== undefined && !running;
  const inspecting = useRef<AbortController | undefined>(undefined);

  /** A new pick: each file is read in a worker of its own for the pick, to show what was detected in it. */
  const pick = useCallback(
    (picked: PickedFile[]) => {
      inspecting.current?.abort();
      dispatch({ type: "picked", files: picked });
      if (!startWorker || picked.length === 0) return;
      const abort = new AbortController();
      inspecting.current = abort;
      const worker = startWorker();
      void inspectPicked(
        picked,
        worker,
        lang,
        (index, result) =>
          dispatch(
            "failed" in result
              ? { type: "failed", index, message: result.failed }
              : { type: "inspected", index, inspection: result.inspection },
          ),
        abort.signal,
      )
        .catch((e: unknown) => {
          // A new pick cancelled this one; any other failure is every unread file's.
          if (abort.signal.aborted) return;
          const message = e instanceof Error ? e.message : String(e);
          picked.forEach((_, index) => dispatch({ type: "failed", index, message }));
        })
        .finally(() => worker.terminate());
    },
    [startWorker, lang],
  );
  useEffect(() => () => inspecting.current?.abort(), []);

  const run = useCallback(async () => {
    if (!canRun || !host.combine || !startWorker) return;
    const abort = new AbortController();
    controller.current = abort;
    setStatus({ kind: "running", text: "" });
    let worker: WorkerLike | undefined;
    try {
      worker = startWorker();
      const combine = combineInWorker(
        files.map((f) => ({ file: f.file, overrides: fileOverrides(f) })),
        worker,
        { signal: abort.signal, onStep: (step) => setStatus({ kind: "running", text: stepText(step, lang) }) },
      );
      const outcome = await host.combine(
        { lang, includeOwn, ownName: t(lang, "combine.pane.thisWorkbook") },
        combine,
        (p) => {
          if (p.stage !== "read") setStatus({ kind: "running", text: t(lang, "combine.pane.writing") });
        },
        abort.signal,
      );
      setStatus(outcome.ok ? { kind: "done", summary: outcome.summary } : { kind: "error", message: outcome.message });
      if (outcome.ok) onWritten(outcome.after);
    } catch (e) {
      // The host words every failure of a run; this is one before it (the worker would not start).
      setStatus({ kind: "error", message: e instanceof Error ? e.message : String(e) });
    } finally {
      worker?.terminate();
      controller.current = undefined;
    }
  }, [canRun, host, startWorker, files, lang, includeOwn, onWritten]);

  const cancel = useCallback(() => controller.current?.abort(), []);

  const changeMapping = useCallback(
    (index: number, action: MappingAction) => dispatch({ type: "mapping", index, action }),
    [],
  );

  return {
    files,
    pick,
    changeMapping,
    ready,
    blocked,
    includeOwn,
    setIncludeOwn,
    status,
    running,
    canRun,
    run: () => void run(),
    cancel,
  };
}

/** The progress line for a step of the combine in the worker. */
function stepText(step: CombineStep, lang: Lang): string {
  if (step.kind === "read")
    return t(lang, "combine.pane.reading", { file: step.file, sheet: step.progress.sheet, rows: step.progress.rows });
  return t(lang, step.kind === "merge" ? "combine.pane.merging" : "combine.pane.reviewing", { file: step.file });
}
