import { readDate, readText } from "../_lib/cells";
import type { DateSystem } from "../_lib/dates";
import { headerKey } from "../_lib/text";
import { PROSPECT_SYNONYMS, type ProspectField } from "../columns";
import { headerTexts, HEADER_SEARCH_ROWS } from "../detectSheets";
import type { Grid, OwnedColumn } from "../types";
import { readYesNo } from "./classifyProspect";

export interface Prospect {
  /** 0-based sheet row. */
  row: number;
  name: string;
  salesperson: string | null;
  money: boolean | null;
  authority: boolean | null;
  need: boolean | null;
  /** Expected close date (epoch day), null when none or unreadable. */
  close: number | null;
}

export interface ProspectSheet {
  grid: Grid;
  headerRow: number;
  columns: Partial<Record<ProspectField, number>>;
  headers: string[];
  lastRow: number;
  prospects: Prospect[];
}

/**
 * Finds the prospect sheet (潜在客户 / Prospects): a customer name and at least two of money,
 * authority and need, within the top 10 rows like any input; decided before the customer-sheet
 * rule, so a prospect list is never taken for the customer sheet. With two, the one whose
 * name says 潜在/prospect, then the one with more rows.
 * @example detectProspects([{ sheet: "潜在客户", origin: { row: 0, col: 0 }, values: [["客户名称", "资金", "需求"], ["甲", "有", "无"]] }])?.prospects
 *   → [{ row: 1, name: "甲", salesperson: null, money: true, authority: null, need: false, close: null }]
 */
export function detectProspects(
  grids: readonly Grid[],
  owned: readonly OwnedColumn[] = [],
  dateSystem: DateSystem = 1900,
): ProspectSheet | undefined {
  const found: ProspectSheet[] = [];
  for (const grid of grids) {
    const mine = new Set(owned.filter((o) => o.sheet === grid.sheet).map((o) => o.col));
    const rows = grid.table ? 1 : Math.min(HEADER_SEARCH_ROWS, grid.values.length);
    for (let r = 0; r < rows; r++) {
      const headers = headerTexts(grid, r);
      const columns = matchProspectColumns(headers, mine);
      const man = [columns.money, columns.authority, columns.need].filter((c) => c !== undefined).length;
      if (columns.name === undefined || man < 2) continue;
      found.push(readSheet(grid, r, columns, headers, dateSystem));
      break;
    }
  }
  const named = (s: ProspectSheet) => Number(/潜在|prospect/i.test(s.grid.sheet));
  return found.sort((a, b) => named(b) - named(a) || b.prospects.length - a.prospects.length)[0];
}

function matchProspectColumns(headers: readonly string[], owned: Set<number>): Partial<Record<ProspectField, number>> {
  const out: Partial<Record<ProspectField, number>> = {};
  const used = new Set<number>();
  for (const field of Object.keys(PROSPECT_SYNONYMS) as ProspectField[]) {
    const keys = PROSPECT_SYNONYMS[field].map(headerKey);
    let best: { col: number; rank: number } | undefined;
    headers.forEach((h, c) => {
      if (h === "" || used.has(c) || owned.has(c)) return;
      const rank = keys.indexOf(headerKey(h));
      if (rank >= 0 && (best === undefined || rank < best.rank)) best = { col: c, rank };
    });
    if (best) {
      out[field] = best.col;
      used.add(best.col);
    }
  }
  return out;
}

function readSheet(
  grid: Grid,
  r: number,
  columns: Partial<Record<ProspectField, number>>,
  headers: string[],
  dateSystem: DateSystem,
): ProspectSheet {
  const cell = (row: readonly unknown[], field: ProspectField) => {
    const c = columns[field];
    return c === undefined ? null : ((row[c - grid.origin.col] ?? null) as Parameters<typeof readText>[0]);
  };
  const prospects: Prospect[] = [];
  for (let i = r + 1; i < grid.values.length; i++) {
    const row = grid.values[i];
    const name = readText(cell(row, "name"));
    if (name === null) continue;
    const close = readDate(cell(row, "close"), "monthFirst", dateSystem);
    prospects.push({
      row: grid.origin.row + i,
      name,
      salesperson: readText(cell(row, "salesperson")),
      money: readYesNo(cell(row, "money")),
      authority: readYesNo(cell(row, "authority")),
      need: readYesNo(cell(row, "need")),
      close: close.ok ? close.value : null,
    });
  }
  return {
    grid,
    headerRow: grid.origin.row + r,
    columns,
    headers,
    lastRow: grid.origin.row + grid.values.length - 1,
    prospects,
  };
}
