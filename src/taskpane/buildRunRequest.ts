import type { Lang } from "../i18n";
import type { Inspection, RunRequest } from "./host";
import { buildOverrides, type MappingState } from "./mappingState";
import { changedSettings, normalizeMonth, type SettingsState } from "./settingsState";

/**
 * The request for Run: the language, the month when the user picked another one, the
 * settings the user changed and, when any mapping changed, the overrides. The host saves
 * them all in the workbook. Assumes the form is valid (see validateSettings).
 * @example buildRunRequest("zh-CN", { ...start, month: "2026-9" }, start, initMapping(d), inspection)
 *   → { lang: "zh-CN", month: "2026-09", settings: {} }
 */
export function buildRunRequest(
  lang: Lang,
  settings: SettingsState,
  start: SettingsState,
  mapping: MappingState,
  inspection: Inspection | undefined,
): RunRequest {
  const request: RunRequest = { lang, settings: changedSettings(settings, start, inspection?.settings) };
  const month = normalizeMonth(settings.month);
  if (month !== undefined && month !== normalizeMonth(start.month)) request.month = month;
  const overrides = buildOverrides(mapping, inspection?.detection, inspection?.settings.overrides);
  if (overrides) request.settings.overrides = overrides;
  return request;
}
