import { ymdToDay } from "../_lib/dates";
import { calendarLine, greetingOccasion, visitReasons } from "./planTexts";

describe("visitReasons", () => {
  it("joins the reasons in the order given, with the language's separator", () => {
    const reasons = [{ kind: "overdue", days: 5 }, { kind: "down" }, { kind: "collect" }] as const;
    expect(visitReasons(reasons, "en-US")).toBe("Overdue 5 days, Down, Collect");
    expect(visitReasons(reasons, "zh-CN")).toBe("逾期5天、订货下降、催收");
  });
});

describe("greetingOccasion", () => {
  it("names a birthday, an anniversary with its years, and a festival", () => {
    expect(greetingOccasion({ day: 0, kind: "birthday", customer: 1 }, "en-US")).toBe("Birthday");
    expect(greetingOccasion({ day: 0, kind: "anniversary", customer: 1, years: 3 }, "en-US")).toBe(
      "3 years as customer",
    );
    expect(
      greetingOccasion({ day: 0, kind: "festival", festival: "festival.thanksgiving", rep: 0, count: 4 }, "en-US"),
    ).toBe("Thanksgiving");
  });
});

describe("calendarLine", () => {
  it("names the calendar and counts the working days", () => {
    expect(calendarLine({ calendar: "none", official: true, workingDays: [1, 2, 3] }, "en-US")).toBe(
      "Monday–Friday: 3 working days",
    );
  });

  it("says Monday–Friday was used when the year has no official calendar yet", () => {
    expect(calendarLine({ calendar: "zh-CN", official: false, workingDays: [ymdToDay(2031, 1, 2)!] }, "en-US")).toBe(
      "No official calendar for 2031 yet: Monday–Friday, 1 working days",
    );
  });
});
