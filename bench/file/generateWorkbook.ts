/**
 * Writes the benchmark workbook as a real .xlsx (once, cached in `bench/.cache/`), from the
 * very grids `npm run bench` feeds the engine (`bench/generate.ts`, seeded), so the engine,
 * file and add-in benchmarks all measure the same data. ExcelJS's streaming `WorkbookWriter`
 * writes it with shared strings; numbers in date columns become dates with a `yyyy-mm-dd`
 * format, numbers in money columns keep a `#,##0.00` format, and the ~10% of text dates and
 * amounts the generator makes (as real exports have) stay text.
 *
 * `npx tsx bench/file/generateWorkbook.ts [--sizes 64,8,1]` generates the missing sizes.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import type { Cell } from "../../src/core/types";
import { generateWorkbook } from "../generate";

/** Bump when the written workbook changes, so stale cached files are not benchmarked. */
export const GENERATOR_VERSION = 1;
export const CACHE_DIR = join(__dirname, "..", ".cache");

export interface CachedWorkbook {
  file: string;
  divisor: number;
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

export function workbookPath(divisor: number): string {
  return join(CACHE_DIR, `sales-1of${divisor}-v${GENERATOR_VERSION}.xlsx`);
}

async function write(file: string, divisor: number): Promise<CachedWorkbook["rows"]> {
  const { grids, rows } = generateWorkbook(1 / divisor);
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
      const out: (Cell | Date)[] = src.map((v, c) => (r > 0 && isDate[c] && typeof v === "number" ? serialToDate(v) : v));
      ws.addRow(out).commit();
    }
    ws.commit();
  }
  await wb.commit();
  return rows;
}

/**
 * The cached workbook at 1/`divisor` of full size, generated first when missing.
 * @example (await ensureWorkbook(64)).rows.orders === 16383
 */
export async function ensureWorkbook(divisor: number, log: (line: string) => void = () => undefined): Promise<CachedWorkbook> {
  const file = workbookPath(divisor);
  const meta = `${file}.json`;
  if (existsSync(file) && existsSync(meta)) {
    const rows = JSON.parse(readFileSync(meta, "utf8")) as CachedWorkbook["rows"];
    return { file, divisor, rows, bytes: statSync(file).size, generatedMs: null };
  }
  mkdirSync(CACHE_DIR, { recursive: true });
  log(`generating ${file} …`);
  const t0 = Date.now();
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    const rows = await write(tmp, divisor);
    renameSync(tmp, file);
    writeFileSync(meta, JSON.stringify(rows));
    const generatedMs = Date.now() - t0;
    log(`  ${rows.orders} order rows, ${(statSync(file).size / 1024 / 1024).toFixed(1)} MB, in ${(generatedMs / 1000).toFixed(1)} s`);
    return { file, divisor, rows, bytes: statSync(file).size, generatedMs };
  } finally {
    rmSync(tmp, { force: true });
  }
}

/** Parses `--sizes 64,8,1` (divisors of full size). */
export function parseSizes(argv: string[], fallback = [64, 8, 1]): number[] {
  const i = argv.indexOf("--sizes");
  if (i < 0) return fallback;
  const sizes = (argv[i + 1] ?? "").split(",").map((s) => Number(s.replace(/^1\//, "")));
  if (sizes.length === 0 || sizes.some((d) => !Number.isInteger(d) || d < 1)) throw new RangeError(`--sizes takes divisors of full size, like 64,8,1; got ${argv[i + 1]}`);
  return sizes;
}

if (require.main === module) {
  (async () => {
    for (const d of parseSizes(process.argv.slice(2))) {
      const wb = await ensureWorkbook(d, (l) => console.log(l));
      console.log(`1/${d}: ${wb.file} (${(wb.bytes / 1024 / 1024).toFixed(1)} MB, ${wb.rows.orders} order rows)${wb.generatedMs === null ? " cached" : ""}`);
    }
  })().catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  });
}
