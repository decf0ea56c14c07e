import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
} from "@fluentui/react-components";
import { t, type Lang } from "../i18n";

export interface ConfirmDialogProps {
  lang: Lang;
  open: boolean;
  /** Prefix of the test ids: `<id>-dialog`, `<id>-confirm`, `<id>-cancel`. */
  testId: string;
  title: string;
  body: string;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * A question before the pane changes the workbook, with the action and Cancel. An alert
 * dialog: a click beside it does not answer it; Esc and Cancel do nothing to the workbook.
 */
export function ConfirmDialog({
  lang,
  open,
  testId,
  title,
  body,
  confirmLabel,
  onConfirm,
  onCancel,
}: ConfirmDialogProps) {
  return (
    <Dialog modalType="alert" open={open} onOpenChange={(_, d) => !d.open && onCancel()}>
      <DialogSurface data-testid={`${testId}-dialog`} aria-describedby={`${testId}-body`}>
        <DialogBody>
          <DialogTitle>{title}</DialogTitle>
          <DialogContent id={`${testId}-body`}>{body}</DialogContent>
          <DialogActions>
            <Button appearance="primary" data-testid={`${testId}-confirm`} onClick={onConfirm}>
              {confirmLabel}
            </Button>
            <Button appearance="secondary" data-testid={`${testId}-cancel`} onClick={onCancel}>
              {t(lang, "pane.dialog.cancel")}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
