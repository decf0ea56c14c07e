import type { Cell } from "./_lib/cells";
import { t, type Lang } from "../i18n";
import type { Review } from "./runReview";

/** The headers every customer list of the analysis sheet starts with (the action list, Collect). */
export function customerListHeads(lang: Lang): string[] {
  return [
    t(lang, "report.reason"),
    t(lang, "report.customerId"),
    t(lang, "report.customerName"),
    t(lang, "report.salesperson"),
    t(lang, "report.tier"),
  ];
}

/** A customer's first cells in such a list: the reason, its id, name, salesperson and tier. */
export function customerListCells(review: Review, customer: number, reason: string): Cell[] {
  const c = review.customers;
  const rep = c.rep[customer];
  return [
    reason,
    c.ids[customer],
    c.names[customer],
    rep >= 0 ? review.reps.names[rep] : null,
    review.results[customer].tier,
  ];
}
