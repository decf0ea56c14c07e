import { buildActionList, type ActionInput } from "./buildActionList";

function customer(over: Partial<ActionInput>): ActionInput {
  return { tier: "C", change: "Stable", recent: 0, prior: 0, overdueDays: 0, costFlag: null, visitCost: 0, ...over };
}

describe("buildActionList", () => {
  it("lists order changes, then overdue visits, then cost flags", () => {
    const list = buildActionList([
      customer({ tier: "C", costFlag: "HighCost", visitCost: 100 }),
      customer({ tier: "A", overdueDays: 5 }),
      customer({ tier: "B", change: "Down", prior: 100, recent: 50 }),
      customer({ tier: "A", change: "Lost", prior: 100, recent: 0 }),
    ]);
    expect(list).toEqual([
      { customer: 3, reason: "Lost", tier: "A" },
      { customer: 2, reason: "Down", tier: "B" },
      { customer: 1, reason: "Overdue", tier: "A" },
      { customer: 0, reason: "HighCost", tier: "C" },
    ]);
  });

  it("orders Down and Lost customers by tier, then by lost amount (b − r) descending", () => {
    const list = buildActionList([
      customer({ tier: "A", change: "Down", prior: 100, recent: 50 }),
      customer({ tier: "A", change: "Lost", prior: 100, recent: 0 }),
      customer({ tier: "B", change: "Lost", prior: 500, recent: 0 }),
      customer({ tier: "C", change: "Down", prior: 20, recent: 10 }),
      customer({ tier: "D", change: "Lost", prior: 1000, recent: -5 }),
    ]);
    expect(list.map((a) => [a.customer, a.reason])).toEqual([
      [1, "Lost"],
      [0, "Down"],
      [2, "Lost"],
      [3, "Down"],
      [4, "Lost"],
    ]);
  });

  it("lists only A and B customers overdue for a visit, by tier then most overdue", () => {
    const list = buildActionList([
      customer({ tier: "A", overdueDays: 5 }),
      customer({ tier: "B", overdueDays: 40 }),
      customer({ tier: "A", overdueDays: 20 }),
      customer({ tier: "C", overdueDays: 100 }),
      customer({ tier: "D", overdueDays: null }),
      customer({ tier: "A", overdueDays: 0 }),
    ]);
    expect(list).toEqual([
      { customer: 2, reason: "Overdue", tier: "A" },
      { customer: 0, reason: "Overdue", tier: "A" },
      { customer: 1, reason: "Overdue", tier: "B" },
    ]);
  });

  it("orders cost flags by tier, then visit cost descending", () => {
    const list = buildActionList([
      customer({ tier: "B", costFlag: "VisitsNoOrders", visitCost: 300 }),
      customer({ tier: "A", costFlag: "LossMaking", visitCost: 100 }),
      customer({ tier: "A", costFlag: "HighCost", visitCost: 200 }),
      customer({ tier: "D", costFlag: "VisitsNoOrders", visitCost: 900 }),
    ]);
    expect(list).toEqual([
      { customer: 2, reason: "HighCost", tier: "A" },
      { customer: 1, reason: "LossMaking", tier: "A" },
      { customer: 0, reason: "VisitsNoOrders", tier: "B" },
      { customer: 3, reason: "VisitsNoOrders", tier: "D" },
    ]);
  });

  describe("edge cases", () => {
    it("lists a customer once for each reason", () => {
      expect(
        buildActionList([
          customer({ tier: "A", change: "Down", prior: 100, recent: 10, overdueDays: 3, costFlag: "HighCost" }),
        ]),
      ).toEqual([
        { customer: 0, reason: "Down", tier: "A" },
        { customer: 0, reason: "Overdue", tier: "A" },
        { customer: 0, reason: "HighCost", tier: "A" },
      ]);
    });

    it("leaves out New, Up, Stable, Returning and Inactive customers with nothing else to do", () => {
      const changes = ["New", "Up", "Stable", "Returning", "Inactive"] as const;
      expect(buildActionList(changes.map((change) => customer({ tier: "A", change, prior: 100, recent: 0 })))).toEqual(
        [],
      );
    });

    it("keeps equal customers in input order", () => {
      const list = buildActionList([
        customer({ tier: "A", change: "Down", prior: 100, recent: 50 }),
        customer({ tier: "A", change: "Down", prior: 80, recent: 30 }),
      ]);
      expect(list.map((a) => a.customer)).toEqual([0, 1]);
    });

    it("returns nothing for no customers", () => {
      expect(buildActionList([])).toEqual([]);
    });
  });
});
