import type { CombineInput } from "../../adapters/combineWorkbooks";
import type { OwnSheets } from "../../adapters/excel/combineInExcel";
import { postedError } from "../../adapters/postedError";
import { openBytesPort } from "../../adapters/xlsx/package/bytesPort";
import { combineForExcel } from "./combineForExcel";
import type { CombineStep, ReadReply, ReadRequest } from "./readProtocol";
import { sliceLargeArrays } from "./sliceLargeArrays";

type CombineRequest = Extract<ReadRequest, { type: "combine" }>;

/**
 * Runs a combine request in the worker: every input opened from its bytes with the command line's
 * readers, telling each step (rows read, each input's merge as it begins, the last one's as the
 * review's); then the result's large arrays in slices and the rest in one message, or the failure as data.
 */
export async function serveCombine(request: CombineRequest, post: (reply: ReadReply) => void): Promise<void> {
  const { id, options } = request;
  const tell = (step: CombineStep) => post({ type: "step", id, step });
  const inputs = request.files.map((file): CombineInput => ({
    name: file.name,
    ...(file.overrides ? { overrides: file.overrides } : {}),
    open: () =>
      openBytesPort(new Uint8Array(file.bytes), file.name, (progress) =>
        tell({ kind: "read", file: file.name, progress }),
      ),
  }));
  if (request.own) inputs.unshift(ownInput(request.own));
  const onMerge = (i: number, file: string) => tell({ kind: i === inputs.length - 1 ? "review" : "merge", file });
  try {
    const result = await combineForExcel(inputs, { ...options, onMerge });
    const skeleton = sliceLargeArrays(result, (key, items) => post({ type: "slice", id, key, items }));
    post({ type: "combined", id, skeleton });
  } catch (e) {
    post({ type: "error", id, error: postedError(e) });
  }
}

/** The open workbook's sheets, as the pane read them, as an input of the combine. */
function ownInput(own: OwnSheets): CombineInput {
  return {
    name: own.name,
    open: async () => ({
      readMeta: async () => own.meta,
      readGrids: async (skip) => own.grids.filter((g) => !skip.has(g.sheet)),
      write: async () => {
        throw new Error("the open workbook is an input here, written only as the output");
      },
      close: async () => {},
    }),
  };
}
