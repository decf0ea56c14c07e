import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { main } from "../../src/cli/main";
import { columnOf, dumpWorkbook, rowOf, type SheetDump } from "../support/readBack";

/**
 * Real data: Tableau's Sample - Superstore, 2019-2022 edition (../shared/data/PROVENANCE.md):
 * Orders, People and Returns, no customer sheet, through the command line in en-US.
 * Expected figures come from the raw rows read with ExcelJS by plain code of this file.
 */
const FILE = join(__dirname, "../../../shared/data/superstore_en/Sample - Superstore.converted.xlsx");
const PRESENT = existsSync(FILE);
const CENT = 0.005;
const RATIO = 1e-6;

interface OrderRow {
  orderId: string;
  month: number;
  customerId: string;
  customerName: string;
  region: string;
  sales: number;
}

interface Expected {
  id: string;
  name: string;
  region: string;
  tier: string;
  sales: number;
  cum: number | null;
  change: string;
  recent: number;
  prior: number;
  firstMonth: number;
}

async function readOrders(file: string): Promise<OrderRow[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet("Orders")!;
  const header = (ws.getRow(1).values as unknown[]).map((v) => (typeof v === "string" ? v : ""));
  const [idC, dateC, custC, nameC, regionC, salesC] = ["Order ID", "Order Date", "Customer ID", "Customer Name", "Region", "Sales"].map((h) => header.indexOf(h));
  const rows: OrderRow[] = [];
  for (let r = 2; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const date = row.getCell(dateC).value as Date;
    rows.push({
      orderId: String(row.getCell(idC).value),
      month: date.getUTCFullYear() * 12 + date.getUTCMonth(),
      customerId: String(row.getCell(custC).value),
      customerName: String(row.getCell(nameC).value),
      region: String(row.getCell(regionC).value),
      sales: Number(row.getCell(salesC).value),
    });
  }
  return rows;
}

const positive = (x: number) => x > 1e-8;
const ym = (m: number) => `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, "0")}`;

interface Customer {
  id: string;
  name: string;
  firstMonth: number;
  sales: Map<number, number>;
  regions: Map<string, number>;
}

function total(c: Customer, from: number, to: number): number {
  let s = 0;
  for (let m = from; m <= to; m++) s += c.sales.get(m) ?? 0;
  return s;
}

/** SPEC "Order change" for review month m, k = 3 against the 3 months before, t = 30%. */
function changeFlag(c: Customer, m: number): string {
  const r = total(c, m - 2, m);
  const b = total(c, m - 5, m - 3);
  if (c.firstMonth >= m - 2 && c.firstMonth <= m) return "New";
  if (!positive(r) && positive(total(c, m - 14, m - 3))) return "Lost";
  if (!positive(b) && positive(r)) return "Returning";
  if (positive(b) && r < b * 0.7 - 1e-8) return "Down";
  if (positive(b) && r > b * 1.3 + 1e-8) return "Up";
  return positive(r) ? "Stable" : "Inactive";
}

function reference(rows: OrderRow[]) {
  const byKey = new Map<string, Customer>();
  for (const o of rows) {
    const key = o.customerId.trim().toLowerCase();
    let c = byKey.get(key);
    if (!c) byKey.set(key, (c = { id: o.customerId, name: o.customerName, firstMonth: o.month, sales: new Map(), regions: new Map() }));
    c.firstMonth = Math.min(c.firstMonth, o.month);
    c.sales.set(o.month, (c.sales.get(o.month) ?? 0) + o.sales);
    c.regions.set(o.region, (c.regions.get(o.region) ?? 0) + 1);
  }
  const month = Math.max(...rows.map((o) => o.month));
  const list = [...byKey.values()];
  const sales = list.map((c) => total(c, month - 11, month));
  const ranked = list.map((_, i) => i).filter((i) => positive(sales[i]));
  ranked.sort((x, y) => Math.round(sales[y] * 100) - Math.round(sales[x] * 100) || (list[x].id.toLowerCase() < list[y].id.toLowerCase() ? -1 : 1));
  const sum = ranked.reduce((s, i) => s + sales[i], 0);
  const tier = new Map<number, { tier: string; cum: number }>();
  let before = 0;
  for (const i of ranked) {
    const t = before / sum < 0.8 ? "A" : before / sum < 0.95 ? "B" : "C";
    before += sales[i];
    tier.set(i, { tier: t, cum: before / sum });
  }
  const customers = list.map((c, i): Expected => {
    let region = "";
    let most = 0;
    for (const [name, n] of c.regions) if (n > most) [region, most] = [name, n];
    return {
      id: c.id,
      name: c.name,
      region,
      tier: tier.get(i)?.tier ?? "D",
      sales: sales[i],
      cum: tier.get(i)?.cum ?? null,
      change: changeFlag(c, month),
      recent: total(c, month - 2, month),
      prior: total(c, month - 5, month - 3),
      firstMonth: c.firstMonth,
    };
  });
  const monthly = [];
  for (let m = month - 5; m <= month; m++) {
    const inMonth = rows.filter((o) => o.month === m);
    monthly.push({
      month: ym(m),
      amount: inMonth.reduce((s, o) => s + o.sales, 0),
      orders: new Set(inMonth.map((o) => o.orderId)).size,
      active: list.filter((c) => positive(c.sales.get(m) ?? 0)).length,
      lost: list.filter((c) => changeFlag(c, m) === "Lost").length,
    });
  }
  return { rows, month, customers, monthly };
}

(PRESENT ? describe : describe.skip)(PRESENT ? "real data: Sample - Superstore (en-US, order log only)" : `real data: skipped, ${FILE} does not exist`, () => {
  let ref: ReturnType<typeof reference>;
  let before: Map<string, SheetDump>;
  let dump: Map<string, SheetDump>;
  let printed: string[];
  let code: number;

  beforeAll(async () => {
    ref = reference(await readOrders(FILE));
    before = await dumpWorkbook(FILE);
    const out = join(mkdtempSync(join(tmpdir(), "superstore-en-")), "out.xlsx");
    printed = [];
    code = await main([FILE, "--out", out, "--lang", "en-US"], (l) => printed.push(l), (l) => printed.push(l));
    dump = await dumpWorkbook(out);
  });

  it("reads 10,194 order rows of 804 customers with review month 2022-12", () => {
    expect({ code, rows: ref.rows.length, customers: ref.customers.length, month: ym(ref.month) }).toEqual({ code: 0, rows: 10194, customers: 804, month: "2022-12" });
    expect(printed).toContain("Rows read: 10194 orders, 0 visits, 804 customers");
  });

  it("tiers the customers A 259 · B 181 · C 264 · D 100", () => {
    const count = (t: string) => ref.customers.filter((c) => c.tier === t).length;
    expect({ A: count("A"), B: count("B"), C: count("C"), D: count("D") }).toEqual({ A: 259, B: 181, C: 264, D: 100 });
    expect(printed).toContain("Tiers: A 259 · B 181 · C 264 · D 100");
  });

  it("creates Customers with each customer's id, name and most frequent Region", () => {
    const ws = dump.get("Customers")!;
    expect(ws.rows[0].slice(0, 4)).toEqual(["Customer ID", "Customer Name", "Salesperson", "Region"]);
    expect(ws.rows.slice(1).map((r) => r.slice(0, 4))).toEqual(ref.customers.map((c) => [c.id, c.name, null, c.region]));
  });

  it("writes every customer's tier, sales, cumulative share, order change, recent and prior", () => {
    const ws = dump.get("Customers")!;
    const cols = ["Tier", "Sales (12 mo)", "Cumulative share", "Order change", "Recent (3 mo)", "Prior (3 mo)"].map((h) => columnOf(ws, 0, h));
    const bad: string[] = [];
    const near = (where: string, got: unknown, want: number | null, tol: number) => {
      if (want === null ? got !== null : typeof got !== "number" || !(Math.abs(got - want) <= tol)) bad.push(`${where}: expected ${want}, got ${String(got)}`);
    };
    ws.rows.slice(1).forEach((r, i) => {
      const e = ref.customers[i];
      if (r[cols[0]] !== e.tier) bad.push(`${e.id} tier: expected ${e.tier}, got ${String(r[cols[0]])}`);
      if (r[cols[3]] !== e.change) bad.push(`${e.id} change: expected ${e.change}, got ${String(r[cols[3]])}`);
      near(`${e.id} sales`, r[cols[1]], e.sales, CENT);
      near(`${e.id} cum`, r[cols[2]], e.cum, RATIO);
      near(`${e.id} recent`, r[cols[4]], e.recent, CENT);
      near(`${e.id} prior`, r[cols[5]], e.prior, CENT);
    });
    expect(bad).toEqual([]);
  });

  it("writes each order row's tier and customer type", () => {
    const ws = dump.get("Orders")!;
    const [tier, type] = ["Tier", "Customer type"].map((h) => columnOf(ws, 0, h));
    const byId = new Map(ref.customers.map((c) => [c.id, c]));
    expect(ws.rows.slice(1).map((r) => [r[tier], r[type]])).toEqual(
      ref.rows.map((o) => {
        const c = byId.get(o.customerId)!;
        return [c.tier, o.month === c.firstMonth ? "New" : "Existing"];
      }),
    );
  });

  it("writes order amount, orders, active and lost customers for M−5 … M", () => {
    const ws = dump.get(`Review ${ym(ref.month)}`)!;
    const header = rowOf(ws, "Metric");
    expect(ws.rows[header].slice(1, 7)).toEqual(ref.monthly.map((m) => m.month));
    const row = (label: string) => ws.rows[rowOf(ws, label, header)].slice(1, 7);
    const amounts = row("Order amount");
    const bad = ref.monthly.filter((m, k) => !(Math.abs((amounts[k] as number) - m.amount) <= CENT)).map((m) => m.month);
    expect(bad).toEqual([]);
    expect([row("Orders"), row("Active customers"), row("Lost customers")]).toEqual([ref.monthly.map((m) => m.orders), ref.monthly.map((m) => m.active), ref.monthly.map((m) => m.lost)]);
  });

  it("leaves People and Returns, and the input cells of Orders, exactly as they were", () => {
    for (const name of ["People", "Returns"]) {
      expect({ name, rows: dump.get(name)!.rows, formats: dump.get(name)!.formats }).toEqual({ name, rows: before.get(name)!.rows, formats: before.get(name)!.formats });
    }
    expect(dump.get("Orders")!.rows.map((r) => r.slice(0, 21))).toEqual(before.get("Orders")!.rows);
    expect([...dump.keys()]).toEqual(["Orders", "People", "Returns", "Customers", "Review 2022-12", "_SalesReview"]);
  });
});
