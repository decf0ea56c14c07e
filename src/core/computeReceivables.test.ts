import fc from "fast-check";
import { wholeCents } from "./_lib/cents";
import { applyPayments } from "./applyPayments";
import { computeReceivables, type ReceivableOrders } from "./computeReceivables";
import { day } from "./testing/grids";

const AS_OF = day("2026-10-31");

/** Orders as [customer, amount, paid (null for blank), due date], all dated 2026-06-01 unless a fifth entry says otherwise. */
function orders(rows: [number, number, number | null, string, string?][]): ReceivableOrders {
  return {
    n: rows.length,
    customer: rows.map((r) => r[0]),
    day: rows.map((r) => day(r[4] ?? "2026-06-01")),
    amount: rows.map((r) => r[1]),
    paid: rows.map((r) => r[2] ?? NaN),
    due: rows.map((r) => day(r[3])),
  };
}

/** One customer's figures as a plain object. */
function of(o: ReceivableOrders, limit = NaN, c = 0, customers = 1, credits?: number[]) {
  const limits = new Array<number>(customers).fill(NaN);
  limits[c] = limit;
  const r = computeReceivables(o, customers, limits, AS_OF, credits);
  return {
    receivable: r.receivable[c],
    overdue: r.overdue[c],
    daysOverdue: r.daysOverdue[c],
    ageing: r.ageing.map((b) => b[c]),
    creditUsed: r.creditUsed[c],
    creditLeft: r.creditLeft[c],
    flag: r.flag[c],
  };
}

describe("computeReceivables", () => {
  it("ages what is open by days past due and flags the overdue", () => {
    const o = orders([
      [0, 1000, 400, "2026-10-21"], // 10 days: 600
      [0, 500, null, "2026-09-01"], // 60 days: 500
      [0, 300, 300, "2026-05-01"], // paid
      [0, 200, 0, "2026-11-15"], // not yet due
    ]);
    expect(of(o)).toEqual({
      receivable: 1300,
      overdue: 1100,
      daysOverdue: 60,
      ageing: [200, 600, 500, 0, 0],
      creditUsed: NaN,
      creditLeft: 0,
      flag: "Overdue",
    });
  });

  it("applies credits to the open amounts earliest due date first", () => {
    const o = orders([
      [0, 400, null, "2026-10-30"],
      [0, 300, null, "2026-07-01"],
      [0, -500, null, "2026-10-01"], // a return not refunded
    ]);
    expect(of(o)).toEqual({
      receivable: 200,
      overdue: 200,
      daysOverdue: 1,
      ageing: [0, 200, 0, 0, 0],
      creditUsed: NaN,
      creditLeft: 0,
      flag: "Overdue",
    });
  });

  it("applies credits to open amounts due the same day in row order", () => {
    const o = orders([
      [0, 100, null, "2026-10-01"],
      [0, 100, null, "2026-10-01"],
      [0, 100, 250, "2026-12-01"], // overpaid by 150
    ]);
    const r = computeReceivables(o, 1, [NaN], AS_OF);
    expect([r.receivable[0], r.ageing[1][0]]).toEqual([50, 50]);
  });

  it("takes the credit limit into credit used and the over-limit flag", () => {
    const o = orders([[0, 1200, null, "2026-12-01"]]);
    expect(of(o, 1000)).toMatchObject({ receivable: 1200, creditUsed: 1.2, flag: "OverLimit" });
    expect(of(o, 1200)).toMatchObject({ creditUsed: 1, flag: null });
  });

  it("flags overdue over 90 days, and over limit before it", () => {
    const o = orders([[0, 100, null, "2026-07-31"]]); // 92 days
    expect(of(o)).toMatchObject({ daysOverdue: 92, ageing: [0, 0, 0, 0, 100], flag: "Overdue90" });
    expect(of(o, 50)).toMatchObject({ flag: "OverLimit", creditUsed: 2 });
  });

  it("puts 30, 31, 60, 61, 90 and 91 days in their buckets", () => {
    const due = [30, 31, 60, 61, 90, 91].map((d) => AS_OF - d);
    const o: ReceivableOrders = {
      n: 6,
      customer: [0, 1, 2, 3, 4, 5],
      day: due,
      amount: [1, 1, 1, 1, 1, 1],
      paid: [0, 0, 0, 0, 0, 0],
      due,
    };
    const r = computeReceivables(o, 6, new Array(6).fill(NaN), AS_OF);
    expect(r.ageing.map((b) => Array.from(b))).toEqual([
      [0, 0, 0, 0, 0, 0],
      [1, 0, 0, 0, 0, 0],
      [0, 1, 1, 0, 0, 0],
      [0, 0, 0, 1, 1, 0],
      [0, 0, 0, 0, 0, 1],
    ]);
    expect(r.flag).toEqual(["Overdue", "Overdue", "Overdue", "Overdue", "Overdue", "Overdue90"]);
  });

  describe("edge cases", () => {
    it("keeps a return larger than all open orders as credit left, with nothing receivable", () => {
      const o = orders([
        [0, 300, null, "2026-08-01"],
        [0, -800, null, "2026-09-01"],
      ]);
      expect(of(o, 1000)).toEqual({
        receivable: 0,
        overdue: 0,
        daysOverdue: 0,
        ageing: [0, 0, 0, 0, 0],
        creditUsed: 0,
        creditLeft: 500,
        flag: null,
      });
    });

    it("keeps an overpayment as credit left", () => {
      expect(of(orders([[0, 300, 350.5, "2026-08-01"]]))).toMatchObject({
        receivable: 0,
        creditLeft: 50.5,
        flag: null,
      });
    });

    it("takes an order due exactly on the as-of date as not yet due", () => {
      expect(of(orders([[0, 300, null, "2026-10-31"]]))).toMatchObject({
        receivable: 300,
        overdue: 0,
        daysOverdue: 0,
        ageing: [300, 0, 0, 0, 0],
        flag: null,
      });
    });

    it("counts days overdue from the earliest due date still open, not the earliest order", () => {
      const o = orders([
        [0, 100, 100, "2026-06-01"],
        [0, 100, 40, "2026-08-31"],
        [0, 100, null, "2026-09-30"],
      ]);
      expect(of(o)).toMatchObject({ receivable: 160, daysOverdue: 61, ageing: [0, 0, 100, 60, 0] });
    });

    it("leaves orders dated after the as-of date out, even their credits", () => {
      const o = orders([
        [0, 100, null, "2026-10-01"],
        [0, -100, null, "2026-11-30", "2026-11-01"],
        [0, 500, null, "2026-11-30", "2026-11-01"],
      ]);
      expect(of(o)).toMatchObject({ receivable: 100, overdue: 100, creditLeft: 0 });
    });

    it("applies the extra credits it is given (payments beyond every order)", () => {
      const o = orders([
        [0, 100, null, "2026-10-01"],
        [0, 100, null, "2026-11-10"],
      ]);
      expect(of(o, NaN, 0, 1, [150])).toMatchObject({
        receivable: 50,
        overdue: 0,
        ageing: [50, 0, 0, 0, 0],
        creditLeft: 0,
      });
    });

    it("treats a limit of 0 or blank as no limit", () => {
      const o = orders([[0, 100, null, "2026-12-01"]]);
      expect(of(o, 0)).toMatchObject({ creditUsed: NaN, flag: null });
      expect(of(o, NaN)).toMatchObject({ creditUsed: NaN, flag: null });
    });

    it("gives a customer with no orders nothing receivable and credit used 0 of its limit", () => {
      expect(of(orders([]), 500)).toEqual({
        receivable: 0,
        overdue: 0,
        daysOverdue: 0,
        ageing: [0, 0, 0, 0, 0],
        creditUsed: 0,
        creditLeft: 0,
        flag: null,
      });
    });

    it("adds amounts in whole cents", () => {
      const o = orders([
        [0, 0.1, null, "2026-10-30"],
        [0, 0.2, null, "2026-10-30"],
        [0, 10.005, 0.005, "2026-12-01"],
      ]);
      expect(of(o)).toMatchObject({ receivable: 10.3, overdue: 0.3, ageing: [10, 0.3, 0, 0, 0] });
    });
  });

  describe("invalid input", () => {
    it("treats a negative limit as no limit", () => {
      expect(of(orders([[0, 100, null, "2026-12-01"]]), -50)).toMatchObject({ creditUsed: NaN, flag: null });
    });

    it("ignores a negative extra credit", () => {
      expect(of(orders([[0, 100, null, "2026-12-01"]]), NaN, 0, 1, [-40])).toMatchObject({
        receivable: 100,
        creditLeft: 0,
      });
    });
  });

  it("ages the whole receivable, keeps overdue within it and every cent of the balances", () => {
    const row = fc.record({
      customer: fc.integer({ min: 0, max: 2 }),
      day: fc.integer({ min: AS_OF - 200, max: AS_OF + 10 }),
      cents: fc.integer({ min: -30_000, max: 100_000 }),
      paidCents: fc.option(fc.integer({ min: -1000, max: 120_000 })),
      due: fc.integer({ min: AS_OF - 200, max: AS_OF + 60 }),
    });
    const limit = fc.oneof(
      fc.constant(NaN),
      fc.integer({ min: -100, max: 200_000 }).map((c) => c / 100),
    );
    fc.assert(
      fc.property(fc.array(row, { maxLength: 40 }), fc.array(limit, { minLength: 3, maxLength: 3 }), (rows, limits) => {
        const o: ReceivableOrders = {
          n: rows.length,
          customer: rows.map((r) => r.customer),
          day: rows.map((r) => r.day),
          amount: rows.map((r) => r.cents / 100),
          paid: rows.map((r) => (r.paidCents === null ? NaN : r.paidCents / 100)),
          due: rows.map((r) => r.due),
        };
        const r = computeReceivables(o, 3, limits, AS_OF);
        for (let c = 0; c < 3; c++) {
          const cents = (x: number) => wholeCents(x);
          const aged = r.ageing.reduce((s, b) => s + cents(b[c]), 0);
          expect(aged).toBe(cents(r.receivable[c]));
          expect(r.overdue[c]).toBeLessThanOrEqual(r.receivable[c]);
          expect(cents(r.overdue[c])).toBe(aged - cents(r.ageing[0][c]));
          expect(r.daysOverdue[c] > 0).toBe(r.overdue[c] > 0);
          expect(r.receivable[c] === 0 || r.creditLeft[c] === 0).toBe(true);
          const net = rows
            .filter((x) => x.customer === c && x.day <= AS_OF)
            .reduce((s, x) => s + x.cents - (x.paidCents ?? 0), 0);
          expect(cents(r.receivable[c]) - cents(r.creditLeft[c])).toBe(net);
        }
      }),
      { seed: 15, numRuns: 300 },
    );
  });

  it("gives the payment-sheet path the figures of a paid column filled oldest due first", () => {
    const order = fc.record({
      customer: fc.integer({ min: 0, max: 1 }),
      day: fc.integer({ min: AS_OF - 200, max: AS_OF + 10 }),
      cents: fc.integer({ min: -20_000, max: 100_000 }),
      due: fc.integer({ min: AS_OF - 200, max: AS_OF + 60 }),
    });
    const payment = fc.record({
      customer: fc.integer({ min: 0, max: 1 }),
      day: fc.integer({ min: AS_OF - 200, max: AS_OF + 10 }),
      cents: fc.integer({ min: 0, max: 150_000 }),
    });
    fc.assert(
      fc.property(fc.array(order, { minLength: 1, maxLength: 25 }), fc.array(payment, { maxLength: 8 }), (os, ps) => {
        const base = {
          n: os.length,
          customer: os.map((r) => r.customer),
          day: os.map((r) => r.day),
          amount: os.map((r) => r.cents / 100),
          due: os.map((r) => r.due),
        };
        const applied = applyPayments(
          base,
          {
            n: ps.length,
            customer: ps.map((r) => r.customer),
            day: ps.map((r) => r.day),
            amount: ps.map((r) => r.cents / 100),
          },
          2,
          AS_OF,
        );
        const viaPayments = computeReceivables(
          { ...base, paid: applied.paid },
          2,
          [500, NaN],
          AS_OF,
          applied.unapplied,
        );
        // the clerk's paid column: the same payments typed on the orders, what is left over on the customer's last order
        const paid = Array.from(applied.paid);
        for (let c = 0; c < 2; c++) {
          const last = os
            .map((r, i) => ({ ...r, i }))
            .filter((r) => r.customer === c && r.day <= AS_OF)
            .pop();
          if (last) paid[last.i] = (wholeCents(paid[last.i]) + wholeCents(applied.unapplied[c])) / 100;
        }
        const viaColumn = computeReceivables({ ...base, paid }, 2, [500, NaN], AS_OF);
        for (let c = 0; c < 2; c++) {
          if (!os.some((r) => r.customer === c && r.day <= AS_OF)) continue; // payments with no order to type them on
          expect(viaColumn.receivable[c]).toBe(viaPayments.receivable[c]);
          expect(viaColumn.daysOverdue[c]).toBe(viaPayments.daysOverdue[c]);
          expect(viaColumn.ageing.map((b) => b[c])).toEqual(viaPayments.ageing.map((b) => b[c]));
          expect(viaColumn.creditLeft[c]).toBe(viaPayments.creditLeft[c]);
          expect(viaColumn.flag[c]).toBe(viaPayments.flag[c]);
        }
      }),
      { seed: 15, numRuns: 300 },
    );
  });
});
