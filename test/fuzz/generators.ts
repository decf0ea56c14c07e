import fc from "fast-check";
import { SYNONYMS, type Field } from "../../src/core/columns";

/** An Excel error value (`#N/A`, `#REF!` …): a string in Office.js, `{ error }` in ExcelJS. */
export interface ErrorCell {
  error: string;
}
export type FuzzCell = string | number | boolean | null | ErrorCell;

export interface FuzzSheet {
  name: string;
  /** Rows from A1; a row may be shorter than others. */
  rows: FuzzCell[][];
  /** Name of an Excel table over all of `rows` (header row first). */
  table?: string;
  /** Cells far from the others (kept apart so a failing case prints short). */
  far?: { row: number; col: number; value: FuzzCell }[];
}

/** A generated workbook; `shape` says which kind of trouble it was built around (for the summary). */
export interface FuzzWorkbook {
  shape: "normal" | "empty" | "headerOnly" | "wide" | "duplicates" | "longText" | "noCustomer" | "hugeNumbers";
  sheets: FuzzSheet[];
}

export const EXCEL_MAX_TEXT = 32_767;
export const EXCEL_MAX_COLS = 16_384;
const CJK = /[\u4e00-\u9fff]/;

/** Serials of 2024-01-01 … 2026-12-31: dates the review can read. */
const GOOD_DAY = fc.integer({ min: 45292, max: 46387 });
const EMOJI_RTL = ["😀客户", "مؤسسة النور", "שלום בע״מ", "👨‍👩‍👧 Family Co", "‏عميل‎", "Zoë 🍕", "客户\u200b零宽"];

/** Anything a cell can hold that the review must survive: bad dates, non-dates, errors, huge text. */
export const messyCell: fc.Arbitrary<FuzzCell> = fc.oneof(
  fc.constantFrom<FuzzCell>(
    "",
    " ",
    null,
    true,
    false,
    "NaN",
    "Infinity",
    "-Infinity",
    "1e309",
    "-1e309",
    "N/A",
    "—",
    "0x1F",
    "1,2,3",
    "12.3.4",
  ),
  fc.constantFrom<FuzzCell>(
    { error: "#N/A" },
    { error: "#REF!" },
    { error: "#VALUE!" },
    { error: "#DIV/0!" },
    { error: "#NUM!" },
    "#N/A",
    "#REF!",
  ),
  // Dates before 1900 and after 9999, as text and as serials that are not dates.
  fc.constantFrom<FuzzCell>(
    "1899-12-31",
    "0001-01-01",
    "1900-02-29",
    "10000-01-01",
    "9999-12-31",
    "2025-02-30",
    "2025-13-01",
    "31/12/99999",
  ),
  fc.constantFrom<FuzzCell>(
    -1,
    -693594,
    0,
    0.5,
    60,
    2958465,
    2958466,
    1e15,
    1e308,
    -1e308,
    Number.MAX_VALUE,
    Number.MIN_VALUE,
    -0,
    45300.999999,
  ),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: "grapheme", maxLength: 8 }),
  fc.constantFrom<FuzzCell>(...EMOJI_RTL),
);

/** A data cell that is usually readable for its field and sometimes anything at all. */
function fieldCell(field: Field, customers: readonly string[]): fc.Arbitrary<FuzzCell> {
  const good = goodCell(field, customers);
  return fc.oneof({ weight: 9, arbitrary: good }, { weight: 1, arbitrary: messyCell });
}

function goodCell(field: Field, customers: readonly string[]): fc.Arbitrary<FuzzCell> {
  switch (field) {
    case "orderDate":
    case "visitDate":
    case "firstTradeDate":
    case "birthday":
      return fc.oneof(GOOD_DAY, GOOD_DAY.map(serialText));
    case "month":
      return fc
        .integer({ min: 0, max: 35 })
        .map((k) => `${2024 + Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, "0")}`);
    case "customerId":
    case "customerName":
      return fc.constantFrom(...customers);
    case "salesperson":
      return fc.constantFrom("张三", "李四", "Ann", "Bob", "سارة", "");
    case "region":
      return fc.constantFrom("华东", "North", "", "🌏");
    case "orderId":
      return fc.integer({ min: 1, max: 40 }).map((n) => `SO-${n}`);
    case "quantity":
    case "visitCount":
      return fc.integer({ min: 0, max: 50 });
    default:
      return fc.oneof(
        fc.integer({ min: -5_000, max: 500_000 }).map((c) => c / 100),
        fc.integer({ min: 0, max: 90_000 }).map(String),
      );
  }
}

/** `45300` → `"2024-01-08"` (text dates are read too). */
function serialText(serial: number): string {
  return new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000).toISOString().slice(0, 10);
}

/** A header for a field in one language, not used yet in the sheet. */
function headerFor(field: Field, zh: boolean, used: Set<string>, pick: number): string {
  const all = SYNONYMS[field].filter((h) => CJK.test(h) === zh && !used.has(h));
  const h = all.length > 0 ? all[pick % all.length] : `${field}?`;
  used.add(h);
  return h;
}

interface SheetSpec {
  fields: Field[];
  rows: number;
}

/** One input sheet: a header row from the real synonyms, then rows of field cells. */
function inputSheet(name: string, spec: SheetSpec, zh: boolean, customers: readonly string[]): fc.Arbitrary<FuzzSheet> {
  return fc
    .tuple(
      fc.array(fc.nat(), { minLength: spec.fields.length, maxLength: spec.fields.length }),
      fc.array(fc.tuple(...spec.fields.map((f) => fieldCell(f, customers))), {
        minLength: spec.rows,
        maxLength: spec.rows,
      }),
    )
    .map(([picks, rows]) => {
      const used = new Set<string>();
      const header = spec.fields.map((f, k) => headerFor(f, zh, used, picks[k]!));
      return { name, rows: [header, ...rows.map((r) => [...r] as FuzzCell[])] };
    });
}

/** Sheet names: role words in both languages, emoji and right-to-left text, all valid in Excel. */
const sheetName = (role: string): fc.Arbitrary<string> =>
  fc.oneof(
    fc.constantFrom(role),
    fc.constantFrom("Sheet1", "数据", "📊 data", "بيانات", "it's data", "x".repeat(31)),
    fc.string({ minLength: 1, maxLength: 10 }).map((s) => `${role} ${s.replace(/[[\]:*?/\\'\u0000-\u001f]/g, "_")}`),
  );

const ORDER_REQUIRED: Field[][] = [["orderDate"], ["customerId", "customerName"], ["amount"]];
const ORDER_OPTIONAL: Field[] = ["salesperson", "region", "orderId", "grossMargin", "paid"];

/** A workbook of usual shape: an order sheet, often customers, visits and costs, random cells throughout. */
function normalWorkbook(maxRows: number): fc.Arbitrary<FuzzWorkbook> {
  return fc
    .record({
      zh: fc.boolean(),
      customers: fc.array(
        fc.oneof(
          fc.constantFrom("C001", "C002", "C003", "c001", " C001 ", ...EMOJI_RTL),
          fc.string({ minLength: 1, maxLength: 6 }),
        ),
        { minLength: 1, maxLength: 8 },
      ),
      byId: fc.boolean(),
      drop: fc.oneof(
        { weight: 9, arbitrary: fc.constant(-1) },
        { weight: 1, arbitrary: fc.integer({ min: 0, max: 2 }) },
      ),
      optional: fc.subarray(ORDER_OPTIONAL),
      orderRows: fc.integer({ min: 0, max: maxRows }),
      customerRows: fc.option(fc.integer({ min: 0, max: maxRows }), { freq: 3 }),
      visitRows: fc.option(fc.integer({ min: 0, max: maxRows }), { freq: 2 }),
      costRows: fc.option(fc.integer({ min: 0, max: 8 }), { freq: 4 }),
      names: fc.tuple(sheetName("订单"), sheetName("客户"), sheetName("拜访"), sheetName("费用")),
      title: fc.boolean(),
      tables: fc.boolean(),
      // A user column headed like one the review writes, in another case ("TIER"): never taken, never duplicated.
      lookalike: fc.option(fc.constantFrom("TIER", "tier", "CUSTOMER TYPE", "客户等级", "客户类型", "VISIT COST"), {
        freq: 3,
      }),
    })
    .chain((p) => {
      const key: Field = p.byId ? "customerId" : "customerName";
      const orderFields = ORDER_REQUIRED.map((g) => (g.length > 1 ? key : g[0]!)).filter((_, k) => k !== p.drop);
      const [on, cn, vn, kn] = uniqueNames(p.names);
      const parts: fc.Arbitrary<FuzzSheet>[] = [
        inputSheet(on, { fields: [...orderFields, ...p.optional], rows: p.orderRows }, p.zh, p.customers),
      ];
      if (p.customerRows !== null)
        parts.push(
          inputSheet(
            cn,
            {
              fields: ["customerId", "customerName", "salesperson", "region", "firstTradeDate", "creditLimit"],
              rows: p.customerRows,
            },
            p.zh,
            p.customers,
          ),
        );
      if (p.visitRows !== null)
        parts.push(
          inputSheet(
            vn,
            { fields: ["visitDate", key, "salesperson", "visitCost"], rows: p.visitRows },
            p.zh,
            p.customers,
          ),
        );
      if (p.costRows !== null)
        parts.push(
          inputSheet(kn, { fields: ["month", "salesperson", "monthlyCost"], rows: p.costRows }, p.zh, p.customers),
        );
      const lookalike = p.lookalike;
      const withLookalike =
        lookalike === null
          ? parts
          : parts.map((a) =>
              fc
                .tuple(a, fc.array(messyCell, { minLength: 40, maxLength: 40 }))
                .map(([sh, cells]) => addColumn(sh, lookalike, cells)),
            );
      return fc.tuple(...withLookalike).map((sheets) => {
        if (p.title) sheets[0]!.rows.unshift(["销售台账 Sales ledger"]);
        // Input sheets as Excel tables (each with a header and a row): new columns then widen the table.
        if (p.tables)
          sheets.forEach((sh, k) => sh.rows.length > 1 && !(p.title && k === 0) && (sh.table = `Tbl${k + 1}`));
        return { shape: "normal" as const, sheets };
      });
    });
}

/** The sheet with one more column at its right: `header`, then `cells` down the rows. */
function addColumn(sheet: FuzzSheet, header: string, cells: FuzzCell[]): FuzzSheet {
  const width = sheet.rows[0]!.length;
  return {
    ...sheet,
    rows: sheet.rows.map((row, r) => [
      ...row,
      ...new Array<FuzzCell>(width - row.length).fill(null),
      r === 0 ? header : (cells[r % cells.length] ?? null),
    ]),
  };
}

/** Sheet names made unique the way Excel compares them (case-insensitively). */
function uniqueNames(names: readonly string[]): string[] {
  const seen = new Set<string>();
  return names.map((n, k) => {
    let name = n;
    while (seen.has(name.toLowerCase())) name = `${name.slice(0, 28)} ${k}`;
    seen.add(name.toLowerCase());
    return name;
  });
}

/** Workbooks built around one kind of trouble. */
const special: fc.Arbitrary<FuzzWorkbook> = fc.oneof(
  fc.constant<FuzzWorkbook>({ shape: "empty", sheets: [{ name: "Sheet1", rows: [] }] }),
  fc.constantFrom<FuzzWorkbook>(
    { shape: "headerOnly", sheets: [{ name: "订单", rows: [["订单日期", "客户编号", "金额"]] }] },
    {
      shape: "headerOnly",
      sheets: [
        { name: "Orders", rows: [["Order Date", "Customer", "Amount"]] },
        { name: "Customers", rows: [["Customer ID", "Customer Name"]] },
      ],
    },
  ),
  fc.integer({ min: 0, max: 3 }).map<FuzzWorkbook>((n) => {
    const rows: FuzzCell[][] = [["Order Date", "Customer", "Amount"]];
    for (let i = 0; i < n; i++) rows.push([45400 + i, `C${i}`, 100 * (i + 1)]);
    return {
      shape: "wide",
      sheets: [{ name: "Orders", rows, far: [{ row: 0, col: EXCEL_MAX_COLS - 1, value: "last" }] }],
    };
  }),
  fc.integer({ min: 1000, max: 3000 }).map<FuzzWorkbook>((n) => {
    const customers: FuzzCell[][] = [["客户编号", "客户名称"]];
    for (let i = 0; i < n; i++) customers.push([`C${i % 3}`, `客户${i % 3}`]);
    return {
      shape: "duplicates",
      sheets: [
        { name: "客户", rows: customers },
        {
          name: "订单",
          rows: [
            ["订单日期", "客户编号", "金额"],
            [45500, "C0", 10],
            [45501, "C9", 5],
          ],
        },
      ],
    };
  }),
  // Excel stops typing at 32,767 characters; a hand-made package can hold more.
  fc.constantFrom(EXCEL_MAX_TEXT, EXCEL_MAX_TEXT + 1, 40_000).map<FuzzWorkbook>((len) => {
    const long = "长".repeat(len);
    return {
      shape: "longText",
      sheets: [
        {
          name: "Orders",
          rows: [
            ["Order Date", "Customer Name", "Amount"],
            [45500, long, 10],
            [long, "B", 3],
            [45400, "C", long],
          ],
        },
      ],
    };
  }),
  // Amounts at the edge of doubles: their sums and ratios overflow unless the reader refuses them.
  fc
    .array(
      fc.tuple(
        GOOD_DAY,
        fc.constantFrom("A", "B"),
        fc.constantFrom<FuzzCell>(1e308, Number.MAX_VALUE, -1e308, 9.99e307, 1e15, -1e15, 5e-324, "1e308"),
      ),
      { minLength: 2, maxLength: 8 },
    )
    .map<FuzzWorkbook>((rows) => ({
      shape: "hugeNumbers",
      sheets: [
        {
          name: "Orders",
          rows: [["Order Date", "Customer", "Amount", "Profit"], ...rows.map(([d, c, a]) => [d, c, a, a])],
        },
      ],
    })),
  fc
    .array(fc.tuple(GOOD_DAY, fc.constantFrom<FuzzCell>("", null, " ", { error: "#N/A" })), {
      minLength: 1,
      maxLength: 5,
    })
    .map<FuzzWorkbook>((rows) => ({
      shape: "noCustomer",
      sheets: [{ name: "订单", rows: [["订单日期", "客户名称", "金额"], ...rows.map(([d, c]) => [d, c, 100])] }],
    })),
);

/** Workbooks for the fuzz tests: mostly usual shapes with random cells, one in twenty built around a trouble. */
export function fuzzWorkbook(maxRows = 25): fc.Arbitrary<FuzzWorkbook> {
  return fc.oneof({ weight: 19, arbitrary: normalWorkbook(maxRows) }, { weight: 1, arbitrary: special });
}
