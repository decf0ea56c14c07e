import { Button, MessageBar, MessageBarActions, MessageBarBody, Text } from "@fluentui/react-components";
import { t, type Lang } from "../i18n";
import type { LastRun } from "./host";
import { useUndoSectionStyles } from "./UndoSection.styles";

export interface UndoSectionProps {
  lang: Lang;
  /** What Undo would take back; undefined when there is nothing. */
  last: LastRun | undefined;
  enabled: boolean;
  onUndo: () => void;
  /** Show, once, that Excel's own Ctrl+Z takes back a whole run (ExcelApi 1.20). */
  ctrlZTip: boolean;
  onDismissTip: () => void;
}

/** "Undo last run" (asks first), what it would take back, and Excel's Ctrl+Z tip. */
export function UndoSection({ lang, last, enabled, onUndo, ctrlZTip, onDismissTip }: UndoSectionProps) {
  const styles = useUndoSectionStyles();
  return (
    <div className={styles.root}>
      <div className={styles.row}>
        <Button
          appearance="secondary"
          data-testid="undo-button"
          disabledFocusable={!enabled}
          aria-describedby="undo-hint"
          onClick={onUndo}
        >
          {t(lang, "pane.undo")}
        </Button>
        <Text id="undo-hint" size={200} className={styles.hint} data-testid="undo-hint">
          {last ? t(lang, "pane.undoHint", { at: last.at, sheet: last.reportSheet }) : t(lang, "pane.undoNothing")}
        </Text>
      </div>
      {ctrlZTip && (
        <MessageBar intent="info" layout="multiline" data-testid="ctrlz-tip">
          <MessageBarBody>{t(lang, "pane.undo.ctrlZ")}</MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={onDismissTip}>
              {t(lang, "pane.results.dismiss")}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
    </div>
  );
}
