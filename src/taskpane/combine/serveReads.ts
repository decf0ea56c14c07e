import { postedError } from "../../adapters/postedError";
import { readInputGrids } from "../../adapters/readInputGrids";
import { openBytesPort } from "../../adapters/xlsx/package/bytesPort";
import { inspectFile } from "./inspectFile";
import type { ReadReply, ReadRequest } from "./readProtocol";
import { serveCombine } from "./serveCombine";

/**
 * The read worker's side: opens picked files with the command line's readers (openBytesPort) and
 * answers each request by `post`. Kept apart from the worker's global scope so jest runs it in-process.
 */
export function serveReads(post: (reply: ReadReply) => void): (request: ReadRequest) => Promise<void> {
  return async (request) => {
    if (request.type === "combine") return serveCombine(request, post);
    try {
      const port = await openBytesPort(new Uint8Array(request.bytes), request.name);
      try {
        const inspection = inspectFile(await readInputGrids(port, request.lang), request.lang);
        post({ type: "inspection", id: request.id, inspection });
      } finally {
        await port.close();
      }
    } catch (e) {
      post({ type: "error", id: request.id, error: postedError(e) });
    }
  };
}
