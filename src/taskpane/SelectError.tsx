import { Button, MessageBar, MessageBarActions, MessageBarBody } from "@fluentui/react-components";
import { t, type Lang } from "../i18n";

/** Why going to a cell failed (useSelectCell), with Dismiss; nothing when it did not fail. */
export function SelectError({
  lang,
  message,
  onDismiss,
}: {
  lang: Lang;
  message: string | undefined;
  onDismiss: () => void;
}) {
  if (!message) return null;
  return (
    <MessageBar intent="warning" layout="multiline" data-testid="select-error">
      <MessageBarBody>{message}</MessageBarBody>
      <MessageBarActions>
        <Button size="small" onClick={onDismiss}>
          {t(lang, "pane.results.dismiss")}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
