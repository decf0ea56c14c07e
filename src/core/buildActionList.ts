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
  const idx = customers.map((_, c) => c);
  const byTier = (x: number, y: number) => TIER_ORDER[customers[x].tier] - TIER_ORDER[customers[y].tier];
  const changes = idx
    .filter((c) => customers[c].change === "Down" || customers[c].change === "Lost")
    .sort((x, y) => byTier(x, y) || lost(customers[y]) - lost(customers[x]) || x - y);
  const overdue = idx
    .filter((c) => (customers[c].tier === "A" || customers[c].tier === "B") && (customers[c].overdueDays ?? 0) > 0)
    .sort((x, y) => byTier(x, y) || customers[y].overdueDays! - customers[x].overdueDays! || x - y);
  const costs = idx
    .filter((c) => customers[c].costFlag !== null)
    .sort((x, y) => byTier(x, y) || customers[y].visitCost - customers[x].visitCost || x - y);
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
