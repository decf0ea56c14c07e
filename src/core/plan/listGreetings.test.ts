import { monthIndex, ymdToDay } from "../_lib/dates";
import { listGreetings, type GreetedCustomer } from "./listGreetings";

const day = (y: number, m: number, d: number) => ymdToDay(y, m, d)!;
const c = (g: Partial<GreetedCustomer>): GreetedCustomer => ({
  tier: "A",
  rep: 0,
  birthday: null,
  firstTrade: null,
  ...g,
});

describe("listGreetings", () => {
  it("greets a 29 February birthday on 28 February outside leap years, and on the 29th in one", () => {
    const leapling = [c({ birthday: day(1980, 2, 29) })];
    expect(listGreetings(leapling, monthIndex(2027, 2), [])).toEqual([
      { day: day(2027, 2, 28), kind: "birthday", customer: 0 },
    ]);
    expect(listGreetings(leapling, monthIndex(2028, 2), [])).toEqual([
      { day: day(2028, 2, 29), kind: "birthday", customer: 0 },
    ]);
  });

  it("greets anniversaries of one year or more, not the first trade itself", () => {
    const out = listGreetings(
      [c({ firstTrade: day(2024, 11, 5) }), c({ firstTrade: day(2026, 11, 3) })],
      monthIndex(2026, 11),
      [],
    );
    expect(out).toEqual([{ day: day(2026, 11, 5), kind: "anniversary", customer: 0, years: 2 }]);
  });

  it("counts each salesperson's A–C customers per festival, D left out", () => {
    const customers = [
      c({ rep: 1 }),
      c({ rep: 0, tier: "C" }),
      c({ rep: 1, tier: "B" }),
      c({ rep: 0, tier: "D", birthday: day(1990, 10, 1) }),
    ];
    const out = listGreetings(customers, monthIndex(2026, 10), [
      { day: day(2026, 10, 1), key: "festival.nationalDay" },
    ]);
    expect(out).toEqual([
      {
        day: day(2026, 10, 1),
        kind: "festival",
        festival: "festival.nationalDay",
        rep: 0,
        count: 1,
      },
      {
        day: day(2026, 10, 1),
        kind: "festival",
        festival: "festival.nationalDay",
        rep: 1,
        count: 2,
      },
    ]);
  });

  it("orders by day, birthdays before anniversaries on the same day", () => {
    const out = listGreetings(
      [c({ firstTrade: day(2020, 7, 3) }), c({ birthday: day(1970, 7, 3) }), c({ birthday: day(1970, 7, 1) })],
      monthIndex(2026, 7),
      [],
    );
    expect(out.map((g) => [g.day, g.kind])).toEqual([
      [day(2026, 7, 1), "birthday"],
      [day(2026, 7, 3), "birthday"],
      [day(2026, 7, 3), "anniversary"],
    ]);
  });
});
