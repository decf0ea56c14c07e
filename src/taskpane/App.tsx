import {
  Button,
  FluentProvider,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Subtitle2,
  Tab,
  TabList,
  Title3,
  webDarkTheme,
  webLightTheme,
} from "@fluentui/react-components";
import type { ReactNode } from "react";
import { t, type Lang } from "../i18n";
import { announce } from "./announce";
import { useAppStyles, usePageStyles } from "./App.styles";
import { CombineView } from "./combine/CombineView";
import type { WorkerLike } from "./combine/readClient";
import { useCombineView } from "./combine/useCombineView";
import { ConfirmDialog } from "./ConfirmDialog";
import { DetectedSection } from "./DetectedSection";
import { InvalidMark } from "./InvalidMark";
import type { ReviewHost } from "./host";
import type { TipStore } from "./onceTips";
import { PlanSection } from "./PlanSection";
import { ResultsSection } from "./ResultsSection";
import { RunSection } from "./RunSection";
import { SettingsSection } from "./SettingsSection";
import type { ThemeName } from "./themeFor";
import { UndoSection } from "./UndoSection";
import { useApp, VIEW_LABELS, VIEWS, type Confirm, type View } from "./useApp";

export interface AppProps {
  /** Everything the pane asks of Excel; index.tsx passes the Office.js one, tests a fake. */
  host: ReviewHost;
  initialLang: Lang;
  theme: ThemeName;
  /** Excel supports ExcelApi 1.20: one Ctrl+Z takes back a whole run, and the pane says so once. */
  undoGroups?: boolean;
  /** Where one-time tips are remembered (index.tsx: localStorage). */
  tips?: TipStore;
  /** Starts the worker that reads picked workbooks (index.tsx); without it there is no Combine view. */
  startWorker?: () => WorkerLike;
}

/** The Sales Review task pane. */
export function App({ host, initialLang, theme, undoGroups, tips, startWorker }: AppProps) {
  usePageStyles();
  const styles = useAppStyles();
  const app = useApp(host, initialLang, { undoGroups, tips });
  const combine = useCombineView(host, app.lang, startWorker, app.written);
  const { lang, state, inspection } = app;
  const running = state.status === "running";
  const busy = running || state.status === "undoing";
  return (
    // Layout lives on an inner element: FluentProvider copies its className onto the portal
    // nodes of dropdown lists, where a full-height box would cover the pane and eat clicks.
    <FluentProvider theme={theme === "dark" ? webDarkTheme : webLightTheme} lang={lang}>
      <main className={styles.root} data-testid="app" data-status={state.status}>
        <Title3 as="h1" className={styles.header}>
          {t(lang, "pane.title")}
        </Title3>
        {state.status === "loading" && (
          <Spinner className={styles.center} label={t(lang, "pane.loading")} data-testid="loading" />
        )}
        {state.status === "error" && !inspection && (
          <MessageBar intent="error" layout="multiline" data-testid="inspect-error">
            <MessageBarBody>
              <MessageBarTitle>{t(lang, "pane.inspectErrorTitle")}</MessageBarTitle>
              <span className={styles.multiline}>{state.message}</span>
            </MessageBarBody>
            <MessageBarActions>
              <Button data-testid="retry-button" onClick={app.retry}>
                {t(lang, "pane.retry")}
              </Button>
            </MessageBarActions>
          </MessageBar>
        )}
        {inspection && (
          <>
            <TabList
              className={styles.tabs}
              selectedValue={app.view}
              onTabSelect={(_, d) => app.setView(d.value as View)}
              aria-label={t(lang, "pane.view.label")}
              data-testid="views"
            >
              {VIEWS.filter((v) => v !== "team" || (startWorker && host.combine)).map((v) => (
                <Tab key={v} value={v} id={`tab-${v}`} aria-controls={`view-${v}`} data-testid={`tab-${v}`}>
                  {t(lang, VIEW_LABELS[v])}
                  {v === "settings" && app.settingsInvalid && <InvalidMark lang={lang} />}
                </Tab>
              ))}
            </TabList>
            {/* Run and Undo above every view: a changed setting is run from where it was changed. */}
            <RunSection
              lang={lang}
              running={running}
              cancelling={state.status === "running" && state.cancelling}
              progress={state.status === "running" ? state.progress : null}
              canRun={app.canRun}
              blocked={!app.canRun && !busy ? t(lang, "pane.fixFirst") : undefined}
              error={state.status === "error" ? state.message : undefined}
              failed={state.status === "error" ? state.failed : undefined}
              written={state.status === "error" ? state.written : undefined}
              notice={state.status === "ready" ? state.notice : undefined}
              undoing={state.status === "undoing"}
              onRun={app.run}
              onCancel={app.cancel}
            />
            {app.undoAvailable && (
              <UndoSection
                lang={lang}
                last={app.lastRun}
                enabled={app.canUndo}
                onUndo={app.askUndo}
                ctrlZTip={app.ctrlZTip}
                onDismissTip={app.dismissCtrlZTip}
              />
            )}
            <ViewPanel view="review" shown={app.view}>
              {state.status === "done" && <ResultsSection lang={lang} summary={state.summary} host={host} />}
              <section className={styles.view} aria-labelledby="detected-title">
                <Subtitle2 as="h2" id="detected-title">
                  {t(lang, "pane.detected.title")}
                </Subtitle2>
                <DetectedSection
                  lang={lang}
                  inspection={inspection}
                  mapping={app.mapping}
                  problems={app.mappingProblems}
                  onChange={app.mappingDispatch}
                  disabled={busy}
                />
                {inspection.missing !== undefined && app.mapping.orders.sheet === null && (
                  <Button data-testid="redetect-button" onClick={app.retry}>
                    {t(lang, "pane.retry")}
                  </Button>
                )}
              </section>
            </ViewPanel>
            <ViewPanel view="plan" shown={app.view}>
              <PlanSection lang={lang} plan={state.status === "done" ? state.summary.plan : undefined} host={host} />
            </ViewPanel>
            <ViewPanel view="settings" shown={app.view}>
              <SettingsSection
                lang={lang}
                settings={app.settings}
                errors={app.settingsErrors}
                latestMonth={inspection.latestMonth}
                onChange={app.setSetting}
                onLangChange={app.changeLang}
                disabled={busy}
              />
            </ViewPanel>
            {startWorker && host.combine && (
              <ViewPanel view="team" shown={app.view}>
                <CombineView lang={lang} host={host} view={combine} disabled={busy} />
              </ViewPanel>
            )}
            <ConfirmDialog
              lang={lang}
              open={app.confirm !== undefined}
              onConfirm={app.confirmed}
              onCancel={app.dismissConfirm}
              {...dialogText(app.confirm, lang)}
            />
          </>
        )}
        {/* Always in the page, so each new text is read once when it appears. */}
        <div aria-live="polite" aria-atomic="true" className={styles.visuallyHidden} data-testid="live-region">
          {announce(state, lang)}
        </div>
      </main>
    </FluentProvider>
  );
}

/**
 * One view's panel. The hidden ones stay mounted, so what they hold (an expanded mapping, the
 * results' focus) survives a switch of tabs.
 */
function ViewPanel({ view, shown, children }: { view: View; shown: View; children: ReactNode }) {
  const styles = useAppStyles();
  // No class while hidden: the class's display would override the hidden attribute.
  return (
    <div
      role="tabpanel"
      id={`view-${view}`}
      aria-labelledby={`tab-${view}`}
      hidden={view !== shown}
      className={view === shown ? styles.view : undefined}
      data-testid={`view-${view}`}
    >
      {children}
    </div>
  );
}

/** The confirm dialog's words for the question being asked (the last ones while it closes). */
function dialogText(
  confirm: Confirm | undefined,
  lang: Lang,
): { testId: string; title: string; body: string; confirmLabel: string } {
  if (confirm?.kind === "undo") {
    const { at, reportSheet, columns } = confirm.last;
    return {
      testId: "undo",
      title: t(lang, "pane.undo.title"),
      body: t(lang, "pane.undo.body", { at, sheet: reportSheet, n: columns }),
      confirmLabel: t(lang, "pane.undo.confirm"),
    };
  }
  const target = confirm?.kind === "replace" ? confirm.target : { month: "", sheet: "" };
  return {
    testId: "replace",
    title: t(lang, "pane.replace.title", { month: target.month }),
    body: t(lang, "pane.replace.body", { sheet: target.sheet }),
    confirmLabel: t(lang, "pane.replace.confirm"),
  };
}
