import { Button, Field, MessageBar, MessageBarBody, MessageBarTitle, ProgressBar, Text } from "@fluentui/react-components";
import type { Progress } from "../adapters/port";
import { t, type Lang } from "../i18n";
import { useRunSectionStyles } from "./RunSection.styles";
import { useRunSection } from "./useRunSection";

export interface RunSectionProps {
  lang: Lang;
  running: boolean;
  progress: Progress | null;
  canRun: boolean;
  /** Why Run is not possible now, in words. */
  blocked?: string;
  /** The last run's failure, in words. */
  error?: string;
  onRun: () => void;
}

/** The one primary button, the progress of a run, and a failed run's message. */
export function RunSection({ lang, running, progress, canRun, blocked, error, onRun }: RunSectionProps) {
  const styles = useRunSectionStyles();
  const view = useRunSection(running, progress, lang);
  return (
    <div className={styles.root}>
      <Button
        className={styles.button}
        appearance="primary"
        size="large"
        data-testid="run-button"
        disabledFocusable={!canRun || running}
        aria-describedby={blocked ? "run-blocked" : undefined}
        onClick={onRun}
      >
        {t(lang, "pane.run")}
      </Button>
      {!running && !blocked && <Text className={styles.note}>{t(lang, "pane.runHint")}</Text>}
      {!running && blocked && (
        <Text id="run-blocked" role="status" data-testid="run-blocked">
          {blocked}
        </Text>
      )}
      {view && (
        <Field label={view.stage} validationMessage={view.label} validationState="none" data-testid="progress">
          <ProgressBar value={view.value} thickness="large" aria-label={view.label} aria-valuetext={view.label} />
        </Field>
      )}
      {error && (
        <MessageBar intent="error" layout="multiline" data-testid="run-error">
          <MessageBarBody>
            <MessageBarTitle>{t(lang, "pane.errorTitle")}</MessageBarTitle>
            <span className={styles.multiline}>{error}</span>
          </MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
