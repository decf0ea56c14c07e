import { pickPlanVisits, type PlanCustomer } from "./pickPlanVisits";

const END = 20_787; // last day of the plan month
const customer = (c: Partial<PlanCustomer>): PlanCustomer => ({
  tier: "A",
  change: "Stable",
  due: END + 10,
  overdueDays: null,
  ...c,
});

describe("pickPlanVisits", () => {
  it("lists every reason once per customer", () => {
    const out = pickPlanVisits(
      [
        customer({
          overdueDays: 12,
          due: END - 40,
          change: "Down",
        }),
        customer({ tier: "B", due: END, change: "Lost" }),
        customer({ tier: "C", due: END - 3 }),
      ],
      END,
      ["Overdue", null, null],
    );
    expect(out).toEqual([
      {
        customer: 0,
        reasons: [{ kind: "overdue", days: 12 }, { kind: "down" }, { kind: "collect" }],
      },
      { customer: 1, reasons: [{ kind: "due" }, { kind: "lost" }] },
      { customer: 2, reasons: [{ kind: "due" }] },
    ]);
  });

  it("leaves out D, C that is only Down, and customers due after the month", () => {
    const out = pickPlanVisits(
      [customer({ tier: "D", due: null, change: "Lost" }), customer({ tier: "C", change: "Down" }), customer({})],
      END,
    );
    expect(out).toEqual([]);
  });

  it("gives no Collect reason without credit flags, and one for a C customer with a flag", () => {
    expect(pickPlanVisits([customer({ tier: "C" })], END)).toEqual([]);
    expect(pickPlanVisits([customer({ tier: "C" })], END, ["Over limit"])).toEqual([
      { customer: 0, reasons: [{ kind: "collect" }] },
    ]);
  });
});
