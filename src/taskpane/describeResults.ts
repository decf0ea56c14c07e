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
  return t(lang, action.target ? "pane.results.actionRow" : "pane.results.notInSheet", params).replace(
    /\s+([,，])/u,
    "$1",
  );
}

/**
 * The accessible name of a data-issue row.
 * @example issueLabel({ sheet: "订单表", address: "C17", field: "amount", value: "abc", reason: "Not a number" }, "en-US")
 *   === "订单表!C17, amount: \"abc\", Not a number"
 */
export function issueLabel(issue: IssueView, lang: Lang): string {
  return t(lang, "pane.results.issueRow", {
    cell: cellRef(issue.sheet, issue.address),
    field: issue.field,
    value: issue.value,
    reason: issue.reason,
  });
}

/**
 * How the run read the workbook where the user may not expect it: rows dated after the as-of
 * date that were not counted, and the day/month order of text dates in each sheet that has them.
 * @example readingNotes({ ...summary, asOf: "2026-10-31", afterAsOf: [{ sheet: "Orders", rows: 3 }], dateOrders: [{ sheet: "Visits", order: "dayFirst" }] }, "en-US")
 *   → ["3 rows dated after 2026-10-31 were not counted: Orders (3).", 'Dates like 3/5/2024 in "Visits" were read day first']
 */
export function readingNotes(summary: RunSummary, lang: Lang): string[] {
  const notes: string[] = [];
  if (summary.afterAsOf.length > 0) {
    const n = summary.afterAsOf.reduce((a, s) => a + s.rows, 0);
    const sheets = summary.afterAsOf
      .map((s) => t(lang, "pane.results.sheetRows", { sheet: s.sheet, n: s.rows }))
      .join(lang === "zh-CN" ? "、" : ", ");
    notes.push(t(lang, "pane.results.afterAsOf", { n, date: summary.asOf, sheets }));
  }
  for (const d of summary.dateOrders)
    notes.push(t(lang, "dates.readAs", { sheet: d.sheet, order: t(lang, `dates.order.${d.order}`) }));
  return notes;
}

/**
 * What the pane's live region says once a run is done: the tier counts, then the sizes of the
 * action list and the data issues.
 * @example doneAnnouncement(summary, "en-US") === "Done: A 3, B 5, C 9, D 2. Action list: 2. Data issues: 1."
 */
export function doneAnnouncement(summary: RunSummary, lang: Lang): string {
  return t(lang, "pane.announce.done", {
    ...summary.tiers,
    actions: summary.actions.length,
    issues: summary.issueCount,
  });
}
