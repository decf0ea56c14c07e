import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from "react";
import type { Field, Role } from "../core/columns";
import type { Lang } from "../i18n";
import { appReducer, INITIAL_APP_STATE, inspectionOf } from "./appReducer";
import { buildRunRequest } from "./buildRunRequest";
import type { ReviewHost } from "./host";
import { describeError } from "./officeEnvironment";
import { effectiveColumns, headersFor, initMapping, mappingReducer, missingFields, ROLES } from "./mappingState";
import { initSettings, settingsReducer, validateSettings, type SettingsAction } from "./settingsState";

/**
 * The pane's logic: inspect the workbook on mount, hold the mapping and settings the
 * user edits, run the review with progress, and re-inspect after a run so the pane shows
 * what the workbook now holds.
 */
export function useApp(host: ReviewHost, initialLang: Lang) {
  const [lang, setLang] = useState<Lang>(initialLang);
  const [state, dispatch] = useReducer(appReducer, INITIAL_APP_STATE);
  const [start, setStart] = useState(() => initSettings(undefined));
  const [settings, settingsDispatch] = useReducer(settingsReducer, start);
  const [mapping, mappingDispatch] = useReducer(mappingReducer, undefined, () => initMapping(undefined));
  const inspection = inspectionOf(state);
  // Only the latest inspection counts: an earlier one that answers late is dropped.
  const inspectSeq = useRef(0);
  const langRef = useRef(lang);
  langRef.current = lang;

  const inspect = useCallback(
    async (quiet: boolean) => {
      const seq = ++inspectSeq.current;
      if (!quiet) dispatch({ type: "inspect" });
      try {
        const found = await host.inspect(langRef.current);
        if (seq !== inspectSeq.current) return;
        const s = initSettings(found);
        setStart(s);
        settingsDispatch({ type: "reset", state: s });
        mappingDispatch({ type: "reset", state: initMapping(found.detection) });
        dispatch({ type: "inspected", inspection: found });
      } catch (e) {
        if (seq === inspectSeq.current) dispatch({ type: "inspectFailed", message: describeError(e, langRef.current) });
      }
    },
    [host],
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
  const mappingProblems = useMemo(() => {
    const out: Partial<Record<Role, Field[][]>> = {};
    for (const role of ROLES) {
      const m = mapping[role];
      if (m.sheet === null || !headersFor(role, m, inspection)) continue;
      const missing = missingFields(role, effectiveColumns(role, m, inspection?.detection));
      if (missing.length > 0) out[role] = missing;
    }
    return out;
  }, [mapping, inspection]);
  const hasOrders = mapping.orders.sheet !== null;
  const canRun =
    inspection !== undefined && state.status !== "running" && hasOrders && Object.keys(settingsErrors).length === 0 && Object.keys(mappingProblems).length === 0;

  const run = useCallback(async () => {
    if (!canRun) return;
    const request = buildRunRequest(lang, settings, start, mapping, inspection);
    dispatch({ type: "runStarted" });
    try {
      const outcome = await host.run(request, (progress) => dispatch({ type: "progress", progress }));
      dispatch({ type: "runFinished", outcome });
      if (outcome.ok) void inspect(true);
    } catch (e) {
      dispatch({ type: "runFailed", message: describeError(e, lang) });
    }
  }, [canRun, lang, settings, start, mapping, inspection, host, inspect]);

  const setSetting = useCallback((action: SettingsAction) => settingsDispatch(action), []);
  const retry = useCallback(() => void inspect(false), [inspect]);

  return {
    lang,
    changeLang,
    state,
    inspection,
    settings,
    start,
    settingsErrors,
    setSetting,
    mapping,
    mappingDispatch,
    mappingProblems,
    canRun,
    run,
    retry,
  };
}
