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

/** `e` as data; an input that cannot be read keeps the command line's words for it (describeRunError, in `lang`). */
export function errorToWire(e: unknown, lang: Lang): ErrorWire {
  if (e instanceof CombineInputError) {
    const detail = e.reason instanceof Error ? e.reason.message : String(e.reason);
    const words = describeRunError(e.reason, e.input, lang);
    return words === undefined
      ? { kind: "input", input: e.input, detail }
      : { kind: "input", input: e.input, words, detail };
  }
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
