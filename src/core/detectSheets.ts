import { isBlank, readText } from "./_lib/cells";
import { headerKey } from "./_lib/text";
import { ROLE_FIELDS, ROLE_NAME_HINTS, SYNONYMS, type Field, type Role } from "./columns";
import { findOwnedColumns } from "./placeColumns";
import type { Cell, Detection, Grid, MappingOverride, OwnedColumn, SheetMapping } from "./types";

/** How many rows from the top of a range the header row may stand in. */
export const HEADER_SEARCH_ROWS = 10;
const ROLE_ORDER: readonly Role[] = ["payments", "orders", "visits", "costs", "customers"];

export interface DetectOptions {
  /** Columns written by an earlier run: never read as input. */
  owned?: readonly OwnedColumn[];
  /** The user's mapping choices, by role. */
  overrides?: Partial<Record<Role, MappingOverride>>;
}

/**
 * Finds the order, visit, cost and customer sheets by their headers.
 * A plain range's header row is the first of its top 10 rows whose headers make it
 * an input of some role (title rows above it are passed over); a table's is its own.
 * @example detectSheets([{ sheet: "订单", origin: { row: 0, col: 0 }, values: [["日期", "客户", "金额"]] }]).orders?.columns
 *   → { orderDate: 0, customerName: 1, amount: 2 }
 */
export function detectSheets(grids: readonly Grid[], options: DetectOptions = {}): Detection {
  const candidates: SheetMapping[] = [];
  const ignored: Detection["ignored"] = [];
  for (const grid of grids) {
    const found = detectGrid(grid, ownedOf(grid.sheet, options.owned));
    if (found) candidates.push(found);
    else ignored.push({ sheet: grid.sheet, reason: "noRole" });
  }
  const detection: Detection = { ignored };
  for (const role of ROLE_ORDER) {
    const contenders = candidates.filter((c) => c.role === role);
    if (contenders.length === 0) continue;
    const winner = pickWinner(role, contenders);
    detection[role] = winner;
    for (const loser of contenders) {
      if (loser !== winner) ignored.push({ sheet: loser.sheet, reason: "lostTo", role, winner: winner.sheet });
    }
  }
  applyOverrides(detection, grids, options);
  return detection;
}

function ownedOf(sheet: string, owned: readonly OwnedColumn[] = []): OwnedColumn[] {
  return owned.filter((o) => o.sheet === sheet);
}

/**
 * The owned columns of a header row: where the recorded ones are now, found as placeColumns
 * finds them (a column the user inserted left of them moves them; the recorded place may then
 * hold a user input column, e.g. the paid column, which must be read).
 */
function ownedColumnsIn(headers: readonly string[], owned: readonly OwnedColumn[]): Set<number> {
  return owned.length === 0 ? new Set() : new Set(findOwnedColumns(headers, owned).values());
}

function detectGrid(grid: Grid, recorded: readonly OwnedColumn[]): SheetMapping | undefined {
  const rows = grid.table ? 1 : Math.min(HEADER_SEARCH_ROWS, grid.values.length);
  for (let r = 0; r < rows; r++) {
    const headers = headerTexts(grid, r);
    const owned = ownedColumnsIn(headers, recorded);
    for (const role of ROLE_ORDER) {
      const columns = matchColumns(headers, role, owned, grid.origin.col);
      if (qualifies(role, columns.fields, columns.monthly.length, namedAs(role, grid.sheet))) {
        return mappingOf(grid, r, role, columns.fields, columns.monthly, headers);
      }
    }
  }
  return undefined;
}

/** Header texts of relative row `r`, indexed by 0-based sheet column. */
export function headerTexts(grid: Grid, r: number): string[] {
  const out: string[] = [];
  const row = grid.values[r] ?? [];
  for (let c = 0; c < row.length; c++) out[grid.origin.col + c] = readText(row[c]) ?? "";
  for (let c = 0; c < grid.origin.col; c++) out[c] = out[c] ?? "";
  return out;
}

/** The rank of each synonym's key, per field, so the earliest synonym wins. */
const SYNONYM_RANK: ReadonlyMap<Field, ReadonlyMap<string, number>> = new Map(
  (Object.keys(SYNONYMS) as Field[]).map((f) => [f, new Map(SYNONYMS[f].map((s, i) => [headerKey(s), i] as const))]),
);

/** A header's match keys: itself, and without a trailing unit in brackets (`金额(元)`). */
function headerKeys(header: string): string[] {
  const key = headerKey(header);
  const bare = key.replace(/[([【][^()[\]【】]*[)\]】]$/u, "");
  return bare !== key && bare !== "" ? [key, bare] : [key];
}

/** The synonym rank of a header for a field, or undefined when it does not match. */
export function rankHeader(field: Field, header: string): number | undefined {
  const ranks = SYNONYM_RANK.get(field);
  let best: number | undefined;
  for (const k of headerKeys(header)) {
    const r = ranks?.get(k);
    if (r !== undefined && (best === undefined || r < best)) best = r;
  }
  return best;
}

export function matchColumns(headers: readonly string[], role: Role, owned: Set<number>, firstCol: number) {
  const used = new Set<number>();
  const fields: Partial<Record<Field, number>> = {};
  const monthly: number[] = [];
  for (const field of ROLE_FIELDS[role]) {
    if (field === "monthlyCost") continue;
    let best: { col: number; rank: number } | undefined;
    for (let c = firstCol; c < headers.length; c++) {
      if (used.has(c) || owned.has(c) || headers[c] === "") continue;
      const rank = rankHeader(field, headers[c]);
      if (rank !== undefined && (best === undefined || rank < best.rank)) best = { col: c, rank };
    }
    if (best) {
      fields[field] = best.col;
      used.add(best.col);
    }
  }
  if (ROLE_FIELDS[role].includes("monthlyCost")) {
    for (let c = firstCol; c < headers.length; c++) {
      if (!used.has(c) && !owned.has(c) && headers[c] !== "" && rankHeader("monthlyCost", headers[c]) !== undefined)
        monthly.push(c);
    }
  }
  return { fields, monthly };
}

/** Whether a sheet's name holds one of the role's words (回款, 订单, …), in any case. */
function namedAs(role: Role, sheet: string): boolean {
  const name = sheet.toLowerCase();
  return ROLE_NAME_HINTS[role].some((h) => name.includes(h));
}

/**
 * Whether a sheet's fields make it an input of this role (SPEC: roles are decided in this order).
 * A payment sheet has a date, a customer and a payment amount (回款金额, Payment…) but no order
 * amount — an order sheet may carry a 回款金额 column as its paid cells — or, when its name says
 * 回款/收款/Payments, any amount.
 */
export function qualifies(role: Role, f: Partial<Record<Field, number>>, monthlyCount: number, named = false): boolean {
  const customer = f.customerId !== undefined || f.customerName !== undefined;
  const amount = f.amount !== undefined || (f.quantity !== undefined && f.unitPrice !== undefined);
  switch (role) {
    case "payments":
      return (
        f.paymentDate !== undefined &&
        customer &&
        (named
          ? f.paymentAmount !== undefined || f.amount !== undefined
          : f.paymentAmount !== undefined && f.amount === undefined)
      );
    case "orders":
      return f.orderDate !== undefined && customer && amount;
    case "visits":
      return f.visitDate !== undefined && customer;
    case "costs":
      return f.month !== undefined && f.salesperson !== undefined && monthlyCount > 0;
    case "customers":
      return customer;
  }
}

function mappingOf(
  grid: Grid,
  r: number,
  role: Role,
  columns: Partial<Record<Field, number>>,
  monthly: number[],
  headers: string[],
): SheetMapping {
  let rowCount = 0;
  for (let i = r + 1; i < grid.values.length; i++) if (!isBlankRow(grid.values[i])) rowCount++;
  const mapping: SheetMapping = {
    sheet: grid.sheet,
    role,
    headerRow: grid.origin.row + r,
    columns,
    monthlyCostColumns: monthly,
    headers,
    rowCount,
    lastRow: grid.origin.row + grid.values.length - 1,
  };
  if (grid.table) mapping.table = grid.table;
  return mapping;
}

/** True when every cell of the row is blank: a loop, not `every` with a closure, as it runs on every row of every sheet. */
function isBlankRow(row: readonly Cell[]): boolean {
  for (const v of row) if (!isBlank(v)) return false;
  return true;
}

function pickWinner(role: Role, contenders: SheetMapping[]): SheetMapping {
  const named = (m: SheetMapping) => namedAs(role, m.sheet);
  return [...contenders].sort((a, b) => Number(named(b)) - Number(named(a)) || b.rowCount - a.rowCount)[0];
}

function applyOverrides(detection: Detection, grids: readonly Grid[], options: DetectOptions): void {
  for (const role of ROLE_ORDER) {
    const o = options.overrides?.[role];
    if (!o) continue;
    const grid = overriddenGrid(o, detection[role], grids);
    if (!grid) continue;
    const taken = detection[role];
    const recorded = ownedOf(grid.sheet, options.owned);
    const current = taken && isMappingOf(taken, grid) ? taken : detectGrid(grid, recorded);
    const headerRow = o.headerRow ?? current?.headerRow ?? grid.origin.row;
    const r = headerRow - grid.origin.row;
    const headers = headerTexts(grid, r);
    const owned = ownedColumnsIn(headers, recorded);
    const matched =
      current?.role === role && current.headerRow === headerRow
        ? { fields: { ...current.columns }, monthly: [...current.monthlyCostColumns] }
        : matchColumns(headers, role, owned, grid.origin.col);
    for (const [field, col] of Object.entries(o.columns ?? {}) as [Field, number | null][]) {
      if (col === null) delete matched.fields[field];
      else matched.fields[field] = col;
    }
    for (const other of ROLE_ORDER) {
      const m = detection[other];
      if (other !== role && m && isMappingOf(m, grid)) delete detection[other];
    }
    detection[role] = mappingOf(grid, r, role, matched.fields, matched.monthly, headers);
  }
}

/**
 * The grid an override is for. A sheet holds a grid per table, so the sheet's name alone
 * could pick the wrong one: the override's table when it names one, else the grid the
 * role was detected in on that sheet, else the sheet's first.
 */
function overriddenGrid(o: MappingOverride, taken: SheetMapping | undefined, grids: readonly Grid[]): Grid | undefined {
  const onSheet = grids.filter((g) => g.sheet === o.sheet);
  if (o.table !== undefined) return onSheet.find((g) => g.table === o.table);
  return onSheet.find((g) => taken !== undefined && isMappingOf(taken, g)) ?? onSheet[0];
}

/** Whether a mapping was made from this grid: its sheet and its table (none for a plain range). */
function isMappingOf(m: SheetMapping, grid: Grid): boolean {
  return m.sheet === grid.sheet && m.table === grid.table;
}
