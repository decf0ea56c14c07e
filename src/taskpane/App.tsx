import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  FluentProvider,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Title3,
  webDarkTheme,
  webLightTheme,
} from "@fluentui/react-components";
import { t, type Lang } from "../i18n";
import { useAppStyles } from "./App.styles";
import { DetectedSection } from "./DetectedSection";
import type { ReviewHost } from "./host";
import { ResultsSection } from "./ResultsSection";
import { RunSection } from "./RunSection";
import { SettingsSection } from "./SettingsSection";
import type { ThemeName } from "./themeFor";
import { useApp } from "./useApp";

export interface AppProps {
  /** Everything the pane asks of Excel; index.tsx passes the Office.js one, tests a fake. */
  host: ReviewHost;
  initialLang: Lang;
  theme: ThemeName;
}

/** The Sales Review task pane. */
export function App({ host, initialLang, theme }: AppProps) {
  const styles = useAppStyles();
  const app = useApp(host, initialLang);
  const { lang, state, inspection } = app;
  const running = state.status === "running";
  return (
    // Layout lives on an inner element: FluentProvider copies its className onto the portal
    // nodes of dropdown lists, where a full-height box would cover the pane and eat clicks.
    <FluentProvider theme={theme === "dark" ? webDarkTheme : webLightTheme} lang={lang}>
      <main className={styles.root} data-testid="app" data-status={state.status}>
        <Title3 as="h1" className={styles.header}>
          {t(lang, "pane.title")}
        </Title3>
        {state.status === "loading" && <Spinner className={styles.center} label={t(lang, "pane.loading")} data-testid="loading" />}
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
            <Accordion multiple collapsible defaultOpenItems={["detected"]}>
              <AccordionItem value="detected">
                <AccordionHeader as="h2" data-testid="detected-header">
                  {t(lang, "pane.detected.title")}
                </AccordionHeader>
                <AccordionPanel>
                  <DetectedSection
                    lang={lang}
                    inspection={inspection}
                    mapping={app.mapping}
                    problems={app.mappingProblems}
                    onChange={app.mappingDispatch}
                    disabled={running}
                  />
                  {inspection.missing !== undefined && app.mapping.orders.sheet === null && (
                    <Button data-testid="redetect-button" onClick={app.retry}>
                      {t(lang, "pane.retry")}
                    </Button>
                  )}
                </AccordionPanel>
              </AccordionItem>
              <AccordionItem value="settings">
                <AccordionHeader as="h2" data-testid="settings-header">
                  {t(lang, "pane.settings.title")}
                </AccordionHeader>
                <AccordionPanel>
                  <SettingsSection
                    lang={lang}
                    settings={app.settings}
                    errors={app.settingsErrors}
                    latestMonth={inspection.latestMonth}
                    onChange={app.setSetting}
                    onLangChange={app.changeLang}
                    disabled={running}
                  />
                </AccordionPanel>
              </AccordionItem>
            </Accordion>
            <RunSection
              lang={lang}
              running={running}
              progress={state.status === "running" ? state.progress : null}
              canRun={app.canRun}
              blocked={!app.canRun && !running ? t(lang, "pane.fixFirst") : undefined}
              error={state.status === "error" ? state.message : undefined}
              onRun={() => void app.run()}
            />
            {state.status === "done" && <ResultsSection lang={lang} summary={state.summary} host={host} />}
          </>
        )}
      </main>
    </FluentProvider>
  );
}
