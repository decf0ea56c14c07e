import type { Tier } from "../options";

/** One customer to lay onto the plan month. */
export interface VisitToPlace {
  customer: number;
  /** Salesperson id, −1 when none. */
  rep: number;
  region: string | null;
  tier: Tier;
  due: number | null;
  /** Folded customer key: the last tie-break. */
  key: string;
}

export interface PlacedVisit extends VisitToPlace {
  /** The working day it is planned on; null when it did not fit in the month (Over capacity). */
  day: number | null;
}

/**
 * Lays each salesperson's visits onto the working days: customers are grouped by region
 * (a blank region is one group), groups are taken in the order of their most urgent customer
 * (tier, then due date, then key) and so are the customers in a group; a day holds one group
 * and at most `perDay` visits, a group goes on over the next working days, and what does not
 * fit gets no day. Output: by salesperson (in the order given by `repOrder`), then as laid.
 * @example scheduleVisits([{ customer: 0, rep: 0, region: "东", tier: "A", due: 5, key: "c1" }], [10, 11], 4)
 *   → [{ customer: 0, rep: 0, region: "东", tier: "A", due: 5, key: "c1", day: 10 }]
 */
export function scheduleVisits(
  visits: readonly VisitToPlace[],
  days: readonly number[],
  perDay: number,
  repOrder?: (a: number, b: number) => number,
): PlacedVisit[] {
  if (!(perDay >= 1)) throw new RangeError(`scheduleVisits: visits per day must be at least 1, not ${perDay}`);
  const byRep = new Map<number, VisitToPlace[]>();
  for (const v of visits) {
    const list = byRep.get(v.rep);
    if (list) list.push(v);
    else byRep.set(v.rep, [v]);
  }
  const reps = [...byRep.keys()].sort(repOrder ?? ((a, b) => a - b));
  const out: PlacedVisit[] = [];
  for (const rep of reps) {
    const groups = new Map<string | null, VisitToPlace[]>();
    for (const v of [...byRep.get(rep)!].sort(byUrgency)) {
      const g = groups.get(v.region);
      if (g) g.push(v);
      else groups.set(v.region, [v]);
    }
    // Map keeps insertion order: a group's place is that of its first (most urgent) customer.
    let next = 0;
    for (const group of groups.values()) {
      for (let i = 0; i < group.length; i += perDay) {
        const day = next < days.length ? days[next++] : null;
        for (const v of group.slice(i, i + perDay)) out.push({ ...v, day });
      }
    }
  }
  return out;
}

const TIER_RANK: Record<Tier, number> = { A: 0, B: 1, C: 2, D: 3 };

/** Tier, then due date (none last), then key. */
export function byUrgency(a: VisitToPlace, b: VisitToPlace): number {
  return (
    TIER_RANK[a.tier] - TIER_RANK[b.tier] ||
    (a.due ?? Infinity) - (b.due ?? Infinity) ||
    (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)
  );
}
