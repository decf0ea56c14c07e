import { computeDueDates, type DueDateOrders } from "./computeDueDates";
import { day } from "./testing/grids";

/** Orders of the given dates (and due cells, NaN for blank) for customers 0, 1, … in turn. */
function orders(rows: [string, string | null, number][]): DueDateOrders {
  return {
    n: rows.length,
    day: rows.map(([d]) => day(d)),
    dueCell: rows.map(([, due]) => (due === null ? NaN : day(due))),
    customer: rows.map(([, , c]) => c),
  };
}

describe("computeDueDates", () => {
  it("takes the due-date cell when there is one", () => {
    expect(Array.from(computeDueDates(orders([["2026-10-01", "2026-10-20", 0]]), [45], 30))).toEqual([
      day("2026-10-20"),
    ]);
  });

  it("adds the customer's terms to the order date without a due-date cell", () => {
    expect(Array.from(computeDueDates(orders([["2026-10-01", null, 0]]), [45], 30))).toEqual([day("2026-11-15")]);
  });

  it("adds the default terms when the customer has none", () => {
    expect(
      Array.from(
        computeDueDates(
          orders([
            ["2026-10-01", null, 0],
            ["2026-12-15", null, 1],
          ]),
          [NaN, 60],
          30,
        ),
      ),
    ).toEqual([day("2026-10-31"), day("2027-02-13")]);
  });

  it("crosses month and leap-year ends by counting days", () => {
    expect(Array.from(computeDueDates(orders([["2024-01-31", null, 0]]), [NaN], 30))).toEqual([day("2024-03-01")]);
  });

  describe("edge cases", () => {
    it("takes terms of 0 days as due on the order date, not as absent", () => {
      expect(Array.from(computeDueDates(orders([["2026-10-01", null, 0]]), [0], 30))).toEqual([day("2026-10-01")]);
    });

    it("keeps a due-date cell before the order date as written", () => {
      expect(Array.from(computeDueDates(orders([["2026-10-01", "2026-09-01", 0]]), [45], 30))).toEqual([
        day("2026-09-01"),
      ]);
    });

    it("cuts fractional terms to whole days", () => {
      expect(Array.from(computeDueDates(orders([["2026-10-01", null, 0]]), [45.9], 30))).toEqual([day("2026-11-15")]);
    });

    it("gives a customer beyond the terms list the default terms", () => {
      expect(Array.from(computeDueDates(orders([["2026-10-01", null, 3]]), [45], 10))).toEqual([day("2026-10-11")]);
    });

    it("returns nothing for no orders", () => {
      expect(Array.from(computeDueDates(orders([]), [], 30))).toEqual([]);
    });
  });

  describe("invalid input", () => {
    it("ignores negative or infinite customer terms", () => {
      expect(
        Array.from(
          computeDueDates(
            orders([
              ["2026-10-01", null, 0],
              ["2026-10-01", null, 1],
            ]),
            [-5, Infinity],
            30,
          ),
        ),
      ).toEqual([day("2026-10-31"), day("2026-10-31")]);
    });

    it("throws a RangeError for default terms that are not whole days ≥ 0", () => {
      expect(() => computeDueDates(orders([]), [], -1)).toThrow(RangeError);
      expect(() => computeDueDates(orders([]), [], 2.5)).toThrow(
        "Default payment terms must be whole days ≥ 0, not 2.5",
      );
    });
  });
});
