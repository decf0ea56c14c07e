import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describeMissingColumn, describeNoRows } from "../../src/adapters/describeErrors";
import { ExcelLimitError, MissingColumnError, NoReadableRowsError } from "../../src/core/errors";
import { t, type Lang } from "../../src/i18n";

/** Seeded so that a failure reproduces: FUZZ_SEED=<seed> npx jest test/fuzz. */
export const SEED = Number(process.env.FUZZ_SEED ?? 20261123);
export const GENERATED_AT = "2026-11-23 09:30";

/** What a fuzz run saw, printed once at the end and written to test-output/. */
export interface Tally {
  path: string;
  seed: number;
  workbooks: number;
  finished: number;
  issuesReported: number;
  clearMessages: Record<string, number>;
  crashes: number;
  shapes: Record<string, number>;
  [extra: string]: unknown;
}

export function newTally(path: string): Tally {
  return { path, seed: SEED, workbooks: 0, finished: 0, issuesReported: 0, clearMessages: {}, crashes: 0, shapes: {} };
}

export function count(map: Record<string, number>, key: string): void {
  map[key] = (map[key] ?? 0) + 1;
}

/**
 * The one clear message a run may stop with, in the words the user sees (the same
 * functions both adapters call), or undefined when the error is not one of them: a crash.
 */
export function clearMessage(e: unknown, lang: Lang): { code: string; message: string } | undefined {
  if (e instanceof MissingColumnError) {
    const message = describeMissingColumn(e, lang);
    // The message names every missing field in the user's language.
    for (const group of e.missing) for (const f of group) if (!message.includes(t(lang, `field.${f}`))) return undefined;
    return { code: "MissingColumn", message };
  }
  if (e instanceof NoReadableRowsError) {
    const message = describeNoRows(e, lang);
    return message.includes(e.sheet) ? { code: "NoReadableRows", message } : undefined;
  }
  if (e instanceof ExcelLimitError) {
    // Stopped by one of Excel's limits: the message names the sheet, in the user's language.
    const named = lang === "zh-CN" ? `“${e.sheet}”` : `"${e.sheet}"`;
    return e.message.includes(named) && !/\{\w+\}/.test(e.message) ? { code: `ExcelLimit.${e.limit}`, message: e.message } : undefined;
  }
  return undefined;
}

export function writeSummary(tally: Tally): void {
  const dir = join(__dirname, "../../test-output");
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `fuzz-summary-${tally.path}.json`), JSON.stringify(tally, null, 2));
  console.log(`fuzz ${tally.path}: ${JSON.stringify(tally)}`);
}
