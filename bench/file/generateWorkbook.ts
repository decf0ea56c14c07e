/**
 * Writes the benchmark workbook as a real .xlsx (once, cached in `bench/.cache/`), from the
 * very grids `npm run bench` feeds the engine (`bench/generate.ts`, seeded), so the engine,
 * file and add-in benchmarks all measure the same data. ExcelJS's streaming `WorkbookWriter`
 * writes it with shared strings; numbers in date columns become dates with a `yyyy-mm-dd`
 * format, numbers in money columns keep a `#,##0.00` format, and the ~10% of text dates and
 * amounts the generator makes (as real exports have) stay text.
 *
 * Sizes are divisors of full size (64, 8, 1) or `issue`: issue 12's workbook, 166,000
 * orders, 6,000 customers and 105,000 visits (the 6× target against LibreOffice).
 *
 * `npx tsx bench/file/generateWorkbook.ts [--sizes 64,8,issue,1]` generates the missing sizes.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import type { Cell, Grid } from "../../src/core/types";
import { generateWorkbook, type RowCounts } from "../generate";

/** Bump when the written workbook changes, so stale cached files are not benchmarked. */
export const GENERATOR_VERSION = 1;
export const CACHE_DIR = join(__dirname, "..", ".cache");

/** A benchmark workbook's size: a divisor of full size, with row counts of its own or not. */
export interface BenchSize {
  /** How tables and logs name it: `1/8`, `full`, `issue`. */
  label: string;
  divisor: number;
  counts?: RowCounts;
}

/** Issue 12's workbook: about 1/8 of the orders, fewer customers, half the visits of full size. */
export const ISSUE_SIZE: BenchSize = {
  label: "issue",
  divisor: 8,
  counts: { customers: 6_000, orders: 166_000, visits: 105_000 },
};

export interface CachedWorkbook {
  file: string;
  size: BenchSize;
  rows: { customers: number; orders: number; visits: number; costs: number };
  bytes: number;
  /** Milliseconds spent generating it now; null when it came from the cache. */
  generatedMs: number | null;
}

/** Header names (as `bench/generate.ts` writes them) whose numbers are dates, and those that are money. */
const DATE_HEADERS = new Set(["首次交易日期", "订单日期", "拜访日期"]);
const MONEY_HEADERS = new Set(["金额", "毛利", "费用", "工资", "提成", "差旅费"]);
const DATE_FORMAT = "yyyy-mm-dd";
const MONEY_FORMAT = "#,##0.00";

/** The JS Date ExcelJS turns back into exactly this serial (it converts in UTC). */
function serialToDate(serial: number): Date {
  return new Date(Math.round((serial - 25_569) * 86_400_000));
}

export function workbookPath(size: BenchSize): string {
  const name = size.counts ? size.label : `1of${size.divisor}`;
  return join(CACHE_DIR, `sales-${name}-v${GENERATOR_VERSION}.xlsx`);
}

async function write(file: string, size: BenchSize): Promise<CachedWorkbook["rows"]> {
  const { grids, rows } = generateWorkbook(1 / size.divisor, undefined, size.counts);
  await writeGridsFile(grids, file);
  return rows;
}

/** Writes grids (each at A1, its first row the header) as the benchmark writes its workbook. */
export async function writeGridsFile(grids: readonly Grid[], file: string): Promise<void> {
  // Fixed timestamps: the same size gives the same document properties on every machine.
  const stamp = new Date(Date.UTC(2026, 10, 1));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: true });
  wb.created = stamp;
  wb.modified = stamp;
  for (const grid of grids) {
    const ws = wb.addWorksheet(grid.sheet);
    const header = grid.values[0] as string[];
    ws.columns = header.map((h) => ({
      key: h,
      width: DATE_HEADERS.has(h) ? 12 : 16,
      style: DATE_HEADERS.has(h) ? { numFmt: DATE_FORMAT } : MONEY_HEADERS.has(h) ? { numFmt: MONEY_FORMAT } : {},
    }));
    // `columns` with no `header` writes no row; the header row is written as data.
    const isDate = header.map((h) => DATE_HEADERS.has(h));
    for (let r = 0; r < grid.values.length; r++) {
      const src = grid.values[r];
      const out: (Cell | Date)[] = src.map((v, c) =>
        r > 0 && isDate[c] && typeof v === "number" ? serialToDate(v) : v,
      );
      ws.addRow(out).commit();
    }
    ws.commit();
  }
  await wb.commit();
}

/**
 * The cached workbook of a size, generated first when missing.
 * @example (await ensureWorkbook(parseSizes(["--sizes", "64"])[0])).rows.orders === 16383
 */
export async function ensureWorkbook(
  size: BenchSize,
  log: (line: string) => void = () => undefined,
): Promise<CachedWorkbook> {
  const file = workbookPath(size);
  const meta = `${file}.json`;
  if (existsSync(file) && existsSync(meta)) {
    const rows = JSON.parse(readFileSync(meta, "utf8")) as CachedWorkbook["rows"];
    return { file, size, rows, bytes: statSync(file).size, generatedMs: null };
  }
  mkdirSync(CACHE_DIR, { recursive: true });
  log(`generating ${file} …`);
  const t0 = Date.now();
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    const rows = await write(tmp, size);
    renameSync(tmp, file);
    writeFileSync(meta, JSON.stringify(rows));
    const generatedMs = Date.now() - t0;
    log(
      `  ${rows.orders} order rows, ${(statSync(file).size / 1024 / 1024).toFixed(1)} MB, in ${(generatedMs / 1000).toFixed(1)} s`,
    );
    return { file, size, rows, bytes: statSync(file).size, generatedMs };
  } finally {
    rmSync(tmp, { force: true });
  }
}

/** Parses `--sizes 64,8,issue,1` (divisors of full size, or `issue`). */
export function parseSizes(argv: string[], fallback = "64,8,issue,1"): BenchSize[] {
  const i = argv.indexOf("--sizes");
  const text = i < 0 ? fallback : (argv[i + 1] ?? "");
  return text.split(",").map((s) => {
    if (s === ISSUE_SIZE.label) return ISSUE_SIZE;
    const d = Number(s.replace(/^1\//, ""));
    if (!Number.isInteger(d) || d < 1)
      throw new RangeError(`--sizes takes divisors of full size or "issue", like 64,8,issue,1; got ${text}`);
    return { label: d === 1 ? "full" : `1/${d}`, divisor: d };
  });
}

if (require.main === module) {
  (async () => {
    for (const size of parseSizes(process.argv.slice(2))) {
      const wb = await ensureWorkbook(size, (l) => console.log(l));
      console.log(
        `${size.label}: ${wb.file} (${(wb.bytes / 1024 / 1024).toFixed(1)} MB, ${wb.rows.orders} order rows)${wb.generatedMs === null ? " cached" : ""}`,
      );
    }
  })().catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  });
}
