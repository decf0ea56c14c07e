import { useCallback } from "react";
import type { SpinButtonOnChangeData } from "@fluentui/react-components";
import { t, type Lang, type MessageKey } from "../i18n";
import {
  CHANGE_WINDOWS,
  PLAN_CALENDARS,
  TIER_WINDOWS,
  type SettingsAction,
  type SettingsErrors,
  type SettingsState,
} from "./settingsState";

type NumberKey = Exclude<
  keyof SettingsState,
  "month" | "tierWindow" | "changeWindow" | "baseline" | "plan" | "planCalendar"
>;

/**
 * The number a SpinButton change stands for: its stepped value, else what was typed
 * (null when the field was cleared or holds no number).
 * @example spinValue({ value: undefined, displayValue: "25" }) === 25; spinValue({ displayValue: "" }) === null
 */
export function spinValue(data: SpinButtonOnChangeData): number | null {
  if (data.value !== undefined && data.value !== null) return data.value;
  const typed = (data.displayValue ?? "").trim().replace(/[%％]$/, "");
  if (typed === "") return null;
  const n = Number(typed);
  return Number.isFinite(n) ? n : Number.NaN;
}

export function useSettingsSection(lang: Lang, errors: SettingsErrors, onChange: (action: SettingsAction) => void) {
  const setNumber = useCallback(
    (key: NumberKey) => (_: unknown, data: SpinButtonOnChangeData) =>
      onChange({ type: "set", key, value: spinValue(data) } as SettingsAction),
    [onChange],
  );
  const error = (key: keyof SettingsErrors): string | undefined => {
    const k: MessageKey | undefined = errors[key];
    return k ? t(lang, k) : undefined;
  };
  const windows = {
    tier: TIER_WINDOWS.map((n) => ({ value: String(n), text: t(lang, "pane.settings.months", { n }) })),
    change: CHANGE_WINDOWS.map((n) => ({ value: String(n), text: t(lang, "pane.settings.months", { n }) })),
  };
  const calendars = PLAN_CALENDARS.map((c) => ({ value: c, text: t(lang, `pane.settings.planCalendar.${c}`) }));
  return { setNumber, error, windows, calendars };
}

/** A number for a SpinButton: NaN (typed nonsense) shows as blank, which the validation message explains. */
export function shown(value: number | null): number | null {
  return value === null || Number.isNaN(value) ? null : value;
}

export type { SettingsState };
