import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from "react";
import type { Lang, MessageKey } from "../i18n";
import { appReducer, busy, INITIAL_APP_STATE, inspectionOf } from "./appReducer";
import { buildRunRequest } from "./buildRunRequest";
import type { AfterRun, Inspection, LastRun, ReviewHost } from "./host";
import { describeError } from "./officeEnvironment";
import { takeTip, type TipStore } from "./onceTips";
import { findMappingProblems, initMapping, mappingReducer } from "./mappingState";
import { replaceTarget, type ReplaceTarget } from "./replaceTarget";
import { performRun, performUndo } from "./runActions";
import {
  hasSettingsErrors,
  initSettings,
  settingsReducer,
  validateSettings,
  type SettingsAction,
} from "./settingsState";

/** A question the pane asks before changing the workbook. */
export type Confirm = { kind: "replace"; target: ReplaceTarget } | { kind: "undo"; last: LastRun };

export interface AppOptions {
  /** Excel groups a whole run into one undo step (ExcelApi 1.20): the pane says so, once. */
  undoGroups?: boolean;
  tips?: TipStore;
}

export const CTRL_Z_TIP = "ctrlZ";

/** The pane's views, one tab each, with their tab's label. Team (Combine workbooks) shows where the host can combine. */
export const VIEWS = ["review", "plan", "settings", "team"] as const;
export type View = (typeof VIEWS)[number];
export const VIEW_LABELS: Record<View, MessageKey> = {
  review: "pane.view.review",
  plan: "pane.view.plan",
  settings: "pane.settings.title",
  team: "pane.view.team",
};

/**
 * The pane's logic: inspect the workbook on mount, hold the mapping and settings the user
 * edits, run the review with progress (asking first when it would replace an analysis sheet,
 * cancellable), undo the last run, and show what the workbook then holds: from the run itself
 * when it finished, else by reading the workbook again.
 */
export function useApp(host: ReviewHost, initialLang: Lang, options: AppOptions = {}) {
  const [lang, setLang] = useState<Lang>(initialLang);
  const [state, dispatch] = useReducer(appReducer, INITIAL_APP_STATE);
  const [start, setStart] = useState(() => initSettings(undefined));
  const [settings, settingsDispatch] = useReducer(settingsReducer, start);
  const [mapping, mappingDispatch] = useReducer(mappingReducer, undefined, () => initMapping(undefined));
  const [lastRun, setLastRun] = useState<LastRun | undefined>();
  const [confirm, setConfirm] = useState<Confirm | undefined>();
  const [ctrlZTip, setCtrlZTip] = useState(false);
  const [view, setView] = useState<View>("review");
  const inspection = inspectionOf(state);
  // Only the latest inspection counts: an earlier one that answers late is dropped.
  const inspectSeq = useRef(0);
  const langRef = useRef(lang);
  langRef.current = lang;
  const controller = useRef<AbortController | undefined>(undefined);

  /**
   * Reads the workbook (and what Undo would take back). `keepForm` leaves the user's settings
   * and mapping as they are: after a cancelled, failed or undone run they were not saved.
   */
  const show = useCallback((found: Inspection, last: LastRun | undefined, keepForm: boolean) => {
    if (!keepForm) {
      const s = initSettings(found);
      setStart(s);
      settingsDispatch({ type: "reset", state: s });
      mappingDispatch({ type: "reset", state: initMapping(found.detection) });
    }
    setLastRun(last);
    dispatch({ type: "inspected", inspection: found });
  }, []);

  const inspect = useCallback(
    async (quiet: boolean, keepForm = false) => {
      const seq = ++inspectSeq.current;
      if (!quiet) dispatch({ type: "inspect" });
      try {
        const found = await host.inspect(langRef.current);
        // Without an answer the Undo button stays off: it must never promise what it cannot take back.
        const last = host.lastRun ? await host.lastRun().catch(() => undefined) : undefined;
        if (seq !== inspectSeq.current) return;
        show(found, last, keepForm);
      } catch (e) {
        if (seq === inspectSeq.current) dispatch({ type: "inspectFailed", message: describeError(e, langRef.current) });
      }
    },
    [host, show],
  );

  useEffect(() => {
    void inspect(false);
  }, [inspect]);

  const changeLang = useCallback(
    (next: Lang) => {
      setLang(next);
      langRef.current = next;
      // The missing-column message comes from the host in words: ask again in the new language.
      if (inspection?.missing !== undefined) {
        host.inspect(next).then(
          (found) => dispatch({ type: "missingText", missing: found.missing }),
          () => undefined, // the message in the old language stays; nothing else depends on it
        );
      }
    },
    [host, inspection?.missing],
  );

  const settingsErrors = useMemo(() => validateSettings(settings), [settings]);
  const mappingProblems = useMemo(() => findMappingProblems(mapping, inspection), [mapping, inspection]);
  const hasOrders = mapping.orders.sheet !== null;
  const canRun =
    inspection !== undefined &&
    !busy(state) &&
    hasOrders &&
    !hasSettingsErrors(settingsErrors) &&
    Object.keys(mappingProblems).length === 0;

  const startRun = useCallback(async () => {
    if (!canRun) return;
    const request = buildRunRequest(lang, settings, start, mapping, inspection);
    const abort = new AbortController();
    controller.current = abort;
    const outcome = await performRun(host, request, abort.signal, dispatch);
    if (controller.current === abort) controller.current = undefined;
    // Where Excel groups a run into one undo step, say so once, after the first run that wrote.
    if (takeTip(options.tips, CTRL_Z_TIP, outcome?.ok === true && options.undoGroups === true)) setCtrlZTip(true);
    // A finished run says what the workbook now holds (and Undo can act at once); otherwise the pane reads it again.
    if (outcome?.ok && outcome.after) {
      inspectSeq.current += 1;
      show(outcome.after.inspection, outcome.after.lastRun, false);
    } else void inspect(true, !outcome?.ok);
  }, [canRun, lang, settings, start, mapping, inspection, host, inspect, show, options.undoGroups, options.tips]);

  /** Run: asks first when the month already has an analysis sheet, which the run replaces. Its result shows in Review. */
  const run = useCallback(() => {
    if (!canRun) return;
    setView("review");
    const target = replaceTarget(settings.month, inspection);
    if (target) setConfirm({ kind: "replace", target });
    else void startRun();
  }, [canRun, settings.month, inspection, startRun]);

  const cancel = useCallback(() => {
    if (state.status !== "running" || !controller.current) return;
    controller.current.abort();
    dispatch({ type: "cancelRequested" });
  }, [state.status]);

  const canUndo = lastRun !== undefined && host.undoLastRun !== undefined && inspection !== undefined && !busy(state);
  const askUndo = useCallback(() => {
    if (canUndo && lastRun) setConfirm({ kind: "undo", last: lastRun });
  }, [canUndo, lastRun]);

  const confirmed = useCallback(async () => {
    const asked = confirm;
    setConfirm(undefined);
    if (asked?.kind === "replace") return startRun();
    if (asked?.kind === "undo" && canUndo) {
      setCtrlZTip(false);
      await performUndo(host, lang, dispatch);
      void inspect(true, true);
    }
  }, [confirm, startRun, canUndo, host, lang, inspect]);

  const setSetting = useCallback((action: SettingsAction) => settingsDispatch(action), []);
  const retry = useCallback(() => void inspect(false), [inspect]);
  /** The workbook changed outside a Run (a Combine): what it now holds when known, else it is read again. */
  const written = useCallback(
    (after?: AfterRun) => {
      if (!after) return void inspect(false);
      inspectSeq.current += 1;
      show(after.inspection, after.lastRun, false);
    },
    [inspect, show],
  );

  return {
    lang,
    changeLang,
    view,
    setView,
    state,
    inspection,
    settings,
    start,
    settingsErrors,
    /** Some setting is invalid: the Settings tab carries a mark (Run is off until it is fixed). */
    settingsInvalid: hasSettingsErrors(settingsErrors),
    setSetting,
    mapping,
    mappingDispatch,
    mappingProblems,
    canRun,
    run,
    cancel,
    lastRun,
    canUndo: canUndo,
    undoAvailable: host.undoLastRun !== undefined,
    askUndo,
    confirm,
    confirmed: () => void confirmed(),
    dismissConfirm: () => setConfirm(undefined),
    ctrlZTip,
    dismissCtrlZTip: () => setCtrlZTip(false),
    retry,
    written,
  };
}
