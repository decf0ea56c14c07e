import { extname } from "node:path";
import { Worker } from "node:worker_threads";

/**
 * Starts a worker thread on a module of this code base, given its path without extension
 * (`join(__dirname, "sheetWorker")`): the compiled file when this one is compiled (the
 * command line's .cache/cli), else its TypeScript source through tsx's require hook (ts-jest
 * and tsx runs), so that one call works in both. The caller owns the worker: it terminates it
 * once it has its answer or an error, so a worker never keeps the process alive.
 * @example const worker = startWorker(join(__dirname, "sheetWorker"), job)
 */
export function startWorker(module: string, workerData: unknown): Worker {
  const ext = extname(__filename);
  const file = `${module}${ext}`;
  if (ext === ".js") return new Worker(file, { workerData });
  const boot = `require("tsx/cjs"); require(${JSON.stringify(file)});`;
  return new Worker(boot, { eval: true, workerData });
}
