import fc from "fast-check";
import { wholeCents } from "./_lib/cents";
import { applyPayments, type PayableOrders, type PaymentRows } from "./applyPayments";
import { day } from "./testing/grids";

const AS_OF = day("2026-10-31");

/** Orders as [customer, order date, amount, due date]. */
function orders(rows: [number, string, number, string][]): PayableOrders {
  return {
    n: rows.length,
    customer: rows.map((r) => r[0]),
    day: rows.map((r) => day(r[1])),
    amount: rows.map((r) => r[2]),
    due: rows.map((r) => day(r[3])),
  };
}

/** Payments as [customer, date, amount]. */
function payments(rows: [number, string, number][]): PaymentRows {
  return {
    n: rows.length,
    customer: rows.map((r) => r[0]),
    day: rows.map((r) => day(r[1])),
    amount: rows.map((r) => r[2]),
  };
}

function apply(o: PayableOrders, p: PaymentRows, customers: number, asOf = AS_OF) {
  const r = applyPayments(o, p, customers, asOf);
  return { paid: Array.from(r.paid), unapplied: Array.from(r.unapplied) };
}

describe("applyPayments", () => {
  it("pays the orders earliest due date first, each up to its amount", () => {
    const o = orders([
      [0, "2026-08-01", 1000, "2026-09-30"],
      [0, "2026-07-01", 500, "2026-07-31"],
      [0, "2026-09-01", 800, "2026-10-01"],
    ]);
    expect(
      apply(
        o,
        payments([
          [0, "2026-09-15", 900],
          [0, "2026-10-10", 300],
        ]),
        1,
      ),
    ).toEqual({ paid: [700, 500, 0], unapplied: [0] });
  });

  it("pays orders due the same day in row order", () => {
    const o = orders([
      [0, "2026-09-01", 300, "2026-10-01"],
      [0, "2026-08-01", 300, "2026-10-01"],
    ]);
    expect(apply(o, payments([[0, "2026-10-05", 400]]), 1)).toEqual({ paid: [300, 100], unapplied: [0] });
  });

  it("applies each customer's payments to its own orders only", () => {
    const o = orders([
      [0, "2026-09-01", 100, "2026-10-01"],
      [1, "2026-09-01", 100, "2026-09-02"],
    ]);
    expect(apply(o, payments([[1, "2026-10-01", 60]]), 2)).toEqual({ paid: [0, 60], unapplied: [0, 0] });
  });

  describe("edge cases", () => {
    it("keeps an overpayment as unapplied once every order is paid", () => {
      const o = orders([[0, "2026-09-01", 250.5, "2026-10-01"]]);
      expect(apply(o, payments([[0, "2026-10-01", 300]]), 1)).toEqual({ paid: [250.5], unapplied: [49.5] });
    });

    it("counts a payment dated on the as-of date and ignores one after it", () => {
      const o = orders([[0, "2026-09-01", 500, "2026-10-01"]]);
      expect(
        apply(
          o,
          payments([
            [0, "2026-10-31", 100],
            [0, "2026-11-01", 200],
          ]),
          1,
        ),
      ).toEqual({ paid: [100], unapplied: [0] });
    });

    it("pays nothing toward an order dated after the as-of date, even if due first", () => {
      const o = orders([
        [0, "2026-11-02", 100, "2026-11-02"],
        [0, "2026-10-01", 100, "2026-12-01"],
      ]);
      expect(apply(o, payments([[0, "2026-10-20", 150]]), 1)).toEqual({ paid: [0, 100], unapplied: [50] });
    });

    it("pays nothing toward a return or a zero order", () => {
      const o = orders([
        [0, "2026-08-01", -200, "2026-08-01"],
        [0, "2026-08-02", 0, "2026-08-02"],
        [0, "2026-09-01", 300, "2026-10-01"],
      ]);
      expect(apply(o, payments([[0, "2026-10-01", 250]]), 1)).toEqual({ paid: [0, 0, 250], unapplied: [0] });
    });

    it("nets a refund against the payments before applying them", () => {
      const o = orders([[0, "2026-09-01", 300, "2026-10-01"]]);
      expect(
        apply(
          o,
          payments([
            [0, "2026-09-10", 500],
            [0, "2026-10-01", -350],
          ]),
          1,
        ),
      ).toEqual({ paid: [150], unapplied: [0] });
    });

    it("pays nothing when refunds exceed the payments", () => {
      const o = orders([[0, "2026-09-01", 300, "2026-10-01"]]);
      expect(
        apply(
          o,
          payments([
            [0, "2026-09-10", 100],
            [0, "2026-10-01", -150],
          ]),
          1,
        ),
      ).toEqual({ paid: [0], unapplied: [0] });
    });

    it("keeps the payments of a customer without orders as unapplied", () => {
      expect(apply(orders([]), payments([[0, "2026-10-01", 75.25]]), 1)).toEqual({ paid: [], unapplied: [75.25] });
    });

    it("applies amounts in whole cents, so sums of cents add up exactly", () => {
      const o = orders([
        [0, "2026-09-01", 0.1, "2026-09-01"],
        [0, "2026-09-02", 0.2, "2026-09-02"],
        [0, "2026-09-03", 0.3, "2026-09-03"],
      ]);
      expect(
        apply(
          o,
          payments([
            [0, "2026-10-01", 0.1],
            [0, "2026-10-01", 0.2],
            [0, "2026-10-01", 0.3],
          ]),
          1,
        ),
      ).toEqual({ paid: [0.1, 0.2, 0.3], unapplied: [0] });
    });

    it("rounds an amount to the cent, half away from zero", () => {
      const o = orders([[0, "2026-09-01", 10.005, "2026-09-01"]]);
      expect(apply(o, payments([[0, "2026-10-01", 20]]), 1)).toEqual({ paid: [10.01], unapplied: [9.99] });
    });
  });

  it("pays in due order, never more than an order's amount, and keeps every cent", () => {
    const row = fc.record({
      customer: fc.integer({ min: 0, max: 2 }),
      day: fc.integer({ min: AS_OF - 200, max: AS_OF + 20 }),
      cents: fc.integer({ min: -50_000, max: 200_000 }),
      due: fc.integer({ min: AS_OF - 200, max: AS_OF + 60 }),
    });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 30 }), fc.array(row, { maxLength: 10 }), (os, ps) => {
        const o = {
          n: os.length,
          customer: os.map((r) => r.customer),
          day: os.map((r) => r.day),
          amount: os.map((r) => r.cents / 100),
          due: os.map((r) => r.due),
        };
        const p = {
          n: ps.length,
          customer: ps.map((r) => r.customer),
          day: ps.map((r) => r.day),
          amount: ps.map((r) => r.cents / 100),
        };
        const { paid, unapplied } = applyPayments(o, p, 3, AS_OF);
        for (let c = 0; c < 3; c++) {
          const pool = ps.filter((r) => r.customer === c && r.day <= AS_OF).reduce((s, r) => s + r.cents, 0);
          const mine = os
            .map((r, i) => ({ ...r, i }))
            .filter((r) => r.customer === c && r.day <= AS_OF)
            .sort((a, b) => a.due - b.due || a.i - b.i);
          expect(mine.reduce((s, r) => s + wholeCents(paid[r.i]), 0) + wholeCents(unapplied[c])).toBe(
            Math.max(0, pool),
          );
          let open = false; // once an order is left partly open, no later order is paid
          for (const r of mine) {
            const p = wholeCents(paid[r.i]);
            expect(p).toBeGreaterThanOrEqual(0);
            expect(p).toBeLessThanOrEqual(Math.max(0, r.cents));
            if (open) expect(p).toBe(0);
            if (p < r.cents) open = true;
          }
          if (open) expect(unapplied[c]).toBe(0);
        }
        os.forEach((r, i) => r.day > AS_OF && expect(paid[i]).toBe(0));
      }),
      { seed: 15, numRuns: 300 },
    );
  });
});
