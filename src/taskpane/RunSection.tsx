import {
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Spinner,
  Text,
} from "@fluentui/react-components";
import type { Progress } from "../adapters/port";
import { t, type Lang } from "../i18n";
import type { Notice } from "./appReducer";
import { useRunSectionStyles } from "./RunSection.styles";
import { useFocusOnMount } from "./useFocusOnMount";
import { useRunSection } from "./useRunSection";

export interface RunSectionProps {
  lang: Lang;
  running: boolean;
  /** Cancel was pressed; the host is rolling the run back. */
  cancelling?: boolean;
  progress: Progress | null;
  canRun: boolean;
  /** Why Run is not possible now, in words. */
  blocked?: string;
  /** The last run's (or undo's) failure, in words. */
  error?: string;
  /** What failed: the run (default) or Undo. */
  failed?: "run" | "undo";
  /** What a failed run wrote before it stopped, in words. */
  written?: string[];
  notice?: Notice;
  undoing?: boolean;
  onRun: () => void;
  onCancel?: () => void;
}

/** The one primary button (Cancel while running), the progress of a run, and what came of it. */
export function RunSection(props: RunSectionProps) {
  const {
    lang,
    running,
    cancelling = false,
    progress,
    canRun,
    blocked,
    error,
    notice,
    undoing = false,
    onRun,
    onCancel,
  } = props;
  const styles = useRunSectionStyles();
  const view = useRunSection(running, progress, lang);
  return (
    <div className={styles.root}>
      {/* One Button in one place, so the focus stays on it when Run becomes Cancel and back. */}
      {running ? (
        <Button
          className={styles.button}
          appearance="secondary"
          size="large"
          data-testid="cancel-button"
          disabledFocusable={cancelling}
          onClick={onCancel}
        >
          {t(lang, cancelling ? "pane.cancelling" : "pane.cancelRun")}
        </Button>
      ) : (
        <Button
          className={styles.button}
          appearance="primary"
          size="large"
          data-testid="run-button"
          disabledFocusable={!canRun}
          aria-describedby={blocked ? "run-blocked" : undefined}
          onClick={onRun}
        >
          {t(lang, "pane.run")}
        </Button>
      )}
      {!running && !undoing && !blocked && <Text className={styles.note}>{t(lang, "pane.runHint")}</Text>}
      {!running && !undoing && blocked && (
        <Text id="run-blocked" role="status" data-testid="run-blocked">
          {blocked}
        </Text>
      )}
      {view && (
        <Field label={view.stage} validationMessage={view.label} validationState="none" data-testid="progress">
          <ProgressBar value={view.value} thickness="large" aria-label={view.label} aria-valuetext={view.label} />
        </Field>
      )}
      {undoing && (
        <Spinner size="small" labelPosition="after" label={t(lang, "pane.undo.running")} data-testid="undoing" />
      )}
      {error && <FailureMessage lang={lang} message={error} failed={props.failed ?? "run"} written={props.written} />}
      {notice && (
        <MessageBar
          intent={notice === "undone" ? "success" : "info"}
          layout="multiline"
          data-testid={`notice-${notice}`}
        >
          <MessageBarBody>{t(lang, notice === "undone" ? "pane.undo.done" : "pane.cancelled")}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}

/** A failed run or undo in words; it takes the focus, so a screen reader reads it at once. */
function FailureMessage({
  lang,
  message,
  failed,
  written,
}: {
  lang: Lang;
  message: string;
  failed: "run" | "undo";
  written?: string[];
}) {
  const styles = useRunSectionStyles();
  const ref = useFocusOnMount<HTMLDivElement>();
  return (
    <MessageBar
      ref={ref}
      tabIndex={-1}
      intent="error"
      layout="multiline"
      data-testid="run-error"
      className={styles.message}
    >
      <MessageBarBody>
        <MessageBarTitle>{t(lang, failed === "undo" ? "pane.undo.failedTitle" : "pane.errorTitle")}</MessageBarTitle>
        <span className={styles.multiline}>{message}</span>
        {written && written.length > 0 && (
          <>
            <Text block weight="semibold" className={styles.writtenTitle}>
              {t(lang, "pane.written.title")}
            </Text>
            <ul className={styles.written} data-testid="written-list">
              {written.map((w, i) => (
                <li key={i}>{w}</li>
              ))}
            </ul>
          </>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}
