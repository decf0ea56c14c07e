import { formatDay, formatMonth } from "../core/_lib/dates";
import { skippedRows } from "../core/buildReportSheet";
import type { Role } from "../core/columns";
import { t, type Lang } from "../i18n";
import type { ReviewWorkbookResult } from "../adapters/reviewWorkbook";
import { countCredit } from "../core/countCredit";
import type { Review } from "../core/runReview";

/** The short summary the command line prints after a run, one fact a line. */
export function summarize(result: ReviewWorkbookResult, lang: Lang, outFile: string): string[] {
  const { review, plan } = result;
  const lines: string[] = [];
  const roles: Role[] = ["customers", "orders", "visits", "costs", "payments"];
  for (const role of roles) {
    const m = review.detection[role];
    if (m)
      lines.push(
        t(lang, "cli.sheetFound", {
          role: t(lang, `role.${role}`),
          sheet: m.sheet,
          row: m.headerRow + 1,
          rows: m.rowCount,
        }),
      );
  }
  if (plan.created) lines.push(t(lang, "cli.createdCustomers", { sheet: plan.created.sheet }));
  for (const d of review.inputs.dateOrders)
    lines.push(t(lang, "dates.readAs", { sheet: d.sheet, order: t(lang, `dates.order.${d.order}`) }));
  lines.push(t(lang, "cli.month", { month: formatMonth(review.month), asOf: formatDay(review.asOf) }));
  lines.push(
    t(lang, "cli.rowsRead", {
      orders: review.inputs.orders.n,
      visits: review.inputs.visits.n,
      customers: review.customers.size,
    }),
  );
  lines.push(t(lang, "cli.rowsSkipped", { n: skippedRows(review) }));
  const count = (tier: string) => review.tiers.find((x) => x.tier === tier)?.customers ?? 0;
  lines.push(t(lang, "cli.tiers", { A: count("A"), B: count("B"), C: count("C"), D: count("D") }));
  const reasons = (r: string) => review.actions.filter((a) => a.reason === r).length;
  lines.push(
    t(lang, "cli.flagged", {
      down: reasons("Down"),
      lost: reasons("Lost"),
      overdue: reasons("Overdue"),
      cost: review.actions.filter(
        (a) => a.reason === "LossMaking" || a.reason === "HighCost" || a.reason === "VisitsNoOrders",
      ).length,
    }),
  );
  lines.push(...creditLines(result.review, lang));
  lines.push(t(lang, "cli.wrote", { file: outFile, sheet: plan.report.sheet }));
  return lines;
}

/** Receivables (over limit, overdue; or why there are none) and the screening's recommendations. */
function creditLines(review: Review, lang: Lang): string[] {
  const count = (r: string) => review.screening.recommendation.filter((x) => x === r).length;
  const screening = t(lang, "cli.screening", {
    Key: count("Key"),
    Maintain: count("Maintain"),
    Watch: count("Watch"),
    Drop: count("Drop"),
  });
  const c = review.credit;
  if (!c) return [t(lang, "cli.noReceivables"), screening];
  const { overLimit, overdue } = countCredit(c.receivables);
  return [t(lang, "cli.credit", { source: t(lang, `cli.source.${c.source}`), over: overLimit, overdue }), screening];
}
