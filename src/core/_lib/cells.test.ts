import {
  isBlank,
  isErrorValue,
  leadingDatePart,
  mayBeDayMonthDate,
  mayBeSpace,
  readAmount,
  readDate,
  readMonth,
  readText,
} from "./cells";
import { monthIndex } from "./dates";

/** Epoch day of 2024-03-05, and of 2024-05-03 (the same text read day-first). */
const MAR_5 = 19787;
const MAY_3 = 19846;
const NOT_A_DATE = { ok: false, problem: "notADate" };
const NOT_A_MONTH = { ok: false, problem: "notAMonth" };
const NOT_A_NUMBER = { ok: false, problem: "notANumber" };
const MISSING = { ok: false, problem: "missing" };
const ERROR_VALUE = { ok: false, problem: "errorValue" };

describe("isBlank", () => {
  it("finds null, undefined, the empty string and white space blank", () => {
    expect([isBlank(null), isBlank(undefined), isBlank(""), isBlank("  "), isBlank("\t\u3000")]).toEqual([
      true,
      true,
      true,
      true,
      true,
    ]);
  });

  it("finds text, zero and false not blank", () => {
    expect([isBlank("a"), isBlank(0), isBlank(false), isBlank(" 0 ")]).toEqual([false, false, false, false]);
  });

  it("agrees with trim on every character, alone and before text", () => {
    const disagree: number[] = [];
    for (let c = 0; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      if (isBlank(ch) !== (ch.trim() === "") || isBlank(`${ch}${ch}x`)) disagree.push(c);
    }
    expect(disagree).toEqual([]);
  });
});

describe("mayBeSpace", () => {
  it("holds for every character trim removes", () => {
    const missed: number[] = [];
    for (let c = 0; c <= 0xffff; c++) if (String.fromCharCode(c).trim() === "" && !mayBeSpace(c)) missed.push(c);
    expect(missed).toEqual([]);
  });
});

describe("isErrorValue", () => {
  it("finds Excel's error values", () => {
    const errors = [
      "#N/A",
      "#REF!",
      "#VALUE!",
      "#DIV/0!",
      "#NAME?",
      "#NUM!",
      "#NULL!",
      "#SPILL!",
      "#CALC!",
      "#GETTING_DATA",
    ];
    expect(errors.filter((e) => !isErrorValue(e))).toEqual([]);
  });

  it("finds an error value with spaces around it or in lower case", () => {
    expect([isErrorValue(" #N/A "), isErrorValue("#n/a")]).toEqual([true, true]);
  });

  it("does not find ordinary text, numbers or blanks", () => {
    expect([
      isErrorValue("N/A"),
      isErrorValue("#1"),
      isErrorValue("#N/A more"),
      isErrorValue(42),
      isErrorValue(null),
      isErrorValue(true),
    ]).toEqual([false, false, false, false, false, false]);
  });
});

describe("readDate", () => {
  it("reads the Excel serial 45292 as 2024-01-01", () => {
    expect(readDate(45292)).toEqual({ ok: true, value: 19723 });
  });

  it("reads a serial with a time of day as its date", () => {
    expect(readDate(45356.75)).toEqual({ ok: true, value: MAR_5 });
  });

  it("reads 2024-03-05", () => {
    expect(readDate("2024-03-05")).toEqual({ ok: true, value: MAR_5 });
  });

  it("reads 2024/3/5", () => {
    expect(readDate("2024/3/5")).toEqual({ ok: true, value: MAR_5 });
  });

  it("reads 2024.3.5", () => {
    expect(readDate("2024.3.5")).toEqual({ ok: true, value: MAR_5 });
  });

  it("reads 2024年3月5日", () => {
    expect(readDate("2024年3月5日")).toEqual({ ok: true, value: MAR_5 });
  });

  it("reads 2024年3月5号 and 2024 年 3 月 5 日", () => {
    expect([readDate("2024年3月5号"), readDate("2024 年 3 月 5 日")]).toEqual([
      { ok: true, value: MAR_5 },
      { ok: true, value: MAR_5 },
    ]);
  });

  it("reads 20240305 as text", () => {
    expect(readDate("20240305")).toEqual({ ok: true, value: MAR_5 });
  });

  it("reads 20240305 as a number", () => {
    expect(readDate(20240305)).toEqual({ ok: true, value: MAR_5 });
  });

  it("reads 3/5/2024 month-first by default", () => {
    expect(readDate("3/5/2024")).toEqual({ ok: true, value: MAR_5 });
  });

  it("reads 3/5/2024 day-first when asked", () => {
    expect(readDate("3/5/2024", "dayFirst")).toEqual({ ok: true, value: MAY_3 });
  });

  it("reads 13/5/2024 day-first", () => {
    expect(readDate("13/5/2024", "dayFirst")).toEqual({ ok: true, value: MAY_3 + 10 });
  });

  it("reads full-width digits ２０２４年３月５日", () => {
    expect(readDate("２０２４年３月５日")).toEqual({ ok: true, value: MAR_5 });
  });

  it("reads full-width ２０２４－０３－０５ and ２０２４／３／５", () => {
    expect([readDate("２０２４－０３－０５"), readDate("２０２４／３／５")]).toEqual([
      { ok: true, value: MAR_5 },
      { ok: true, value: MAR_5 },
    ]);
  });

  it("reads text with spaces around it", () => {
    expect(readDate("  2024-03-05\u3000")).toEqual({ ok: true, value: MAR_5 });
  });

  describe("with a time", () => {
    const forms = ["2024-03-05", "2024/3/5", "2024.3.5", "2024年3月5日", "20240305", "3/5/2024"];

    it.each(forms)("ignores the time in %s 00:00:00.000", (form) => {
      expect(readDate(`${form} 00:00:00.000`)).toEqual({ ok: true, value: MAR_5 });
    });

    it.each(forms)("ignores the time in %sT08:30", (form) => {
      expect(readDate(`${form}T08:30`)).toEqual({ ok: true, value: MAR_5 });
    });

    it.each(forms)("ignores the time in %s 23:59:59", (form) => {
      expect(readDate(`${form} 23:59:59`)).toEqual({ ok: true, value: MAR_5 });
    });

    it("ignores a one-digit hour", () => {
      expect(readDate("2024/3/5 8:30")).toEqual({ ok: true, value: MAR_5 });
    });

    it("ignores a time with full-width digits", () => {
      expect(readDate("２０２４－０３－０５　０８：３０")).toEqual({ ok: true, value: MAR_5 });
    });

    it("ignores the time of a day-first date", () => {
      expect(readDate("3/5/2024 08:30", "dayFirst")).toEqual({ ok: true, value: MAY_3 });
    });
  });

  describe("edge cases", () => {
    it("reads 2024-02-29 and rejects 2023-02-29", () => {
      expect([readDate("2024-02-29"), readDate("2023-02-29")]).toEqual([{ ok: true, value: 19782 }, NOT_A_DATE]);
    });

    it("reads serial 59 as 1900-02-28 and serial 61 as 1900-03-01", () => {
      expect([readDate(59), readDate(61)]).toEqual([
        { ok: true, value: -25509 },
        { ok: true, value: -25508 },
      ]);
    });

    it("reads serial 1 as 1900-01-01 and 2958465 as 9999-12-31", () => {
      expect([readDate(1), readDate(2_958_465)]).toEqual([
        { ok: true, value: -25567 },
        { ok: true, value: 2_932_896 },
      ]);
    });

    it("reads 12/31/2024 month-first and 31/12/2024 day-first", () => {
      expect([readDate("12/31/2024"), readDate("31/12/2024", "dayFirst")]).toEqual([
        { ok: true, value: 20088 },
        { ok: true, value: 20088 },
      ]);
    });

    it("reads a day-first order only for the d/m/yyyy form, never for year-first text", () => {
      expect(readDate("2024/3/5", "dayFirst")).toEqual({ ok: true, value: MAR_5 });
    });
  });

  describe("invalid input", () => {
    it("rejects 2026-13-45", () => {
      expect(readDate("2026-13-45")).toEqual(NOT_A_DATE);
    });

    it("rejects 13/5/2024 month-first", () => {
      expect(readDate("13/5/2024")).toEqual(NOT_A_DATE);
    });

    it("rejects 5/13/2024 day-first", () => {
      expect(readDate("5/13/2024", "dayFirst")).toEqual(NOT_A_DATE);
    });

    it("rejects next Tuesday", () => {
      expect(readDate("next Tuesday")).toEqual(NOT_A_DATE);
    });

    it("rejects 下周二", () => {
      expect(readDate("下周二")).toEqual(NOT_A_DATE);
    });

    it("rejects 20241305 and 20240230 as text and as numbers", () => {
      expect([readDate("20241305"), readDate(20241305), readDate("20240230"), readDate(20240230)]).toEqual([
        NOT_A_DATE,
        NOT_A_DATE,
        NOT_A_DATE,
        NOT_A_DATE,
      ]);
    });

    it("rejects a date followed by words", () => {
      expect(readDate("2024-03-05 morning")).toEqual(NOT_A_DATE);
    });

    it("rejects a time that is not a time", () => {
      expect(readDate("2024-03-05 0830")).toEqual(NOT_A_DATE);
    });

    it("reports #N/A as an error value", () => {
      expect([readDate("#N/A"), readDate(" #REF! ")]).toEqual([ERROR_VALUE, ERROR_VALUE]);
    });

    it("rejects booleans", () => {
      expect([readDate(true), readDate(false)]).toEqual([NOT_A_DATE, NOT_A_DATE]);
    });

    it("reports a blank as missing", () => {
      expect([readDate(null), readDate(""), readDate("   "), readDate("\u3000")]).toEqual([
        MISSING,
        MISSING,
        MISSING,
        MISSING,
      ]);
    });

    it("rejects serial 0, serial 60, negatives and serials past 9999-12-31", () => {
      expect([readDate(0), readDate(60), readDate(-1), readDate(2_958_466)]).toEqual([
        NOT_A_DATE,
        NOT_A_DATE,
        NOT_A_DATE,
        NOT_A_DATE,
      ]);
    });

    it("rejects NaN and Infinity", () => {
      expect([readDate(Number.NaN), readDate(Infinity)]).toEqual([NOT_A_DATE, NOT_A_DATE]);
    });
  });
});

describe("leadingDatePart", () => {
  it("gives the first number of 3/5/2024", () => {
    expect(leadingDatePart("3/5/2024")).toBe(3);
  });

  it("gives 13 for 13/5/2024, with or without a time", () => {
    expect([leadingDatePart("13/5/2024"), leadingDatePart("13.05.2024 08:30")]).toEqual([13, 13]);
  });

  it("reads full-width digits", () => {
    expect(leadingDatePart("２５／１２／２０２４")).toBe(25);
  });

  describe("invalid input", () => {
    it("gives null for year-first dates", () => {
      expect([leadingDatePart("2024-03-05"), leadingDatePart("2024年3月5日"), leadingDatePart("20240305")]).toEqual([
        null,
        null,
        null,
      ]);
    });

    it("gives null for numbers, booleans, blanks and words", () => {
      expect([
        leadingDatePart(45292),
        leadingDatePart(true),
        leadingDatePart(null),
        leadingDatePart(""),
        leadingDatePart("soon"),
      ]).toEqual([null, null, null, null, null]);
    });
  });
});

describe("mayBeDayMonthDate", () => {
  it("rules out texts that start with three ASCII digits", () => {
    expect(["2024-03-05", "2024/3/5 08:30", "20240305", "123/5/2024"].map(mayBeDayMonthDate)).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });

  it("leaves every other text to leadingDatePart, full-width digits and a leading space too", () => {
    expect(["3/5/2024", "12/5/2024", "２５／１２／２０２４", " 1/5/2024", "12", "soon"].map(mayBeDayMonthDate)).toEqual(
      [true, true, true, true, true, true],
    );
  });

  it("rules out only texts that read the same day-first and month-first", () => {
    const ruledOut = ["2024-03-05", "2024年3月5日", "20240305", "2024.3.5 8:30", "123/5/2024", "2024/13/5"].filter(
      (t) => !mayBeDayMonthDate(t),
    );
    expect(ruledOut.map((t) => readDate(t, "dayFirst"))).toEqual(ruledOut.map((t) => readDate(t, "monthFirst")));
    expect(ruledOut).toHaveLength(6);
  });
});

describe("readMonth", () => {
  const MARCH_2024 = { ok: true, value: monthIndex(2024, 3) };

  it("reads a date serial as its month", () => {
    expect(readMonth(45356)).toEqual(MARCH_2024);
  });

  it("reads 2024-03", () => {
    expect(readMonth("2024-03")).toEqual(MARCH_2024);
  });

  it("reads 2024/3 and 2024.3", () => {
    expect([readMonth("2024/3"), readMonth("2024.3")]).toEqual([MARCH_2024, MARCH_2024]);
  });

  it("reads 2024年3月", () => {
    expect(readMonth("2024年3月")).toEqual(MARCH_2024);
  });

  it("reads full-width ２０２４年３月", () => {
    expect(readMonth("２０２４年３月")).toEqual(MARCH_2024);
  });

  it("reads 202403 as text", () => {
    expect(readMonth("202403")).toEqual(MARCH_2024);
  });

  it("reads 202403 as a number", () => {
    expect(readMonth(202403)).toEqual(MARCH_2024);
  });

  it("reads a full date as its month", () => {
    expect([readMonth("2024-03-31"), readMonth("2024年3月1日"), readMonth("20240315"), readMonth(20240315)]).toEqual([
      MARCH_2024,
      MARCH_2024,
      MARCH_2024,
      MARCH_2024,
    ]);
  });

  describe("edge cases", () => {
    it("reads December and January", () => {
      expect([readMonth("2024-12"), readMonth(202501)]).toEqual([
        { ok: true, value: monthIndex(2024, 12) },
        { ok: true, value: monthIndex(2025, 1) },
      ]);
    });

    it("reads a serial on the last day of a month as that month", () => {
      expect(readMonth(45351)).toEqual({ ok: true, value: monthIndex(2024, 2) });
    });
  });

  describe("invalid input", () => {
    it("rejects 2024-13", () => {
      expect(readMonth("2024-13")).toEqual(NOT_A_MONTH);
    });

    it("rejects 2024-00 and 202400", () => {
      expect([readMonth("2024-00"), readMonth("202400")]).toEqual([NOT_A_MONTH, NOT_A_MONTH]);
    });

    it("rejects 202413 as text and as a number", () => {
      expect([readMonth("202413"), readMonth(202413)]).toEqual([NOT_A_MONTH, NOT_A_MONTH]);
    });

    it("rejects words", () => {
      expect([readMonth("March"), readMonth("三月")]).toEqual([NOT_A_MONTH, NOT_A_MONTH]);
    });

    it("rejects booleans and serials that are not dates", () => {
      expect([readMonth(true), readMonth(0), readMonth(-5)]).toEqual([NOT_A_MONTH, NOT_A_MONTH, NOT_A_MONTH]);
    });

    it("reports #N/A as an error value", () => {
      expect(readMonth("#N/A")).toEqual(ERROR_VALUE);
    });

    it("reports a blank as missing", () => {
      expect([readMonth(null), readMonth(""), readMonth("  ")]).toEqual([MISSING, MISSING, MISSING]);
    });
  });
});

describe("readAmount", () => {
  it("reads numbers as they are", () => {
    expect([readAmount(1234.5), readAmount(-80), readAmount(0)]).toEqual([
      { ok: true, value: 1234.5 },
      { ok: true, value: -80 },
      { ok: true, value: 0 },
    ]);
  });

  it("reads 1,234.50", () => {
    expect(readAmount("1,234.50")).toEqual({ ok: true, value: 1234.5 });
  });

  it("reads ¥1,234.50 and ￥1,234.50", () => {
    expect([readAmount("¥1,234.50"), readAmount("￥1,234.50")]).toEqual([
      { ok: true, value: 1234.5 },
      { ok: true, value: 1234.5 },
    ]);
  });

  it("reads $31,021.30", () => {
    expect(readAmount("$31,021.30")).toEqual({ ok: true, value: 31021.3 });
  });

  it("reads 1234元", () => {
    expect(readAmount("1234元")).toEqual({ ok: true, value: 1234 });
  });

  it("reads RMB 1,200 and 1,200 rmb", () => {
    expect([readAmount("RMB 1,200"), readAmount("1,200 rmb")]).toEqual([
      { ok: true, value: 1200 },
      { ok: true, value: 1200 },
    ]);
  });

  it("reads full-width １２３４．５", () => {
    expect(readAmount("１２３４．５")).toEqual({ ok: true, value: 1234.5 });
  });

  it("reads full-width ￥１，２３４", () => {
    expect(readAmount("￥１，２３４")).toEqual({ ok: true, value: 1234 });
  });

  it("reads (1,200) as -1200", () => {
    expect(readAmount("(1,200)")).toEqual({ ok: true, value: -1200 });
  });

  it("reads -1,200 as -1200", () => {
    expect(readAmount("-1,200")).toEqual({ ok: true, value: -1200 });
  });

  it("reads a minus sign after the currency", () => {
    expect([readAmount("¥-1,200"), readAmount("-¥1,200"), readAmount("−1200")]).toEqual([
      { ok: true, value: -1200 },
      { ok: true, value: -1200 },
      { ok: true, value: -1200 },
    ]);
  });

  it("reads 1.2万 as 12000", () => {
    expect(readAmount("1.2万")).toEqual({ ok: true, value: 12000 });
  });

  it("reads 1.23万 as exactly 12300", () => {
    const read = readAmount("1.23万");
    expect(read.ok && read.value).toBe(12300);
  });

  it("reads 2.51万 and 0.57万 exactly, where multiplying by 10000 would not", () => {
    expect([2.51 * 10000, 0.57 * 10000]).not.toEqual([25100, 5700]);
    expect([readAmount("2.51万"), readAmount("0.57万")]).toEqual([
      { ok: true, value: 25100 },
      { ok: true, value: 5700 },
    ]);
  });

  it("reads (1.5万) as -15000", () => {
    expect(readAmount("(1.5万)")).toEqual({ ok: true, value: -15000 });
  });

  it("reads 1.2万元 and ¥3万", () => {
    expect([readAmount("1.2万元"), readAmount("¥3万")]).toEqual([
      { ok: true, value: 12000 },
      { ok: true, value: 30000 },
    ]);
  });

  describe("edge cases", () => {
    it("reads 0.00015万 as 1.5", () => {
      expect(readAmount("0.00015万")).toEqual({ ok: true, value: 1.5 });
    });

    it("reads 1,200万 as twelve million", () => {
      expect(readAmount("1,200万")).toEqual({ ok: true, value: 12_000_000 });
    });

    it("reads .5 and +5", () => {
      expect([readAmount(".5"), readAmount("+5")]).toEqual([
        { ok: true, value: 0.5 },
        { ok: true, value: 5 },
      ]);
    });

    it("reads 1,234,567.89 with several separators", () => {
      expect(readAmount("1,234,567.89")).toEqual({ ok: true, value: 1234567.89 });
    });

    it("reads an amount with spaces around and inside it", () => {
      expect(readAmount("  ¥ 1,200.00 ")).toEqual({ ok: true, value: 1200 });
    });
  });

  describe("invalid input", () => {
    it("rejects TBD", () => {
      expect(readAmount("TBD")).toEqual(NOT_A_NUMBER);
    });

    it("rejects misplaced separators 1,23,4 and 12,34", () => {
      expect([readAmount("1,23,4"), readAmount("12,34")]).toEqual([NOT_A_NUMBER, NOT_A_NUMBER]);
    });

    it("rejects two decimal points and a bare sign or currency", () => {
      expect([readAmount("1.2.3"), readAmount("-"), readAmount("¥"), readAmount("万")]).toEqual([
        NOT_A_NUMBER,
        NOT_A_NUMBER,
        NOT_A_NUMBER,
        NOT_A_NUMBER,
      ]);
    });

    it("rejects an unclosed parenthesis", () => {
      expect(readAmount("(1,200")).toEqual(NOT_A_NUMBER);
    });

    it("rejects exponent notation and words after the number", () => {
      expect([readAmount("1e5"), readAmount("100 pcs")]).toEqual([NOT_A_NUMBER, NOT_A_NUMBER]);
    });

    it("reports #REF! as an error value", () => {
      expect(readAmount("#REF!")).toEqual(ERROR_VALUE);
    });

    it("rejects the text true and booleans", () => {
      expect([readAmount("true"), readAmount(true), readAmount(false)]).toEqual([
        NOT_A_NUMBER,
        NOT_A_NUMBER,
        NOT_A_NUMBER,
      ]);
    });

    it("reports a blank as missing", () => {
      expect([readAmount(null), readAmount(""), readAmount(" \u3000 ")]).toEqual([MISSING, MISSING, MISSING]);
    });

    it("rejects NaN and Infinity", () => {
      expect([readAmount(Number.NaN), readAmount(Infinity), readAmount(-Infinity)]).toEqual([
        NOT_A_NUMBER,
        NOT_A_NUMBER,
        NOT_A_NUMBER,
      ]);
    });
  });
});

describe("readText", () => {
  it("trims text", () => {
    expect(readText("  C0001 ")).toBe("C0001");
  });

  it("keeps inner spaces and full-width forms as typed", () => {
    expect(readText("Ａcme  Ltd")).toBe("Ａcme  Ltd");
  });

  it("writes numbers as their plain text", () => {
    expect([readText(1001), readText(12.5), readText(-3)]).toEqual(["1001", "12.5", "-3"]);
  });

  it("writes booleans as Excel shows them", () => {
    expect([readText(true), readText(false)]).toEqual(["TRUE", "FALSE"]);
  });

  describe("invalid input", () => {
    it("gives null for blanks", () => {
      expect([readText(null), readText(""), readText("  ")]).toEqual([null, null, null]);
    });

    it("gives null for NaN and Infinity", () => {
      expect([readText(Number.NaN), readText(Infinity)]).toEqual([null, null]);
    });
  });
});
