import { readFileSync } from "node:fs";
import { basename } from "node:path";
import type { ReadReply, ReadRequest } from "../../src/taskpane/combine/readProtocol";
import type { PickedFile, WorkerLike } from "../../src/taskpane/combine/readClient";
import { serveReads } from "../../src/taskpane/combine/serveReads";

/** A worker whose other side is `serveReads` in-process; replies arrive asynchronously, as a real worker's do. */
export function inProcessWorker(): WorkerLike & { terminated: boolean; requests: ReadRequest["type"][] } {
  const worker = {
    onmessage: null as WorkerLike["onmessage"],
    terminated: false,
    requests: [] as ReadRequest["type"][],
    postMessage(request: ReadRequest) {
      worker.requests.push(request.type);
      void serve(request);
    },
    terminate() {
      worker.terminated = true;
    },
  };
  const serve = serveReads((reply: ReadReply) => {
    if (!worker.terminated) setTimeout(() => worker.onmessage?.({ data: reply }), 0);
  });
  return worker;
}

/** A fixture as the pane's file input hands it over: its name and its bytes. */
export const picked = (file: string): PickedFile => ({
  name: basename(file),
  arrayBuffer: async () => new Uint8Array(readFileSync(file)).buffer,
});
