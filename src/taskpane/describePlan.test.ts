import {
  dayHeading,
  firstFew,
  greetingDays,
  GREETINGS_SHOWN,
  planVisitLabel,
  repHeading,
  visitCount,
} from "./describePlan";
import { PLAN } from "./testFixtures";

const [lee, none] = PLAN.reps;
const [first, second, over] = lee.days;

describe("dayHeading", () => {
  it("gives the date and region, the date alone without a region, and Over capacity for rows that did not fit", () => {
    expect(dayHeading(first, "zh-CN")).toBe("2026-11-02 · 华东");
    expect(dayHeading(second, "en-US")).toBe("2026-11-03");
    expect(dayHeading(over, "en-US")).toBe("Over capacity");
    expect(dayHeading(over, "zh-CN")).toBe("本月排不下");
  });
});

describe("planVisitLabel", () => {
  it("says the day, the customer, the tier and every reason", () => {
    expect(planVisitLabel(first.visits[0], first, "zh-CN")).toBe(
      "2026-11-02 · 华东：C001 华东贸易，A 级，逾期5天、订货下降",
    );
    expect(planVisitLabel({ ...first.visits[0], reasons: "Overdue 5 days, Down" }, first, "en-US")).toBe(
      "2026-11-02 · 华东: C001 华东贸易, tier A, Overdue 5 days, Down",
    );
  });

  it("drops the space a missing name leaves, and says when the customer is not in the customer sheet", () => {
    expect(planVisitLabel(first.visits[1], first, "en-US")).toBe("2026-11-02 · 华东: C004, tier B, 到期");
    expect(planVisitLabel(over.visits[0], over, "en-US")).toBe(
      "Over capacity: C009 北方, tier C, 到期 (not in the customer sheet)",
    );
  });
});

describe("visitCount", () => {
  it("counts every visit of the days, those that did not fit included", () => {
    expect(visitCount(lee.days)).toBe(4);
    expect(visitCount(PLAN.reps.flatMap((r) => r.days))).toBe(5);
    expect(visitCount([])).toBe(0);
  });
});

describe("repHeading", () => {
  it("counts the salesperson's visits, those that did not fit included", () => {
    expect(repHeading(lee, "en-US")).toBe("李明 (4 visits)");
    expect(repHeading(none, "zh-CN")).toBe("（无业务员）（1 次拜访）");
  });
});

describe("firstFew", () => {
  it("lists the first few and counts the rest", () => {
    const g = PLAN.greetings[0];
    const ten = Array.from({ length: 10 }, (_, i) => ({ ...g, date: `2026-11-${String(i + 1).padStart(2, "0")}` }));
    expect(GREETINGS_SHOWN).toBe(8);
    expect(firstFew(ten, GREETINGS_SHOWN)).toEqual({ shown: ten.slice(0, 8), more: 2 });
    expect(firstFew(PLAN.greetings, GREETINGS_SHOWN)).toEqual({ shown: PLAN.greetings, more: 0 });
    expect(firstFew([], 3)).toEqual({ shown: [], more: 0 });
  });
});

describe("greetingDays", () => {
  it("groups greetings under their dates in the order they come", () => {
    const [birthday, festival] = PLAN.greetings;
    const anniversary = { ...birthday, occasion: "合作2周年", salesperson: "王强" };
    expect(greetingDays([birthday, anniversary, festival])).toEqual([
      { date: "2026-11-05", greetings: [birthday, anniversary] },
      { date: "2026-11-07", greetings: [festival] },
    ]);
    expect(greetingDays([])).toEqual([]);
  });
});
