import { groupPlanDays } from "./groupPlanDays";
import type { PlannedVisit } from "./planNextMonth";

const v = (customer: number, rep: number, day: number | null, region: string | null): PlannedVisit => ({
  customer,
  rep,
  day,
  region,
  tier: "A",
  due: null,
  key: `c${customer}`,
  reasons: [{ kind: "due" }],
});

describe("groupPlanDays", () => {
  it("groups each salesperson's visits by day, in the order laid", () => {
    const visits = [v(0, 2, 10, "东"), v(1, 2, 10, "东"), v(2, 2, 11, "东"), v(3, 2, 12, null), v(4, 5, 10, "西")];
    expect(groupPlanDays(visits)).toEqual([
      {
        rep: 2,
        days: [
          { day: 10, region: "东", visits: [visits[0], visits[1]] },
          { day: 11, region: "东", visits: [visits[2]] },
          { day: 12, region: null, visits: [visits[3]] },
        ],
      },
      { rep: 5, days: [{ day: 10, region: "西", visits: [visits[4]] }] },
    ]);
  });

  it("puts the rows that did not fit into one last group per salesperson, whatever their regions", () => {
    const visits = [v(0, 0, 10, "东"), v(1, 0, null, "东"), v(2, 0, null, "西"), v(3, -1, null, "北")];
    expect(groupPlanDays(visits)).toEqual([
      {
        rep: 0,
        days: [
          { day: 10, region: "东", visits: [visits[0]] },
          { day: null, region: null, visits: [visits[1], visits[2]] },
        ],
      },
      { rep: -1, days: [{ day: null, region: null, visits: [visits[3]] }] },
    ]);
  });

  describe("edge cases", () => {
    it("is empty without visits", () => {
      expect(groupPlanDays([])).toEqual([]);
    });
  });
});
