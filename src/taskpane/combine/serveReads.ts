import { readInputGrids } from "../../adapters/readInputGrids";
import { describeRunError } from "../../adapters/describeRunError";
import { openBytesPort, type BytesPort } from "../../adapters/xlsx/package/bytesPort";
import type { Lang } from "../../i18n";
import { inspectFile } from "./inspectFile";
import type { ReadReply, ReadRequest } from "./readProtocol";

/**
 * The read worker's side: opens picked files with the command line's readers (openBytesPort) and
 * answers each request by `post`. Kept apart from the worker's global scope so jest runs it in-process.
 */
export function serveReads(post: (reply: ReadReply) => void): (request: ReadRequest) => Promise<void> {
  const open = new Map<number, { port: BytesPort; name: string; lang: Lang }>();
  return async (request) => {
    const fail = (e: unknown, name: string, lang: Lang) =>
      post({
        type: "error",
        id: request.id,
        words: describeRunError(e, name, lang),
        detail: e instanceof Error ? e.message : String(e),
      });
    if (request.type === "open") {
      try {
        const port = await openBytesPort(new Uint8Array(request.bytes), request.name, (progress) =>
          post({ type: "progress", id: request.id, progress }),
        );
        open.set(request.id, { port, name: request.name, lang: request.lang });
        post({ type: "meta", id: request.id, meta: await port.readMeta() });
      } catch (e) {
        fail(e, request.name, request.lang);
      }
      return;
    }
    if (request.type === "inspect") {
      try {
        const port = await openBytesPort(new Uint8Array(request.bytes), request.name);
        try {
          const inspection = inspectFile(await readInputGrids(port, request.lang), request.lang);
          post({ type: "inspection", id: request.id, inspection });
        } finally {
          await port.close();
        }
      } catch (e) {
        fail(e, request.name, request.lang);
      }
      return;
    }
    const file = open.get(request.id);
    if (request.type === "close" || !file) {
      open.delete(request.id);
      return;
    }
    try {
      const grids = await file.port.readGrids(new Set(request.skip));
      post({ type: "grids", id: request.id, grids, blocked: [...(file.port.blockedTables?.() ?? [])] });
    } catch (e) {
      fail(e, file.name, file.lang);
    }
  };
}
