import { useMemo, useState } from "react";
import { columnLetters } from "../core/_lib/a1";
import type { Field, Role } from "../core/columns";
import { RECORD_SHEET } from "../core/record";
import { t, type Lang } from "../i18n";
import type { Inspection } from "./host";
import { effectiveColumns, headersFor, mappableFields, ROLES, type MappingState } from "./mappingState";

/** The value of the "— not used —" option of a column dropdown. */
export const NOT_USED = "none";

export interface ColumnOption {
  value: string;
  text: string;
}

export interface FieldView {
  field: Field;
  label: string;
  ariaLabel: string;
  /** The chosen option's value, NOT_USED when none. */
  value: string;
  text: string;
  testId: string;
}

export interface RoleView {
  role: Role;
  sheetLabel: string;
  sheet: string | null;
  /** Rows and header row, when known. */
  info?: string;
  columnOptions: ColumnOption[];
  fields: FieldView[];
  /** Monthly cost columns in words (cost sheet). */
  monthly?: string;
  /** The sheet's headers are not known: its columns are detected when the review runs. */
  autoColumns: boolean;
  /** What a chosen sheet lacks, in words. */
  missing?: string;
}

/**
 * The options of a column dropdown: "— not used —", then every non-blank header with
 * its column letter, so that two columns with one header can be told apart.
 * @example columnOptions(["日期", "", "金额"], "zh-CN") → [{ value: "none", text: "— 不使用 —" }, { value: "0", text: "日期 (A)" }, { value: "2", text: "金额 (C)" }]
 */
export function columnOptions(headers: readonly string[], lang: Lang): ColumnOption[] {
  const out: ColumnOption[] = [{ value: NOT_USED, text: t(lang, "pane.detected.notUsed") }];
  headers.forEach((h, col) => {
    if (h !== undefined && h.trim() !== "") out.push({ value: String(col), text: `${h} (${columnLetters(col)})` });
  });
  return out;
}

/**
 * What the Detected section shows for every role, in words of the pane's language.
 */
export function describeRoles(
  mapping: MappingState,
  inspection: Inspection | undefined,
  lang: Lang,
  problems: Partial<Record<Role, Field[][]>>,
): RoleView[] {
  return ROLES.map((role) => {
    const m = mapping[role];
    const roleWord = t(lang, `role.${role}`);
    const headers = headersFor(role, m, inspection);
    const detected = inspection?.detection?.[role];
    const same = detected && detected.sheet === m.sheet ? detected : undefined;
    const options = headers ? columnOptions(headers, lang) : [];
    const columns = effectiveColumns(role, m, inspection?.detection);
    const view: RoleView = {
      role,
      sheetLabel: t(lang, "pane.detected.sheet", { role: roleWord }),
      sheet: m.sheet,
      columnOptions: options,
      fields: [],
      autoColumns: m.sheet !== null && !headers,
    };
    const issues = inspection?.issueCounts?.[role];
    if (same && issues !== undefined)
      view.info = t(lang, "pane.detected.rowsIssues", { rows: same.rowCount, row: same.headerRow + 1, issues });
    else if (same) view.info = t(lang, "pane.detected.rows", { rows: same.rowCount, row: same.headerRow + 1 });
    if (headers && m.sheet !== null) {
      view.fields = mappableFields(role).map((field) => {
        const col = columns[field];
        const chosen = col === undefined ? undefined : options.find((o) => o.value === String(col));
        const fieldWord = t(lang, `field.${field}`);
        return {
          field,
          // A label starts with a capital ("Customer ID"); the same word mid-sentence does not.
          label: fieldWord.charAt(0).toLocaleUpperCase(lang) + fieldWord.slice(1),
          ariaLabel: t(lang, "pane.detected.columnLabel", { role: roleWord, field: fieldWord }),
          value: chosen ? chosen.value : NOT_USED,
          text: chosen ? chosen.text : options[0].text,
          testId: `mapping-${role}-${field}`,
        };
      });
    }
    if (same && same.monthlyCostColumns.length > 0) {
      view.monthly = t(lang, "pane.detected.monthlyCosts", {
        headers: same.monthlyCostColumns.map((c) => same.headers[c]).join(", "),
      });
    }
    const missing = problems[role];
    if (missing) {
      const fields = missing.map((g) => g.map((f) => t(lang, `field.${f}`)).join(" / ")).join(", ");
      view.missing = t(lang, "pane.detected.needs", { role: roleWord, fields });
    }
    return view;
  });
}

/** Sheets the user can pick for a role: every sheet but the add-in's own record sheet. */
export function pickableSheets(inspection: Inspection | undefined): string[] {
  return (inspection?.sheetNames ?? []).filter((s) => s !== RECORD_SHEET);
}

/**
 * The one line that stands for the whole mapping when nothing is missing: the sheets found, in
 * role order; undefined while the orders sheet is not chosen or a chosen sheet lacks a column.
 * @example summarizeDetection(mapping, {}, "en-US") === "Found: Customers, Orders, Visits, Costs — all columns"
 */
export function summarizeDetection(
  mapping: MappingState,
  problems: Partial<Record<Role, Field[][]>>,
  lang: Lang,
): string | undefined {
  if (mapping.orders.sheet === null || Object.keys(problems).length > 0) return undefined;
  const sheets = ROLES.map((role) => mapping[role].sheet).filter((s): s is string => s !== null);
  return t(lang, "pane.detected.summary", { sheets: sheets.join(", ") });
}

/**
 * The Detected section's view: every role's dropdowns, or only the summary line while every
 * required column is found and the user has not asked to change them (`defaultExpanded`: asked).
 */
export function useDetectedSection(
  mapping: MappingState,
  inspection: Inspection | undefined,
  lang: Lang,
  problems: Partial<Record<Role, Field[][]>>,
  defaultExpanded = false,
) {
  const [asked, setAsked] = useState(defaultExpanded);
  const roles = useMemo(
    () => describeRoles(mapping, inspection, lang, problems),
    [mapping, inspection, lang, problems],
  );
  const sheets = useMemo(() => pickableSheets(inspection), [inspection]);
  const summary = summarizeDetection(mapping, problems, lang);
  const createsCustomers = mapping.customers.sheet === null && mapping.orders.sheet !== null;
  return {
    roles,
    sheets,
    createsCustomers,
    customersSheet: t(lang, "sheet.customers"),
    summary,
    /** The dropdowns are shown: something is missing, or the user asked. */
    expanded: asked || summary === undefined,
    /** The toggle is offered only while the summary could stand in for the dropdowns. */
    canCollapse: summary !== undefined,
    toggle: () => setAsked((a) => !a),
  };
}
