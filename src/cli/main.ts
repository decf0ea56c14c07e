import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { NotAnXlsxError, openXlsx } from "../adapters/xlsx/package/openXlsx";
import { unreadableKindOf } from "../adapters/xlsx/package/openXlsxError";
import { packagePort, type PackagePort } from "../adapters/xlsx/package/packagePort";
import { localTimestamp, reviewWorkbook } from "../adapters/reviewWorkbook";
import { MissingColumnError, NoReadableRowsError } from "../core/errors";
import { describeMissingColumn, describeNoRows } from "../adapters/describeErrors";
import { langFor, t, type Lang } from "../i18n";
import { inspectPaths } from "./inspectPaths";
import { progressLine, type ProgressStream } from "./progressLine";
import { summarize } from "./summarize";

/**
 * `analyze <input.xlsx> --out <output.xlsx> [--month YYYY-MM] [--lang zh-CN|en-US] [--in-place] [--plan]`
 * `--plan` also writes next month's plan sheet (issue 16), and saves that setting in the workbook.
 * Exit codes: 0 done, 2 usage, a missing or unreadable input file or a missing required column, 1 anything unexpected.
 * `progress` (the command line passes stderr) gets a line saying what the run is doing when
 * it is a terminal; the line is erased before anything is printed.
 */
export async function main(argv: string[], out: (line: string) => void, err: (line: string) => void, progress?: ProgressStream): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { out: { type: "string", short: "o" }, month: { type: "string" }, lang: { type: "string" }, "in-place": { type: "boolean" }, plan: { type: "boolean" }, help: { type: "boolean", short: "h" } },
    });
  } catch (e) {
    err((e as Error).message);
    err(t("en-US", "cli.usage"));
    return 2;
  }
  const lang: Lang = args.values.lang === "en-US" || args.values.lang === "zh-CN" ? args.values.lang : args.values.lang ? langFor(args.values.lang) : "zh-CN";
  const input = args.positionals[0];
  const inPlace = args.values["in-place"] === true;
  if (args.values.help || !input || (!args.values.out && !inPlace) || args.positionals.length > 1) {
    err(t(lang, "cli.usage"));
    return args.values.help ? 0 : 2;
  }
  const output = inPlace ? input : args.values.out!;
  if (!inPlace && resolve(output) === resolve(input)) {
    err(t(lang, "cli.usage"));
    return 2;
  }
  const problem = await inspectPaths(input, output);
  if (problem) {
    if (problem.on === "out") err(t(lang, `cli.out.${problem.kind}`, { file: output }));
    else if (problem.kind === "missing") err(t(lang, "cli.noSuchFile", { file: input }));
    else if (problem.kind === "notZip") err(t(lang, "cli.notXlsx", { file: input, reason: "not a zip package" }));
    else err(t(lang, `cli.unreadable.${problem.kind}`, { file: input }));
    return 2;
  }
  let port: PackagePort | undefined;
  const line = progressLine(progress, lang);
  try {
    // The package is read and written part by part (the output written beside and renamed):
    // parts the run does not change are copied as they are, a 1,048,575-row sheet streams.
    port = packagePort(await openXlsx(input), { onProgress: (p) => line.update(p) });
    const result = await reviewWorkbook(port, {
      lang,
      month: args.values.month,
      ...(args.values.plan ? { settings: { plan: true } } : {}),
      generatedAt: localTimestamp(new Date()),
      onProgress: (p) => p.stage === "compute" && line.update({ stage: "compute" }),
    });
    await port.save(output);
    line.clear();
    for (const l of summarize(result, lang, output)) out(l);
    return 0;
  } catch (e) {
    line.clear();
    if (e instanceof MissingColumnError) {
      err(describeMissingColumn(e, lang));
      return 2;
    }
    if (e instanceof NoReadableRowsError) {
      err(describeNoRows(e, lang));
      return 2;
    }
    // A damaged part, entities, UTF-16, a text past any cell's size: the file's name, what is wrong, what to do.
    const unreadable = unreadableKindOf(e);
    if (unreadable) {
      err(t(lang, `cli.unreadable.${unreadable}`, { file: input }));
      return 2;
    }
    if (e instanceof NotAnXlsxError) {
      // The file starts as a zip (inspectPaths saw it): a zip whose directory cannot be read is damaged, not another format.
      err(ZIP_DAMAGED.test(e.reason) ? t(lang, "cli.unreadable.damaged", { file: input }) : t(lang, "cli.notXlsx", { file: input, reason: e.reason }));
      return 2;
    }
    if (e instanceof RangeError) {
      err(e.message);
      return 2;
    }
    throw e;
  } finally {
    await port?.close();
  }
}

/** yauzl's words for a zip whose structure is broken (cut short, bad offsets), as opposed to a zip that holds no workbook. */
const ZIP_DAMAGED = /central directory|signature|invalid|truncated|unexpected (?:EOF|end)|out of range|too short/i;

/** Runs `main` on this process's arguments and streams, setting the exit code (bin/sales-review.js calls it). */
export function runFromCommandLine(): void {
  main(process.argv.slice(2), (l) => console.log(l), (l) => console.error(l), process.stderr).then(
    (code) => (process.exitCode = code),
    (e: unknown) => {
      console.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
      process.exitCode = 1;
    },
  );
}

if (require.main === module) runFromCommandLine();
