/** The twelve activity figures of the monthly visit report (rows 1–12), for one month or one salesperson. */
export interface ActivityFigures {
  workingDays: number;
  visits: number;
  visitsNew: number;
  visitsExisting: number;
  visitsPerDay: number | null;
  orderAmount: number;
  amountNew: number;
  amountExisting: number;
  directCost: number;
  orders: number;
  costPerOrder: number | null;
  costRatio: number | null;
}

export const ACTIVITY_KEYS: readonly (keyof ActivityFigures)[] = [
  "workingDays",
  "visits",
  "visitsNew",
  "visitsExisting",
  "visitsPerDay",
  "orderAmount",
  "amountNew",
  "amountExisting",
  "directCost",
  "orders",
  "costPerOrder",
  "costRatio",
];

const REP_SPAN = 2 ** 24;

/**
 * Counts distinct order ids per group (month or salesperson) over a million rows without
 * a Set per group: each id remembers the last group that counted it, and a group keeps in
 * a Set only the ids it counted that another group counted after it — the few orders whose
 * lines fall in two months or under two salespeople.
 * @example const d = new DistinctIds(3); const g = d.group(); d.add(g, 2); d.add(g, 2); d.count(g) === 1
 */
export class DistinctIds {
  private readonly last: Int32Array;
  private readonly handedOn: Set<number>[] = [];
  private readonly counts: number[] = [];
  /** @param size one more than the largest id that will be added */
  constructor(size: number) {
    this.last = new Int32Array(size).fill(-1);
  }

  /** A new group, numbered 0, 1, 2… */
  group(): number {
    this.handedOn.push(new Set());
    return this.counts.push(0) - 1;
  }

  add(group: number, id: number): void {
    const last = this.last[id];
    if (last === group) return;
    if (last >= 0) {
      if (this.handedOn[group].has(id)) return;
      this.handedOn[last].add(id);
    }
    this.last[id] = group;
    this.counts[group]++;
  }

  count(group: number): number {
    return this.counts[group];
  }

  /** One more than the largest order id of the rows (0 when none has one): the size for orders' DistinctIds. */
  static sizeFor(orderIds: Int32Array, n: number): number {
    let max = -1;
    for (let i = 0; i < n; i++) if (orderIds[i] > max) max = orderIds[i];
    return max + 1;
  }
}

/** Collects one group's visits, orders and costs; `figures()` derives the twelve figures. */
export class ActivityTally {
  /** Distinct (salesperson, date) pairs, as the number day × 2^24 + rep + 1 (see addVisit). */
  private readonly days = new Set<number>();
  /** This group's number in the order ids counter shared by the table's groups. */
  private readonly group: number;
  private rowsWithoutId = 0;
  visits = 0;
  visitsNew = 0;
  orderAmount = 0;
  amountNew = 0;
  directCost = 0;

  /** @param orderIds the counter of distinct order ids shared by the groups of one table */
  constructor(private readonly orderIds: DistinctIds) {
    this.group = orderIds.group();
  }

  addVisit(rep: number, day: number, isNew: boolean, directCost: number): void {
    // A number, not a "rep|day" string per visit: rep + 1 < 2^24 (ids come from at most a few
    // million rows) and |day| < 2^22, so the pair is exact and unique well within 2^53.
    this.days.add(day * REP_SPAN + rep + 1);
    this.visits++;
    if (isNew) this.visitsNew++;
    this.directCost += directCost;
  }

  addOrder(orderId: number, amount: number, isNew: boolean): void {
    if (orderId < 0) this.rowsWithoutId++;
    else this.orderIds.add(this.group, orderId);
    this.orderAmount += amount;
    if (isNew) this.amountNew += amount;
  }

  addMonthlyCost(amount: number): void {
    this.directCost += amount;
  }

  /** Figures 1–12; a division by zero gives null (a blank cell). */
  figures(): ActivityFigures {
    const workingDays = this.days.size;
    const orders = this.orderIds.count(this.group) + this.rowsWithoutId;
    return {
      workingDays,
      visits: this.visits,
      visitsNew: this.visitsNew,
      visitsExisting: this.visits - this.visitsNew,
      visitsPerDay: workingDays === 0 ? null : this.visits / workingDays,
      orderAmount: this.orderAmount,
      amountNew: this.amountNew,
      amountExisting: this.orderAmount - this.amountNew,
      directCost: this.directCost,
      orders,
      costPerOrder: orders === 0 ? null : this.directCost / orders,
      costRatio: this.orderAmount === 0 ? null : this.directCost / this.orderAmount,
    };
  }
}
