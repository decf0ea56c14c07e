import { Dropdown, Field, Input, Option, Radio, RadioGroup, Text } from "@fluentui/react-components";
import { LANGS, t, type Lang } from "../i18n";
import { useSettingsSectionStyles } from "./SettingsSection.styles";
import { CRITERIA } from "../core/screeningOptions";
import { NumberSetting } from "./NumberSetting";
import { PlanSettings } from "./PlanSettings";
import { WEIGHT_KEYS, type SettingsAction, type SettingsErrors, type SettingsState } from "./settingsState";
import { shown, useSettingsSection } from "./useSettingsSection";

export interface SettingsSectionProps {
  lang: Lang;
  settings: SettingsState;
  errors: SettingsErrors;
  /** The latest order month, shown as the default. */
  latestMonth: string | undefined;
  onChange: (action: SettingsAction) => void;
  onLangChange: (lang: Lang) => void;
  disabled: boolean;
}

/** The review's settings and the language switch; saved in the workbook when the review runs. */
export function SettingsSection({
  lang,
  settings: s,
  errors,
  latestMonth,
  onChange,
  onLangChange,
  disabled,
}: SettingsSectionProps) {
  const styles = useSettingsSectionStyles();
  const { setNumber, error, windows } = useSettingsSection(lang, errors, onChange);
  const state = (key: keyof SettingsErrors) => (errors[key] ? "error" : "none");
  return (
    <div className={styles.root} data-testid="settings">
      <Field label={t(lang, "pane.settings.language")} hint={t(lang, "pane.settings.languageHint")}>
        <Dropdown
          className={styles.control}
          data-testid="lang-switch"
          value={t(lang, `pane.lang.${lang}`)}
          selectedOptions={[lang]}
          disabled={disabled}
          onOptionSelect={(_, d) => d.optionValue && onLangChange(d.optionValue as Lang)}
        >
          {LANGS.map((l) => (
            <Option key={l} value={l} text={t(lang, `pane.lang.${l}`)}>
              <span lang={l}>{t(lang, `pane.lang.${l}`)}</span>
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Field
        label={t(lang, "pane.settings.month")}
        hint={latestMonth ? t(lang, "pane.settings.monthHint", { month: latestMonth }) : undefined}
        validationMessage={error("month")}
        validationState={state("month")}
      >
        <Input
          data-testid="setting-month"
          value={s.month}
          placeholder="YYYY-MM"
          inputMode="numeric"
          disabled={disabled}
          onChange={(_, d) => onChange({ type: "set", key: "month", value: d.value })}
        />
      </Field>
      <div className={styles.pair}>
        <Field label={t(lang, "pane.settings.tierWindow")}>
          <Dropdown
            className={styles.control}
            data-testid="setting-tier-window"
            value={t(lang, "pane.settings.months", { n: s.tierWindow })}
            selectedOptions={[String(s.tierWindow)]}
            disabled={disabled}
            onOptionSelect={(_, d) =>
              d.optionValue &&
              onChange({ type: "set", key: "tierWindow", value: Number(d.optionValue) as SettingsState["tierWindow"] })
            }
          >
            {windows.tier.map((o) => (
              <Option key={o.value} value={o.value}>
                {o.text}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <Field label={t(lang, "pane.settings.changeWindow")}>
          <Dropdown
            className={styles.control}
            data-testid="setting-change-window"
            value={t(lang, "pane.settings.months", { n: s.changeWindow })}
            selectedOptions={[String(s.changeWindow)]}
            disabled={disabled}
            onOptionSelect={(_, d) =>
              d.optionValue &&
              onChange({
                type: "set",
                key: "changeWindow",
                value: Number(d.optionValue) as SettingsState["changeWindow"],
              })
            }
          >
            {windows.change.map((o) => (
              <Option key={o.value} value={o.value}>
                {o.text}
              </Option>
            ))}
          </Dropdown>
        </Field>
      </div>
      <Field label={t(lang, "pane.settings.baseline")}>
        <RadioGroup
          data-testid="setting-baseline"
          value={s.baseline}
          disabled={disabled}
          onChange={(_, d) => onChange({ type: "set", key: "baseline", value: d.value as SettingsState["baseline"] })}
        >
          <Radio value="previous" label={t(lang, "pane.settings.baseline.previous")} />
          <Radio value="lastYear" label={t(lang, "pane.settings.baseline.lastYear")} />
        </RadioGroup>
      </Field>
      <NumberSetting
        testId="setting-threshold"
        label={t(lang, "pane.settings.threshold")}
        hint={t(lang, "pane.settings.thresholdHint")}
        tip={t(lang, "pane.settings.thresholdTip")}
        value={shown(s.thresholdPct)}
        min={1}
        max={99}
        step={5}
        error={error("thresholdPct")}
        disabled={disabled}
        onChange={setNumber("thresholdPct")}
      />
      <div className={styles.pair}>
        {(["A", "B"] as const).map((tier) => (
          <NumberSetting
            key={tier}
            testId={`setting-cut-${tier.toLowerCase()}`}
            label={t(lang, `pane.settings.cut${tier}`)}
            tip={t(lang, `pane.settings.cut${tier}Tip`)}
            value={shown(s[`cut${tier}Pct`])}
            min={1}
            max={100}
            step={5}
            invalid={errors.cuts !== undefined}
            disabled={disabled}
            onChange={setNumber(`cut${tier}Pct`)}
          />
        ))}
      </div>
      {errors.cuts && (
        <Text role="alert" data-testid="setting-cuts-error">
          {error("cuts")}
        </Text>
      )}
      <div className={styles.triple}>
        {(["A", "B", "C"] as const).map((tier) => (
          <NumberSetting
            key={tier}
            testId={`setting-interval-${tier}`}
            label={t(lang, "pane.settings.interval", { tier })}
            value={shown(s[`interval${tier}`])}
            min={1}
            max={366}
            step={15}
            error={error(`interval${tier}`)}
            disabled={disabled}
            onChange={setNumber(`interval${tier}`)}
          />
        ))}
      </div>
      <Text className={styles.note}>{t(lang, "pane.settings.intervalHint")}</Text>
      <NumberSetting
        testId="setting-visit-cost"
        label={t(lang, "pane.settings.visitCost")}
        hint={t(lang, "pane.settings.visitCostHint")}
        value={shown(s.visitCost)}
        min={0}
        step={10}
        error={error("visitCost")}
        disabled={disabled}
        onChange={setNumber("visitCost")}
      />
      <NumberSetting
        testId="setting-default-terms"
        label={t(lang, "pane.settings.defaultTerms")}
        hint={t(lang, "pane.settings.defaultTermsHint")}
        value={shown(s.defaultTerms)}
        min={0}
        max={3650}
        step={15}
        error={error("defaultTerms")}
        disabled={disabled}
        onChange={setNumber("defaultTerms")}
      />
      <Text weight="semibold">{t(lang, "pane.settings.weights")}</Text>
      <div className={styles.triple}>
        {CRITERIA.map((c) => (
          <NumberSetting
            key={c}
            testId={`setting-weight-${c}`}
            label={t(lang, `pane.settings.weight.${c}`)}
            value={shown(s[WEIGHT_KEYS[c]])}
            min={0}
            max={100}
            step={1}
            disabled={disabled}
            onChange={setNumber(WEIGHT_KEYS[c])}
          />
        ))}
      </div>
      {errors.weights ? (
        <Text role="alert" data-testid="setting-weights-error">
          {error("weights")}
        </Text>
      ) : (
        <Text className={styles.note}>{t(lang, "pane.settings.weightsHint")}</Text>
      )}
      <PlanSettings lang={lang} settings={s} errors={errors} onChange={onChange} disabled={disabled} />
      <Text className={styles.note}>{t(lang, "pane.settings.saved")}</Text>
    </div>
  );
}
