import { flagOrderChange, type ChangeSettings } from "./flagOrderChanges";
import { day, month, salesHistory } from "./testing/grids";

// Review month 2026-10. k = 3: change window 2026-08…10, baseline 2026-05…07,
// Lost looks back over 2025-08…2026-07.
const M = month("2026-10");
const k3: ChangeSettings = { window: 3, baseline: "previous", threshold: 0.3 };
const EARLY = day("2024-01-15");

/** The result for one customer with these monthly sales and first order date. */
function change(sales: Record<string, number>, firstDay = EARLY, settings = k3) {
  return flagOrderChange(salesHistory("2026-10", [sales]), 0, M, firstDay, settings);
}

describe("flagOrderChange", () => {
  it("flags New when the first order date falls inside the change window", () => {
    expect(change({ "2026-08": 100 }, day("2026-08-01"))).toEqual({
      flag: "New",
      recent: 100,
      prior: 0,
      changePct: null,
    });
  });

  it("flags Lost when nothing was bought in the window after positive sales in the 12 months before it", () => {
    expect(change({ "2025-09": 100 })).toEqual({ flag: "Lost", recent: 0, prior: 0, changePct: null });
  });

  it("flags Returning when sales come back after an empty baseline", () => {
    expect(change({ "2025-01": 100, "2026-09": 50 })).toEqual({
      flag: "Returning",
      recent: 50,
      prior: 0,
      changePct: null,
    });
  });

  it("flags Down when recent falls below 70% of baseline", () => {
    expect(change({ "2026-06": 100, "2026-09": 69 })).toEqual({
      flag: "Down",
      recent: 69,
      prior: 100,
      changePct: -0.31,
    });
  });

  it("flags Up when recent rises above 130% of baseline", () => {
    expect(change({ "2026-06": 100, "2026-09": 131 })).toEqual({
      flag: "Up",
      recent: 131,
      prior: 100,
      changePct: 0.31,
    });
  });

  it("flags Stable when recent stays within 30% of baseline", () => {
    expect(change({ "2026-05": 40, "2026-07": 60, "2026-08": 30, "2026-10": 80 })).toEqual({
      flag: "Stable",
      recent: 110,
      prior: 100,
      changePct: 0.1,
    });
  });

  it("flags Inactive when there are no sales at all", () => {
    expect(change({})).toEqual({ flag: "Inactive", recent: 0, prior: 0, changePct: null });
  });

  it("uses the threshold it is given", () => {
    expect(change({ "2026-06": 100, "2026-09": 60 }, EARLY, { ...k3, threshold: 0.5 }).flag).toEqual("Stable");
  });

  describe("rule order", () => {
    it("checks New before Returning and Up", () => {
      expect(change({ "2026-10": 500 }, day("2026-10-31")).flag).toEqual("New");
    });

    it("checks New before Lost", () => {
      expect(change({ "2026-06": 100 }, day("2026-08-15")).flag).toEqual("New");
    });

    it("checks Lost before Down", () => {
      expect(change({ "2026-06": 100 })).toEqual({ flag: "Lost", recent: 0, prior: 100, changePct: -1 });
    });

    it("checks Lost when returns make recent negative", () => {
      expect(change({ "2026-05": 100, "2026-09": -20 })).toEqual({
        flag: "Lost",
        recent: -20,
        prior: 100,
        changePct: -1.2,
      });
    });

    it("checks Down before Stable", () => {
      expect(change({ "2026-06": 1000, "2026-09": 1 }).flag).toEqual("Down");
    });
  });

  describe("edge cases", () => {
    it("does not flag New when f is the day before the window", () => {
      expect(change({ "2026-07": 100, "2026-08": 100 }, day("2026-07-31")).flag).toEqual("Stable");
    });

    it("does not flag Down at exactly 70% of baseline", () => {
      expect(change({ "2026-06": 100, "2026-09": 70 })).toEqual({
        flag: "Stable",
        recent: 70,
        prior: 100,
        changePct: -0.3,
      });
    });

    it("does not flag Up at exactly 130% of baseline", () => {
      expect(change({ "2026-06": 100, "2026-09": 130 })).toEqual({
        flag: "Stable",
        recent: 130,
        prior: 100,
        changePct: 0.3,
      });
    });

    it("does not flag Down at exactly 70% of a baseline summed from cents", () => {
      expect(change({ "2026-06": 0.1, "2026-07": 0.2, "2026-09": 0.21 }).flag).toEqual("Stable");
    });

    it("flags Returning after a negative baseline and leaves the change blank", () => {
      expect(change({ "2025-01": 100, "2026-06": -30, "2026-09": 50 })).toEqual({
        flag: "Returning",
        recent: 50,
        prior: -30,
        changePct: null,
      });
    });

    it("flags Inactive when only returns stand in the baseline", () => {
      expect(change({ "2026-06": -30 })).toEqual({ flag: "Inactive", recent: 0, prior: -30, changePct: null });
    });

    it("does not flag Lost for sales more than 12 months before the window", () => {
      expect(change({ "2025-07": 100 }).flag).toEqual("Inactive");
    });

    it("flags Inactive a listed customer that never ordered", () => {
      expect(change({}, NaN).flag).toEqual("Inactive");
    });
  });

  describe("settings", () => {
    it("compares with the same months a year earlier in lastYear mode", () => {
      const sales = { "2025-09": 100, "2026-06": 500, "2026-09": 140 };
      expect(change(sales, EARLY, { ...k3, baseline: "lastYear" })).toEqual({
        flag: "Up",
        recent: 140,
        prior: 100,
        changePct: 0.4,
      });
      expect(change(sales, EARLY, k3)).toEqual({ flag: "Down", recent: 140, prior: 500, changePct: -0.72 });
    });

    it("compares the review month with the month before it when k = 1", () => {
      const k1 = { ...k3, window: 1 };
      expect(change({ "2026-09": 100, "2026-10": 50 }, EARLY, k1)).toEqual({
        flag: "Down",
        recent: 50,
        prior: 100,
        changePct: -0.5,
      });
      expect(change({ "2026-10": 50 }, day("2026-10-01"), k1).flag).toEqual("New");
      expect(change({ "2026-09": 50, "2026-10": 50 }, day("2026-09-30"), k1).flag).toEqual("Stable");
    });

    it("uses six-month windows when k = 6", () => {
      const k6 = { ...k3, window: 6 };
      // window 2026-05…10, baseline 2025-11…2026-04
      expect(change({ "2025-11": 100, "2026-04": 50, "2026-05": 90, "2026-10": 10 }, EARLY, k6)).toEqual({
        flag: "Down",
        recent: 100,
        prior: 150,
        changePct: -1 / 3,
      });
      expect(change({ "2026-05": 10 }, day("2026-05-01"), k6).flag).toEqual("New");
    });

    it("looks back 12 months before a six-month window for Lost", () => {
      // 2025-06 is inside the look-back of k = 6 (2025-05…2026-04), not of k = 3 (2025-08…2026-07)
      expect(change({ "2025-06": 100 }, EARLY, { ...k3, window: 6 }).flag).toEqual("Lost");
      expect(change({ "2025-06": 100 }, EARLY, k3).flag).toEqual("Inactive");
    });
  });
});
