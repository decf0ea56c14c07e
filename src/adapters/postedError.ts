import type { Field, Role } from "../core/columns";
import {
  ExcelLimitError,
  MissingColumnError,
  NoReadableRowsError,
  type ExcelLimit,
  type SheetSeen,
} from "../core/errors";
import type { CellIssue } from "../core/types";
import { CombineInputError } from "./combineInputError";
import { NotAnXlsxError, UnreadablePartError } from "./xlsx/package/openXlsxError";
import { NotZipError, type NotZipKind } from "./xlsx/package/sniffBytes";

/**
 * An error as it can cross threads (a message's structured clone keeps no class): the command
 * line's read workers and the pane's read worker post it so. `as` names the class it is rebuilt
 * as, with the fields its words come from (`describeRunError`, the pane's host); any other error
 * comes back a plain Error with its message.
 */
export interface PostedError {
  name: string;
  message: string;
  stack?: string;
  code?: string;
  as?: PostedClass;
}

type PostedClass =
  | { class: "unreadable"; kind: UnreadablePartError["kind"]; part: string; detail: string }
  | { class: "notXlsx"; file: string; reason: string }
  | { class: "notZip"; kind: NotZipKind; file: string }
  | { class: "missingColumn"; role: Role; missing: Field[][]; seen: SheetSeen[] }
  | { class: "noRows"; sheet: string; issues: CellIssue[] }
  | { class: "excelLimit"; limit: ExcelLimit; sheet: string }
  | { class: "input"; input: string; reason: PostedError }
  | { class: "range" }
  | { class: "type" };

/**
 * The posting thread's side: `e` as data.
 * @example port.postMessage({ failed: postedError(e) })
 */
export function postedError(e: unknown): PostedError {
  if (!(e instanceof Error)) return { name: "Error", message: String(e) };
  const code = (e as { code?: unknown }).code;
  const as = postedClass(e);
  return {
    name: e.name,
    message: e.message,
    stack: e.stack,
    ...(typeof code === "string" ? { code } : {}),
    ...(as ? { as } : {}),
  };
}

function postedClass(e: Error): PostedClass | undefined {
  if (e instanceof UnreadablePartError) return { class: "unreadable", kind: e.kind, part: e.part, detail: e.detail };
  if (e instanceof NotAnXlsxError) return { class: "notXlsx", file: e.file, reason: e.reason };
  if (e instanceof NotZipError) return { class: "notZip", kind: e.kind, file: e.file };
  if (e instanceof MissingColumnError)
    return { class: "missingColumn", role: e.role, missing: e.missing, seen: e.seen };
  if (e instanceof NoReadableRowsError) return { class: "noRows", sheet: e.sheet, issues: [...e.issues] };
  if (e instanceof ExcelLimitError) return { class: "excelLimit", limit: e.limit, sheet: e.sheet };
  if (e instanceof CombineInputError) return { class: "input", input: e.input, reason: postedError(e.reason) };
  if (e instanceof RangeError) return { class: "range" };
  if (e instanceof TypeError) return { class: "type" };
  return undefined;
}

/**
 * The receiving thread's side: the error to throw for a posted one, of the same class for the
 * kinds that are worded for the user (so the same words), with the other thread's stack and code.
 * @example reject(errorFromWorker(message.failed))
 */
export function errorFromWorker(p: PostedError): Error {
  const e = rebuilt(p);
  if (p.stack) e.stack = p.stack;
  if (p.code) Object.assign(e, { code: p.code });
  return e;
}

function rebuilt(p: PostedError): Error {
  const as = p.as;
  switch (as?.class) {
    case "unreadable":
      return new UnreadablePartError(as.kind, as.part, as.detail);
    case "notXlsx":
      return new NotAnXlsxError(as.file, as.reason);
    case "notZip":
      return new NotZipError(as.kind, as.file);
    case "missingColumn":
      return new MissingColumnError(as.role, as.missing, as.seen);
    case "noRows":
      return new NoReadableRowsError(as.sheet, as.issues);
    case "excelLimit":
      return new ExcelLimitError(as.limit, as.sheet, p.message);
    case "input":
      return new CombineInputError(as.input, errorFromWorker(as.reason));
    case "range":
      return new RangeError(p.message);
    case "type":
      return new TypeError(p.message);
    default:
      return new Error(p.message);
  }
}
