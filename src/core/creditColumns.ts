import { cleanMoney } from "./_lib/cents";
import { t, type Lang } from "../i18n";
import { CREDIT_FLAGS, type CreditFlag } from "./computeReceivables";
import type { ColumnSpec, Highlight } from "./output";
import { RECOMMENDATIONS, type Recommendation } from "./recommendCustomer";
import type { Review } from "./runReview";

/** Fills of the credit flag, worst first: the one home of these colours for both adapters. */
const CREDIT_COLOURS: Record<CreditFlag, [string, string]> = {
  OverLimit: ["#FFC7CE", "#9C0006"],
  Overdue90: ["#F4B084", "#833C0B"],
  Overdue: ["#FFEB9C", "#9C5700"],
};
const RECOMMENDATION_COLOURS: Record<Recommendation, [string, string] | null> = {
  Key: ["#C6EFCE", "#006100"],
  Maintain: null,
  Watch: ["#FFEB9C", "#9C5700"],
  Drop: ["#FFC7CE", "#9C0006"],
};

/**
 * The customer sheet's receivable and screening columns (SPEC: 应收余额 … 距上一等级). The
 * five receivable columns only when the review has paid data; a criterion that is not
 * available (profit without margin, safety without receivables) is written blank.
 * @example creditColumns(review, "zh-CN").map((s) => s.header) → ["应收余额", …, "距上一等级"]
 */
export function creditColumns(review: Review, lang: Lang): ColumnSpec[] {
  const s = review.screening;
  const r = review.credit?.receivables;
  const receivable: ColumnSpec[] = r
    ? [
        {
          output: "customer.receivable",
          header: t(lang, "header.customer.receivable"),
          format: "money",
          value: (c) => cleanMoney(r.receivable[c]),
        },
        {
          output: "customer.overdue",
          header: t(lang, "header.customer.overdue"),
          format: "money",
          value: (c) => cleanMoney(r.overdue[c]),
        },
        {
          output: "customer.daysOverdue",
          header: t(lang, "header.customer.daysOverdue"),
          format: "integer",
          value: (c) => r.daysOverdue[c],
        },
        {
          output: "customer.creditUsed",
          header: t(lang, "header.customer.creditUsed"),
          format: "percent",
          value: (c) => finite(r.creditUsed[c]),
        },
        {
          output: "customer.creditFlag",
          header: t(lang, "header.customer.creditFlag"),
          format: "general",
          value: (c) => (r.flag[c] ? t(lang, `creditFlag.${r.flag[c]!}`) : null),
          highlights: CREDIT_FLAGS.map((f) => highlight(t(lang, `creditFlag.${f}`), CREDIT_COLOURS[f])),
        },
      ]
    : [];
  const score = (output: string, key: Parameters<typeof t>[1], scores: Int8Array | null): ColumnSpec => ({
    output,
    header: t(lang, key),
    format: "integer",
    value: (c) => (scores ? scores[c] : null),
  });
  return [
    ...receivable,
    score("customer.scorePurchase", "header.customer.scorePurchase", s.purchase),
    score("customer.scoreProfit", "header.customer.scoreProfit", s.profit),
    score("customer.scoreSafety", "header.customer.scoreSafety", s.safety),
    score("customer.scoreFuture", "header.customer.scoreFuture", s.future),
    score("customer.scoreCooperation", "header.customer.scoreCooperation", s.cooperation),
    {
      output: "customer.score",
      header: t(lang, "header.customer.score"),
      format: "oneDecimal",
      value: (c) => finite(s.score[c]),
    },
    {
      output: "customer.screening",
      header: t(lang, "header.customer.screening"),
      format: "general",
      value: (c) => t(lang, `recommendation.${s.recommendation[c]}`),
      highlights: RECOMMENDATIONS.flatMap((x) =>
        RECOMMENDATION_COLOURS[x] ? [highlight(t(lang, `recommendation.${x}`), RECOMMENDATION_COLOURS[x]!)] : [],
      ),
    },
    {
      output: "customer.toNextTier",
      header: t(lang, "header.customer.toNextTier"),
      format: "money",
      value: (c) => finite(review.toNextTier[c]),
    },
  ];
}

function finite(x: number): number | null {
  return Number.isFinite(x) ? x : null;
}

function highlight(text: string, [fill, font]: [string, string]): Highlight {
  return { text, fill, font };
}
