import { Subtitle2, Text, useArrowNavigationGroup } from "@fluentui/react-components";
import { useCallback } from "react";
import { CustomerRowButton } from "./CustomerRowButton";
import { GrowingList } from "./GrowingList";
import { t, type Lang } from "../i18n";
import type { CollectView, RunSummary } from "./host";
import { useResultsSectionStyles } from "./ResultsSection.styles";

export interface CollectListProps {
  lang: Lang;
  summary: RunSummary;
  /** Selects a cell, as the action list's rows do. */
  select: (sheet: string, address: string) => Promise<void> | void;
}

/** The accessible name of a Collect row. */
export function collectLabel(row: CollectView, lang: Lang): string {
  return t(lang, "pane.results.collectRow", {
    flag: row.reason,
    customer: row.customer,
    name: row.name ?? "",
    tier: row.tier,
    overdue: row.overdue,
  });
}

/**
 * The Collect list beside the action list: its heading, the credit counts (over limit, overdue)
 * and the customers with a credit flag, a row selecting the customer's row; or why there are none.
 */
export function CollectList({ lang, summary, select }: CollectListProps) {
  const styles = useResultsSectionStyles();
  const arrows = useArrowNavigationGroup({ axis: "vertical", memorizeCurrent: true });
  const collectRow = useCallback(
    (a: CollectView, i: number) => (
      <li key={`${a.customer}-${i}`}>
        <CustomerRowButton
          testId="collect-row"
          row={a}
          detail={`${a.reason} · ${a.overdue}`}
          label={collectLabel(a, lang)}
          select={select}
        />
      </li>
    ),
    [lang, select],
  );
  if (summary.credit === undefined) return null;
  if (summary.credit === null) {
    return (
      <Text block className={styles.muted} data-testid="no-receivables">
        {t(lang, "pane.results.noReceivables")}
      </Text>
    );
  }
  const rows = summary.collect ?? [];
  return (
    <div>
      <Subtitle2 as="h3" id="collect-title">
        {t(lang, "pane.results.collect", { n: rows.length })}
      </Subtitle2>
      <Text block data-testid="credit-summary">
        {t(lang, "pane.results.credit", { over: summary.credit.overLimit, overdue: summary.credit.overdue })}
      </Text>
      <Text block className={styles.muted}>
        {t(lang, rows.length === 0 ? "pane.results.noCollect" : "pane.results.collectHint")}
      </Text>
      {rows.length > 0 && (
        <ul className={styles.list} aria-labelledby="collect-title" data-testid="collect-list" {...arrows}>
          <GrowingList items={rows} render={collectRow} />
        </ul>
      )}
    </div>
  );
}
