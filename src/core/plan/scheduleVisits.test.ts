import { scheduleVisits, type VisitToPlace } from "./scheduleVisits";

const v = (customer: number, rep: number, region: string | null, tier: "A" | "B" | "C", due: number): VisitToPlace => ({
  customer,
  rep,
  region,
  tier,
  due,
  key: `c${customer}`,
});
const placed = (out: ReturnType<typeof scheduleVisits>) => out.map((p) => [p.rep, p.customer, p.day]);

describe("scheduleVisits", () => {
  it("takes groups in the order of their most urgent customer, one region a day", () => {
    const out = scheduleVisits(
      [v(0, 0, "East", "B", 5), v(1, 0, "West", "A", 9), v(2, 0, "East", "A", 7), v(3, 0, "West", "C", 1)],
      [100, 101, 102],
      4,
    );
    // East holds the most urgent customer (A, due 7, before West's A due 9): East first, West the next day.
    expect(placed(out)).toEqual([
      [0, 2, 100],
      [0, 0, 100],
      [0, 1, 101],
      [0, 3, 101],
    ]);
  });

  it("spills a group over the next working days, at most N a day", () => {
    const group = [0, 1, 2, 3, 4].map((c) => v(c, 0, "North", "A", c));
    expect(placed(scheduleVisits(group, [100, 103, 104], 2))).toEqual([
      [0, 0, 100],
      [0, 1, 100],
      [0, 2, 103],
      [0, 3, 103],
      [0, 4, 104],
    ]);
  });

  it("marks what does not fit in the month with no day", () => {
    const out = scheduleVisits(
      [v(0, 0, "East", "A", 1), v(1, 0, "West", "A", 2), v(2, 0, "South", "B", 3)],
      [100, 101],
      4,
    );
    expect(placed(out)).toEqual([
      [0, 0, 100],
      [0, 1, 101],
      [0, 2, null],
    ]);
  });

  it("keeps salespeople apart: each starts on the first working day", () => {
    const out = scheduleVisits([v(0, 1, "East", "A", 1), v(1, 0, "East", "A", 1)], [100], 4);
    expect(placed(out)).toEqual([
      [0, 1, 100],
      [1, 0, 100],
    ]);
  });

  describe("edge cases", () => {
    it("takes a blank region as one group", () => {
      const out = scheduleVisits(
        [v(0, 0, null, "A", 1), v(1, 0, "East", "A", 2), v(2, 0, null, "C", 3)],
        [100, 101],
        4,
      );
      expect(placed(out)).toEqual([
        [0, 0, 100],
        [0, 2, 100],
        [0, 1, 101],
      ]);
    });

    it("gives nothing for a salesperson with nothing due, and nothing for no visits", () => {
      expect(scheduleVisits([], [100], 4)).toEqual([]);
    });

    it("places nothing in a month without working days", () => {
      expect(placed(scheduleVisits([v(0, 0, "East", "A", 1)], [], 4))).toEqual([[0, 0, null]]);
    });
  });

  describe("invalid input", () => {
    it("refuses fewer than one visit a day, in words", () => {
      expect(() => scheduleVisits([], [100], 0)).toThrow("scheduleVisits: visits per day must be at least 1, not 0");
    });
  });
});
