import { randomBytes } from "node:crypto";
import { readFile, rename, rm, writeFile, mkdir } from "node:fs/promises";
import { dirname, basename, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { addCharts } from "../adapters/xlsx/addCharts";
import { loadWorkbook } from "../adapters/xlsx/readWorkbook";
import { xlsxPort } from "../adapters/xlsx/xlsxPort";
import { localTimestamp, reviewWorkbook } from "../adapters/reviewWorkbook";
import { MissingColumnError, NoReadableRowsError } from "../core/errors";
import { describeMissingColumn, describeNoRows } from "../adapters/describeErrors";
import { langFor, t, type Lang } from "../i18n";
import { summarize } from "./summarize";

/**
 * `analyze <input.xlsx> --out <output.xlsx> [--month YYYY-MM] [--lang zh-CN|en-US] [--in-place]`
 * Exit codes: 0 done, 2 usage or a missing required column, 1 anything unexpected.
 */
export async function main(argv: string[], out: (line: string) => void, err: (line: string) => void): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { out: { type: "string", short: "o" }, month: { type: "string" }, lang: { type: "string" }, "in-place": { type: "boolean" }, help: { type: "boolean", short: "h" } },
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
  try {
    const workbook = await loadWorkbook(await readFile(input));
    const result = await reviewWorkbook(xlsxPort(workbook), { lang, month: args.values.month, generatedAt: localTimestamp(new Date()) });
    await writeAtomically(output, await addCharts(Buffer.from(await workbook.xlsx.writeBuffer()), result.plan.report));
    for (const line of summarize(result, lang, output)) out(line);
    return 0;
  } catch (e) {
    if (e instanceof MissingColumnError) {
      err(describeMissingColumn(e, lang));
      return 2;
    }
    if (e instanceof NoReadableRowsError) {
      err(describeNoRows(e, lang));
      return 2;
    }
    if (e instanceof RangeError) {
      err(e.message);
      return 2;
    }
    throw e;
  }
}

/** Writes beside the target and renames, so a crash never leaves a half-written file. */
async function writeAtomically(file: string, data: Buffer): Promise<void> {
  await mkdir(dirname(resolve(file)), { recursive: true });
  const tmp = join(dirname(resolve(file)), `.${basename(file)}.${randomBytes(4).toString("hex")}.tmp`);
  try {
    await writeFile(tmp, data);
    await rename(tmp, file);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}


if (require.main === module) {
  main(process.argv.slice(2), (l) => console.log(l), (l) => console.error(l)).then(
    (code) => (process.exitCode = code),
    (e: unknown) => {
      console.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
      process.exitCode = 1;
    },
  );
}
