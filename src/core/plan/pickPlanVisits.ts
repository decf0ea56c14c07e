import type { ChangeFlag } from "../flagOrderChanges";
import type { Tier } from "../options";

/** Why a customer is on next month's visit list (SPEC: every reason, in this order). */
export type VisitReason =
  { kind: "overdue"; days: number } | { kind: "due" } | { kind: "down" } | { kind: "lost" } | { kind: "collect" };

/** What the visit list reads of one customer. */
export interface PlanCustomer {
  tier: Tier;
  change: ChangeFlag;
  /** Next visit due (epoch day), null for D. */
  due: number | null;
  overdueDays: number | null;
}

export interface PickedVisit {
  customer: number;
  reasons: VisitReason[];
}

/**
 * The customers to visit in the plan month, each once with every reason: A–C due by the
 * plan month's last day (overdue ones say by how many days at the as-of date), A/B Down or
 * Lost, and A–C with a receivables credit flag (催收; `creditFlags` per customer, absent
 * without receivables: then there is no Collect reason).
 * @example pickPlanVisits([{ tier: "A", change: "Down", due: 20400, overdueDays: 3 }], 20420)
 *   → [{ customer: 0, reasons: [{ kind: "overdue", days: 3 }, { kind: "down" }] }]
 */
export function pickPlanVisits(
  customers: readonly PlanCustomer[],
  planEnd: number,
  creditFlags?: readonly (string | null)[],
): PickedVisit[] {
  const out: PickedVisit[] = [];
  customers.forEach((c, customer) => {
    if (c.tier === "D") return;
    const reasons: VisitReason[] = [];
    if ((c.overdueDays ?? 0) > 0) reasons.push({ kind: "overdue", days: c.overdueDays! });
    else if (c.due !== null && c.due <= planEnd) reasons.push({ kind: "due" });
    if (c.tier !== "C" && c.change === "Down") reasons.push({ kind: "down" });
    if (c.tier !== "C" && c.change === "Lost") reasons.push({ kind: "lost" });
    if (creditFlags?.[customer]) reasons.push({ kind: "collect" });
    if (reasons.length > 0) out.push({ customer, reasons });
  });
  return out;
}
