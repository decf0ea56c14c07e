import { Dropdown, Field, Option, Switch } from "@fluentui/react-components";
import { NumberSetting } from "./NumberSetting";
import { t, type Lang } from "../i18n";
import { useSettingsSectionStyles } from "./SettingsSection.styles";
import {
  MAX_PROSPECT_TARGET,
  MAX_VISITS_PER_DAY,
  type SettingsAction,
  type SettingsErrors,
  type SettingsState,
} from "./settingsState";
import { shown, useSettingsSection } from "./useSettingsSection";

export interface PlanSettingsProps {
  lang: Lang;
  settings: SettingsState;
  errors: SettingsErrors;
  onChange: (action: SettingsAction) => void;
  disabled: boolean;
}

/** Next month's plan (issue 16): the switch, and while it is on, visits per day, the prospect target and the calendar. */
export function PlanSettings({ lang, settings: s, errors, onChange, disabled }: PlanSettingsProps) {
  const styles = useSettingsSectionStyles();
  const { setNumber, error, calendars } = useSettingsSection(lang, errors, onChange);
  return (
    <>
      <Field hint={t(lang, "pane.settings.planHint")}>
        <Switch
          data-testid="setting-plan"
          label={t(lang, "pane.settings.plan")}
          checked={s.plan}
          disabled={disabled}
          onChange={(_, d) => onChange({ type: "set", key: "plan", value: d.checked })}
        />
      </Field>
      {s.plan && (
        <>
          <div className={styles.pair}>
            <NumberSetting
              testId="setting-visits-per-day"
              label={t(lang, "pane.settings.visitsPerDay")}
              value={shown(s.visitsPerDay)}
              min={1}
              max={MAX_VISITS_PER_DAY}
              error={error("visitsPerDay")}
              disabled={disabled}
              onChange={setNumber("visitsPerDay")}
            />
            <NumberSetting
              testId="setting-prospect-target"
              label={t(lang, "pane.settings.prospectTarget")}
              value={shown(s.prospectTarget)}
              min={0}
              max={MAX_PROSPECT_TARGET}
              error={error("prospectTarget")}
              disabled={disabled}
              onChange={setNumber("prospectTarget")}
            />
          </div>
          <Field label={t(lang, "pane.settings.planCalendar")}>
            <Dropdown
              className={styles.control}
              data-testid="setting-plan-calendar"
              value={t(lang, `pane.settings.planCalendar.${s.planCalendar}`)}
              selectedOptions={[s.planCalendar]}
              disabled={disabled}
              onOptionSelect={(_, d) =>
                d.optionValue &&
                onChange({
                  type: "set",
                  key: "planCalendar",
                  value: d.optionValue as SettingsState["planCalendar"],
                })
              }
            >
              {calendars.map((o) => (
                <Option key={o.value} value={o.value}>
                  {o.text}
                </Option>
              ))}
            </Dropdown>
          </Field>
        </>
      )}
    </>
  );
}
