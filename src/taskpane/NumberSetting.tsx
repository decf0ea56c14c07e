import { Field, SpinButton, Tooltip, type SpinButtonOnChangeData } from "@fluentui/react-components";

export interface NumberSettingProps {
  testId: string;
  label: string;
  hint?: string;
  /** A longer explanation, shown as the field's tooltip. */
  tip?: string;
  value: number | null;
  min: number;
  max?: number;
  step?: number;
  /** The validation message shown under the field. */
  error?: string;
  /** Marks the field invalid without a message of its own (a message shared by two fields). */
  invalid?: boolean;
  disabled: boolean;
  onChange: (event: unknown, data: SpinButtonOnChangeData) => void;
}

/** One number of the settings form: a labelled SpinButton with its validation state and optional tooltip. */
export function NumberSetting({
  testId,
  label,
  hint,
  tip,
  value,
  min,
  max,
  step,
  error,
  invalid,
  disabled,
  onChange,
}: NumberSettingProps) {
  const spin = (
    <SpinButton
      data-testid={testId}
      value={value}
      min={min}
      max={max}
      step={step}
      disabled={disabled}
      onChange={onChange}
    />
  );
  return (
    <Field label={label} hint={hint} validationMessage={error} validationState={error || invalid ? "error" : "none"}>
      {tip ? (
        <Tooltip content={tip} relationship="description" positioning="below">
          {spin}
        </Tooltip>
      ) : (
        spin
      )}
    </Field>
  );
}
