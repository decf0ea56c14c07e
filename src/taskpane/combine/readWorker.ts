import type { ReadReply, ReadRequest } from "./readProtocol";
import { serveReads } from "./serveReads";

/** The worker's global scope, as much of it as is used (the root tsconfig has DOM's types, not WebWorker's). */
const scope = self as unknown as {
  postMessage(reply: ReadReply): void;
  onmessage: ((e: MessageEvent<ReadRequest>) => void) | null;
};

const serve = serveReads((reply) => scope.postMessage(reply));
scope.onmessage = (e) => void serve(e.data);
