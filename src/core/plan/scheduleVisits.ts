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
 * fit gets no day. Output: by salesperson (in the order given by `repOrder`), then as laid,
 * each visit made by `place` (by default a PlacedVisit: the visit's fields and its day).
 * @example scheduleVisits([{ customer: 0, rep: 0, region: "东", tier: "A", due: 5, key: "c1" }], [10, 11], 4)
 *   → [{ customer: 0, rep: 0, region: "东", tier: "A", due: 5, key: "c1", day: 10 }]
 */
export function scheduleVisits<V extends VisitToPlace, P>(
  visits: readonly V[],
  days: readonly number[],
  perDay: number,
  repOrder: ((a: number, b: number) => number) | undefined,
  place: (v: V, day: number | null) => P,
): P[];
export function scheduleVisits(
  visits: readonly VisitToPlace[],
  days: readonly number[],
  perDay: number,
  repOrder?: (a: number, b: number) => number,
): PlacedVisit[];
export function scheduleVisits(
  visits: readonly VisitToPlace[],
  days: readonly number[],
  perDay: number,
  repOrder?: (a: number, b: number) => number,
  place: (v: VisitToPlace, day: number | null) => unknown = placedOn,
): unknown[] {
  if (!(perDay >= 1)) throw new RangeError(`scheduleVisits: visits per day must be at least 1, not ${perDay}`);
  const byRep = new Map<number, number[]>();
  visits.forEach((v, i) => {
    const list = byRep.get(v.rep);
    if (list) list.push(i);
    else byRep.set(v.rep, [i]);
  });
  const byUrgencyAt = urgencyOrder(visits);
  const region = regionIds(visits);
  const reps = [...byRep.keys()].sort(repOrder ?? ((a, b) => a - b));
  const out: unknown[] = [];
  for (const rep of reps) {
    const groups = new Map<number, number[]>();
    for (const i of byRep.get(rep)!.sort(byUrgencyAt)) {
      const g = groups.get(region[i]);
      if (g) g.push(i);
      else groups.set(region[i], [i]);
    }
    // Map keeps insertion order: a group's place is that of its first (most urgent) customer.
    let next = 0;
    for (const group of groups.values()) {
      for (let i = 0; i < group.length; i += perDay) {
        const day = next < days.length ? days[next++] : null;
        for (let k = i; k < Math.min(i + perDay, group.length); k++) out.push(place(visits[group[k]], day));
      }
    }
  }
  return out;
}

/**
 * The order of urgency, as a comparison of indexes into `visits`: tier, then due date (none
 * last), then key; equal ones kept as given. Tier and due date are read from typed arrays, the
 * key only on a tie — not objects' fields looked up by name at each of the sort's steps.
 */
function urgencyOrder(visits: readonly VisitToPlace[]): (a: number, b: number) => number {
  const n = visits.length;
  const rank = new Uint8Array(n);
  const due = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    rank[i] = TIER_RANK[visits[i].tier];
    due[i] = visits[i].due ?? Infinity;
  }
  return (a, b) => rank[a] - rank[b] || due[a] - due[b] || compareKeys(visits[a].key, visits[b].key) || a - b;
}

/**
 * A number per region (a blank region is one): read in the visits' order, not looked up by
 * text in the order of urgency, which jumps across the visits (each cell's own string).
 */
function regionIds(visits: readonly VisitToPlace[]): Int32Array {
  const ids = new Map<string | null, number>();
  const out = new Int32Array(visits.length);
  for (let i = 0; i < visits.length; i++) {
    let id = ids.get(visits[i].region);
    if (id === undefined) ids.set(visits[i].region, (id = ids.size));
    out[i] = id;
  }
  return out;
}

/** A visit with its day, its fields written out: `{ ...v, day }` was most of this function's CPU time in a profile of 48,025 visits. */
function placedOn(v: VisitToPlace, day: number | null): PlacedVisit {
  return { customer: v.customer, rep: v.rep, region: v.region, tier: v.tier, due: v.due, key: v.key, day };
}

const TIER_RANK: Record<Tier, number> = { A: 0, B: 1, C: 2, D: 3 };

function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
