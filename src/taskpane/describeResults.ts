import { quoteSheetName } from "../core/_lib/a1";
import { t, type Lang } from "../i18n";
import type { ActionView, IssueView, RunSummary } from "./host";

/**
 * A cell as the pane, the command line and the analysis sheet all write it.
 * @example cellRef("订单表", "C17") === "订单表!C17"; cellRef("Order Log", "C17") === "'Order Log'!C17"
 */
export function cellRef(sheet: string, address: string): string {
  return `${quoteSheetName(sheet)}!${address}`;
}

/**
 * The accessible name of an action-list row, which says everything the row shows.
 * @example actionLabel({ reason: "Lost", customer: "C001", name: "Acme", tier: "A" }, "en-US")
 *   === "Lost: C001 Acme, tier A (not in the customer sheet)"
 */
export function actionLabel(action: ActionView, lang: Lang): string {
  const params = { reason: action.reason, customer: action.customer, name: action.name ?? "", tier: action.tier };
  return t(lang, action.target ? "pane.results.actionRow" : "pane.results.notInSheet", params).replace(/\s+([,，])/u, "$1");
}

/**
 * The accessible name of a data-issue row.
 * @example issueLabel({ sheet: "订单表", address: "C17", field: "amount", value: "abc", reason: "Not a number" }, "en-US")
 *   === "订单表!C17, amount: \"abc\", Not a number"
 */
export function issueLabel(issue: IssueView, lang: Lang): string {
  return t(lang, "pane.results.issueRow", { cell: cellRef(issue.sheet, issue.address), field: issue.field, value: issue.value, reason: issue.reason });
}

/**
 * What the pane's live region says once a run is done: the tier counts, then the sizes of the
 * action list and the data issues.
 * @example doneAnnouncement(summary, "en-US") === "Done: A 3, B 5, C 9, D 2. Action list: 2. Data issues: 1."
 */
export function doneAnnouncement(summary: RunSummary, lang: Lang): string {
  return t(lang, "pane.announce.done", { ...summary.tiers, actions: summary.actions.length, issues: summary.issueCount });
}
