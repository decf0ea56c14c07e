import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import type ExcelJS from "exceljs";
import { main } from "../../src/cli/main";
import { loadWorkbook } from "../support/loadWorkbook";
import type { Cell } from "../../src/core/_lib/cells";
import { dumpWorkbook, type SheetDump } from "../support/readBack";
import { EXPECTED_ZH, SAMPLE_ZH } from "../fixtures/paths";

/**
 * Shared machinery of the metamorphic tests: build a variant of the zh-CN sample
 * workbook, run the command line on it, read the written file back and reduce it
 * to plain, comparable figures (money to the cent, ratios to 1e-6).
 */
export const SAMPLE = SAMPLE_ZH;

export interface Expected {
  month: string;
  asof: string;
  customers: Record<string, { tier: string; sales: number; change: string; change_pct: number | null }>;
  monthly: Record<string, Record<string, number | null>>;
  tiers: Record<string, { customers: number; sales: number }>;
  data_issues: { sheet: string; cell: string; field: string }[];
}
export const EXPECTED = JSON.parse(readFileSync(EXPECTED_ZH, "utf8")) as Expected;

/** The sample's input sheets, by role. */
export const SHEETS = { customers: "客户表", orders: "订单表", visits: "拜访记录", costs: "费用表" } as const;

export const CUSTOMER_HEADERS = [
  "客户等级",
  "近12月销售额",
  "销售占比",
  "累计占比",
  "销售排名",
  "订货变化",
  "变化率",
  "近3月订货额",
  "前3月订货额",
  "拜访次数",
  "拜访成本",
  "成本率",
  "成本提示",
  "最近拜访",
  "拜访提醒",
] as const;
export const ORDER_HEADERS = ["客户等级", "新老客户"] as const;
export const VISIT_HEADERS = ["新老客户", "分摊成本"] as const;
const OUTPUT_HEADERS = new Set<string>([...CUSTOMER_HEADERS, ...ORDER_HEADERS, ...VISIT_HEADERS]);
const MONEY = new Set(["近12月销售额", "近3月订货额", "前3月订货额", "拜访成本", "分摊成本"]);

/** Money rounded to the cent. */
export function cents(x: number): number {
  return Math.round(x * 100) / 100;
}

/** Anything else numeric rounded to 1e-6 (ratios; counts and serials are unaffected). */
export function r6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

function norm(header: string, v: Cell): Cell {
  if (typeof v !== "number") return v === "" ? null : v;
  return MONEY.has(header) ? cents(v) : r6(v);
}

const dir = mkdtempSync(join(tmpdir(), "variants-"));

export async function loadSample(): Promise<ExcelJS.Workbook> {
  return loadWorkbook(readFileSync(SAMPLE));
}

export async function saveVariant(wb: ExcelJS.Workbook, name: string): Promise<string> {
  const file = join(dir, `${name}.xlsx`);
  // ExcelJS cannot write back a table whose style element has no name (the sample's): give it an explicit plain style.
  for (const ws of wb.worksheets)
    for (const t of tableModels(ws)) t.style ??= { showRowStripes: false, showColumnStripes: false };
  await wb.xlsx.writeFile(file);
  return file;
}

export interface Run {
  code: number;
  printed: string[];
  /** The written workbook. */
  dump: Map<string, SheetDump>;
  /** The input workbook, read back the same way. */
  input: Map<string, SheetDump>;
}

/** Runs `main(input --out … --lang zh-CN …extra)` and reads both files back. */
export async function runCli(input: string, extra: string[] = []): Promise<Run> {
  const out = join(dir, `${basename(input, ".xlsx")}.${extra.join("_").replace(/[^\w-]/g, "")}.out.xlsx`);
  const printed: string[] = [];
  const code = await main(
    [input, "--out", out, "--lang", "zh-CN", ...extra],
    (l) => printed.push(l),
    (l) => printed.push(l),
  );
  const dump = code === 0 ? await dumpWorkbook(out) : new Map<string, SheetDump>();
  return { code, printed, dump, input: await dumpWorkbook(input) };
}

export function sheetOf(dump: Map<string, SheetDump>, name: string): SheetDump {
  const ws = dump.get(name);
  if (!ws) throw new Error(`no sheet "${name}" in ${[...dump.keys()].join(", ")}`);
  return ws;
}

/** Index of the first row that holds `header` (the header row of an input sheet). */
export function headerRowOf(ws: SheetDump, header: string): number {
  const r = ws.rows.findIndex((row) => row.includes(header));
  if (r < 0) throw new Error(`no row with "${header}"`);
  return r;
}

function col(ws: SheetDump, headerRow: number, header: string): number {
  const c = ws.rows[headerRow].indexOf(header);
  if (c < 0) throw new Error(`no column "${header}" in row ${headerRow + 1}: ${ws.rows[headerRow].join(", ")}`);
  return c;
}

/** Every customer row's written figures, keyed by the value of column `keyCol` (one entry per row, duplicates included). */
export function customerFigures(ws: SheetDump, keyCol = 0): Record<string, Record<string, Cell>[]> {
  const h = headerRowOf(ws, "客户等级");
  const cols = CUSTOMER_HEADERS.map((header) => [header, col(ws, h, header)] as const);
  const out: Record<string, Record<string, Cell>[]> = {};
  for (const row of ws.rows.slice(h + 1)) {
    const key = row[keyCol];
    if (key === null || key === "") continue;
    const figures: Record<string, Cell> = {};
    for (const [header, c] of cols) figures[header] = norm(header, row[c]);
    (out[String(key)] ??= []).push(figures);
  }
  return out;
}

/** The written output columns of every row below the header, in sheet order. */
export function outputColumns(ws: SheetDump, headers: readonly string[], firstHeader = headers[0]): Cell[][] {
  const h = headerRowOf(ws, firstHeader);
  const cols = headers.map((header) => [header, col(ws, h, header)] as const);
  return ws.rows.slice(h + 1).map((row) => cols.map(([header, c]) => norm(header, row[c])));
}

export interface Review {
  monthlyHeader: Cell[];
  monthly: Record<string, Cell[]>;
  byRep: Cell[][];
  tiers: Cell[][];
  actions: Cell[][];
  unmatched: Cell[][];
  issueCount: Cell;
  issues: Cell[][];
}

/** The sections of the analysis sheet `月度分析 <month>`, numbers rounded to 1e-6. */
export function readReview(dump: Map<string, SheetDump>, month: string): Review {
  const ws = sheetOf(dump, `月度分析 ${month}`);
  const block = (title: string): Cell[][] => {
    const start = ws.rows.findIndex((r) => r[0] === title);
    if (start < 0) throw new Error(`no section "${title}"`);
    const rows: Cell[][] = [];
    for (let r = start + 1; r < ws.rows.length && ws.rows[r].some((v) => v !== null && v !== ""); r++) {
      const row = ws.rows[r].map((v) => (typeof v === "number" ? r6(v) : v === "" ? null : v));
      while (row.length > 0 && row[row.length - 1] === null) row.pop();
      rows.push(row);
    }
    return rows;
  };
  const [monthlyHeader, ...metricRows] = block("月度活动表");
  const issues = block("数据问题");
  return {
    monthlyHeader,
    monthly: Object.fromEntries(
      metricRows.map((r) => [
        String(r[0]),
        Array.from({ length: monthlyHeader.length - 1 }, (_, k) => r[k + 1] ?? null),
      ]),
    ),
    byRep: block(`按业务员（${month}）`),
    tiers: block("客户等级汇总"),
    actions: block("行动清单"),
    unmatched: ws.rows.some((r) => r[0] === "客户表中没有的客户") ? block("客户表中没有的客户") : [],
    issueCount: issues[0][0],
    issues: issues.slice(2),
  };
}

/**
 * Cell-by-cell differences between an input sheet and the same sheet written back,
 * over every column left of the first column the add-in wrote (all columns when it
 * wrote none): value and number format.
 */
export function unownedChanges(input: SheetDump, output: SheetDump): string[] {
  const outHeader = output.rows.findIndex((row) => row.some((v) => typeof v === "string" && OUTPUT_HEADERS.has(v)));
  const firstOwned =
    outHeader < 0 ? Infinity : output.rows[outHeader].findIndex((v) => typeof v === "string" && OUTPUT_HEADERS.has(v));
  const inWidth = Math.max(0, ...input.rows.map((r) => r.length));
  const width = Math.min(firstOwned, Math.max(inWidth, ...output.rows.map((r) => r.length)));
  const changes: string[] = [];
  if (firstOwned < inWidth && input.rows.some((r) => r.slice(firstOwned).some((v) => v !== null)))
    changes.push(`output column ${firstOwned + 1} overlaps the input`);
  const height = Math.max(input.rows.length, output.rows.length);
  for (let r = 0; r < height; r++) {
    for (let c = 0; c < width; c++) {
      const a = input.rows[r]?.[c] ?? null;
      const b = output.rows[r]?.[c] ?? null;
      const fa = input.formats[r]?.[c];
      const fb = output.formats[r]?.[c];
      if (a !== b || fa !== fb)
        changes.push(`R${r + 1}C${c + 1}: ${JSON.stringify([a, fa])} → ${JSON.stringify([b, fb])}`);
    }
  }
  return changes;
}

/** `unownedChanges` for several sheets, as one comparable record. */
export function unownedChangesOf(run: Run, sheets: string[]): Record<string, string[]> {
  return Object.fromEntries(
    sheets.map((s) => [s, unownedChanges(sheetOf(run.input, s), sheetOf(run.dump, s)).slice(0, 20)]),
  );
}

/** Renames a header cell, and the table column too when the sheet's data is an Excel table. */
export function renameHeader(ws: ExcelJS.Worksheet, from: string, to: string): void {
  const header = ws.getRow(1);
  let done = false;
  header.eachCell((cell) => {
    if (cell.value === from) {
      cell.value = to;
      done = true;
    }
  });
  if (!done) throw new Error(`no header "${from}" in ${ws.name}`);
  for (const t of tableModels(ws)) for (const c of t.columns) if (c.name === from) c.name = to;
}

interface TableModel {
  name: string;
  tableRef: string;
  autoFilterRef?: string;
  columns: { name: string }[];
  style?: object | null;
}

export function tableModels(ws: ExcelJS.Worksheet): TableModel[] {
  return Object.values((ws as unknown as { tables: Record<string, { table: TableModel }> }).tables ?? {}).map(
    (t) => t.table,
  );
}

/** Grows every table of the sheet down to `lastRow`. */
export function extendTables(ws: ExcelJS.Worksheet, lastRow: number): void {
  for (const t of tableModels(ws)) {
    t.tableRef = t.tableRef.replace(/\d+$/, String(lastRow));
    if (t.autoFilterRef) t.autoFilterRef = t.autoFilterRef.replace(/\d+$/, String(lastRow));
  }
}

/** The data issues as `sheet!cell raw` strings (the field column names the header, which a variant may change). */
export function issueCells(review: Review): string[] {
  return review.issues.map((r) => `${String(r[0])}!${String(r[1])} ${String(r[3])}`);
}
