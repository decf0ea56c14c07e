import { cleanMoney } from "./_lib/cents";
import type { Cell } from "./_lib/cells";
import { t, type Lang, type MessageKey } from "../i18n";
import { AGEING_BUCKETS } from "./computeReceivables";
import type { NumberFormat, ReportRow } from "./output";
import type { Review } from "./runReview";
import { customerListCells, customerListHeads } from "./customerListColumns";

type Add = (style: ReportRow["style"], cells: Cell[], formats?: (NumberFormat | null)[]) => number;

const BUCKET_KEYS: Record<(typeof AGEING_BUCKETS)[number], MessageKey> = {
  notDue: "report.notDue",
  days1to30: "report.days1to30",
  days31to60: "report.days31to60",
  days61to90: "report.days61to90",
  over90: "report.over90",
};

/**
 * The analysis sheet's 应收账款账龄 / Receivables ageing section (per salesperson and a
 * total row; without paid data one line saying why) and its 客户筛选 / Screening section
 * (customers and sales per recommendation and tier, then a total row).
 * @example addCreditSections(review, "en-US", add) — adds two sections through `add`
 */
export function addCreditSections(review: Review, lang: Lang, add: Add): void {
  const L = (key: MessageKey, params?: Record<string, string | number>) => t(lang, key, params);
  add("section", [L("report.section.ageing")]);
  if (!review.credit) add("note", [L("report.noReceivables")]);
  else {
    add("header", [
      L("report.salesperson"),
      L("report.receivable"),
      ...AGEING_BUCKETS.map((b) => L(BUCKET_KEYS[b])),
      L("report.overLimitCount"),
    ]);
    const formats: (NumberFormat | null)[] = [
      null,
      "money",
      ...AGEING_BUCKETS.map((): NumberFormat => "money"),
      "integer",
    ];
    for (const row of review.ageing) {
      const name =
        row.rep === null ? L("report.total") : row.rep >= 0 ? review.reps.names[row.rep] : L("report.unassigned");
      add(row.rep === null ? "total" : "body", [name, row.receivable, ...row.buckets, row.overLimit], formats);
    }
  }
  add("body", []);

  add("section", [L("report.section.screening")]);
  add("header", [L("report.recommendation"), L("report.tier"), L("report.customers"), L("report.sales")]);
  const formats: (NumberFormat | null)[] = [null, null, "integer", "money"];
  let customers = 0;
  let sales = 0;
  for (const cell of review.screeningSummary) {
    add(
      "body",
      [L(`recommendation.${cell.recommendation}`), cell.tier, cell.customers, cleanMoney(cell.sales)],
      formats,
    );
    customers += cell.customers;
    sales += cell.sales;
  }
  add("total", [L("report.total"), null, customers, cleanMoney(sales)], formats);
  add("body", []);
}

/**
 * The action list's 催收 / Collect part: customers with a credit flag by tier, then overdue
 * amount descending, under a header of their own (receivable, overdue, days, credit used).
 * @example addCollectList(review, "zh-CN", add, 500_000)
 */
export function addCollectList(review: Review, lang: Lang, add: Add, listShown: number): void {
  const r = review.credit?.receivables;
  if (!r || review.collect.length === 0) return;
  const L = (key: MessageKey, params?: Record<string, string | number>) => t(lang, key, params);
  add("note", [L("report.section.collect")]);
  add("header", [
    ...customerListHeads(lang),
    L("report.receivable"),
    L("report.overdue"),
    L("report.daysOverdue"),
    L("report.creditUsed"),
    L("report.creditFlag"),
  ]);
  const formats: (NumberFormat | null)[] = [null, null, null, null, null, "money", "money", "integer", "percent", null];
  for (const k of review.collect.slice(0, listShown)) {
    const used = r.creditUsed[k];
    add(
      "body",
      [
        ...customerListCells(review, k, L("reason.Collect")),
        r.receivable[k],
        r.overdue[k],
        r.daysOverdue[k],
        Number.isFinite(used) ? used : null,
        L(`creditFlag.${r.flag[k]!}`),
      ],
      formats,
    );
  }
  if (review.collect.length > listShown) add("note", [L("report.more", { n: review.collect.length - listShown })]);
}
