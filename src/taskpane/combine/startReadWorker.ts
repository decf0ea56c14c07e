import type { WorkerLike } from "./readClient";

/**
 * The read worker, bundled by webpack from this URL (its own chunk, hashed like the pane's). Only
 * index.tsx imports this file: jest never loads it (the root tsconfig's CommonJS has no import.meta).
 */
export function startReadWorker(): WorkerLike {
  // @ts-expect-error -- import.meta: webpack compiles the pane as ES modules; the root tsconfig is CommonJS for jest
  return new Worker(new URL("./readWorker.ts", import.meta.url)) as unknown as WorkerLike;
}
