import {
  Button,
  Link,
  MessageBar,
  MessageBarBody,
  Subtitle2,
  Text,
  useArrowNavigationGroup,
} from "@fluentui/react-components";
import { useCallback } from "react";
import { TIERS } from "../core/options";
import { t, type Lang } from "../i18n";
import { CollectList } from "./CollectList";
import { CustomerRowButton } from "./CustomerRowButton";
import { actionLabel, cellRef, issueLabel, readingNotes } from "./describeResults";
import { GrowingList } from "./GrowingList";
import type { ActionView, ReviewHost, RunSummary } from "./host";
import { useResultsSectionStyles } from "./ResultsSection.styles";
import { useFocusOnMount } from "./useFocusOnMount";
import { SelectError } from "./SelectError";
import { useSelectCell } from "./useSelectCell";

export interface ResultsSectionProps {
  lang: Lang;
  summary: RunSummary;
  host: ReviewHost;
}

/**
 * A run's result: tier counts, the action list, the data issues and the analysis sheet; rows
 * select their cell. The heading takes the focus when the results appear; each list is one Tab
 * stop, walked with the arrow keys (Home and End too), Enter selects the row's cell.
 */
export function ResultsSection({ lang, summary, host }: ResultsSectionProps) {
  const styles = useResultsSectionStyles();
  const { select, selectError, dismiss } = useSelectCell(host, lang);
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const arrows = useArrowNavigationGroup({ axis: "vertical", memorizeCurrent: true });
  const actionRow = useCallback(
    (a: ActionView, i: number) => (
      <li key={`${a.customer}-${a.reason}-${i}`}>
        <CustomerRowButton testId="action-row" row={a} detail={a.reason} label={actionLabel(a, lang)} select={select} />
      </li>
    ),
    [lang, select],
  );
  return (
    <section className={styles.root} aria-labelledby="results-title" data-testid="results">
      <div>
        <Text
          as="h2"
          size={400}
          weight="semibold"
          block
          id="results-title"
          ref={heading}
          tabIndex={-1}
          className={styles.heading}
          data-testid="results-title"
        >
          {t(lang, "pane.results.title", { month: summary.month })}
        </Text>
        <Text block className={styles.muted}>
          {t(lang, "pane.results.asOf", { date: summary.asOf })}
        </Text>
        {readingNotes(summary, lang).map((note) => (
          <Text block key={note} className={styles.muted} data-testid="reading-note">
            {note}
          </Text>
        ))}
      </div>
      <SelectError lang={lang} message={selectError} onDismiss={dismiss} />
      <Text>
        {t(lang, "pane.results.report")}{" "}
        <Link
          as="button"
          data-testid="report-link"
          aria-label={t(lang, "pane.results.reportLink", { sheet: summary.reportSheet })}
          onClick={() => void select(summary.reportSheet, "A1")}
        >
          {summary.reportSheet}
        </Link>
      </Text>
      {summary.createdSheet && (
        <MessageBar intent="info" layout="multiline" data-testid="created-sheet">
          <MessageBarBody>{t(lang, "pane.results.created", { sheet: summary.createdSheet })}</MessageBarBody>
        </MessageBar>
      )}
      <div>
        <Subtitle2 as="h3">{t(lang, "pane.results.tiers")}</Subtitle2>
        <ul className={styles.tiers}>
          {TIERS.map((tier) => (
            <li
              key={tier}
              className={styles.tier}
              data-testid={`tier-count-${tier}`}
              aria-label={t(lang, "pane.results.tierCount", { tier, n: summary.tiers[tier] })}
            >
              <Text className={styles.badge} aria-hidden>
                {tier}
              </Text>
              <Text size={500} aria-hidden>
                {summary.tiers[tier]}
              </Text>
            </li>
          ))}
        </ul>
      </div>
      <div>
        <Subtitle2 as="h3" id="actions-title">
          {t(lang, "pane.results.actions", { n: summary.actions.length })}
        </Subtitle2>
        {summary.actions.length === 0 ? (
          <Text block className={styles.muted}>
            {t(lang, "pane.results.noActions")}
          </Text>
        ) : (
          <>
            <Text block className={styles.muted}>
              {t(lang, "pane.results.actionsHint")}
            </Text>
            <ul className={styles.list} aria-labelledby="actions-title" data-testid="action-list" {...arrows}>
              <GrowingList items={summary.actions} render={actionRow} />
            </ul>
          </>
        )}
      </div>
      <CollectList lang={lang} summary={summary} select={select} />
      <div>
        <Subtitle2 as="h3" id="issues-title">
          {t(lang, "pane.results.issues", { n: summary.issueCount })}
        </Subtitle2>
        {summary.issueCount === 0 ? (
          <Text block className={styles.muted}>
            {t(lang, "pane.results.noIssues")}
          </Text>
        ) : (
          <>
            <Text block className={styles.muted}>
              {t(lang, "pane.results.issuesHint")}
              {summary.issues.length < summary.issueCount
                ? ` ${t(lang, "pane.results.issuesShown", { shown: summary.issues.length, total: summary.issueCount })}`
                : ""}
            </Text>
            <ul className={styles.list} aria-labelledby="issues-title" data-testid="issue-list" {...arrows}>
              {summary.issues.map((issue, i) => (
                <li key={`${issue.sheet}!${issue.address}-${i}`}>
                  <Button
                    className={styles.row}
                    appearance="subtle"
                    data-testid="issue-row"
                    data-cell={cellRef(issue.sheet, issue.address)}
                    aria-label={issueLabel(issue, lang)}
                    onClick={() => void select(issue.sheet, issue.address)}
                  >
                    <span className={styles.issueContent}>
                      <span>
                        <strong>{cellRef(issue.sheet, issue.address)}</strong> · {issue.field}
                        {issue.value !== "" ? ` · “${issue.value}”` : ""}
                      </span>
                      <span className={styles.muted}>{issue.reason}</span>
                    </span>
                  </Button>
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    </section>
  );
}
