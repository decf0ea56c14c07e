import {
  changedSettings,
  hasSettingsErrors,
  initSettings,
  normalizeMonth,
  settingsReducer,
  validateSettings,
  type SettingsState,
} from "./settingsState";
import { inspectionOf } from "./testFixtures";

const start: SettingsState = initSettings(inspectionOf());

describe("initSettings", () => {
  it("starts from the defaults and the latest order month", () => {
    expect(start).toEqual({
      month: "2026-10",
      tierWindow: 12,
      changeWindow: 3,
      baseline: "previous",
      thresholdPct: 30,
      cutAPct: 80,
      cutBPct: 95,
      intervalA: 30,
      intervalB: 60,
      intervalC: 90,
      visitCost: 0,
      defaultTerms: 30,
      weightPurchase: 1,
      weightProfit: 1,
      weightSafety: 1,
      weightFuture: 1,
      weightCooperation: 1,
      plan: false,
      visitsPerDay: 4,
      planCalendar: "lang",
      prospectTarget: 10,
    });
  });

  it("sends the default terms and all five weights when one weight changes", () => {
    expect(changedSettings({ ...start, defaultTerms: 45, weightSafety: 2 }, start)).toEqual({
      defaultTerms: 45,
      weights: { purchase: 1, profit: 1, safety: 2, future: 1, cooperation: 1 },
    });
  });

  it("rejects negative weights and fractional terms", () => {
    expect(validateSettings({ ...start, weightFuture: -1, defaultTerms: 7.5 })).toEqual({
      weights: "pane.settings.weightInvalid",
      defaultTerms: "pane.settings.defaultTermsInvalid",
    });
  });

  it("starts from what the workbook saved", () => {
    const saved = inspectionOf({
      settings: {
        month: "2026-08",
        lang: "en-US",
        tierWindow: 6,
        threshold: 0.2,
        tierCuts: { a: 0.7, b: 0.9 },
        visitIntervals: { A: 14, B: 30, C: null, D: null },
        defaultVisitCost: 50,
      },
    });
    expect(initSettings(saved)).toEqual({
      ...start,
      month: "2026-08",
      tierWindow: 6,
      thresholdPct: 20,
      cutAPct: 70,
      cutBPct: 90,
      intervalA: 14,
      intervalB: 30,
      intervalC: null,
      visitCost: 50,
    });
  });

  it("starts from the plan settings the workbook saved", () => {
    const saved = inspectionOf({ settings: { plan: true, visitsPerDay: 6, planCalendar: "none", prospectTarget: 25 } });
    expect(initSettings(saved)).toEqual({
      ...start,
      plan: true,
      visitsPerDay: 6,
      planCalendar: "none",
      prospectTarget: 25,
    });
  });

  it("leaves the month blank when no order was found", () => {
    expect(initSettings(inspectionOf({ latestMonth: undefined })).month).toBe("");
    expect(initSettings(undefined).month).toBe("");
  });
});

describe("settingsReducer", () => {
  it("sets one setting", () => {
    expect(settingsReducer(start, { type: "set", key: "baseline", value: "lastYear" })).toEqual({
      ...start,
      baseline: "lastYear",
    });
  });

  it("resets to a new start", () => {
    const other = { ...start, month: "2026-11" };
    expect(settingsReducer(start, { type: "reset", state: other })).toBe(other);
  });
});

describe("validateSettings", () => {
  it("finds nothing wrong with the defaults", () => {
    expect(validateSettings(start)).toEqual({});
  });

  it("accepts a blank month (the latest order month)", () => {
    expect(validateSettings({ ...start, month: " " })).toEqual({});
  });

  it("names every wrong field", () => {
    expect(
      validateSettings({
        ...start,
        month: "2026/10",
        thresholdPct: 0,
        cutAPct: 96,
        cutBPct: 95,
        intervalA: 1.5,
        intervalB: 0,
        intervalC: Number.NaN,
        visitCost: -1,
      }),
    ).toEqual({
      month: "pane.settings.monthInvalid",
      thresholdPct: "pane.settings.thresholdInvalid",
      cuts: "pane.settings.cutsInvalid",
      intervalA: "pane.settings.intervalInvalid",
      intervalB: "pane.settings.intervalInvalid",
      intervalC: "pane.settings.intervalInvalid",
      visitCost: "pane.settings.visitCostInvalid",
    });
  });

  it("checks the plan's settings only while the plan is on", () => {
    const wrong = { ...start, visitsPerDay: 0, prospectTarget: 2.5 };
    expect(validateSettings(wrong)).toEqual({});
    expect(validateSettings({ ...wrong, plan: true })).toEqual({
      visitsPerDay: "pane.settings.visitsPerDayInvalid",
      prospectTarget: "pane.settings.prospectTargetInvalid",
    });
  });

  describe("edge cases", () => {
    it("takes 1 and 20 visits a day and a target of 0 or 1000, not 21, 1001 or blank", () => {
      const on = { ...start, plan: true };
      expect(validateSettings({ ...on, visitsPerDay: 1, prospectTarget: 0 })).toEqual({});
      expect(validateSettings({ ...on, visitsPerDay: 20, prospectTarget: 1000 })).toEqual({});
      expect(validateSettings({ ...on, visitsPerDay: 21, prospectTarget: 1001 })).toEqual({
        visitsPerDay: "pane.settings.visitsPerDayInvalid",
        prospectTarget: "pane.settings.prospectTargetInvalid",
      });
      expect(validateSettings({ ...on, visitsPerDay: null, prospectTarget: Number.NaN })).toEqual({
        visitsPerDay: "pane.settings.visitsPerDayInvalid",
        prospectTarget: "pane.settings.prospectTargetInvalid",
      });
    });

    it("accepts blank visit intervals (no reminders) and a 100% B cut", () => {
      expect(validateSettings({ ...start, intervalA: null, intervalB: null, intervalC: null, cutBPct: 100 })).toEqual(
        {},
      );
    });

    it("rejects a blank threshold, cut or visit cost", () => {
      expect(validateSettings({ ...start, thresholdPct: null, cutAPct: null, visitCost: null })).toEqual({
        thresholdPct: "pane.settings.thresholdInvalid",
        cuts: "pane.settings.cutsInvalid",
        visitCost: "pane.settings.visitCostInvalid",
      });
    });

    it("rejects a threshold of 100% and month 13", () => {
      expect(validateSettings({ ...start, thresholdPct: 100, month: "2026-13" })).toEqual({
        thresholdPct: "pane.settings.thresholdInvalid",
        month: "pane.settings.monthInvalid",
      });
    });
  });
});

describe("hasSettingsErrors", () => {
  it("is false for valid settings and true once one is invalid (the Settings tab's mark)", () => {
    const valid = initSettings(inspectionOf());
    expect(hasSettingsErrors(validateSettings(valid))).toBe(false);
    const typed = settingsReducer(valid, { type: "set", key: "thresholdPct", value: 150 });
    expect(hasSettingsErrors(validateSettings(typed))).toBe(true);
  });
});

describe("normalizeMonth", () => {
  it("pads the month and trims", () => {
    expect(normalizeMonth(" 2026-3 ")).toBe("2026-03");
    expect(normalizeMonth("2026-10")).toBe("2026-10");
  });

  describe("invalid input", () => {
    it("is undefined for anything but YYYY-MM", () => {
      expect(normalizeMonth("2026-00")).toBeUndefined();
      expect(normalizeMonth("26-10")).toBeUndefined();
      expect(normalizeMonth("2026年10月")).toBeUndefined();
      expect(normalizeMonth("")).toBeUndefined();
    });
  });
});

describe("changedSettings", () => {
  it("is empty when nothing changed", () => {
    expect(changedSettings(start, start)).toEqual({});
  });

  it("sends only what changed, percentages as fractions", () => {
    expect(
      changedSettings(
        { ...start, thresholdPct: 20, tierWindow: 6, changeWindow: 1, baseline: "lastYear", visitCost: 35.5 },
        start,
      ),
    ).toEqual({
      threshold: 0.2,
      tierWindow: 6,
      changeWindow: 1,
      baseline: "lastYear",
      defaultVisitCost: 35.5,
    });
  });

  it("sends both tier cuts when one changed", () => {
    expect(changedSettings({ ...start, cutAPct: 70 }, start)).toEqual({ tierCuts: { a: 0.7, b: 0.95 } });
  });

  it("sends all visit intervals when one changed, keeping tier D's saved one", () => {
    expect(changedSettings({ ...start, intervalB: 45 }, start)).toEqual({
      visitIntervals: { A: 30, B: 45, C: 90, D: null },
    });
    expect(
      changedSettings({ ...start, intervalC: null }, start, { visitIntervals: { A: 30, B: 60, C: 90, D: 180 } }),
    ).toEqual({
      visitIntervals: { A: 30, B: 60, C: null, D: 180 },
    });
  });

  it("sends the plan switch, and the plan's settings only while it is on", () => {
    expect(changedSettings({ ...start, plan: true }, start)).toEqual({ plan: true });
    expect(
      changedSettings({ ...start, plan: true, visitsPerDay: 3, prospectTarget: 12, planCalendar: "en-US" }, start),
    ).toEqual({
      plan: true,
      visitsPerDay: 3,
      prospectTarget: 12,
      planCalendar: "en-US",
    });
    expect(changedSettings({ ...start, visitsPerDay: 3, planCalendar: "none" }, start)).toEqual({});
    const on = { ...start, plan: true, planCalendar: "zh-CN" as const };
    expect(changedSettings({ ...on, plan: false }, on)).toEqual({ plan: false });
  });

  describe("edge cases", () => {
    it("unsaves the calendar when it is set back to the language's (undefined, which the record's JSON drops)", () => {
      const on = { ...start, plan: true, planCalendar: "zh-CN" as const };
      const out = changedSettings({ ...on, planCalendar: "lang" }, on);
      expect(Object.keys(out)).toEqual(["planCalendar"]);
      expect(out.planCalendar).toBeUndefined();
      expect(JSON.stringify(out)).toBe("{}");
    });

    it("gives 0.07 for 7% without a floating-point tail", () => {
      expect(changedSettings({ ...start, thresholdPct: 7 }, start)).toEqual({ threshold: 0.07 });
    });
  });
});
