import { describeNotZip } from "../adapters/describeRunError";
export { describeRunError } from "../adapters/describeRunError";
import { t, type Lang } from "../i18n";
import type { PathProblem } from "./inspectPaths";

/** The words for a path that stops the run before any part is read (inspectPaths), naming the file. */
export function describePathProblem(problem: PathProblem, input: string, output: string, lang: Lang): string {
  if (problem.on === "out") return t(lang, `cli.out.${problem.kind}`, { file: output });
  if (problem.kind === "missing") return t(lang, "cli.noSuchFile", { file: input });
  if (problem.kind === "folder") return t(lang, "cli.unreadable.folder", { file: input });
  return describeNotZip(problem.kind, input, lang);
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
