import { CombineInputError } from "../../adapters/combineWorkbooks";
import { describeRunError } from "../../adapters/describeRunError";
import { PickedFileError } from "../../adapters/pickedFileError";
import type { Role, Field } from "../../core/columns";
import { MissingColumnError, NoReadableRowsError, type SheetSeen } from "../../core/errors";
import type { CellIssue } from "../../core/types";
import type { Lang } from "../../i18n";

/**
 * A combine's failure as data, so that it crosses from the worker to the pane (a message keeps an
 * error's message but not its class): the errors the pane's host words, each with what it words them by.
 */
export type ErrorWire =
  | { kind: "input"; input: string; words?: string; detail: string }
  | { kind: "missingColumn"; role: Role; missing: Field[][]; seen: SheetSeen[] }
  | { kind: "noRows"; sheet: string; issues: CellIssue[] }
  | { kind: "range"; message: string }
  | { kind: "other"; message: string };

/**
 * A picked file that could not be read, as it crosses to the pane (inspected or combined): the
 * command line's words for it (describeRunError, in `lang`) when it has some, and its own message.
 */
export function fileFailure(e: unknown, file: string, lang: Lang): { words?: string; detail: string } {
  const detail = e instanceof Error ? e.message : String(e);
  const words = describeRunError(e, file, lang);
  return words === undefined ? { detail } : { words, detail };
}

/** `e` as data; an input that cannot be read keeps the command line's words for it (describeRunError, in `lang`). */
export function errorToWire(e: unknown, lang: Lang): ErrorWire {
  if (e instanceof CombineInputError) return { kind: "input", input: e.input, ...fileFailure(e.reason, e.input, lang) };
  if (e instanceof MissingColumnError) return { kind: "missingColumn", role: e.role, missing: e.missing, seen: e.seen };
  if (e instanceof NoReadableRowsError) return { kind: "noRows", sheet: e.sheet, issues: [...e.issues] };
  if (e instanceof RangeError) return { kind: "range", message: e.message };
  return { kind: "other", message: e instanceof Error ? e.message : String(e) };
}

/** The error `errorToWire` described, of the class the host words (an input's as a PickedFileError inside CombineInputError). */
export function errorFromWire(w: ErrorWire): Error {
  switch (w.kind) {
    case "input":
      return new CombineInputError(w.input, new PickedFileError(w.input, w.words, w.detail));
    case "missingColumn":
      return new MissingColumnError(w.role, w.missing, w.seen);
    case "noRows":
      return new NoReadableRowsError(w.sheet, w.issues);
    case "range":
      return new RangeError(w.message);
    case "other":
      return new Error(`the combine failed in the read worker: ${w.message}`);
  }
}
