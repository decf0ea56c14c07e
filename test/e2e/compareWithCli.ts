import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main";
import type { Cell } from "../../src/core/_lib/cells";
import { BOOKKEEPING_SHEETS } from "../../src/core/record";
import type { Lang } from "../../src/i18n";
import type { WorkbookModel } from "../excel-double/model";
import { dumpWorkbook } from "../support/readBack";

/**
 * A workbook the Office.js path wrote (the pane in the browser, or the host in
 * test/adapter/excelRun.test.ts) against the command line's output for the same input: every
 * cell of every sheet a user can see, the analysis sheet included.
 */

/** The analysis sheet's "generated at" row: its time is the one cell that differs between any two runs. */
const GENERATED: Record<Lang, { sheetPrefix: string; label: string }> = {
  "zh-CN": { sheetPrefix: "月度分析", label: "生成时间" },
  "en-US": { sheetPrefix: "Review", label: "Generated" },
};
/** The plan sheet (issue 16) has the same "generated at" row. */
const PLAN_PREFIX: Record<Lang, string> = { "zh-CN": "拜访计划", "en-US": "Plan" };
/** What stands in for the generated time when it is the text both writers write (`yyyy-mm-dd hh:mm`). */
export const GENERATED_TIME = "<yyyy-mm-dd hh:mm as text>";
const TIMESTAMP = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/;

/** Sheet values without trailing blanks, "" and null alike, so two readers' used ranges compare. */
function normalise(values: Cell[][], origin: { row: number; col: number }): Cell[][] {
  const out: Cell[][] = [];
  values.forEach((row, r) => {
    const full: Cell[] = [];
    for (let c = 0; c < origin.col; c++) full.push(null);
    for (const v of row) full.push(v === "" ? null : v === 0 ? 0 : v); // -0 and 0 are one value in a cell
    while (full.length > 0 && full[full.length - 1] === null) full.pop();
    out[origin.row + r] = full;
  });
  for (let r = 0; r < out.length; r++) out[r] ??= [];
  while (out.length > 0 && out[out.length - 1]!.length === 0) out.pop();
  return out;
}

/**
 * The number format of each cell that holds a value, beside `normalise`'s rows (null where the
 * cell is blank); "General" where none is set, as Excel shows it.
 */
function formatsOf(rows: Cell[][], formatAt: (row: number, col: number) => string | undefined): (string | null)[][] {
  return rows.map((row, r) => row.map((v, c) => (v === null ? null : formatAt(r, c) || "General")));
}

/**
 * Workbook contents comparable across the two writers: the names of the sheets a user can see
 * (or unhide) in order, and each one's rows and the number format of every cell with a value.
 * The add-in's very hidden bookkeeping sheets (the record, and on the Office.js path the undo
 * snapshot) hold run-specific details and are left out.
 */
export interface ComparableWorkbook {
  names: string[];
  sheets: { name: string; rows: Cell[][]; formats: (string | null)[][] }[];
}

function comparable(
  all: string[],
  rowsOf: (name: string) => Cell[][],
  formatOf: (name: string) => (row: number, col: number) => string | undefined,
  lang: Lang,
): ComparableWorkbook {
  const { sheetPrefix, label } = GENERATED[lang];
  const names = all.filter((name) => !BOOKKEEPING_SHEETS.includes(name));
  const sheets = names.map((name) => {
    const rows = rowsOf(name);
    const formats = formatsOf(rows, formatOf(name));
    // The time differs between two runs; that it is still text of this form (not a date Excel made of it) does not.
    if (name.startsWith(sheetPrefix) || name.startsWith(PLAN_PREFIX[lang]))
      for (const r of rows)
        if (r[0] === label && typeof r[1] === "string" && TIMESTAMP.test(r[1])) r[1] = GENERATED_TIME;
    return { name, rows, formats };
  });
  return { names, sheets };
}

/** What the command line writes for `input` in `lang`. */
export async function cliWorkbook(
  input: string,
  lang: Lang,
  extraArgs: readonly string[] = [],
): Promise<ComparableWorkbook> {
  const dir = mkdtempSync(join(tmpdir(), "e2e-cli-"));
  const out = join(dir, "cli.xlsx");
  const errors: string[] = [];
  let dump: Awaited<ReturnType<typeof dumpWorkbook>>;
  try {
    const code = await main(
      [input, "--out", out, "--lang", lang, ...extraArgs],
      () => undefined,
      (line) => errors.push(line),
    );
    if (code !== 0) throw new Error(`the command line failed on ${input} (exit ${code}): ${errors.join("\n")}`);
    dump = await dumpWorkbook(out);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return comparable(
    [...dump.keys()],
    (name) => normalise(dump.get(name)!.rows, { row: 0, col: 0 }),
    (name) => (r, c) => dump.get(name)!.formats[r]?.[c],
    lang,
  );
}

/** What the Office.js path wrote into the double's workbook. */
export function paneWorkbook(model: WorkbookModel, lang: Lang): ComparableWorkbook {
  return comparable(
    model.sheets.map((s) => s.name),
    (name) => {
      const { values, origin } = model.sheetValues(name);
      return normalise(values as Cell[][], origin);
    },
    (name) => (r, c) => model.sheet(name)!.get(r, c)?.numberFormat,
    lang,
  );
}
