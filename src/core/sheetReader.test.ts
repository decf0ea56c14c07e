import fc from "fast-check";
import { readAmount } from "./_lib/cells";
import { ymdToDay } from "./_lib/dates";
import { plainAmount, SheetReader, type DateOrderNote } from "./sheetReader";
import type { Cell, CellIssue, SheetMapping } from "./types";

/** An order sheet whose header stands in sheet row 2 (0-based 1), its grid starting at B1. */
function reader(rows: Cell[][], columns: SheetMapping["columns"] = { orderDate: 1, customerName: 2, amount: 3 }) {
  const issues: CellIssue[] = [];
  const mapping: SheetMapping = {
    sheet: "订单",
    role: "orders",
    headerRow: 1,
    columns,
    monthlyCostColumns: [],
    headers: [],
    rowCount: rows.length,
    lastRow: rows.length + 1,
  };
  const s = new SheetReader(
    { sheet: "订单", origin: { row: 0, col: 1 }, values: [["标题"], ["日期", "客户", "金额"], ...rows] },
    mapping,
    issues,
  );
  return { s, issues };
}

describe("SheetReader", () => {
  it("spans the rows below the header, in sheet coordinates", () => {
    const { s } = reader([
      [45292, "甲", 10],
      [45293, "乙", 20],
    ]);
    expect([s.firstRow, s.lastRow, s.cell(3, 2), s.cells(2)]).toEqual([2, 3, "乙", [45292, "甲", 10]]);
  });

  it("treats a row as blank when every mapped cell is blank", () => {
    const { s } = reader([[null, " ", ""], ["", "　", 0], [undefined as unknown as Cell]]);
    expect([
      s.isBlankRow(s.cells(2)),
      s.isBlankRow(s.cells(3)),
      s.isBlankRow(s.cells(4)),
      s.isBlankRow(s.cells(9)),
    ]).toEqual([true, false, true, true]);
  });

  it("reports an unreadable cell with its sheet address", () => {
    const { s, issues } = reader([["下周二", "甲", 10]]);
    expect(s.column("orderDate").date(s.cells(2), 2, "monthFirst", true)).toBeUndefined();
    expect(issues).toEqual([{ sheet: "订单", address: "B3", field: "orderDate", code: "notADate", value: "下周二" }]);
  });

  describe("dayMonthOrder", () => {
    it("reads a column day-first when a first part is above 12, and notes it", () => {
      const { s } = reader([
        ["3/5/2024", "甲", 1],
        ["13/5/2024", "乙", 2],
      ]);
      const notes: DateOrderNote[] = [];
      expect(s.dayMonthOrder("orderDate", "auto", notes)).toBe("dayFirst");
      expect(notes).toEqual([{ sheet: "订单", order: "dayFirst" }]);
    });

    it("keeps the user's choice, and notes nothing without such dates", () => {
      const { s } = reader([
        [45292, "甲", 1],
        ["2024-03-05", "乙", 2],
      ]);
      const notes: DateOrderNote[] = [];
      expect(s.dayMonthOrder("orderDate", "dayFirst", notes)).toBe("dayFirst");
      expect(notes).toEqual([]);
    });
  });
});

describe("Column", () => {
  it("reads amounts as readAmount does, plain text amounts included", () => {
    const { s, issues } = reader([
      [1, "甲", 12.5],
      [1, "甲", "¥1,234.50"],
      [1, "甲", "1234.5元"],
      [1, "甲", "1.2万"],
      [1, "甲", "(5)"],
      [1, "甲", "TBD"],
      [1, "甲", null],
    ]);
    const amount = s.column("amount");
    const read = [2, 3, 4, 5, 6, 7, 8].map((row) => amount.amount(s.cells(row), row, row !== 8));
    expect(read).toEqual([12.5, 1234.5, 1234.5, 12000, -5, undefined, undefined]);
    expect(issues).toEqual([{ sheet: "订单", address: "D8", field: "amount", code: "notANumber", value: "TBD" }]);
  });

  it("reports a blank required cell as missing, and skips a blank optional one", () => {
    const { s, issues } = reader([[1, "甲", " "]]);
    expect([s.column("amount").amount(s.cells(2), 2, false), s.column("amount").amount(s.cells(2), 2, true)]).toEqual([
      undefined,
      undefined,
    ]);
    expect(issues).toEqual([{ sheet: "订单", address: "D3", field: "amount", code: "missing", value: " " }]);
  });

  it("reads text as readText does: trimmed, null when blank or unmapped", () => {
    const { s } = reader([
      [1, " 甲 ", 1],
      [1, "乙", 1],
      [1, "　", 1],
      [1, 42, 1],
    ]);
    const name = s.column("customerName");
    expect([2, 3, 4, 5].map((row) => name.text(s.cells(row)))).toEqual(["甲", "乙", null, "42"]);
    expect(s.column("customerId").text(s.cells(2))).toBeNull();
  });

  it("reads text dates in the order asked, even after reading them in the other", () => {
    const { s } = reader([
      ["3/5/2024", "甲", 1],
      [45292, "甲", 1],
    ]);
    const date = s.column("orderDate");
    expect(date.date(s.cells(2), 2, "monthFirst", true)).toBe(ymdToDay(2024, 3, 5));
    expect(date.date(s.cells(2), 2, "dayFirst", true)).toBe(ymdToDay(2024, 5, 3));
    expect(date.date(s.cells(3), 3, "dayFirst", true)).toBe(ymdToDay(2024, 1, 1));
  });
});

describe("plainAmount", () => {
  it("reads the text amounts exports write", () => {
    expect(["1,234.50", "¥1,234.50", "$12", "1234.5元", "0.00", "12,345,678.9", "007"].map(plainAmount)).toEqual([
      1234.5, 1234.5, 12, 1234.5, 0, 12345678.9, 7,
    ]);
  });

  it("leaves to readAmount what is not plain (NaN)", () => {
    for (const t of [
      "",
      "¥",
      "元",
      "1,23",
      "1234,567",
      ",123",
      "1.",
      ".5",
      "1.2.3",
      "1,234.5,6",
      "-5",
      " 5",
      "1 234",
      "1234567890123456",
      "１２",
    ])
      expect(plainAmount(t)).toBeNaN();
  });

  it("gives exactly readAmount's value whenever it reads a text", () => {
    const unit = fc.constantFrom("0", "1", "2", "5", "9", ",", ".", "¥", "$", "元", " ", "-", "万");
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 22 }), (parts) => {
        const text = parts.join("");
        const x = plainAmount(text);
        if (Number.isNaN(x)) return;
        const r = readAmount(text);
        expect(r).toEqual({ ok: true, value: x });
        expect(x).toBe(Number(text.replace(/[¥$元,]/g, "")));
      }),
      { numRuns: 4000 },
    );
  });

  it("reads every plain amount, grouped or not, as Number and readAmount do", () => {
    const amount = fc
      .record({
        sign: fc.constantFrom("", "¥", "$"),
        int: fc.bigInt({ min: 0n, max: 10n ** 13n }),
        grouped: fc.boolean(),
        decimals: fc.option(fc.stringMatching(/^[0-9]{1,4}$/), { nil: undefined }),
        yuan: fc.boolean(),
      })
      .map(({ sign, int, grouped, decimals, yuan }) => {
        const digits = grouped ? int.toLocaleString("en-US") : int.toString();
        return `${sign}${digits}${decimals === undefined ? "" : "." + decimals}${yuan ? "元" : ""}`;
      });
    fc.assert(
      fc.property(amount, (text) => {
        const x = plainAmount(text);
        if (text.replace(/\D/g, "").length > 15) return expect(x).toBeNaN();
        expect(x).toBe(Number(text.replace(/[¥$元,]/g, "")));
        expect(readAmount(text)).toEqual({ ok: true, value: x });
      }),
      { numRuns: 3000 },
    );
  });
});
