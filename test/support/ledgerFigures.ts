import type ExcelJS from "exceljs";

/** A sheet of a corpus ledger: its name and its header row (1-based); the data is in columns A–C. */
export interface SheetAt {
  sheet: string;
  headerRow: number;
}

export interface LedgerLayout {
  customers: SheetAt;
  orders: SheetAt;
  visits: SheetAt;
}

export interface LedgerFigures {
  orders: number;
  visits: number;
  customers: number;
  tiers: { A: number; B: number; C: number; D: number };
}

/**
 * The figures SPEC.md's rules give for a corpus ledger, computed here from the cells as ExcelJS
 * reads them, with nothing from src: the review month is the latest order's, the tier window its
 * 12 months, tiers by Pareto (A while the share before is under 80%, B under 95%, else C; D for
 * net sales ≤ 0), ties by customer id. Orders are columns A–C (date, customer id, amount), visits
 * rows with a date in A, customers ids in A. Amounts are added in cents, so no binary noise decides a cut.
 */
export function ledgerFigures(wb: ExcelJS.Workbook, layout: LedgerLayout): LedgerFigures {
  const orders = rowsOf(wb, layout.orders).map(([d, c, a]) => ({
    month: monthOf(d),
    customer: String(c),
    cents: Math.round(Number(a) * 100),
  }));
  const customers = rowsOf(wb, layout.customers).map(([id]) => String(id));
  const last = Math.max(...orders.map((o) => o.month));
  const sales = new Map(customers.map((c) => [c, 0]));
  for (const o of orders) if (o.month > last - 12) sales.set(o.customer, (sales.get(o.customer) ?? 0) + o.cents);
  return {
    orders: orders.length,
    visits: rowsOf(wb, layout.visits).length,
    customers: sales.size,
    tiers: paretoTiers(sales),
  };
}

function paretoTiers(sales: Map<string, number>): LedgerFigures["tiers"] {
  const tiers = { A: 0, B: 0, C: 0, D: 0 };
  const ranked = [...sales].filter(([, s]) => s > 0).sort(([ka, a], [kb, b]) => b - a || (ka < kb ? -1 : 1));
  const total = ranked.reduce((sum, [, s]) => sum + s, 0);
  let before = 0;
  for (const [, s] of ranked) {
    tiers[before < 0.8 * total ? "A" : before < 0.95 * total ? "B" : "C"]++;
    before += s;
  }
  tiers.D = sales.size - ranked.length;
  return tiers;
}

/** The non-empty rows below the header: columns A–C as ExcelJS reads them. */
function rowsOf(wb: ExcelJS.Workbook, { sheet, headerRow }: SheetAt): ExcelJS.CellValue[][] {
  const ws = wb.getWorksheet(sheet);
  if (!ws) throw new Error(`no sheet "${sheet}"`);
  const out: ExcelJS.CellValue[][] = [];
  for (let r = headerRow + 1; r <= ws.rowCount; r++) {
    const row = [1, 2, 3].map((c) => ws.getCell(r, c).value);
    if (row[0] !== null && row[0] !== undefined) out.push(row);
  }
  return out;
}

/** Months since year 0 of a date cell (ExcelJS applies the workbook's date system, 1900 or 1904). */
function monthOf(value: ExcelJS.CellValue): number {
  if (!(value instanceof Date)) throw new Error(`not a date: ${String(value)}`);
  return value.getUTCFullYear() * 12 + value.getUTCMonth();
}
