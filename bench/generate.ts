import type { Cell, Grid } from "../src/core/types";

/**
 * Builds, in memory and deterministically, the grids of a large sales workbook for the
 * engine benchmark: a customer sheet, an order sheet that fills Excel's 1,048,576 rows,
 * a visit sheet and a monthly cost sheet. Like real exports, ~10% of dates and amounts
 * are text (`2024年3月5日`, `¥1,234.50`), a few cells are unreadable, some order ids
 * span two rows, a few rows are blank or padded with spaces, and each cell holds its own
 * string (as Office.js gives).
 */

/** Full-size row counts; `scale` divides them (1/8 → 131,072 order rows). */
export const FULL_SIZE = { customers: 50_000, orders: 1_048_575, visits: 200_000, reps: 40 };

export interface BenchWorkbook {
  grids: Grid[];
  /** Data rows per sheet (header excluded). */
  rows: { customers: number; orders: number; visits: number; costs: number };
}

/** mulberry32: a tiny seeded PRNG, so every run benchmarks the same workbook. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗";
const GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平";
const REGIONS = ["华东", "华南", "华北", "华中", "西南", "西北", "东北"];
/** Excel serial of 2024-11-01: orders and visits cover the two years up to 2026-10-31. */
const FIRST_SERIAL = 45_597;
const DAYS = 730;

function pad(n: number, width: number): string {
  return String(n).padStart(width, "0");
}

/** yyyy, m, d of an Excel serial (serials after 1900-03-01). */
function serialYmd(serial: number): [number, number, number] {
  const d = new Date((serial - 25_569) * 86_400_000);
  return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
}

/** A date cell: mostly a serial, ~10% text in one of the spellings the SPEC accepts. */
function dateCell(serial: number, rnd: () => number): Cell {
  const u = rnd();
  if (u >= 0.1) return serial;
  const [y, m, d] = serialYmd(serial);
  if (u < 0.05) return `${y}年${m}月${d}日`;
  if (u < 0.08) return `${y}-${pad(m, 2)}-${pad(d, 2)}`;
  return `${y}/${m}/${d}`;
}

/** An amount cell: mostly a number, ~10% text with a currency sign and thousands separators. */
function amountCell(value: number, rnd: () => number): Cell {
  if (rnd() >= 0.1) return value;
  const text = value.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return rnd() < 0.7 ? `¥${text}` : `${text}元`;
}

/** A few unreadable cells, as real workbooks have. */
function spoil(cell: Cell, rnd: () => number, bad: string): Cell {
  return rnd() < 0.0002 ? bad : cell;
}

/**
 * Realistic payment behaviour: orders older than ~90 days are mostly paid, recent ones
 * mostly open, a few customers' invoices paid in part or not at all; blank = nothing paid.
 */
function paidCell(amount: number, age: number, rnd: () => number): Cell {
  const u = rnd();
  const paidShare =
    age > 90 ? (u < 0.93 ? 1 : u < 0.97 ? 0.5 : 0) : age > 30 ? (u < 0.6 ? 1 : u < 0.7 ? 0.3 : 0) : u < 0.2 ? 1 : 0;
  return paidShare === 0 ? null : Math.round(amount * paidShare * 100) / 100;
}

function grid(sheet: string, values: Cell[][]): Grid {
  return { sheet, origin: { row: 0, col: 0 }, values };
}

/** Data rows of the three main sheets; `generateWorkbook` takes any of them in place of the scaled counts. */
export interface RowCounts {
  customers: number;
  orders: number;
  visits: number;
}

/**
 * The benchmark workbook at `scale` (1 = full size). Same seed, same workbook. `counts`
 * replaces the scaled row counts it names (another shape: issue 12's workbook has
 * 6,000 customers, 166,000 orders and 105,000 visits).
 * @example generateWorkbook(1 / 64).rows.orders === 16384
 */
export function generateWorkbook(scale = 1, seed = 20261031, counts: Partial<RowCounts> = {}): BenchWorkbook {
  const rnd = prng(seed);
  const nCustomers = counts.customers ?? Math.max(10, Math.round(FULL_SIZE.customers * scale));
  const nOrders = counts.orders ?? Math.max(10, Math.round((FULL_SIZE.orders + 1) * scale) - 1);
  const nVisits = counts.visits ?? Math.max(10, Math.round(FULL_SIZE.visits * scale));
  const nReps = FULL_SIZE.reps;
  const reps = Array.from(
    { length: nReps },
    (_, i) => SURNAMES[i % 20] + GIVEN[(i * 7) % 20] + (i >= 20 ? GIVEN[i % 20] : ""),
  );
  const repOf = Array.from({ length: nCustomers }, () => Math.floor(rnd() * nReps));

  // Receivables (issue 15) draw from a PRNG of their own, so every other cell stays as it was.
  const pay = prng(seed ^ 0x5eed);
  const customers: Cell[][] = [["客户编号", "客户名称", "业务员", "区域", "首次交易日期", "信用额度"]];
  for (let c = 0; c < nCustomers; c++) {
    const first = rnd() < 0.3 ? null : dateCell(FIRST_SERIAL - 1500 + Math.floor(rnd() * 2200), rnd);
    const limit = pay() < 0.3 ? null : Math.round(pay() * 20) * 10_000;
    customers.push([
      `C${pad(c + 1, 6)}`,
      `客户${pad(c + 1, 6)}有限公司`,
      reps[repOf[c]],
      REGIONS[c % REGIONS.length],
      spoil(first, rnd, "待定"),
      limit,
    ]);
  }

  // Pareto-like demand: customer = floor(n × u³), so a few customers place most orders.
  const pickCustomer = () => Math.min(nCustomers - 1, Math.floor(nCustomers * rnd() ** 3));
  const orders: Cell[][] = [["订单号", "订单日期", "客户编号", "金额", "毛利", "已回款"]];
  for (let orderNo = 1; orders.length <= nOrders; orderNo++) {
    if (rnd() < 0.0005) orders.push(["", " ", null, "", null, null]); // a blank row, skipped silently
    const lines = rnd() < 0.15 ? 2 : 1; // some orders span two rows
    const day = FIRST_SERIAL + Math.floor(rnd() * DAYS);
    const c = rnd() < 0.001 ? nCustomers + Math.floor(rnd() * 50) : pickCustomer(); // a few unknown customers
    for (let line = 0; line < lines && orders.length <= nOrders; line++) {
      const amount = Math.round((rnd() < 0.02 ? -1 : 1) * (50 + rnd() * 20_000) * 100) / 100;
      orders.push([
        `SO${pad(orderNo, 8)}`,
        spoil(dateCell(day, rnd), rnd, "下周二"),
        `C${pad(c + 1, 6)}`,
        spoil(amountCell(amount, rnd), rnd, "TBD"),
        amountCell(Math.round(amount * (0.1 + rnd() * 0.3) * 100) / 100, rnd),
        paidCell(amount, DAYS - (day - FIRST_SERIAL), pay),
      ]);
    }
  }

  const visits: Cell[][] = [["拜访日期", "客户编号", "业务员", "费用"]];
  for (let i = 0; i < nVisits; i++) {
    const c = pickCustomer();
    const own = rnd() < 0.8 ? repOf[c] : Math.floor(rnd() * nReps);
    const cost = rnd() < 0.4 ? null : amountCell(Math.round(rnd() * 300 * 100) / 100, rnd);
    visits.push([
      spoil(dateCell(FIRST_SERIAL + Math.floor(rnd() * DAYS), rnd), rnd, "上周"),
      rnd() < 0.01 ? ` C${pad(c + 1, 6)}　` : `C${pad(c + 1, 6)}`,
      rnd() < 0.05 ? null : reps[own],
      cost,
    ]);
  }

  const costs: Cell[][] = [["月份", "业务员", "工资", "提成", "差旅费"]];
  for (let m = 0; m < 12; m++) {
    const month = m < 2 ? `2025-${11 + m}` : `2026-${pad(m - 1, 2)}`; // 2025-11 … 2026-10
    for (const rep of reps)
      costs.push([
        month,
        rep,
        6000 + Math.round(rnd() * 4000),
        amountCell(Math.round(rnd() * 8000), rnd),
        Math.round(rnd() * 3000),
      ]);
  }

  return {
    grids: [grid("客户表", customers), grid("订单表", orders), grid("拜访记录", visits), grid("费用表", costs)],
    rows: {
      customers: customers.length - 1,
      orders: orders.length - 1,
      visits: visits.length - 1,
      costs: costs.length - 1,
    },
  };
}
