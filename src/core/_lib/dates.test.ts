import {
  MAX_EXCEL_SERIAL,
  MAX_EXCEL_SERIAL_1904,
  dayToSerial,
  dayToYmd,
  daysInMonth,
  formatDay,
  formatMonth,
  monthEnd,
  monthIndex,
  monthOfDay,
  monthStart,
  serialToDay,
  ymdToDay,
} from "./dates";
import { itFull } from "../../../test/support/tier";

describe("ymdToDay", () => {
  it("counts 1970-01-01 as epoch day 0", () => {
    expect(ymdToDay(1970, 1, 1)).toBe(0);
  });

  it("counts 1969-12-31 as epoch day -1", () => {
    expect(ymdToDay(1969, 12, 31)).toBe(-1);
  });

  it("reads 2024-01-01 as 19723", () => {
    expect(ymdToDay(2024, 1, 1)).toBe(19723);
  });

  it("reads 2024-03-05 as 19787", () => {
    expect(ymdToDay(2024, 3, 5)).toBe(19787);
  });

  it("reads 1900-01-01 as -25567", () => {
    expect(ymdToDay(1900, 1, 1)).toBe(-25567);
  });

  it("reads 9999-12-31 as 2932896", () => {
    expect(ymdToDay(9999, 12, 31)).toBe(2_932_896);
  });

  describe("edge cases", () => {
    it("accepts 2024-02-29 in a leap year", () => {
      expect(ymdToDay(2024, 2, 29)).toBe(19782);
    });

    it("accepts 2000-02-29: divisible by 400 is a leap year", () => {
      expect(ymdToDay(2000, 2, 29)).toBe(11016);
    });

    it("accepts the 31st of a 31-day month", () => {
      expect(ymdToDay(2024, 12, 31)).toBe(20088);
    });

    it("makes the day after 2024-12-31 the first of 2025", () => {
      expect(ymdToDay(2025, 1, 1)).toBe(20088 + 1);
    });

    it("makes 2023-03-01 the day after 2023-02-28", () => {
      expect(ymdToDay(2023, 3, 1)! - ymdToDay(2023, 2, 28)!).toBe(1);
    });

    it("makes 2024-03-01 two days after 2024-02-28", () => {
      expect(ymdToDay(2024, 3, 1)! - ymdToDay(2024, 2, 28)!).toBe(2);
    });
  });

  describe("invalid input", () => {
    it("rejects 2023-02-29 in a common year", () => {
      expect(ymdToDay(2023, 2, 29)).toBeNull();
    });

    it("rejects 1900-02-29: divisible by 100 but not 400 is not a leap year", () => {
      expect(ymdToDay(1900, 2, 29)).toBeNull();
    });

    it("rejects the 31st of a 30-day month", () => {
      expect(ymdToDay(2024, 4, 31)).toBeNull();
    });

    it("rejects month 0 and month 13", () => {
      expect([ymdToDay(2024, 0, 1), ymdToDay(2024, 13, 1)]).toEqual([null, null]);
    });

    it("rejects day 0 and day 32", () => {
      expect([ymdToDay(2024, 1, 0), ymdToDay(2024, 1, 32)]).toEqual([null, null]);
    });

    it("rejects years outside 1900..9999", () => {
      expect([ymdToDay(1899, 12, 31), ymdToDay(10000, 1, 1)]).toEqual([null, null]);
    });

    it("rejects fractional parts", () => {
      expect([ymdToDay(2024.5, 1, 1), ymdToDay(2024, 1.5, 1), ymdToDay(2024, 1, 1.5)]).toEqual([null, null, null]);
    });

    it("rejects NaN parts", () => {
      expect(ymdToDay(Number.NaN, 1, 1)).toBeNull();
    });
  });
});

describe("daysInMonth", () => {
  it("gives 29 days to February 2024", () => {
    expect(daysInMonth(2024, 2)).toBe(29);
  });

  it("gives 28 days to February 2023", () => {
    expect(daysInMonth(2023, 2)).toBe(28);
  });

  it("gives 28 days to February 1900 and 29 to February 2000", () => {
    expect([daysInMonth(1900, 2), daysInMonth(2000, 2)]).toEqual([28, 29]);
  });

  it("gives every month of 2023 its length", () => {
    const lengths = Array.from({ length: 12 }, (_, i) => daysInMonth(2023, i + 1));
    expect(lengths).toEqual([31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]);
  });
});

describe("dayToYmd", () => {
  it("reads epoch day 0 as 1970-01-01", () => {
    expect(dayToYmd(0)).toEqual({ year: 1970, month: 1, day: 1 });
  });

  it("reads 19782 as 2024-02-29", () => {
    expect(dayToYmd(19782)).toEqual({ year: 2024, month: 2, day: 29 });
  });

  it("reads negative days before 1970", () => {
    expect(dayToYmd(-25567)).toEqual({ year: 1900, month: 1, day: 1 });
  });

  it("inverts ymdToDay for every day of 2023-2024", () => {
    const start = ymdToDay(2023, 1, 1)!;
    const end = ymdToDay(2024, 12, 31)!;
    const mismatches: number[] = [];
    for (let day = start; day <= end; day++) {
      const { year, month, day: d } = dayToYmd(day);
      if (ymdToDay(year, month, d) !== day) mismatches.push(day);
    }
    expect(mismatches).toEqual([]);
    expect(end - start + 1).toBe(365 + 366);
  });

  // A UTC Date is the reference: dayToYmd counts whole days itself.
  const byDate = (day: number) => {
    const d = new Date(day * 86_400_000);
    return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
  };
  const mismatchesOf = (days: readonly number[]) => days.filter((day) => !sameParts(dayToYmd(day), byDate(day)));
  const sameParts = (a: ReturnType<typeof dayToYmd>, b: ReturnType<typeof dayToYmd>) =>
    a.year === b.year && a.month === b.month && a.day === b.day;

  it("agrees with a UTC Date on every day of 1899-2100, around every 1 January and 1 March, and on fractions", () => {
    const days = [-1.5, -0.5, -0, 0.25, 19_782.999, 100_000_000, -100_000_000];
    for (let day = ymdToDay(1900, 1, 1)! - 365; day <= ymdToDay(2100, 12, 31)!; day++) days.push(day);
    for (let year = 0; year <= 9999; year++)
      for (const month of [0, 2]) {
        const first = new Date(0);
        first.setUTCFullYear(year, month, 1); // not Date.UTC: it reads years 0-99 as 1900-1999
        days.push(first.getTime() / 86_400_000 - 1, first.getTime() / 86_400_000);
      }
    expect(mismatchesOf(days)).toEqual([]);
    expect(days.length).toBe(7 + 73_779 + 40_000);
  });

  itFull("agrees with a UTC Date on every day from 0000-03-01 to 9999-12-31", () => {
    const days: number[] = [];
    for (let day = -719_468; day <= ymdToDay(9999, 12, 31)!; day++) days.push(day);
    expect(mismatchesOf(days)).toEqual([]);
    expect(days.length).toBe(719_468 + 2_932_896 + 1);
  });

  it("gives NaN parts for NaN and days beyond a Date's range", () => {
    expect(dayToYmd(NaN)).toEqual({ year: NaN, month: NaN, day: NaN });
    expect(dayToYmd(100_000_001)).toEqual({ year: NaN, month: NaN, day: NaN });
  });
});

describe("serialToDay", () => {
  it("reads serial 45292 as 2024-01-01", () => {
    expect(serialToDay(45292)).toBe(19723);
  });

  it("reads serial 25569 as 1970-01-01", () => {
    expect(serialToDay(25569)).toBe(0);
  });

  it("reads serial 1 as 1900-01-01", () => {
    expect(serialToDay(1)).toBe(-25567);
  });

  describe("edge cases", () => {
    it("reads serial 59 as 1900-02-28", () => {
      expect(serialToDay(59)).toBe(ymdToDay(1900, 2, 28));
      expect(formatDay(serialToDay(59)!)).toBe("1900-02-28");
    });

    it("reads serial 61 as 1900-03-01, the day after 1900-02-28", () => {
      expect(serialToDay(61)).toBe(ymdToDay(1900, 3, 1));
      expect(serialToDay(61)! - serialToDay(59)!).toBe(1);
    });

    it("drops the time of day from a fractional serial", () => {
      expect([serialToDay(45292.25), serialToDay(45292.999999)]).toEqual([19723, 19723]);
    });

    it("drops the time of day before the phantom leap day", () => {
      expect(serialToDay(1.5)).toBe(-25567);
    });

    it("reads serial 2958465 as 9999-12-31", () => {
      expect(MAX_EXCEL_SERIAL).toBe(2_958_465);
      expect(formatDay(serialToDay(2_958_465)!)).toBe("9999-12-31");
    });

    it("reads a time on the last day Excel shows", () => {
      expect(serialToDay(2_958_465.5)).toBe(2_932_896);
    });
  });

  describe("invalid input", () => {
    it("has no date for serial 60, Excel's phantom 1900-02-29", () => {
      expect([serialToDay(60), serialToDay(60.5)]).toEqual([null, null]);
    });

    it("has no date past 9999-12-31", () => {
      expect(serialToDay(2_958_466)).toBeNull();
    });

    it("has no date for 0, a time-only fraction or negatives", () => {
      expect([serialToDay(0), serialToDay(0.5), serialToDay(-1), serialToDay(-45292)]).toEqual([
        null,
        null,
        null,
        null,
      ]);
    });

    it("has no date for NaN or Infinity", () => {
      expect([serialToDay(Number.NaN), serialToDay(Infinity), serialToDay(-Infinity)]).toEqual([null, null, null]);
    });
  });
});

describe("dayToSerial", () => {
  it("gives 2024-01-01 serial 45292", () => {
    expect(dayToSerial(19723)).toBe(45292);
  });

  it("gives 1900-01-01 serial 1", () => {
    expect(dayToSerial(-25567)).toBe(1);
  });

  describe("edge cases", () => {
    it("gives 1900-02-28 serial 59 and 1900-03-01 serial 61, skipping the phantom 60", () => {
      expect([dayToSerial(ymdToDay(1900, 2, 28)!), dayToSerial(ymdToDay(1900, 3, 1)!)]).toEqual([59, 61]);
    });

    it("gives 9999-12-31 serial 2958465", () => {
      expect(dayToSerial(ymdToDay(9999, 12, 31)!)).toBe(MAX_EXCEL_SERIAL);
    });

    it("inverts serialToDay for every serial from 1 to 1000 except 60", () => {
      const mismatches: number[] = [];
      for (let serial = 1; serial <= 1000; serial++) {
        if (serial === 60) continue;
        if (dayToSerial(serialToDay(serial)!) !== serial) mismatches.push(serial);
      }
      expect(mismatches).toEqual([]);
    });

    it("inverts serialToDay for every day of 2023-2026", () => {
      const mismatches: number[] = [];
      for (let day = ymdToDay(2023, 1, 1)!; day <= ymdToDay(2026, 12, 31)!; day++) {
        if (serialToDay(dayToSerial(day)) !== day) mismatches.push(day);
      }
      expect(mismatches).toEqual([]);
    });
  });
});

describe("monthIndex", () => {
  it("counts months as year × 12 + month − 1", () => {
    expect(monthIndex(2026, 10)).toBe(24321);
  });

  it("makes January the month after the previous December", () => {
    expect(monthIndex(2025, 1) - monthIndex(2024, 12)).toBe(1);
  });
});

describe("monthOfDay", () => {
  it("places 2026-10-31 in October 2026", () => {
    expect(monthOfDay(ymdToDay(2026, 10, 31)!)).toBe(monthIndex(2026, 10));
  });

  it("places 2024-02-29 in February 2024 and 2024-03-01 in March", () => {
    expect([monthOfDay(19782), monthOfDay(19783)]).toEqual([monthIndex(2024, 2), monthIndex(2024, 3)]);
  });

  it("places epoch day -1 in December 1969", () => {
    expect(monthOfDay(-1)).toBe(monthIndex(1969, 12));
  });
});

describe("monthStart", () => {
  it("gives the first day of March 2024", () => {
    expect(monthStart(monthIndex(2024, 3))).toBe(ymdToDay(2024, 3, 1));
  });

  it("gives the first day of January", () => {
    expect(monthStart(monthIndex(2025, 1))).toBe(ymdToDay(2025, 1, 1));
  });
});

describe("monthEnd", () => {
  it("ends February 2024 on the 29th", () => {
    expect(formatDay(monthEnd(monthIndex(2024, 2)))).toBe("2024-02-29");
  });

  it("ends February 2023 on the 28th", () => {
    expect(formatDay(monthEnd(monthIndex(2023, 2)))).toBe("2023-02-28");
  });

  it("ends December on the 31st and the next day starts January", () => {
    const dec = monthIndex(2024, 12);
    expect(formatDay(monthEnd(dec))).toBe("2024-12-31");
    expect(monthStart(dec + 1)).toBe(monthEnd(dec) + 1);
    expect(formatDay(monthStart(dec + 1))).toBe("2025-01-01");
  });

  it("ends April on the 30th", () => {
    expect(formatDay(monthEnd(monthIndex(2024, 4)))).toBe("2024-04-30");
  });

  it("ends February 1900 on the 28th and February 2000 on the 29th", () => {
    expect([formatDay(monthEnd(monthIndex(1900, 2))), formatDay(monthEnd(monthIndex(2000, 2)))]).toEqual([
      "1900-02-28",
      "2000-02-29",
    ]);
  });

  it("agrees with daysInMonth for every month of 2023-2026", () => {
    const mismatches: string[] = [];
    for (let m = monthIndex(2023, 1); m <= monthIndex(2026, 12); m++) {
      const year = Math.floor(m / 12);
      const month = (m % 12) + 1;
      if (monthEnd(m) - monthStart(m) + 1 !== daysInMonth(year, month)) mismatches.push(formatMonth(m));
    }
    expect(mismatches).toEqual([]);
  });
});

describe("formatDay", () => {
  it("writes yyyy-mm-dd with zero padding", () => {
    expect(formatDay(19787)).toBe("2024-03-05");
  });

  it("writes 2024-01-01 for 19723", () => {
    expect(formatDay(19723)).toBe("2024-01-01");
  });

  it("writes days before 1970", () => {
    expect(formatDay(-25567)).toBe("1900-01-01");
  });

  it("writes 9999-12-31", () => {
    expect(formatDay(2_932_896)).toBe("9999-12-31");
  });
});

describe("formatMonth", () => {
  it("writes yyyy-mm with zero padding", () => {
    expect(formatMonth(monthIndex(2026, 5))).toBe("2026-05");
  });

  it("writes December as 12 and January as 01", () => {
    expect([formatMonth(monthIndex(2024, 12)), formatMonth(monthIndex(2025, 1))]).toEqual(["2024-12", "2025-01"]);
  });
});

describe("the 1904 date system", () => {
  it("reads serial 0 as 1904-01-01 and 43830 as 2024-01-01", () => {
    expect([formatDay(serialToDay(0, 1904)!), serialToDay(43830, 1904)]).toEqual(["1904-01-01", 19723]);
  });

  it("gives 2024-01-01 serial 43830, 1,462 below the 1900 system's", () => {
    expect([dayToSerial(19723, 1904), dayToSerial(19723) - dayToSerial(19723, 1904)]).toEqual([43830, 1462]);
  });

  it("reads the same calendar date from both systems' serials for every day of 1904-2030", () => {
    const mismatches: number[] = [];
    for (let day = ymdToDay(1904, 1, 1)!; day <= ymdToDay(2030, 12, 31)!; day++) {
      if (serialToDay(dayToSerial(day, 1904), 1904) !== day || serialToDay(dayToSerial(day) - 1462, 1904) !== day)
        mismatches.push(day);
    }
    expect(mismatches).toEqual([]);
  });

  describe("edge cases", () => {
    it("has 1904-02-29 (no phantom day) and drops the time of day", () => {
      expect([formatDay(serialToDay(59, 1904)!), serialToDay(43830.75, 1904)]).toEqual(["1904-02-29", 19723]);
    });

    it("reads serial 2957003 as 9999-12-31", () => {
      expect([MAX_EXCEL_SERIAL_1904, formatDay(serialToDay(2_957_003.5, 1904)!)]).toEqual([2_957_003, "9999-12-31"]);
    });
  });

  describe("invalid input", () => {
    it("has no date below 0 or past 9999-12-31", () => {
      expect([
        serialToDay(-1, 1904),
        serialToDay(-0.5, 1904),
        serialToDay(2_957_004, 1904),
        serialToDay(Number.NaN, 1904),
      ]).toEqual([null, null, null, null]);
    });
  });
});
