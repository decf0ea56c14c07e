import { interpretInput } from "./cells";
import { parseTyped, serialOf } from "./typedInput";

/** The rules of README.md, "Text Excel changes", one test each; 2024-03-05 is serial 45356, 2026-10-01 is 46296. */
describe("parseTyped", () => {
  const typed = (text: string) => parseTyped(text, 2026);

  it("drops leading zeros and reads exponents, as typing 00123 into Excel does", () => {
    expect(["00123", "-3.5", "+7", "1e3", ".5", " 42 "].map(typed)).toEqual([
      { value: 123 },
      { value: -3.5 },
      { value: 7 },
      { value: 1000 },
      { value: 0.5 },
      { value: 42 },
    ]);
  });

  it("reads thousands separators, currency and brackets as numbers and formats the cell to match", () => {
    expect(["1,234", "1,234.50", "$1,234.50", "¥800", "(1,200)"].map(typed)).toEqual([
      { value: 1234, numberFormat: "#,##0" },
      { value: 1234.5, numberFormat: "#,##0.00" },
      { value: 1234.5, numberFormat: "$#,##0.00" },
      { value: 800, numberFormat: "¥#,##0" },
      { value: -1200, numberFormat: "#,##0" },
    ]);
  });

  it("divides a percentage by 100 and formats the cell as a percentage (KB 215203)", () => {
    expect(["12%", "12.5%", "-3 %"].map(typed)).toEqual([
      { value: 0.12, numberFormat: "0%" },
      { value: 0.125, numberFormat: "0.00%" },
      { value: -0.03, numberFormat: "0%" },
    ]);
  });

  it("takes TRUE and FALSE in any case as booleans", () => {
    expect(["TRUE", "false", "True"].map(typed)).toEqual([{ value: true }, { value: false }, { value: true }]);
  });

  it("reads ISO, year-first, month-first and day-first dates as serial numbers", () => {
    expect(["2024-03-05", "2024/3/5", "3/5/2024", "13/5/2024", "3-5-24"].map(typed)).toEqual([
      { value: 45356, numberFormat: "m/d/yyyy" },
      { value: 45356, numberFormat: "m/d/yyyy" },
      { value: 45356, numberFormat: "m/d/yyyy" },
      { value: 45425, numberFormat: "m/d/yyyy" },
      { value: 45356, numberFormat: "m/d/yyyy" },
    ]);
  });

  it("reads a year and a month as the month's first day, shown as Oct-26 (what the pane's month labels became)", () => {
    expect(["2026-10", "2026/10", "10/2026", "2026年10月"].map(typed)).toEqual([
      { value: 46296, numberFormat: "mmm-yy" },
      { value: 46296, numberFormat: "mmm-yy" },
      { value: 46296, numberFormat: "mmm-yy" },
      { value: 46296, numberFormat: 'yyyy"年"m"月"' },
    ]);
  });

  it("reads a day and month without a year as that day of the current year (KB 214391)", () => {
    expect(["10/1", "1-Oct", "10月1日"].map(typed)).toEqual([
      { value: 46296, numberFormat: "d-mmm" },
      { value: 46296, numberFormat: "d-mmm" },
      { value: 46296, numberFormat: 'm"月"d"日"' },
    ]);
  });

  it("reads Chinese dates and English month names", () => {
    expect(["2024年3月5日", "5-Mar-2024", "March 5, 2024", "Oct-26"].map(typed)).toEqual([
      { value: 45356, numberFormat: 'yyyy"年"m"月"d"日"' },
      { value: 45356, numberFormat: "d-mmm-yy" },
      { value: 45356, numberFormat: "d-mmm-yy" },
      { value: 46296, numberFormat: "mmm-yy" },
    ]);
  });

  it("reads times and dates with a time as serial fractions (what the pane's generated time became)", () => {
    expect(["2026-11-30 13:45", "13:45", "1:30 PM", "2024-03-05 00:00:00"].map(typed)).toEqual([
      { value: 46356 + (13 * 60 + 45) / 1440, numberFormat: "m/d/yyyy h:mm" },
      { value: (13 * 60 + 45) / 1440, numberFormat: "h:mm" },
      { value: (13 * 60 + 30) / 1440, numberFormat: "h:mm" },
      { value: 45356, numberFormat: "m/d/yyyy h:mm" },
    ]);
  });

  it("reads two-digit years by the 2029 rule (KB 214391)", () => {
    expect([typed("1/1/29").value, typed("1/1/30").value]).toEqual([serialOf(2029, 1, 1), serialOf(1930, 1, 1)]);
  });

  it("keeps as text what is no number and no real day", () => {
    const texts = [
      "逾期5天",
      "Overdue 5 days",
      "2/30/2024",
      "2026-13",
      "25:00",
      "A",
      "1,23",
      "客户表 (2)",
      "12 months",
      " 2026-10",
      "v1.2.3",
      "Q4-2026",
    ];
    expect(texts.map(typed)).toEqual(texts.map((value) => ({ value })));
  });

  describe("edge cases", () => {
    it("counts days as Excel's 1900 date system does, with its 29 February 1900", () => {
      expect([
        serialOf(1900, 1, 1),
        serialOf(1900, 2, 28),
        serialOf(1900, 2, 29),
        serialOf(1900, 3, 1),
        serialOf(1899, 12, 31),
        serialOf(2023, 2, 29),
      ]).toEqual([1, 59, 60, 61, undefined, undefined]);
    });
  });
});

describe("interpretInput with typed text", () => {
  it("stores what parseTyped makes of text unless an apostrophe or the text format keeps it", () => {
    expect([
      interpretInput("2026-10", false, "t", 2026),
      interpretInput("'2026-10", false, "t", 2026),
      interpretInput("2026-10", true, "t", 2026),
    ]).toEqual([{ value: 46296, numberFormat: "mmm-yy" }, { value: "2026-10" }, { value: "2026-10" }]);
  });
});
