import type { Cell, DayMonthOrder } from "./_lib/cells";
import { t, type Lang } from "../i18n";
import { ROLE_FIELDS, SYNONYMS, type Field, type Role } from "./columns";
import { detectSheets } from "./detectSheets";
import { MergeRoleRows } from "./mergeRoleRows";
import { withDefaults } from "./options";
import { readInputs } from "./readInputs";
import { DATE_FIELDS, MONEY_FIELDS, readMergeRows } from "./readMergeRows";
import type { RunOptions } from "./runReview";
import type { NumberFormat } from "./output";
import type { CellIssue, Grid } from "./types";

/** What the summary says of one input: the sheets read per role and the rows another input also holds. */
export interface MergeInputSummary {
  file: string;
  sheets: { role: Role; sheet: string; headerRow: number; rows: number; read: number }[];
  /** Rows recognised as the same row in another input. */
  shared: number;
}

export interface MergedWorkbook {
  /** One combined grid per role some input has: the mapped fields under `lang`'s headers, then Source. */
  grids: Grid[];
  /** Each grid's column formats (dates, money), for a writer. */
  formats: (NumberFormat | null)[][];
  /** Every input's own data issues (sheet written `[file]sheet`, as Excel names a cell of another workbook), then the merge's conflicts. */
  issues: CellIssue[];
  inputs: MergeInputSummary[];
  /** Rows each role's inputs hold but their reviews skip (unreadable required cells). */
  skipped: Record<Role, number>;
  dateOrders: { sheet: string; order: DayMonthOrder }[];
}

const ROLES: readonly Role[] = ["customers", "orders", "visits", "costs", "payments"];

/**
 * Combines several workbooks' inputs: each is detected and read exactly as a single
 * workbook is (its own headers, title rows, tables, mapping overrides, owned columns and
 * date system), and its rows are merged per role (MergeRoleRows) into combined grids on
 * which the normal review runs unchanged. Inputs are added one at a time so that a
 * caller can let each one's grids go before reading the next.
 * @example const m = new WorkbookMerger("en-US"); m.add("a.xlsx", gridsA); m.add("b.xlsx", gridsB); runReview(m.finish().grids)
 */
export class WorkbookMerger {
  private readonly roles = new Map<Role, MergeRoleRows>();
  private readonly issues: CellIssue[] = [];
  private readonly conflicts: CellIssue[] = [];
  private readonly inputs: MergeInputSummary[] = [];
  private readonly skipped: Record<Role, number> = { customers: 0, orders: 0, visits: 0, costs: 0, payments: 0 };
  private readonly dateOrders: MergedWorkbook["dateOrders"] = [];

  constructor(private readonly lang: Lang) {}

  /** Reads one input's grids with the options its own review would use (`owned`, `overrides`, `dateSystem`). */
  add(file: string, grids: readonly Grid[], options: RunOptions = {}): MergeInputSummary {
    const opts = withDefaults(options);
    const detection = detectSheets(grids, { owned: options.owned, overrides: opts.overrides });
    const inputs = readInputs(grids, detection, opts);
    const where = (sheet: string) => `[${file}]${sheet}`;
    for (const i of inputs.issues) this.issues.push({ ...i, sheet: where(i.sheet) });
    for (const d of inputs.dateOrders) this.dateOrders.push({ sheet: where(d.sheet), order: d.order });
    const index = this.inputs.length;
    const summary: MergeInputSummary = { file, sheets: [], shared: 0 };
    for (const sheet of readMergeRows(grids, detection, inputs, opts)) {
      let merge = this.roles.get(sheet.role);
      if (!merge) this.roles.set(sheet.role, (merge = new MergeRoleRows(sheet.role)));
      merge.add(index, file, sheet, this.conflicts);
      const m = sheet.mapping;
      summary.sheets.push({
        role: sheet.role,
        sheet: m.sheet,
        headerRow: m.headerRow,
        rows: m.rowCount,
        read: sheet.cells.length,
      });
      this.skipped[sheet.role] += m.rowCount - sheet.cells.length;
    }
    this.inputs.push(summary);
    return summary;
  }

  /** The combined grids, issues and per-input summaries; call once, after the last `add` (it lets the merged rows go). */
  finish(): MergedWorkbook {
    const grids: Grid[] = [];
    const formats: (NumberFormat | null)[][] = [];
    for (const role of ROLES) {
      const merge = this.roles.get(role);
      if (!merge) continue;
      const { grid, format } = this.gridOf(merge);
      grids.push(grid);
      formats.push(format);
    }
    this.inputs.forEach((s, i) => (s.shared = ROLES.reduce((n, r) => n + (this.roles.get(r)?.sharedRows(i) ?? 0), 0)));
    // The merged rows live on in the grids alone: the caller's review and writer need not hold both.
    this.roles.clear();
    return {
      grids,
      formats,
      issues: [...this.issues, ...this.conflicts],
      inputs: this.inputs,
      skipped: this.skipped,
      dateOrders: this.dateOrders,
    };
  }

  private gridOf(merge: MergeRoleRows): { grid: Grid; format: (NumberFormat | null)[] } {
    const fields = ROLE_FIELDS[merge.role];
    const cols: number[] = [];
    fields.forEach((f, k) => {
      if (f !== "monthlyCost" && (merge.mapped[k] || (merge.role === "orders" && f === "amount"))) cols.push(k);
    });
    const monthly = [...merge.monthlyHeaders.keys()];
    const header: Cell[] = [
      ...cols.map((k) => combinedHeader(fields[k], this.lang)),
      ...merge.monthlyHeaders.values(),
      t(this.lang, "combine.source"),
    ];
    const values: Cell[][] = new Array(merge.cells.length + 1);
    values[0] = header;
    for (let r = 0; r < merge.cells.length; r++) values[r + 1] = rowCells(merge, r, cols, monthly);
    const format = [...cols.map((k) => formatOf(fields[k])), ...monthly.map(() => "money" as const), null];
    return { grid: { sheet: t(this.lang, `role.${merge.role}`), origin: { row: 0, col: 0 }, values }, format };
  }
}

function formatOf(field: Field): NumberFormat | null {
  return DATE_FIELDS.has(field) ? "date" : MONEY_FIELDS.has(field) ? "money" : null;
}

/**
 * Combined row r's cells as its grid row: the written fields (`cols`, ascending), the monthly
 * costs, the source. Made in the row's own cells array, which the merge is done with: a
 * second array for each of a million rows, while the first still lived, was a tenth of the
 * team review's garbage collection.
 */
function rowCells(merge: MergeRoleRows, r: number, cols: readonly number[], monthly: readonly string[]): Cell[] {
  const out = merge.cells[r];
  for (let i = 0; i < cols.length; i++) out[i] = out[cols[i]];
  out.length = cols.length;
  for (const key of monthly) out.push(merge.monthly[r]?.find((m) => m.key === key)?.value ?? null);
  out.push(merge.sources[r]);
  return out;
}

/**
 * A field's header in a combined sheet: its first synonym in the output language (Chinese
 * for zh-CN, the first Latin one for en-US), so that the combined sheet is detected as the
 * inputs were.
 * @example combinedHeader("amount", "en-US") → "Amount"; combinedHeader("amount", "zh-CN") → "金额"
 */
export function combinedHeader(field: Field, lang: Lang): string {
  const latin = (s: string) => /^[\x20-\x7e]+$/.test(s);
  return SYNONYMS[field].find((s) => (lang === "en-US" ? latin(s) : !latin(s))) ?? SYNONYMS[field][0];
}
