import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { reviewWorkbook, type ReviewWorkbookResult } from "../../src/adapters/reviewWorkbook";
import { openXlsxBuffer } from "../../src/adapters/xlsx/package/openXlsx";
import { packagePort } from "../../src/adapters/xlsx/package/packagePort";
import { main } from "../../src/cli/main";
import type { Lang } from "../../src/i18n";
import { loadWorkbook } from "../support/loadWorkbook";
import { dumpLoaded, dumpWorkbook } from "../support/readBack";
import { inputTexts, toXlsx } from "./build";
import { BadCellScan, nonFiniteFigures, unlistedSkippedRows } from "./checks";
import type { FuzzWorkbook } from "./generators";
import {
  clearMessage,
  count,
  countWorkbook,
  describeFuzz,
  GENERATED_AT,
  newTally,
  RUNS,
  writeSummary,
} from "./harness";
import { tierCount } from "../support/tier";

/**
 * Workbooks through the package port (input in memory), and how many of them also through the
 * command line's files: the first 25 in the quick tier (the command line is the same port plus the
 * files, exit code and messages), all in the full one.
 */
const CLI_RUNS = Number(process.env.FUZZ_CLI_RUNS ?? tierCount(25, RUNS));
const tally = newTally("xlsx");
tally.cliRuns = 0;
const dir = mkdtempSync(join(tmpdir(), "fuzz-xlsx-"));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  writeSummary(tally);
});

async function check(wb: FuzzWorkbook, lang: Lang, k: number): Promise<void> {
  countWorkbook(tally, wb);
  const input = await toXlsx(wb);
  const port = packagePort(await openXlsxBuffer(input));
  let result: ReviewWorkbookResult | undefined;
  let stopped: { code: string; message: string } | undefined;
  try {
    result = await reviewWorkbook(port, { lang, generatedAt: GENERATED_AT });
  } catch (e) {
    await port.close();
    stopped = clearMessage(e, lang);
    if (!stopped) {
      tally.crashes++;
      throw e;
    }
    count(tally.clearMessages, stopped.code);
  }
  const scan = new BadCellScan(
    inputTexts(wb),
    wb.sheets.map((s) => s.name),
  );
  if (result) {
    tally.finished++;
    tally.issuesReported += result.review.issues.length;
    // Written by the package writer (which closes the input), read back by ExcelJS: an independent reader.
    const written = join(dir, `port-${k}.xlsx`);
    await port.save(written);
    // The review's own figures are finite too, not only the cells written from them.
    expect(nonFiniteFigures(result.review)).toBe(0);
    expect(unlistedSkippedRows(result.review, wb)).toEqual([]);
    scan
      .plan(result.plan)
      .sheets([...dumpLoaded(await loadWorkbook(readFileSync(written)))].map(([name, s]) => [name, s.rows]));
    rmSync(written);
    expect(scan.found).toEqual([]);
  }
  if (k >= CLI_RUNS) return;
  // The same workbook as a file through the command line: exit 0 and a readable file, or exit 2 and the same message.
  tally.cliRuns = (tally.cliRuns as number) + 1;
  const file = join(dir, `in-${k}.xlsx`);
  const out = join(dir, `out-${k}.xlsx`);
  writeFileSync(file, input);
  const errors: string[] = [];
  const code = await main(
    [file, "--out", out, "--lang", lang],
    () => undefined,
    (line) => errors.push(line),
  );
  if (stopped) {
    expect({ code, message: errors.join("\n") }).toEqual({ code: 2, message: stopped.message });
  } else {
    expect({ code, errors }).toEqual({ code: 0, errors: [] });
    scan.sheets([...(await dumpWorkbook(out))].map(([name, s]) => [name, s.rows]));
    expect(scan.found).toEqual([]);
  }
  rmSync(file);
  rmSync(out, { force: true });
}

describeFuzz("fuzz: generated workbooks through the .xlsx port and the command line", tally, check);
