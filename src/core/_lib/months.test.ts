import { monthEnd, monthIndex, monthOfDay, monthStart, ymdToDay } from "./dates";
import { monthLocator } from "./months";

describe("monthLocator", () => {
  const first = monthIndex(2024, 1);
  const at = monthLocator(first, 12);

  it("places 2024-03-05 in month 2 of a range starting January 2024", () => {
    expect(at(ymdToDay(2024, 3, 5)!)).toBe(2);
  });

  it("places the first and last day of the range", () => {
    expect([at(ymdToDay(2024, 1, 1)!), at(ymdToDay(2024, 12, 31)!)]).toEqual([0, 11]);
  });

  it("returns -1 for days before the range", () => {
    expect([at(ymdToDay(2023, 12, 31)!), at(ymdToDay(1990, 6, 1)!)]).toEqual([-1, -1]);
  });

  it("returns count for days after the range", () => {
    expect([at(ymdToDay(2025, 1, 1)!), at(ymdToDay(2030, 6, 1)!)]).toEqual([12, 12]);
  });

  describe("edge cases", () => {
    it("places the first and last day of every month across a leap February", () => {
      const found: number[][] = [];
      for (let i = 0; i < 12; i++) found.push([at(monthStart(first + i)), at(monthEnd(first + i))]);
      expect(found).toEqual(Array.from({ length: 12 }, (_, i) => [i, i]));
    });

    it("places 2024-02-29 in February and 2024-03-01 in March", () => {
      expect([at(ymdToDay(2024, 2, 28)!), at(ymdToDay(2024, 2, 29)!), at(ymdToDay(2024, 3, 1)!)]).toEqual([1, 1, 2]);
    });

    it("places 2023-02-28 in February and 2023-03-01 in March", () => {
      const at2023 = monthLocator(monthIndex(2023, 1), 12);
      expect([at2023(ymdToDay(2023, 2, 28)!), at2023(ymdToDay(2023, 3, 1)!)]).toEqual([1, 2]);
    });

    it("agrees with monthOfDay on every day from 2022-12 to 2027-01 for a 2023-01..2026-12 range", () => {
      const start = monthIndex(2023, 1);
      const count = 48;
      const locate = monthLocator(start, count);
      const mismatches: string[] = [];
      for (let day = ymdToDay(2022, 12, 1)!; day <= ymdToDay(2027, 1, 31)!; day++) {
        const offset = monthOfDay(day) - start;
        const expected = offset < 0 ? -1 : offset >= count ? count : offset;
        if (locate(day) !== expected) mismatches.push(`${day}: ${locate(day)} ≠ ${expected}`);
      }
      expect(mismatches).toEqual([]);
    });

    it("agrees with monthOfDay for every one-month range from 2023-01 to 2026-12", () => {
      const mismatches: string[] = [];
      for (let m = monthIndex(2023, 1); m <= monthIndex(2026, 12); m++) {
        const locate = monthLocator(m, 1);
        for (let day = monthStart(m) - 2; day <= monthEnd(m) + 2; day++) {
          const offset = monthOfDay(day) - m;
          const expected = offset < 0 ? -1 : offset >= 1 ? 1 : 0;
          if (locate(day) !== expected) mismatches.push(`${m}/${day}`);
        }
      }
      expect(mismatches).toEqual([]);
    });

    it("puts every day before or after an empty range", () => {
      const none = monthLocator(first, 0);
      expect([none(ymdToDay(2023, 12, 31)!), none(ymdToDay(2024, 1, 1)!)]).toEqual([-1, 0]);
    });

    it("locates days in a long range far from its start", () => {
      const long = monthLocator(monthIndex(1990, 1), 600);
      expect([long(ymdToDay(2024, 2, 29)!), long(ymdToDay(2039, 12, 31)!), long(ymdToDay(2040, 1, 1)!)]).toEqual([
        monthIndex(2024, 2) - monthIndex(1990, 1),
        599,
        600,
      ]);
    });
  });
});
