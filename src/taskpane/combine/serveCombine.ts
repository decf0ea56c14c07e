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
 * readers, one at a time, telling each step; then the result's large arrays in slices and the rest
 * in one message, or the failure as data.
 */
export async function serveCombine(request: CombineRequest, post: (reply: ReadReply) => void): Promise<void> {
  const { id, options } = request;
  const tell = (step: CombineStep) => post({ type: "step", id, step });
  const last = request.files.length - 1;
  const inputs = request.files.map((file, i): CombineInput => ({
    name: file.name,
    ...(file.overrides ? { overrides: file.overrides } : {}),
    open: async () => {
      const port = await openBytesPort(new Uint8Array(file.bytes), file.name, (progress) =>
        tell({ kind: "read", file: file.name, progress }),
      );
      // combineWorkbooks closes an input before merging it; the review follows the last one's merge.
      const close = async () => {
        await port.close();
        tell({ kind: i === last ? "review" : "merge", file: file.name });
      };
      return { ...port, close };
    },
  }));
  if (request.own) inputs.unshift(ownInput(request.own));
  try {
    const result = await combineForExcel(inputs, options);
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
