import { readFileSync } from "node:fs";
import { basename } from "node:path";
import type { ReadReply, ReadRequest } from "../../src/taskpane/combine/readProtocol";
import type { PickedFile, WorkerLike } from "../../src/taskpane/combine/readClient";
import { serveReads } from "../../src/taskpane/combine/serveReads";

/**
 * A worker whose other side is `serveReads` in-process. As a real worker's, its messages are
 * structured clones (a class instance arrives as a plain object, moved buffers are detached) and
 * replies arrive asynchronously; `replies` lists their types, in order.
 */
export function inProcessWorker(): WorkerLike & {
  terminated: boolean;
  requests: ReadRequest["type"][];
  replies: ReadReply["type"][];
} {
  const worker = {
    onmessage: null as WorkerLike["onmessage"],
    terminated: false,
    requests: [] as ReadRequest["type"][],
    replies: [] as ReadReply["type"][],
    postMessage(request: ReadRequest, transfer: Transferable[] = []) {
      worker.requests.push(request.type);
      void serve(structuredClone(request, { transfer }));
    },
    terminate() {
      worker.terminated = true;
    },
  };
  const serve = serveReads((reply: ReadReply) => {
    if (worker.terminated) return;
    const data = structuredClone(reply);
    worker.replies.push(data.type);
    setTimeout(() => worker.onmessage?.({ data }), 0);
  });
  return worker;
}

/** A fixture as the pane's file input hands it over: its name and its bytes. */
export const picked = (file: string): PickedFile => ({
  name: basename(file),
  arrayBuffer: async () => new Uint8Array(readFileSync(file)).buffer,
});
