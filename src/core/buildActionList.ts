import { descending } from "./_lib/compare";
import type { CostFlag } from "./flagCosts";
import type { ChangeFlag } from "./flagOrderChanges";
import type { Tier } from "./options";

export type ActionReason = "Down" | "Lost" | "Overdue" | CostFlag;

export interface ActionItem {
  customer: number;
  reason: ActionReason;
  tier: Tier;
}

export interface ActionInput {
  tier: Tier;
  change: ChangeFlag;
  recent: number;
  prior: number;
  overdueDays: number | null;
  costFlag: CostFlag | null;
  visitCost: number;
}

const TIER_ORDER: Record<Tier, number> = { A: 0, B: 1, C: 2, D: 3 };

/**
 * The action list, important customers first: Down and Lost customers by tier then
 * lost amount (b − r) descending; then A and B customers overdue for a visit, most
 * overdue first; then customers with a cost flag, by tier then visit cost descending.
 * A customer may stand in more than one section, once for each reason.
 * @example buildActionList(customers).map((a) => a.reason) → ["Lost", "Down", "Overdue", "HighCost"]
 */
export function buildActionList(customers: readonly ActionInput[]): ActionItem[] {
  const changes = new Section(customers.length);
  const overdue = new Section(customers.length);
  const costs = new Section(customers.length);
  customers.forEach((c, i) => {
    const tier = TIER_ORDER[c.tier];
    if (c.change === "Down" || c.change === "Lost") changes.add(tier, i, lost(c));
    if ((c.tier === "A" || c.tier === "B") && (c.overdueDays ?? 0) > 0) overdue.add(tier, i, c.overdueDays!);
    if (c.costFlag !== null) costs.add(tier, i, c.visitCost);
  });
  return [
    ...changes.sorted().map((c) => item(c, customers[c].change as ActionReason, customers[c].tier)),
    ...overdue.sorted().map((c) => item(c, "Overdue", customers[c].tier)),
    ...costs.sorted().map((c) => item(c, customers[c].costFlag!, customers[c].tier)),
  ];
}

/**
 * One section of the list: customers by tier, then amount descending, then customer
 * number. Each tier is a bucket filled in customer order and sorted stably on its amounts
 * alone, so that sorting tens of thousands of customers compares two numbers a step.
 */
class Section {
  private readonly tiers: number[][] = [[], [], [], []];
  private readonly amount: Float64Array;
  constructor(customers: number) {
    this.amount = new Float64Array(customers);
  }

  /** Customers must come in ascending order (stable sorting keeps them so within equal amounts). */
  add(tier: number, customer: number, amount: number): void {
    this.tiers[tier].push(customer);
    this.amount[customer] = amount;
  }

  sorted(): number[] {
    const amount = this.amount;
    return this.tiers.flatMap((bucket) => bucket.sort((x, y) => descending(amount[x], amount[y])));
  }
}

function lost(c: ActionInput): number {
  return c.prior - c.recent;
}

function item(customer: number, reason: ActionReason, tier: Tier): ActionItem {
  return { customer, reason, tier };
}
