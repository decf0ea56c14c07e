import { Link, Subtitle2, Text, useArrowNavigationGroup } from "@fluentui/react-components";
import { t, type Lang } from "../i18n";
import {
  dayHeading,
  firstFew,
  GREETINGS_SHOWN,
  greetingDays,
  greetingLabel,
  OVER_CAPACITY_SHOWN,
  planVisitLabel,
  repHeading,
  visitCount,
} from "./describePlan";
import { CustomerRowButton } from "./CustomerRowButton";
import type { PlanDayView, PlanSummary, ReviewHost } from "./host";
import { usePlanSectionStyles } from "./PlanSection.styles";
import { useResultsSectionStyles } from "./ResultsSection.styles";
import { SelectError } from "./SelectError";
import { useSelectCell } from "./useSelectCell";

export interface PlanSectionProps {
  lang: Lang;
  /** The last run's plan; undefined before a run or when the plan is off. */
  plan: PlanSummary | undefined;
  host: ReviewHost;
}

/**
 * Next month's plan (issue 16): each salesperson's days with the customers to visit and why,
 * the rows that did not fit, the greetings and the prospect pools, short; a customer selects
 * its row, the link goes to the plan sheet. Each salesperson's list is one Tab stop, walked
 * with the arrow keys.
 */
export function PlanSection({ lang, plan, host }: PlanSectionProps) {
  const styles = useResultsSectionStyles();
  const { select, selectError, dismiss } = useSelectCell(host, lang);
  if (!plan) {
    return (
      <Text block className={styles.muted} data-testid="plan-none">
        {t(lang, "pane.plan.none")}
      </Text>
    );
  }
  const visits = visitCount(plan.reps.flatMap((r) => r.days));
  return (
    <section className={styles.root} aria-labelledby="plan-title" data-testid="plan">
      <div>
        <Text as="h2" size={400} weight="semibold" block id="plan-title">
          {t(lang, "plan.title", { month: plan.month })}
        </Text>
        <Text block className={styles.muted}>
          {plan.calendar}
        </Text>
      </div>
      <SelectError lang={lang} message={selectError} onDismiss={dismiss} />
      <Text>
        {t(lang, "pane.plan.sheet")}{" "}
        <Link
          as="button"
          data-testid="plan-sheet-link"
          aria-label={t(lang, "pane.plan.sheetLink", { sheet: plan.sheet })}
          onClick={() => void select(plan.sheet, "A1")}
        >
          {plan.sheet}
        </Link>
      </Text>
      <div>
        <Subtitle2 as="h3">{t(lang, "pane.plan.visits", { n: visits })}</Subtitle2>
        <Text block className={styles.muted}>
          {t(lang, visits === 0 ? "pane.plan.noVisits" : "pane.results.actionsHint")}
        </Text>
      </div>
      {plan.reps.map((rep, i) => (
        <div key={rep.salesperson} data-testid="plan-rep" data-salesperson={rep.salesperson}>
          <Text as="h4" weight="semibold" block id={`plan-rep-${i}`}>
            {repHeading(rep, lang)}
          </Text>
          <RepDays lang={lang} days={rep.days} labelledBy={`plan-rep-${i}`} onSelect={select} />
        </div>
      ))}
      <PlanNotes lang={lang} plan={plan} onSelect={select} />
    </section>
  );
}

/** One salesperson's days, each with its customers as buttons that select the customer's row. */
function RepDays({
  lang,
  days,
  labelledBy,
  onSelect,
}: {
  lang: Lang;
  days: PlanDayView[];
  labelledBy: string;
  onSelect: (sheet: string, address: string) => Promise<void>;
}) {
  const styles = useResultsSectionStyles();
  const own = usePlanSectionStyles();
  const arrows = useArrowNavigationGroup({ axis: "vertical", memorizeCurrent: true });
  return (
    <ul className={own.days} aria-labelledby={labelledBy} {...arrows}>
      {days.map((day) => (
        <li key={day.date ?? "over"} data-testid="plan-day" data-date={day.date ?? ""}>
          <Text block size={200} weight="semibold" className={day.date === null ? own.over : styles.muted}>
            {dayHeading(day, lang)}
          </Text>
          {day.date === null && (
            <Text block size={200} className={styles.muted}>
              {t(lang, "pane.plan.overCapacityHint")}
            </Text>
          )}
          <DayVisits lang={lang} day={day} onSelect={onSelect} />
        </li>
      ))}
    </ul>
  );
}

/** A day's customers; of those that did not fit, the first few and how many more the plan sheet holds. */
function DayVisits({
  lang,
  day,
  onSelect,
}: {
  lang: Lang;
  day: PlanDayView;
  onSelect: (sheet: string, address: string) => Promise<void>;
}) {
  const styles = useResultsSectionStyles();
  const own = usePlanSectionStyles();
  const { shown, more } =
    day.date === null ? firstFew(day.visits, OVER_CAPACITY_SHOWN) : { shown: day.visits, more: 0 };
  return (
    <>
      <ul className={own.visits}>
        {shown.map((v) => (
          <li key={v.customer}>
            <CustomerRowButton
              testId="plan-visit"
              row={v}
              detail={v.reasons}
              label={planVisitLabel(v, day, lang)}
              select={onSelect}
            />
          </li>
        ))}
      </ul>
      {more > 0 && (
        <Text block size={200} className={styles.muted}>
          {t(lang, "pane.plan.more", { n: more })}
        </Text>
      )}
    </>
  );
}

/**
 * The greetings (the first few, under their dates; a customer's selects its row, a festival's is a
 * line) and the prospect pools, as short lines.
 */
function PlanNotes({
  lang,
  plan,
  onSelect,
}: {
  lang: Lang;
  plan: PlanSummary;
  onSelect: (sheet: string, address: string) => Promise<void>;
}) {
  const styles = useResultsSectionStyles();
  const own = usePlanSectionStyles();
  const arrows = useArrowNavigationGroup({ axis: "vertical", memorizeCurrent: true });
  const { shown, more } = firstFew(plan.greetings, GREETINGS_SHOWN);
  return (
    <>
      <div data-testid="plan-greetings">
        <Subtitle2 as="h3" id="plan-greetings-title">
          {t(lang, "pane.plan.greetings", { n: plan.greetings.length })}
        </Subtitle2>
        {plan.greetings.length === 0 && (
          <Text block className={styles.muted}>
            {t(lang, "pane.plan.noGreetings")}
          </Text>
        )}
        <ul className={own.days} aria-labelledby="plan-greetings-title" {...arrows}>
          {greetingDays(shown).map((day) => (
            <li key={day.date} data-testid="plan-greeting-day" data-date={day.date}>
              <Text block size={200} weight="semibold" className={styles.muted}>
                {day.date}
              </Text>
              <ul className={own.visits}>
                {day.greetings.map((g, i) => (
                  <li key={i}>
                    {g.customer ? (
                      <CustomerRowButton
                        testId="plan-greeting"
                        row={g.customer}
                        detail={[g.occasion, g.salesperson].join(" · ")}
                        tone="plain"
                        label={greetingLabel(g, lang)}
                        select={onSelect}
                      />
                    ) : (
                      <Text block className={own.line}>
                        {[g.occasion, g.who, g.salesperson].join(" · ")}
                      </Text>
                    )}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
        {more > 0 && (
          <Text block className={styles.muted}>
            {t(lang, "pane.plan.more", { n: more })}
          </Text>
        )}
      </div>
      <div data-testid="plan-prospects">
        <Subtitle2 as="h3">{t(lang, "plan.section.prospects")}</Subtitle2>
        {plan.prospects ? (
          <ul className={own.lines}>
            {plan.prospects.map((p) => (
              <li key={p.salesperson}>
                <Text>{t(lang, "pane.plan.prospectRow", { ...p })}</Text>
              </li>
            ))}
          </ul>
        ) : (
          <Text block className={styles.muted}>
            {t(lang, "plan.noProspectSheet")}
          </Text>
        )}
      </div>
    </>
  );
}
