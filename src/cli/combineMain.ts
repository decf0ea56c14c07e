import { basename, resolve } from "node:path";
import { CombineInputError, combineWorkbooks } from "../adapters/combineWorkbooks";
import { combineSummary } from "../adapters/combineSummary";
import { localTimestamp } from "../adapters/reviewWorkbook";
import { newWorkbookPackage } from "../adapters/xlsx/package/newWorkbookPackage";
import { openXlsx } from "../adapters/xlsx/package/openXlsx";
import { packagePort } from "../adapters/xlsx/package/packagePort";
import { t, type Lang } from "../i18n";
import { describePathProblem, describeRunError, describeUnexpected } from "./describeRunError";
import { inspectPaths, outputNameProblem } from "./inspectPaths";
import { progressLine, type ProgressStream } from "./progressLine";
import { summarize } from "./summarize";

/**
 * The team review on files: `analyze a.xlsx b.xlsx c.xlsx --out team.xlsx [--month] [--lang]`.
 * Every input is checked before any is read, and read before anything is written; the output
 * is a new workbook (never one of the inputs) holding one combined sheet per role with its
 * owned columns, the analysis sheet and the record. An input that cannot be read ends the run
 * with exit code 2 and words naming it; nothing is written.
 */
export async function combineMain(
  inputs: readonly string[],
  output: string | undefined,
  options: { lang: Lang; month?: string },
  out: (line: string) => void,
  err: (line: string) => void,
  progress?: ProgressStream,
): Promise<number> {
  const { lang } = options;
  if (!output) {
    err(t(lang, "cli.usage"));
    return 2;
  }
  for (const input of inputs) {
    if (resolve(input) === resolve(output)) {
      err(t(lang, "combine.outIsInput", { file: output }));
      return 2;
    }
  }
  for (const input of inputs) {
    const problem = await inspectPaths(input, output);
    if (problem) {
      err(describePathProblem(problem, input, output, lang));
      return 2;
    }
  }
  // The combined workbook is new and holds no macros: an .xlsx, whatever the inputs are.
  const wrongName = outputNameProblem(false, output);
  if (wrongName) {
    err(t(lang, `cli.out.${wrongName.kind}`, { file: output }));
    return 2;
  }
  const line = progressLine(progress, lang);
  const names = uniqueNames(inputs);
  try {
    const result = await combineWorkbooks(
      inputs.map((file, i) => ({
        name: names[i],
        open: async () => packagePort(await openXlsx(file), { onProgress: (p) => line.update(p) }),
      })),
      { lang, month: options.month, generatedAt: localTimestamp(new Date()) },
    );
    line.update({ stage: "compute" });
    const port = packagePort(
      newWorkbookPackage(
        result.merged.grids.map((grid, i) => ({
          grid,
          formats: result.merged.formats[i],
          // A combined grid's last column is its Source (MergedWorkbook): one text per input, on every row.
          sharedColumns: [result.merged.formats[i].length - 1],
        })),
      ),
      { onProgress: (p) => line.update(p) },
    );
    await port.write(result.plan, result.record, []);
    await port.save(output);
    line.clear();
    for (const l of combineSummary(result, lang)) out(l);
    for (const l of summarize(result, lang, output)) out(l);
    return 0;
  } catch (e) {
    line.clear();
    const failed = e instanceof CombineInputError ? inputs[names.indexOf(e.input)] : inputs[0];
    const words = describeRunError(e instanceof CombineInputError ? e.reason : e, failed, lang);
    if (words === undefined) {
      for (const l of describeUnexpected(e, failed, lang)) err(l);
      return 1;
    }
    err(e instanceof CombineInputError && e.reason instanceof RangeError ? `${failed}: ${words}` : words);
    return 2;
  }
}

/** File names as the Source column and data issues show them; two inputs of one name get their folder too. */
function uniqueNames(inputs: readonly string[]): string[] {
  const base = inputs.map((f) => basename(f));
  return inputs.map((f, i) => (base.filter((b) => b === base[i]).length > 1 ? resolve(f) : base[i]));
}
