import { allocateVisitCosts } from "./allocateVisitCosts";
import { day, month, visitRows } from "./testing/grids";

const OCT = month("2026-10");
const SEP = month("2026-09");
const asOf = day("2026-10-31");
// reps: 0 = 张伟, 1 = 李娜

describe("allocateVisitCosts", () => {
  it("adds an equal share of the salesperson's monthly costs to each visit's own cost", () => {
    const visits = visitRows([
      { day: "2026-10-05", customer: 0, rep: 0, cost: 100 },
      { day: "2026-10-20", customer: 1, rep: 0 },
    ]);
    const r = allocateVisitCosts(visits, [{ row: 1, month: OCT, rep: 0, amount: 6000 }], asOf, true, 0);
    expect(Array.from(r.allocated)).toEqual([3100, 3000]);
    expect(Array.from(r.month)).toEqual([OCT, OCT]);
    expect(r.monthlyByMonth).toEqual(new Map([[OCT, 6000]]));
    expect(r.monthlyByRepMonth).toEqual(new Map([[`0|${OCT}`, 6000]]));
  });

  it("splits monthly costs per salesperson and month", () => {
    const visits = visitRows([
      { day: "2026-10-01", customer: 0, rep: 0 },
      { day: "2026-10-02", customer: 1, rep: 0 },
      { day: "2026-10-03", customer: 2, rep: 0 },
      { day: "2026-09-30", customer: 0, rep: 0 },
      { day: "2026-10-01", customer: 1, rep: 1 },
    ]);
    const costs = [
      { row: 1, month: OCT, rep: 0, amount: 300 },
      { row: 2, month: SEP, rep: 0, amount: 50 },
      { row: 3, month: OCT, rep: 1, amount: 1000 },
    ];
    const r = allocateVisitCosts(visits, costs, asOf, true, 0);
    expect(Array.from(r.allocated)).toEqual([100, 100, 100, 50, 1000]);
    expect(r.monthlyByMonth).toEqual(
      new Map([
        [OCT, 1300],
        [SEP, 50],
      ]),
    );
    expect(r.monthlyByRepMonth).toEqual(
      new Map([
        [`0|${OCT}`, 300],
        [`0|${SEP}`, 50],
        [`1|${OCT}`, 1000],
      ]),
    );
  });

  it("sums several cost rows of one salesperson and month", () => {
    const visits = visitRows([{ day: "2026-10-05", customer: 0, rep: 0 }]);
    const costs = [
      { row: 1, month: OCT, rep: 0, amount: 200 },
      { row: 2, month: OCT, rep: 0, amount: 300 },
    ];
    expect(Array.from(allocateVisitCosts(visits, costs, asOf, true, 0).allocated)).toEqual([500]);
  });

  it("leaves the monthly costs of a salesperson with no visits that month unallocated but counted", () => {
    const visits = visitRows([{ day: "2026-10-05", customer: 0, rep: 0, cost: 10 }]);
    const costs = [
      { row: 1, month: OCT, rep: 1, amount: 500 },
      { row: 2, month: SEP, rep: 0, amount: 70 },
    ];
    const r = allocateVisitCosts(visits, costs, asOf, true, 0);
    expect(Array.from(r.allocated)).toEqual([10]);
    expect(r.monthlyByMonth).toEqual(
      new Map([
        [OCT, 500],
        [SEP, 70],
      ]),
    );
  });

  it("charges only the own cost when there is no cost sheet row", () => {
    const visits = visitRows([{ day: "2026-10-05", customer: 0, rep: 0, cost: 45 }]);
    expect(Array.from(allocateVisitCosts(visits, [], asOf, true, 99).allocated)).toEqual([45]);
  });

  it("charges the default cost per visit without any cost data", () => {
    const visits = visitRows([
      { day: "2026-10-05", customer: 0, rep: 0 },
      { day: "2026-09-05", customer: 1 },
    ]);
    expect(Array.from(allocateVisitCosts(visits, [], asOf, false, 25).allocated)).toEqual([25, 25]);
  });

  describe("edge cases", () => {
    it("gives visits after the as-of date no cost and leaves them out of the split", () => {
      const visits = visitRows([
        { day: "2026-10-10", customer: 0, rep: 0 },
        { day: "2026-10-31", customer: 1, rep: 0 },
        { day: "2026-11-01", customer: 2, rep: 0, cost: 40 },
      ]);
      const r = allocateVisitCosts(visits, [{ row: 1, month: OCT, rep: 0, amount: 600 }], asOf, true, 0);
      expect(Array.from(r.allocated)).toEqual([300, 300, 0]);
      expect(Array.from(r.month)).toEqual([OCT, OCT, month("2026-11")]);
    });

    it("gives visits after the as-of date no default cost either", () => {
      const visits = visitRows([{ day: "2026-11-01", customer: 0, rep: 0 }]);
      expect(Array.from(allocateVisitCosts(visits, [], asOf, false, 25).allocated)).toEqual([0]);
    });

    it("gives a visit without a salesperson only its own cost and no share", () => {
      const visits = visitRows([
        { day: "2026-10-05", customer: 0, rep: 0 },
        { day: "2026-10-06", customer: 1, cost: 15 },
      ]);
      const r = allocateVisitCosts(visits, [{ row: 1, month: OCT, rep: 0, amount: 600 }], asOf, true, 0);
      expect(Array.from(r.allocated)).toEqual([600, 15]);
    });

    it("returns empty columns for no visits", () => {
      const r = allocateVisitCosts(visitRows([]), [{ row: 1, month: OCT, rep: 0, amount: 600 }], asOf, true, 0);
      expect(Array.from(r.allocated)).toEqual([]);
      expect(r.monthlyByMonth).toEqual(new Map([[OCT, 600]]));
    });
  });
});
