import { computeVisitDue } from "./computeVisitDue";
import type { Tier } from "./options";
import { day } from "./testing/grids";

const intervals: Record<Tier, number | null> = { A: 30, B: 60, C: 90, D: null };
const asOf = day("2026-10-31");

describe("computeVisitDue", () => {
  it("counts the days an A customer is overdue after 30 days", () => {
    expect(computeVisitDue("A", day("2026-09-01"), asOf, intervals)).toEqual({
      due: day("2026-10-01"),
      overdueDays: 30,
    });
  });

  it("is not overdue on the due date itself", () => {
    expect(computeVisitDue("B", day("2026-09-01"), asOf, intervals)).toEqual({
      due: day("2026-10-31"),
      overdueDays: 0,
    });
  });

  it("gives the next due date after the as-of date for a C customer", () => {
    expect(computeVisitDue("C", day("2026-09-01"), asOf, intervals)).toEqual({
      due: day("2026-11-30"),
      overdueDays: 0,
    });
  });

  it("gives no due date to D customers", () => {
    expect(computeVisitDue("D", day("2026-01-01"), asOf, intervals)).toEqual({ due: null, overdueDays: null });
  });

  it("uses the intervals it is given", () => {
    expect(computeVisitDue("D", day("2026-06-01"), asOf, { ...intervals, D: 120 })).toEqual({
      due: day("2026-09-29"),
      overdueDays: 32,
    });
  });

  describe("edge cases", () => {
    it.each(["A", "B", "C"] as const)(
      "makes a never-visited %s customer due on the as-of date, 0 days overdue",
      (tier) => {
        expect(computeVisitDue(tier, null, asOf, intervals)).toEqual({ due: asOf, overdueDays: 0 });
      },
    );

    it("gives a never-visited D customer no due date", () => {
      expect(computeVisitDue("D", null, asOf, intervals)).toEqual({ due: null, overdueDays: null });
    });

    it("counts 30 days across the end of February in a leap year", () => {
      expect(computeVisitDue("A", day("2024-01-31"), day("2024-03-31"), intervals)).toEqual({
        due: day("2024-03-01"),
        overdueDays: 30,
      });
    });

    it("counts 30 days across the end of February in a common year", () => {
      expect(computeVisitDue("A", day("2023-01-31"), day("2023-03-31"), intervals)).toEqual({
        due: day("2023-03-02"),
        overdueDays: 29,
      });
    });

    it("counts days across the end of a year", () => {
      expect(computeVisitDue("B", day("2025-12-15"), day("2026-02-28"), intervals)).toEqual({
        due: day("2026-02-13"),
        overdueDays: 15,
      });
    });
  });
});
