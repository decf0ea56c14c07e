import fc from "fast-check";
import { dueQueues } from "./dueQueues";

function queues(customer: number[], due: number[], customerCount: number, take: (i: number) => boolean = () => true) {
  const q = dueQueues({ n: customer.length, customer, due }, customerCount, take);
  return { start: Array.from(q.start), order: Array.from(q.order) };
}

describe("dueQueues", () => {
  it("groups orders by customer, earliest due date first", () => {
    expect(queues([0, 1, 0, 1, 0], [30, 20, 10, 5, 20], 2)).toEqual({ start: [0, 3, 5], order: [2, 4, 0, 3, 1] });
  });

  it("breaks ties in due date by row order", () => {
    expect(queues([0, 0, 0], [10, 5, 10], 1)).toEqual({ start: [0, 3], order: [1, 0, 2] });
  });

  it("leaves out the orders it is told not to take", () => {
    expect(queues([0, 0, 1], [10, 5, 1], 2, (i) => i !== 1)).toEqual({ start: [0, 1, 2], order: [0, 2] });
  });

  describe("edge cases", () => {
    it("gives a customer without orders an empty group", () => {
      expect(queues([2], [7], 3)).toEqual({ start: [0, 0, 0, 1], order: [0] });
    });

    it("sorts due dates before 1970 (negative epoch days)", () => {
      expect(queues([0, 0], [-3, -20_000], 1)).toEqual({ start: [0, 2], order: [1, 0] });
    });

    it("sorts due dates centuries apart, by comparison instead of counting", () => {
      expect(queues([0, 1, 0, 0, 1], [2_900_000, 5, -25_000, 2_900_000, 1], 2)).toEqual({
        start: [0, 3, 5],
        order: [2, 0, 3, 4, 1],
      });
    });
  });

  it("orders each group as sorting by (due, row) would, for near and far due dates", () => {
    const due = fc.oneof(fc.integer({ min: 20_000, max: 20_100 }), fc.integer({ min: -30_000, max: 3_000_000 }));
    const orders = fc.array(fc.record({ customer: fc.integer({ min: 0, max: 4 }), due }), { maxLength: 60 });
    fc.assert(
      fc.property(orders, (rows) => {
        const got = queues(
          rows.map((r) => r.customer),
          rows.map((r) => r.due),
          5,
          (i) => i % 7 !== 3,
        );
        const expected = [0, 1, 2, 3, 4].flatMap((c) =>
          rows
            .map((r, i) => ({ ...r, i }))
            .filter((r) => r.customer === c && r.i % 7 !== 3)
            .sort((a, b) => a.due - b.due || a.i - b.i)
            .map((r) => r.i),
        );
        expect(got.order).toEqual(expected);
      }),
      { seed: 15, numRuns: 300 },
    );
  });
});
