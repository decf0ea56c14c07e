import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describeMissingColumn, describeNoRows } from "../../src/adapters/describeErrors";
import { ExcelLimitError, MissingColumnError, NoReadableRowsError } from "../../src/core/errors";
import { t, type Lang } from "../../src/i18n";
import { tierCount } from "../support/tier";
import { fuzzWorkbook, type FuzzWorkbook } from "./generators";

/** Seeded so that a failure reproduces: FUZZ_SEED=<seed> npx jest test/fuzz. */
export const SEED = Number(process.env.FUZZ_SEED ?? 20261123);
export const GENERATED_AT = "2026-11-23 09:30";
/** How many workbooks each path runs: 50 in the quick tier, 1,000 in the full one, or FUZZ_RUNS=<n> npx jest test/fuzz. */
export const RUNS = Number(process.env.FUZZ_RUNS ?? tierCount(50, 1000));

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

/** Counts a workbook, its shape and whether it has tables, before a path runs it. */
export function countWorkbook(tally: Tally, wb: FuzzWorkbook): void {
  tally.workbooks++;
  count(tally.shapes, wb.shape);
  if (wb.sheets.some((s) => s.table)) count(tally.shapes, "withTables");
}

/**
 * A path's one fuzz test: RUNS seeded workbooks, each in a language fast-check picks, through
 * `check` (the k-th workbook gets k), then no crash counted; a failure prints the seed.
 */
export function describeFuzz(
  title: string,
  tally: Tally,
  check: (wb: FuzzWorkbook, lang: Lang, k: number) => Promise<void>,
): void {
  describe(title, () => {
    it(`${RUNS} workbooks finish or stop with one clear message; nothing non-finite written; every skipped row listed`, async () => {
      let k = 0;
      try {
        await fc.assert(
          fc.asyncProperty(fuzzWorkbook(), fc.constantFrom<Lang>("zh-CN", "en-US"), (wb, lang) => check(wb, lang, k++)),
          { seed: SEED, numRuns: RUNS },
        );
      } catch (e) {
        console.error(`fuzz ${tally.path} failed; reproduce with FUZZ_SEED=${SEED}`);
        throw e;
      }
      expect(tally.crashes).toBe(0);
      expect(tally.workbooks).toBeGreaterThanOrEqual(RUNS);
    }, 900_000);
  });
}

/**
 * The one clear message a run may stop with, in the words the user sees (the same
 * functions both adapters call), or undefined when the error is not one of them: a crash.
 */
export function clearMessage(e: unknown, lang: Lang): { code: string; message: string } | undefined {
  if (e instanceof MissingColumnError) {
    const message = describeMissingColumn(e, lang);
    // The message names every missing field in the user's language.
    for (const group of e.missing)
      for (const f of group) if (!message.includes(t(lang, `field.${f}`))) return undefined;
    return { code: "MissingColumn", message };
  }
  if (e instanceof NoReadableRowsError) {
    const message = describeNoRows(e, lang);
    return message.includes(e.sheet) ? { code: "NoReadableRows", message } : undefined;
  }
  if (e instanceof ExcelLimitError) {
    // Stopped by one of Excel's limits: the message names the sheet, in the user's language.
    const named = lang === "zh-CN" ? `“${e.sheet}”` : `"${e.sheet}"`;
    return e.message.includes(named) && !/\{\w+\}/.test(e.message)
      ? { code: `ExcelLimit.${e.limit}`, message: e.message }
      : undefined;
  }
  return undefined;
}

export function writeSummary(tally: Tally): void {
  const dir = join(__dirname, "../../test-output");
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `fuzz-summary-${tally.path}.json`), JSON.stringify(tally, null, 2));
  console.log(`fuzz ${tally.path}: ${JSON.stringify(tally)}`);
}
