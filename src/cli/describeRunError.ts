import { NotAnXlsxError } from "../adapters/xlsx/package/openXlsx";
import { unreadableKindOf } from "../adapters/xlsx/package/openXlsxError";
import { describeMissingColumn, describeNoRows } from "../adapters/describeErrors";
import { MissingColumnError, NoReadableRowsError } from "../core/errors";
import { t, type Lang } from "../i18n";
import type { PathProblem } from "./inspectPaths";

/**
 * yauzl's words for a zip whose structure is broken (cut short, bad offsets), and openXlsx's for
 * an entry that inflates to another size than its header declares (calamine's issue252.xlsx), as
 * opposed to a zip that holds no workbook.
 */
const ZIP_DAMAGED = /central directory|signature|invalid|truncated|unexpected (?:EOF|end)|out of range|too short|its header declares/i;

/**
 * The words for an error that ends a run on `input` (exit code 2), or undefined for one
 * that is a bug (exit code 1, with its stack): a missing required column, no readable
 * row, a damaged part, entities, UTF-16, a text past any cell's size, not an .xlsx
 * package, or a RangeError with a plain message (a bad --month, Excel's limits).
 * @example describeRunError(new NoReadableRowsError("订单表", []), "a.xlsx", "zh-CN") // the no-rows message
 */
export function describeRunError(e: unknown, input: string, lang: Lang): string | undefined {
  if (e instanceof MissingColumnError) return describeMissingColumn(e, lang);
  if (e instanceof NoReadableRowsError) return describeNoRows(e, lang);
  const unreadable = unreadableKindOf(e);
  if (unreadable) return t(lang, `cli.unreadable.${unreadable}`, { file: input });
  if (e instanceof NotAnXlsxError) {
    // The file starts as a zip (inspectPaths saw it): a zip whose directory cannot be read is damaged, not another format.
    return ZIP_DAMAGED.test(e.reason)
      ? t(lang, "cli.unreadable.damaged", { file: input })
      : t(lang, "cli.notXlsx", { file: input, reason: e.reason });
  }
  if (e instanceof RangeError) return e.message;
  return undefined;
}

/** The words for a path that stops the run before any part is read (inspectPaths), naming the file. */
export function describePathProblem(problem: PathProblem, input: string, output: string, lang: Lang): string {
  if (problem.on === "out") return t(lang, `cli.out.${problem.kind}`, { file: output });
  if (problem.kind === "missing") return t(lang, "cli.noSuchFile", { file: input });
  if (problem.kind === "notZip") return t(lang, "cli.notXlsx", { file: input, reason: "not a zip package" });
  return t(lang, `cli.unreadable.${problem.kind}`, { file: input });
}

/**
 * The words for an error that is a bug, or a file shaped as no test imagined (exit code 1):
 * the file, the error's own message for a report, what to try; the stack trace only with
 * SALES_REVIEW_DEBUG set, never by default.
 */
export function describeUnexpected(e: unknown, input: string, lang: Lang): string[] {
  const words = t(lang, "cli.unexpected", { file: input, detail: e instanceof Error ? e.message : String(e) });
  return process.env.SALES_REVIEW_DEBUG && e instanceof Error && e.stack ? [words, e.stack] : [words];
}
