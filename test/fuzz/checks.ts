import { parseA1 } from "../../src/core/_lib/a1";
import type { Cell } from "../../src/core/_lib/cells";
import { skippedRows } from "../../src/core/buildReportSheet";
import type { WritePlan } from "../../src/core/output";
import type { Review } from "../../src/core/runReview";
import type { SheetMapping } from "../../src/core/types";
import { plainCell } from "./build";
import { EXCEL_MAX_TEXT, type FuzzWorkbook } from "./generators";

/** Text a run must never make: a number gone wrong, or a message placeholder left unfilled. */
const SUSPICIOUS = /NaN|Infinity|undefined|\{\w+\}/;

/**
 * Finds what no written cell may hold: a non-finite number, text over 32,767 characters
 * (but the user's own cells, left as they were), or run-made text showing
 * NaN/Infinity/undefined/`{placeholder}`. Text is only suspicious once every piece of
 * user text it echoes (a sheet name, an issue's cell value) is taken out of it.
 */
export class BadCellScan {
  private readonly userTexts: string[];
  private readonly userCells: ReadonlySet<string>;
  readonly found: string[] = [];
  private readonly userSheets: ReadonlySet<string>;
  constructor(userTexts: readonly string[], userSheets: readonly string[]) {
    this.userCells = new Set(userTexts);
    this.userSheets = new Set(userSheets);
    this.userTexts = [...this.userCells].filter((u) => u !== "").sort((a, b) => b.length - a.length);
  }

  /** `inUserSheet`: the cell stands in one of the user's sheets, where the user's own long text may stay. */
  cell(where: string, v: unknown, inUserSheet = false): void {
    if (typeof v === "number" && !Number.isFinite(v)) this.found.push(`${where}: ${v}`);
    else if (typeof v === "string" && v.length > EXCEL_MAX_TEXT && !(inUserSheet && this.userCells.has(v)))
      this.found.push(`${where}: ${v.length} characters`);
    else if (typeof v === "string" && SUSPICIOUS.test(v)) {
      let rest = v;
      for (const u of this.userTexts) if (rest.includes(u)) rest = rest.split(u).join("\u0001");
      if (SUSPICIOUS.test(rest)) this.found.push(`${where}: ${JSON.stringify(v.slice(0, 80))}`);
    } else if (
      v !== null &&
      v !== undefined &&
      typeof v !== "string" &&
      typeof v !== "number" &&
      typeof v !== "boolean"
    ) {
      this.found.push(`${where}: not a cell value (${typeof v})`);
    }
  }

  /** Every value of a write plan: owned columns, the created sheet, the analysis sheet. */
  plan(plan: WritePlan): this {
    for (const s of plan.sheets)
      for (const c of s.columns)
        c.values.forEach((v, k) => this.cell(`plan ${s.sheet} col ${c.col} row ${s.firstRow + k}`, v));
    plan.created?.rows.forEach((row, r) => row.forEach((v, c) => this.cell(`plan created ${r},${c}`, v)));
    plan.created?.header.forEach((v, c) => this.cell(`plan created header ${c}`, v));
    plan.report.rows.forEach((row, r) => row.cells.forEach((v, c) => this.cell(`plan report ${r},${c}`, v)));
    return this;
  }

  /** Every cell of a written workbook, as rows by sheet. */
  sheets(sheets: Iterable<[string, readonly (readonly Cell[])[]]>): this {
    for (const [name, rows] of sheets)
      rows.forEach((row, r) => row.forEach((v, c) => this.cell(`${name} ${r},${c}`, v, this.userSheets.has(name))));
    return this;
  }
}

/**
 * Rows read = rows used + rows listed, per input sheet: every data row with a value in a
 * mapped column (counted here from the generated cells, not by the engine) is either used
 * by the review or has a data issue naming a cell of that row. Returns the discrepancies.
 */
export function unlistedSkippedRows(review: Review, wb: FuzzWorkbook): string[] {
  const problems: string[] = [];
  let skippedTotal = 0;
  const d = review.detection;
  const used: [SheetMapping | undefined, Iterable<number>][] = [
    [d.orders, review.inputs.orders.row.subarray(0, review.inputs.orders.n)],
    [d.visits, review.inputs.visits.row.subarray(0, review.inputs.visits.n)],
    [d.costs, review.inputs.costs.map((c) => c.row)],
    [d.customers, d.customers ? review.customers.sheetRows.flat() : []],
  ];
  for (const [m, rows] of used) {
    if (!m) continue;
    const sheet = wb.sheets.find((s) => s.name === m.sheet);
    if (!sheet) {
      problems.push(`${m.sheet}: detected but not generated`);
      continue;
    }
    const cols = [...(Object.values(m.columns) as number[]), ...m.monthlyCostColumns];
    const nonBlank = new Set<number>();
    for (let r = m.headerRow + 1; r < sheet.rows.length; r++) {
      if (cols.some((c) => !isBlankText(plainCell(sheet.rows[r]?.[c])))) nonBlank.add(r);
    }
    const usedRows = new Set(rows);
    const listed = new Set(review.issues.filter((i) => i.sheet === m.sheet).map((i) => parseA1(i.address).row));
    for (const r of usedRows) if (!nonBlank.has(r)) problems.push(`${m.sheet} row ${r + 1}: used but blank`);
    const skipped = [...nonBlank].filter((r) => !usedRows.has(r));
    skippedTotal += skipped.length;
    for (const r of skipped) if (!listed.has(r)) problems.push(`${m.sheet} row ${r + 1}: skipped with no data issue`);
    if (m.rowCount !== nonBlank.size)
      problems.push(`${m.sheet}: engine read ${m.rowCount} rows, the sheet has ${nonBlank.size}`);
  }
  // The analysis sheet's "rows skipped" figure is the same count.
  if (skippedRows(review) !== skippedTotal)
    problems.push(`rows skipped: the sheet says ${skippedRows(review)}, the inputs show ${skippedTotal}`);
  return problems;
}

function isBlankText(v: Cell): boolean {
  return v === null || (typeof v === "string" && v.trim() === "");
}

/** Figures of the review itself that are not finite (before the plan leaves such cells blank). */
export function nonFiniteFigures(review: Review): number {
  let n = 0;
  const keys = ["sales", "share", "cum", "changePct", "recent", "prior", "visits", "visitCost", "costRatio"] as const;
  for (const r of review.results) for (const k of keys) if (r[k] !== null && !Number.isFinite(r[k])) n++;
  for (const m of review.monthly)
    for (const v of Object.values(m)) if (typeof v === "number" && !Number.isFinite(v)) n++;
  return n;
}
