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
  /** Shared by every customer with the same reasons: read, never change. */
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
  const lists = reasonLists();
  for (let customer = 0; customer < customers.length; customer++) {
    const c = customers[customer];
    if (c.tier === "D") continue;
    const overdue = (c.overdueDays ?? 0) > 0 ? c.overdueDays! : 0;
    let bits = overdue > 0 || c.due === null || c.due > planEnd ? 0 : DUE;
    if (c.tier !== "C" && c.change === "Down") bits |= DOWN;
    if (c.tier !== "C" && c.change === "Lost") bits |= LOST;
    if (creditFlags?.[customer]) bits |= COLLECT;
    if (bits > 0 || overdue > 0) out.push({ customer, reasons: lists(bits, overdue) });
  }
  return out;
}

const DUE = 1;
const DOWN = 2;
const LOST = 4;
const COLLECT = 8;

/**
 * The list of reasons for a set of flags and overdue days (0: not overdue), made once per
 * distinct pair, each reason one object: 48,000 customers share a few hundred lists, so
 * nothing is made per customer, and the sheet words each list and reason once (reasonWords).
 */
function reasonLists(): (bits: number, overdueDays: number) => VisitReason[] {
  const made = Array.from({ length: 16 }, () => new Map<number, VisitReason[]>());
  const late = new Map<number, VisitReason>();
  const overdue = (days: number) => {
    let reason = late.get(days);
    if (reason === undefined) late.set(days, (reason = { kind: "overdue", days }));
    return reason;
  };
  return (bits, overdueDays) => {
    let list = made[bits].get(overdueDays);
    if (list === undefined) {
      list = overdueDays > 0 ? [overdue(overdueDays)] : [];
      for (const [bit, reason] of FLAG_REASONS) if (bits & bit) list.push(reason);
      made[bits].set(overdueDays, list);
    }
    return list;
  };
}

/** After Overdue, the reasons in the SPEC's order, each one object for every list. */
const FLAG_REASONS: readonly [number, VisitReason][] = [
  [DUE, { kind: "due" }],
  [DOWN, { kind: "down" }],
  [LOST, { kind: "lost" }],
  [COLLECT, { kind: "collect" }],
];
