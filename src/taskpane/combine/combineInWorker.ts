import type { CombineInput } from "../../adapters/combineWorkbooks";
import type { CombinedReview, CombineRun } from "../../adapters/excel/combineInExcel";
import { connect, type PickedFile, type WorkerLike } from "./readClient";
import { errorFromWorker } from "../../adapters/postedError";
import type { CombineFile, CombineStep } from "./readProtocol";
import { SliceJoiner } from "./sliceLargeArrays";

/** A picked file of a run and the mapping the user chose for it (the Team view's). */
export interface RunFile {
  file: PickedFile;
  overrides?: CombineInput["overrides"];
}

/**
 * The team review run in the read worker: the picked files' bytes go to it (moved, not copied),
 * it opens, merges and reviews them (combineWorkbooks, as the command line) and sends back what
 * the writer needs, its large arrays a slice per message, so that the pane's thread never holds
 * a whole sheet's rows in one task. `onStep` hears each step; aborting `signal` terminates the
 * worker, and the run fails with RunCancelledError before anything is written.
 */
export function combineInWorker(
  files: readonly RunFile[],
  worker: WorkerLike,
  options: { signal?: AbortSignal; onStep?: (step: CombineStep) => void } = {},
): CombineRun {
  const ask = connect(worker, options.signal);
  return async (own, combine) => {
    const picked: CombineFile[] = [];
    for (const { file, overrides } of files)
      picked.push({ name: file.name, bytes: await file.arrayBuffer(), ...(overrides ? { overrides } : {}) });
    const slices = new SliceJoiner();
    const reply = await ask(
      { type: "combine", id: 0, files: picked, ...(own ? { own } : {}), options: combine },
      (interim) => {
        if (interim.type === "slice") slices.add(interim.key, interim.items);
        else options.onStep?.(interim.step);
      },
      picked.map((f) => f.bytes),
    );
    if (reply.type === "error") throw errorFromWorker(reply.error);
    if (reply.type !== "combined") throw new Error(`read worker answered ${reply.type} to a combine request`);
    return slices.join(reply.skeleton) as CombinedReview;
  };
}
