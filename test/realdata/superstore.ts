import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { main } from "../../src/cli/main";
import { columnOf, dumpWorkbook, type SheetDump } from "../support/readBack";

/**
 * What both Superstore tests (en-US and zh-CN order logs, test/fixtures/data/PROVENANCE.md)
 * share: the raw order rows read with ExcelJS, the expected figures computed from them by
 * plain code that shares nothing with the engine, the command line's run, and the tests that
 * differ only in sheet names, headers and labels.
 */

const MS_PER_DAY = 86_400_000;
export const CENT = 0.005;
export const RATIO = 1e-6;

export interface OrderRow {
  orderId: string;
  /** Epoch day and month index (year × 12 + month − 1) of the order date. */
  day: number;
  month: number;
  customerId: string;
  customerName: string;
  region: string;
  sales: number;
  /** 0 when the test reads no profit column. */
  profit: number;
}

/** The order sheet and its headers, as the file names them. */
export interface OrderColumns {
  sheet: string;
  orderId: string;
  date: string;
  customerId: string;
  customerName: string;
  region: string;
  sales: string;
  profit?: string;
}

export async function readOrders(file: string, c: OrderColumns): Promise<OrderRow[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet(c.sheet);
  if (!ws) throw new Error(`no sheet ${c.sheet}`);
  const header = (ws.getRow(1).values as unknown[]).map((v) => (typeof v === "string" ? v : ""));
  const col = (name: string) => {
    const i = header.indexOf(name);
    if (i < 1) throw new Error(`no column ${name}`);
    return i;
  };
  const [idC, dateC, custC, nameC, regionC, salesC] = [
    c.orderId,
    c.date,
    c.customerId,
    c.customerName,
    c.region,
    c.sales,
  ].map(col);
  const profitC = c.profit === undefined ? undefined : col(c.profit);
  const rows: OrderRow[] = [];
  for (let r = 2; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const date = row.getCell(dateC).value;
    if (!(date instanceof Date)) throw new Error(`row ${r}: ${c.date} is not a date cell`);
    rows.push({
      orderId: String(row.getCell(idC).value),
      day: Math.floor(date.getTime() / MS_PER_DAY),
      month: date.getUTCFullYear() * 12 + date.getUTCMonth(),
      customerId: String(row.getCell(custC).value),
      customerName: String(row.getCell(nameC).value),
      region: String(row.getCell(regionC).value),
      sales: Number(row.getCell(salesC).value),
      profit: profitC === undefined ? 0 : Number(row.getCell(profitC).value),
    });
  }
  return rows;
}

interface Customer {
  id: string;
  key: string;
  name: string;
  firstDay: number;
  firstMonth: number;
  /** Net sales and profit per month index. */
  sales: Map<number, number>;
  profit: Map<number, number>;
  /** Region counts, in order of first appearance. */
  regions: Map<string, number>;
}

export type Change = "New" | "Lost" | "Returning" | "Down" | "Up" | "Stable" | "Inactive";

export interface Expected {
  id: string;
  name: string;
  region: string;
  tier: "A" | "B" | "C" | "D";
  sales: number;
  share: number | null;
  cum: number | null;
  rank: number | null;
  /** The order change in the workbook's words. */
  change: string;
  changePct: number | null;
  recent: number;
  prior: number;
  margin: number;
  firstMonth: number;
}

export interface MonthExpected {
  amount: number;
  amountNew: number;
  orders: number;
  newCustomers: number;
  active: number;
  lost: number;
}

export interface Reference {
  rows: OrderRow[];
  month: number;
  /** In order of first appearance. */
  customers: Expected[];
  byId: Map<string, Expected>;
  /** M−5 … M, in order. */
  monthly: Map<number, MonthExpected>;
}

const add = (m: Map<number, number>, k: number, v: number) => m.set(k, (m.get(k) ?? 0) + v);
const sum = (m: Map<number, number>, from: number, to: number) => {
  let s = 0;
  for (let k = from; k <= to; k++) s += m.get(k) ?? 0;
  return s;
};
const positive = (x: number) => x > 1e-8;

/** SPEC "Order change", first rule that holds, for review month m with k = 3 against the 3 months before. */
function changeFlag(c: Customer, m: number): { flag: Change; r: number; b: number } {
  const r = sum(c.sales, m - 2, m);
  const b = sum(c.sales, m - 5, m - 3);
  let flag: Change;
  if (c.firstMonth >= m - 2 && c.firstMonth <= m) flag = "New";
  else if (!positive(r) && positive(sum(c.sales, m - 14, m - 3))) flag = "Lost";
  else if (!positive(b) && positive(r)) flag = "Returning";
  else if (positive(b) && r < b * 0.7 - 1e-8) flag = "Down";
  else if (positive(b) && r > b * 1.3 + 1e-8) flag = "Up";
  else if (positive(r)) flag = "Stable";
  else flag = "Inactive";
  return { flag, r, b };
}

/**
 * Every expected figure of a review of `rows` with default settings: customers by `keyOf`
 * (SPEC "Customer keys"), tiers over 12 months by the 80/20 rule (ties by cents, then key),
 * order change named by `changeWords`, and the monthly table for M−5 … M.
 */
export function reference(
  rows: OrderRow[],
  keyOf: (id: string) => string,
  changeWords: Record<Change, string>,
): Reference {
  const customers = new Map<string, Customer>();
  for (const o of rows) {
    const key = keyOf(o.customerId);
    let c = customers.get(key);
    if (!c) {
      c = {
        id: o.customerId,
        key,
        name: o.customerName,
        firstDay: o.day,
        firstMonth: o.month,
        sales: new Map(),
        profit: new Map(),
        regions: new Map(),
      };
      customers.set(key, c);
    }
    if (o.day < c.firstDay) {
      c.firstDay = o.day;
      c.firstMonth = o.month;
    }
    add(c.sales, o.month, o.sales);
    add(c.profit, o.month, o.profit);
    c.regions.set(o.region, (c.regions.get(o.region) ?? 0) + 1);
  }
  const month = Math.max(...rows.map((o) => o.month));
  const list = [...customers.values()];
  const sales = list.map((c) => sum(c.sales, month - 11, month));
  const ranked = list.map((_, i) => i).filter((i) => positive(sales[i]));
  const cents = (i: number) => Math.round(sales[i] * 100);
  ranked.sort((x, y) => cents(y) - cents(x) || (list[x].key < list[y].key ? -1 : 1));
  const total = ranked.reduce((s, i) => s + sales[i], 0);
  const tiers = new Map<number, { tier: "A" | "B" | "C"; share: number; cum: number; rank: number }>();
  let before = 0;
  ranked.forEach((i, n) => {
    const share = before / total;
    const tier = share < 0.8 ? "A" : share < 0.95 ? "B" : "C";
    before += sales[i];
    tiers.set(i, { tier, share: sales[i] / total, cum: before / total, rank: n + 1 });
  });
  const expected = list.map((c, i): Expected => {
    const t = tiers.get(i);
    const ch = changeFlag(c, month);
    let region = "";
    let most = 0;
    for (const [name, n] of c.regions) if (n > most) [region, most] = [name, n];
    return {
      id: c.id,
      name: c.name,
      region,
      tier: t?.tier ?? "D",
      sales: sales[i],
      share: t?.share ?? null,
      cum: t?.cum ?? null,
      rank: t?.rank ?? null,
      change: changeWords[ch.flag],
      changePct: positive(ch.b) ? (ch.r - ch.b) / ch.b : null,
      recent: ch.r,
      prior: ch.b,
      margin: sum(c.profit, month - 11, month),
      firstMonth: c.firstMonth,
    };
  });
  const monthly = new Map<number, MonthExpected>();
  for (let m = month - 5; m <= month; m++) {
    const inMonth = rows.filter((o) => o.month === m);
    const isNew = (o: OrderRow) => customers.get(keyOf(o.customerId))!.firstMonth === m;
    monthly.set(m, {
      amount: inMonth.reduce((s, o) => s + o.sales, 0),
      amountNew: inMonth.filter(isNew).reduce((s, o) => s + o.sales, 0),
      orders: new Set(inMonth.map((o) => o.orderId)).size,
      newCustomers: list.filter((c) => c.firstMonth === m).length,
      active: list.filter((c) => positive(c.sales.get(m) ?? 0)).length,
      lost: list.filter((c) => changeFlag(c, m).flag === "Lost").length,
    });
  }
  return { rows, month, customers: expected, byId: new Map(expected.map((e) => [e.id, e])), monthly };
}

export const ym = (m: number) => `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, "0")}`;

/** Collects every mismatch so one failing run shows them all. */
export class Mismatches {
  readonly list: string[] = [];
  near(where: string, got: unknown, want: number | null, tolerance: number): void {
    if (want === null ? got !== null : typeof got !== "number" || !(Math.abs(got - want) <= tolerance)) {
      this.list.push(`${where}: expected ${String(want)}, got ${String(got)}`);
    }
  }
  same(where: string, got: unknown, want: unknown): void {
    if (got !== want) this.list.push(`${where}: expected ${String(want)}, got ${String(got)}`);
  }
}

/** A Superstore file, how to read it and how the command line is run on it. */
export interface Superstore {
  file: string;
  title: string;
  orders: OrderColumns;
  keyOf: (id: string) => string;
  changeWords: Record<Change, string>;
  /** Arguments after the input and `--out`. */
  args: string[];
}

/** The expected figures, the command line's exit code and printed lines, and its output read back. */
export interface SuperstoreRun {
  ref: Reference;
  before: Map<string, SheetDump>;
  dump: Map<string, SheetDump>;
  printed: string[];
  code: number;
}

/** `describe` (or `describe.skip` where the data is not there) with the run made once before the tests. */
export function describeSuperstore(s: Superstore, tests: (run: () => SuperstoreRun) => void): void {
  const present = existsSync(s.file);
  (present ? describe : describe.skip)(present ? s.title : `real data: skipped, ${s.file} does not exist`, () => {
    let run: SuperstoreRun;
    beforeAll(async () => {
      const ref = reference(await readOrders(s.file, s.orders), s.keyOf, s.changeWords);
      const before = await dumpWorkbook(s.file);
      const out = join(mkdtempSync(join(tmpdir(), "superstore-")), "out.xlsx");
      const printed: string[] = [];
      const code = await main(
        [s.file, "--out", out, ...s.args],
        (l) => printed.push(l),
        (l) => printed.push(l),
      );
      run = { ref, before, dump: await dumpWorkbook(out), printed, code };
    });
    tests(() => run);
  });
}

/** The tests both files have, in the words of each. */
export interface CommonTests {
  rows: number;
  customers: number;
  month: string;
  /** Lines the command line prints about what it read. */
  readLines: string[];
  tiers: { A: number; B: number; C: number; D: number };
  tiersLine: string;
  createdTitle: string;
  createdSheet: string;
  createdHeaders: string[];
  orderSheet: string;
  orderHeaders: [tier: string, type: string];
  orderTypes: [isNew: string, existing: string];
}

export function itReadsTiersAndCreates(run: () => SuperstoreRun, e: CommonTests): void {
  it(`reads ${e.rows.toLocaleString("en-US")} order rows of ${e.customers} customers with review month ${e.month}`, () => {
    const { code, ref, printed } = run();
    expect({ code, rows: ref.rows.length, customers: ref.customers.length, month: ym(ref.month) }).toEqual({
      code: 0,
      rows: e.rows,
      customers: e.customers,
      month: e.month,
    });
    for (const line of e.readLines) expect(printed).toContain(line);
  });

  it(`tiers the customers A ${e.tiers.A} · B ${e.tiers.B} · C ${e.tiers.C} · D ${e.tiers.D}`, () => {
    const { ref, printed } = run();
    const count = (t: string) => ref.customers.filter((c) => c.tier === t).length;
    expect({ A: count("A"), B: count("B"), C: count("C"), D: count("D") }).toEqual(e.tiers);
    expect(printed).toContain(e.tiersLine);
  });

  it(e.createdTitle, () => {
    const { ref, dump } = run();
    const ws = dump.get(e.createdSheet)!;
    expect(ws.rows[0].slice(0, 4)).toEqual(e.createdHeaders);
    expect(ws.rows.slice(1).map((r) => r.slice(0, 4))).toEqual(
      ref.customers.map((c) => [c.id, c.name, null, c.region]),
    );
  });
}

export function itWritesOrderColumns(run: () => SuperstoreRun, e: CommonTests): void {
  it("writes each order row's tier and customer type", () => {
    const { ref, dump } = run();
    const ws = dump.get(e.orderSheet)!;
    const [tier, type] = e.orderHeaders.map((h) => columnOf(ws, 0, h));
    const got = ws.rows.slice(1).map((r) => [r[tier], r[type]]);
    const want = ref.rows.map((o) => {
      const c = ref.byId.get(o.customerId)!;
      return [c.tier, o.month === c.firstMonth ? e.orderTypes[0] : e.orderTypes[1]];
    });
    expect(got).toEqual(want);
  });
}
