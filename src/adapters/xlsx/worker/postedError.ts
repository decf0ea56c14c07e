import { NotAnXlsxError, UnreadablePartError } from "../package/openXlsxError";

/**
 * An error as it can cross threads (structured clone keeps no class): its class named, the
 * fields of the classes the command line and the pane word (`describeRunError`) kept.
 */
export interface PostedError {
  name: string;
  message: string;
  stack?: string;
  code?: string;
  unreadable?: { kind: UnreadablePartError["kind"]; part: string; detail: string };
  notXlsx?: { file: string; reason: string };
}

/**
 * The worker's side: `e` as data to post.
 * @example port.postMessage({ failed: postedError(e) })
 */
export function postedError(e: unknown): PostedError {
  if (!(e instanceof Error)) return { name: "Error", message: String(e) };
  const code = (e as { code?: unknown }).code;
  return {
    name: e.name,
    message: e.message,
    stack: e.stack,
    ...(typeof code === "string" ? { code } : {}),
    ...(e instanceof UnreadablePartError ? { unreadable: { kind: e.kind, part: e.part, detail: e.detail } } : {}),
    ...(e instanceof NotAnXlsxError ? { notXlsx: { file: e.file, reason: e.reason } } : {}),
  };
}

/**
 * The main thread's side: the error to throw for a posted one, of the same class for the
 * kinds that are worded for the user (so the same words), with the worker's stack and code.
 * @example reject(errorFromWorker(message.failed))
 */
export function errorFromWorker(p: PostedError): Error {
  const e = rebuilt(p);
  if (p.stack) e.stack = p.stack;
  if (p.code) Object.assign(e, { code: p.code });
  return e;
}

function rebuilt(p: PostedError): Error {
  if (p.unreadable) return new UnreadablePartError(p.unreadable.kind, p.unreadable.part, p.unreadable.detail);
  if (p.notXlsx) return new NotAnXlsxError(p.notXlsx.file, p.notXlsx.reason);
  if (p.name === "RangeError") return new RangeError(p.message);
  if (p.name === "TypeError") return new TypeError(p.message);
  return new Error(p.message);
}
