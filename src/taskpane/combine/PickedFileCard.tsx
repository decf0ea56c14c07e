import { MessageBar, MessageBarBody, MessageBarTitle, Spinner, Text } from "@fluentui/react-components";
import type { Dispatch } from "react";
import { t, type Lang } from "../../i18n";
import { DetectedSection } from "../DetectedSection";
import type { MappingAction } from "../mappingState";
import { useCombineViewStyles } from "./CombineView.styles";
import { fileProblems, type PickedFileState } from "./pickedFiles";

export interface PickedFileCardProps {
  lang: Lang;
  file: PickedFileState;
  index: number;
  onChange: Dispatch<MappingAction>;
  disabled: boolean;
}

/**
 * One picked file: what was detected in it, worded and changeable as the Review view's detection
 * is (the same DetectedSection), the change applying to this file only; or why it cannot be read.
 */
export function PickedFileCard({ lang, file, index, onChange, disabled }: PickedFileCardProps) {
  const styles = useCombineViewStyles();
  const name = file.file.name;
  const headingId = `combine-file-${index}-name`;
  return (
    <li className={styles.file} aria-labelledby={headingId} data-testid={`combine-file-${index}`}>
      <Text id={headingId} weight="semibold" data-testid="combine-file-name">
        {name}
      </Text>
      {file.error !== undefined && (
        <MessageBar intent="error" layout="multiline" data-testid="combine-file-error">
          <MessageBarBody>
            <MessageBarTitle>{t(lang, "combine.pane.unreadable", { file: name })}</MessageBarTitle>
            <span className={styles.lines}>{file.error}</span>
          </MessageBarBody>
        </MessageBar>
      )}
      {file.error === undefined && !file.inspection && (
        <Spinner size="tiny" labelPosition="after" label={t(lang, "combine.pane.inspecting", { file: name })} />
      )}
      {file.inspection && (
        <section aria-label={t(lang, "combine.pane.fileDetected", { file: name })}>
          <DetectedSection
            lang={lang}
            inspection={file.inspection}
            mapping={file.mapping}
            problems={fileProblems(file)}
            onChange={onChange}
            disabled={disabled}
          />
        </section>
      )}
    </li>
  );
}
