import { dayToYmd, daysInMonth, monthStart, ymdToDay } from "../_lib/dates";
import type { Tier } from "../options";
import type { FestivalKey } from "./listFestivals";

/** What greetings read of one customer. */
export interface GreetedCustomer {
  tier: Tier;
  rep: number;
  /** Epoch days, NaN or null when unknown. */
  birthday: number | null;
  firstTrade: number | null;
}

export type Greeting =
  | { day: number; kind: "birthday"; customer: number }
  | { day: number; kind: "anniversary"; customer: number; years: number }
  | {
      day: number;
      kind: "festival";
      festival: FestivalKey;
      rep: number;
      count: number;
    };

/**
 * The greetings of the plan month for A–C customers: birthdays (year ignored; 29 February is
 * greeted on 28 February in other years), anniversaries of the first trade date (1 year or
 * more), and per festival one row per salesperson with the number of their A–C customers.
 * Ordered by day, then birthdays, anniversaries, festivals, then customer or salesperson.
 * @example listGreetings([{ tier: "A", rep: 0, birthday: ymdToDay(1980, 2, 29), firstTrade: null }], monthIndex(2027, 2), [])
 *   → [{ day: ymdToDay(2027, 2, 28), kind: "birthday", customer: 0 }]
 */
export function listGreetings(
  customers: readonly GreetedCustomer[],
  month: number,
  festivals: readonly { day: number; key: FestivalKey }[],
): Greeting[] {
  const { year, month: m } = dayToYmd(monthStart(month));
  const out: Greeting[] = [];
  const counts = new Map<number, number>();
  customers.forEach((c, customer) => {
    if (c.tier === "D") return;
    counts.set(c.rep, (counts.get(c.rep) ?? 0) + 1);
    const birthday = dayInYear(c.birthday, year, m);
    if (birthday !== null) out.push({ day: birthday, kind: "birthday", customer });
    const since = dayInYear(c.firstTrade, year, m);
    if (since === null) return;
    const years = year - dayToYmd(c.firstTrade!).year;
    if (years >= 1) out.push({ day: since, kind: "anniversary", customer, years });
  });
  const reps = [...counts.keys()].sort((a, b) => (a < 0 ? 1 : b < 0 ? -1 : a - b));
  for (const f of festivals)
    for (const rep of reps)
      out.push({
        day: f.day,
        kind: "festival",
        festival: f.key,
        rep,
        count: counts.get(rep)!,
      });
  const rank = { birthday: 0, anniversary: 1, festival: 2 };
  return out.sort(
    (a, b) =>
      a.day - b.day ||
      rank[a.kind] - rank[b.kind] ||
      (a.kind === "festival" || b.kind === "festival" ? 0 : a.customer - b.customer),
  );
}

/** The day of `date`'s month and day in the given year, when that month is `month`; 29 Feb → 28 Feb outside leap years. */
function dayInYear(date: number | null, year: number, month: number): number | null {
  if (date === null || Number.isNaN(date)) return null;
  const d = dayToYmd(date);
  if (d.month !== month) return null;
  const day = Math.min(d.day, daysInMonth(year, month));
  return ymdToDay(year, month, day);
}
