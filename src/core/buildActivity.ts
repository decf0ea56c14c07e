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

/** Collects one group's visits, orders and costs; `figures()` derives the twelve figures. */
export class ActivityTally {
  /** Distinct (salesperson, date) pairs, as the number day × 2^24 + rep + 1 (see addVisit). */
  private readonly days = new Set<number>();
  private readonly orderIds = new Set<number>();
  private rowsWithoutId = 0;
  visits = 0;
  visitsNew = 0;
  orderAmount = 0;
  amountNew = 0;
  directCost = 0;

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
    else this.orderIds.add(orderId);
    this.orderAmount += amount;
    if (isNew) this.amountNew += amount;
  }

  addMonthlyCost(amount: number): void {
    this.directCost += amount;
  }

  /** Figures 1–12; a division by zero gives null (a blank cell). */
  figures(): ActivityFigures {
    const workingDays = this.days.size;
    const orders = this.orderIds.size + this.rowsWithoutId;
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
