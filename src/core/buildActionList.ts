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
  // One pass sorts each section's members into place by numbers read once (tier rank,
  // amount), so that sorting tens of thousands of customers compares no objects.
  const tier = new Uint8Array(customers.length);
  const changes: number[] = [];
  const overdue: number[] = [];
  const costs: number[] = [];
  const lostAmount = new Float64Array(customers.length);
  customers.forEach((c, i) => {
    tier[i] = TIER_ORDER[c.tier];
    if (c.change === "Down" || c.change === "Lost") {
      changes.push(i);
      lostAmount[i] = lost(c);
    }
    if ((c.tier === "A" || c.tier === "B") && (c.overdueDays ?? 0) > 0) overdue.push(i);
    if (c.costFlag !== null) costs.push(i);
  });
  const by = (amount: (i: number) => number) => (x: number, y: number) => tier[x] - tier[y] || amount(y) - amount(x) || x - y;
  changes.sort(by((i) => lostAmount[i]));
  overdue.sort(by((i) => customers[i].overdueDays!));
  costs.sort(by((i) => customers[i].visitCost));
  return [
    ...changes.map((c) => item(c, customers[c].change as ActionReason, customers[c].tier)),
    ...overdue.map((c) => item(c, "Overdue", customers[c].tier)),
    ...costs.map((c) => item(c, customers[c].costFlag!, customers[c].tier)),
  ];
}

function lost(c: ActionInput): number {
  return c.prior - c.recent;
}

function item(customer: number, reason: ActionReason, tier: Tier): ActionItem {
  return { customer, reason, tier };
}
