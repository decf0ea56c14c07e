import {
  Button,
  Checkbox,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Text,
} from "@fluentui/react-components";
import { useRef } from "react";
import { t, type Lang } from "../../i18n";
import type { ReviewHost } from "../host";
import { ResultsSection } from "../ResultsSection";
import { useCombineViewStyles } from "./CombineView.styles";
import { PickedFileCard } from "./PickedFileCard";
import type { PickedFile } from "./readClient";
import type { useCombineView } from "./useCombineView";

export interface CombineViewProps {
  lang: Lang;
  host: ReviewHost;
  /** The view's state, held by App: it outlives the view's panel, which a new reading of the workbook remounts. */
  view: ReturnType<typeof useCombineView>;
  /** The pane's own run or undo is busy: Combine waits. */
  disabled: boolean;
}

/** 合并工作簿 / Combine workbooks: pick .xlsx files, choose whether this workbook's sheets take part, run. */
export function CombineView({ lang, host, view, disabled }: CombineViewProps) {
  const styles = useCombineViewStyles();
  const { status } = view;
  return (
    <section className={styles.root} data-testid="combine-view">
      <FilePicker lang={lang} onPick={view.pick} disabled={view.running || disabled} />
      {view.files.length > 0 && (
        <ul className={styles.files} data-testid="combine-picked">
          {view.files.map((f, i) => (
            <PickedFileCard
              key={`${i}-${f.file.name}`}
              lang={lang}
              file={f}
              index={i}
              onChange={(action) => view.changeMapping(i, action)}
              disabled={view.running || disabled}
            />
          ))}
        </ul>
      )}
      <Checkbox
        label={t(lang, "combine.pane.includeOwn")}
        checked={view.includeOwn}
        disabled={view.running || disabled}
        data-testid="combine-include-own"
        onChange={(_, d) => view.setIncludeOwn(d.checked === true)}
      />
      {view.running ? (
        <Button appearance="secondary" data-testid="combine-cancel" onClick={view.cancel}>
          {t(lang, "pane.cancelRun")}
        </Button>
      ) : (
        <Button
          appearance="primary"
          data-testid="combine-run"
          disabledFocusable={!view.canRun || disabled}
          onClick={view.run}
        >
          {t(lang, "combine.pane.run")}
        </Button>
      )}
      {view.files.length === 0 && !view.running && <Text role="status">{t(lang, "combine.pane.needFiles")}</Text>}
      {view.blocked && <Text data-testid="combine-wait">{t(lang, "combine.pane.waitFiles")}</Text>}
      {status.kind === "running" && <ProgressBar aria-label={status.text} data-testid="combine-progress" />}
      {status.kind === "running" && <Text role="status">{status.text}</Text>}
      {status.kind === "error" && (
        <MessageBar intent="error" layout="multiline" data-testid="combine-error">
          <MessageBarBody>
            <MessageBarTitle>{t(lang, "combine.pane.failed")}</MessageBarTitle>
            <span className={styles.lines}>{status.message}</span>
          </MessageBarBody>
        </MessageBar>
      )}
      {status.kind === "done" && (
        <>
          <MessageBar intent="success" layout="multiline" data-testid="combine-done">
            <MessageBarBody>
              {t(lang, "combine.pane.done", { sheet: status.summary.reportSheet })}
              <ul className={styles.summary} data-testid="combine-summary">
                {(status.summary.combined ?? []).map((line, i) => (
                  <li key={i}>{line}</li>
                ))}
              </ul>
            </MessageBarBody>
          </MessageBar>
          <ResultsSection lang={lang} summary={status.summary} host={host} />
        </>
      )}
    </section>
  );
}

/**
 * The browser's file input behind a button in the pane's own words and look (the input's own
 * button speaks the browser's language, not the pane's). The input is emptied after each pick,
 * so that picking the same file again, after changing it, reads it again.
 */
function FilePicker({
  lang,
  onPick,
  disabled,
}: {
  lang: Lang;
  onPick: (files: PickedFile[]) => void;
  disabled: boolean;
}) {
  const styles = useCombineViewStyles();
  const input = useRef<HTMLInputElement>(null);
  return (
    <div className={styles.picker}>
      <Text id="combine-pick-hint">{t(lang, "combine.pane.pick")}</Text>
      <Button
        data-testid="combine-choose"
        aria-describedby="combine-pick-hint"
        disabled={disabled}
        onClick={() => input.current?.click()}
      >
        {t(lang, "combine.pane.choose")}
      </Button>
      <input
        ref={input}
        type="file"
        multiple
        hidden
        accept=".xlsx,.xlsm"
        data-testid="combine-files"
        disabled={disabled}
        onChange={(e) => {
          onPick(Array.from(e.currentTarget.files ?? []));
          e.currentTarget.value = "";
        }}
      />
    </div>
  );
}
