import { resolve } from "node:path";
import { openXlsx } from "../adapters/xlsx/package/openXlsx";
import { packagePort, type PackagePort } from "../adapters/xlsx/package/packagePort";
import { localTimestamp, reviewWorkbook } from "../adapters/reviewWorkbook";
import { langFor, t, type Lang } from "../i18n";
import { combineMain } from "./combineMain";
import { describePathProblem, describeRunError, describeUnexpected } from "./describeRunError";
import { inspectPaths, outputNameProblem } from "./inspectPaths";
import { asksTeamReview, parseCliArgs } from "./options";
import { progressLine, type ProgressStream } from "./progressLine";
import { summarize } from "./summarize";

/**
 * `analyze <input.xlsx> --out <output.xlsx> [--month YYYY-MM] [--lang zh-CN|en-US] [--in-place] [--plan]`;
 * with several inputs, the team review (combineMain): `analyze a.xlsx b.xlsx --out team.xlsx`.
 * `--plan` also writes next month's plan sheet (issue 16), and saves that setting in the workbook.
 * Exit codes: 0 done, 2 usage, a missing or unreadable input file or a missing required column, 1 anything unexpected.
 * `progress` (the command line passes stderr) gets a line saying what the run is doing when
 * it is a terminal; the line is erased before anything is printed.
 */
export async function main(
  argv: string[],
  out: (line: string) => void,
  err: (line: string) => void,
  progress?: ProgressStream,
): Promise<number> {
  let args;
  try {
    args = parseCliArgs(argv);
  } catch (e) {
    err((e as Error).message);
    err(t("en-US", "cli.usage"));
    return 2;
  }
  const lang: Lang =
    args.values.lang === "en-US" || args.values.lang === "zh-CN"
      ? args.values.lang
      : args.values.lang
        ? langFor(args.values.lang)
        : "zh-CN";
  const input = args.positionals[0];
  const inPlace = args.values["in-place"] === true;
  if (asksTeamReview(args)) {
    return combineMain(args.positionals, args.values.out, { lang, month: args.values.month }, out, err, progress);
  }
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
    err(describePathProblem(problem, input, output, lang));
    return 2;
  }
  let port: PackagePort | undefined;
  const line = progressLine(progress, lang);
  try {
    // The package is read and written part by part (the output written beside and renamed):
    // parts the run does not change are copied as they are, a 1,048,575-row sheet streams.
    const pkg = await openXlsx(input);
    port = packagePort(pkg, { onProgress: (p) => line.update(p) });
    const wrongName = outputNameProblem(pkg.macroEnabled, output);
    if (wrongName) {
      line.clear();
      err(t(lang, `cli.out.${wrongName.kind}`, { file: output }));
      return 2;
    }
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
    const words = describeRunError(e, input, lang);
    if (words !== undefined) {
      err(words);
      return 2;
    }
    // Our bug, or a file shaped as no test imagined: words, the detail for a report, exit code 1.
    for (const l of describeUnexpected(e, input, lang)) err(l);
    return 1;
  } finally {
    await port?.close();
  }
}

/** Runs `main` on this process's arguments and streams, setting the exit code (bin/sales-review.js calls it). */
export function runFromCommandLine(): void {
  main(
    process.argv.slice(2),
    (l) => console.log(l),
    (l) => console.error(l),
    process.stderr,
  ).then(
    (code) => (process.exitCode = code),
    (e: unknown) => {
      console.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
      process.exitCode = 1;
    },
  );
}

if (require.main === module) runFromCommandLine();
