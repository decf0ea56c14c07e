import {
  Dropdown,
  Field,
  Link,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Option,
  Text,
} from "@fluentui/react-components";
import { useId, type Dispatch, type ReactNode } from "react";
import type { Field as FieldName, Role } from "../core/columns";
import { t, type Lang } from "../i18n";
import { useDetectedSectionStyles } from "./DetectedSection.styles";
import type { Inspection } from "./host";
import type { MappingAction, MappingState } from "./mappingState";
import { NOT_USED, useDetectedSection } from "./useDetectedSection";

export interface DetectedSectionProps {
  lang: Lang;
  inspection: Inspection | undefined;
  mapping: MappingState;
  problems: Partial<Record<Role, FieldName[][]>>;
  onChange: Dispatch<MappingAction>;
  disabled: boolean;
  /** Show the dropdowns from the start, as if the user had asked (tests). */
  defaultExpanded?: boolean;
}

/**
 * What was detected: one line while every required column is found, with "Change columns"
 * opening each role's sheet and columns, every one changeable; the dropdowns at once when
 * something is missing.
 */
export function DetectedSection({
  lang,
  inspection,
  mapping,
  problems,
  onChange,
  disabled,
  defaultExpanded,
}: DetectedSectionProps) {
  const styles = useDetectedSectionStyles();
  // Several sections may be on the page (the Team view shows one per file): ids of their own.
  const columnsId = useId();
  const view = useDetectedSection(mapping, inspection, lang, problems, defaultExpanded);
  const { roles, sheets, createsCustomers, customersSheet, expanded } = view;
  const creates = createsCustomers && (
    <MessageBar intent="info" layout="multiline" data-testid="create-customers">
      <MessageBarBody>{t(lang, "pane.detected.createCustomers", { sheet: customersSheet })}</MessageBarBody>
    </MessageBar>
  );
  return (
    <div className={styles.root} data-testid="detected">
      {view.summary !== undefined && (
        <div className={styles.summary}>
          <Text data-testid="detected-summary">{view.summary}</Text>
          <Link
            as="button"
            data-testid="change-columns"
            aria-expanded={expanded}
            aria-controls={columnsId}
            onClick={view.toggle}
          >
            {t(lang, expanded ? "pane.detected.hide" : "pane.detected.change")}
          </Link>
        </div>
      )}
      {!expanded && creates}
      {expanded && (
        <div id={columnsId} className={styles.root}>
          <RoleCards {...{ lang, inspection, mapping, onChange, disabled, roles, sheets, creates }} />
        </div>
      )}
    </div>
  );
}

interface RoleCardsProps extends Pick<
  DetectedSectionProps,
  "lang" | "inspection" | "mapping" | "onChange" | "disabled"
> {
  roles: ReturnType<typeof useDetectedSection>["roles"];
  sheets: string[];
  creates: ReactNode;
}

/** Each role's sheet dropdown and column dropdowns, with what is missing. */
function RoleCards({ lang, inspection, mapping, onChange, disabled, roles, sheets, creates }: RoleCardsProps) {
  const styles = useDetectedSectionStyles();
  return (
    <>
      <Text className={styles.note}>{t(lang, "pane.detected.intro")}</Text>
      {inspection?.missing !== undefined && mapping.orders.sheet === null && (
        <MessageBar intent="error" layout="multiline" data-testid="missing-message">
          <MessageBarBody>
            <MessageBarTitle>{t(lang, "pane.detected.missingTitle")}</MessageBarTitle>
            <span className={styles.multiline}>{inspection.missing}</span>
          </MessageBarBody>
        </MessageBar>
      )}
      {roles.map((r) => (
        <section key={r.role} className={styles.role} aria-label={r.sheetLabel} data-testid={`role-${r.role}`}>
          <Field label={r.sheetLabel} hint={r.info}>
            <Dropdown
              className={styles.dropdown}
              data-testid={`sheet-${r.role}`}
              value={r.sheet ?? ""}
              placeholder={t(lang, "pane.detected.notFound")}
              selectedOptions={r.sheet === null ? [] : [r.sheet]}
              disabled={disabled}
              onOptionSelect={(_, data) =>
                data.optionValue && onChange({ type: "sheet", role: r.role, sheet: data.optionValue })
              }
            >
              {sheets.map((s) => (
                <Option key={s} value={s}>
                  {s}
                </Option>
              ))}
            </Dropdown>
          </Field>
          {r.sheet === null && r.role !== "orders" && r.role !== "customers" && (
            <Text className={styles.note}>{t(lang, "pane.detected.optional")}</Text>
          )}
          {r.role === "customers" && creates}
          {r.autoColumns && <Text className={styles.note}>{t(lang, "pane.detected.autoColumns")}</Text>}
          {r.missing && (
            <MessageBar intent="error" layout="multiline" data-testid={`missing-${r.role}`}>
              <MessageBarBody>
                <MessageBarTitle>{t(lang, "pane.detected.missingTitle")}</MessageBarTitle>
                {r.missing}
              </MessageBarBody>
            </MessageBar>
          )}
          {r.fields.length > 0 && (
            <div className={styles.columns}>
              {r.fields.map((f) => (
                <FieldRow
                  key={f.field}
                  f={f}
                  r={r.role}
                  options={r.columnOptions}
                  disabled={disabled}
                  onChange={onChange}
                  className={styles.dropdown}
                />
              ))}
            </div>
          )}
          {r.monthly && <Text className={styles.note}>{r.monthly}</Text>}
        </section>
      ))}
    </>
  );
}

interface FieldRowProps {
  f: ReturnType<typeof useDetectedSection>["roles"][number]["fields"][number];
  r: Role;
  options: { value: string; text: string }[];
  disabled: boolean;
  onChange: Dispatch<MappingAction>;
  className: string;
}

function FieldRow({ f, r, options, disabled, onChange, className }: FieldRowProps) {
  return (
    <>
      <Text as="span" aria-hidden>
        {f.label}
      </Text>
      <Dropdown
        className={className}
        data-testid={f.testId}
        aria-label={f.ariaLabel}
        value={f.text}
        selectedOptions={[f.value]}
        disabled={disabled}
        size="small"
        onOptionSelect={(_, data) => {
          if (data.optionValue === undefined) return;
          onChange({
            type: "column",
            role: r,
            field: f.field,
            col: data.optionValue === NOT_USED ? null : Number(data.optionValue),
          });
        }}
      >
        {options.map((o) => (
          <Option key={o.value} value={o.value}>
            {o.text}
          </Option>
        ))}
      </Dropdown>
    </>
  );
}
