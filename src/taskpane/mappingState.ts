import { ROLE_FIELDS, type Field, type Role } from "../core/columns";
import type { Detection, MappingOverride, SheetMapping } from "../core/types";
import type { Inspection } from "./host";

export const ROLES: readonly Role[] = ["customers", "orders", "visits", "costs", "payments"];

/** The user's choice for one role: its sheet, and the columns changed from what was detected. */
export interface RoleMapping {
  /** null: no sheet plays this role. */
  sheet: string | null;
  /** Columns the user picked, by field (0-based sheet column; null: not used). */
  edits: Partial<Record<Field, number | null>>;
}

export type MappingState = Record<Role, RoleMapping>;

export type MappingAction =
  | { type: "sheet"; role: Role; sheet: string }
  | { type: "column"; role: Role; field: Field; col: number | null }
  | { type: "reset"; state: MappingState };

/**
 * The mapping as detected, nothing changed yet.
 * @example initMapping({ orders: { sheet: "订单", … }, ignored: [] }).orders → { sheet: "订单", edits: {} }
 */
export function initMapping(detection: Detection | undefined): MappingState {
  const of = (role: Role): RoleMapping => ({ sheet: detection?.[role]?.sheet ?? null, edits: {} });
  return {
    customers: of("customers"),
    orders: of("orders"),
    visits: of("visits"),
    costs: of("costs"),
    payments: of("payments"),
  };
}

export function mappingReducer(state: MappingState, action: MappingAction): MappingState {
  switch (action.type) {
    case "reset":
      return action.state;
    case "sheet":
      // Another sheet has other columns: start its mapping afresh.
      return { ...state, [action.role]: { sheet: action.sheet, edits: {} } };
    case "column": {
      const current = state[action.role];
      return { ...state, [action.role]: { ...current, edits: { ...current.edits, [action.field]: action.col } } };
    }
  }
}

/** The fields a role's mapping shows a column choice for (monthly cost columns are listed, not picked). */
export function mappableFields(role: Role): Field[] {
  return ROLE_FIELDS[role].filter((f) => f !== "monthlyCost");
}

/** The detection of this role when the user kept its sheet. */
function detectedFor(role: Role, m: RoleMapping, detection: Detection | undefined): SheetMapping | undefined {
  const d = detection?.[role];
  return d && d.sheet === m.sheet ? d : undefined;
}

/**
 * Each field's column as the pane shows it: the detected one unless the user changed it.
 * @example effectiveColumns("orders", { sheet: "订单", edits: { region: null } }, detection) → detection's columns without region
 */
export function effectiveColumns(
  role: Role,
  m: RoleMapping,
  detection: Detection | undefined,
): Partial<Record<Field, number>> {
  const out: Partial<Record<Field, number>> = { ...(detectedFor(role, m, detection)?.columns ?? {}) };
  for (const [field, col] of Object.entries(m.edits) as [Field, number | null][]) {
    if (col === null) delete out[field];
    else out[field] = col;
  }
  return out;
}

/**
 * The header row of the role's sheet, by 0-based sheet column, if the pane knows it: the
 * detection's, else the inspection's list for that sheet; undefined when unknown (the
 * columns of that sheet are then detected when the review runs).
 */
export function headersFor(role: Role, m: RoleMapping, inspection: Inspection | undefined): string[] | undefined {
  if (m.sheet === null) return undefined;
  const own = detectedFor(role, m, inspection?.detection);
  if (own) return own.headers;
  const listed = inspection?.headers[m.sheet];
  if (listed && listed.length > 0) return listed;
  for (const r of ROLES) {
    const other = inspection?.detection?.[r];
    if (other && other.sheet === m.sheet) return other.headers;
  }
  return undefined;
}

/**
 * Groups of fields the role's mapping lacks, one of each group being required (as the
 * missing-column error names them); empty when the sheet can be read.
 * @example missingFields("orders", { orderDate: 0, customerName: 1 }) → [["amount", "quantity"]]
 */
export function missingFields(role: Role, columns: Partial<Record<Field, number>>): Field[][] {
  const has = (f: Field) => columns[f] !== undefined;
  const missing: Field[][] = [];
  const customer: Field[] = ["customerId", "customerName"];
  switch (role) {
    case "orders":
      if (!has("orderDate")) missing.push(["orderDate"]);
      if (!customer.some(has)) missing.push(customer);
      if (!has("amount") && !has("quantity")) missing.push(["amount", "quantity"]);
      else if (!has("amount") && !has("unitPrice")) missing.push(["unitPrice"]);
      break;
    case "visits":
      if (!has("visitDate")) missing.push(["visitDate"]);
      if (!customer.some(has)) missing.push(customer);
      break;
    case "costs":
      if (!has("month")) missing.push(["month"]);
      if (!has("salesperson")) missing.push(["salesperson"]);
      break;
    case "customers":
      if (!customer.some(has)) missing.push(customer);
      break;
  }
  return missing;
}

/**
 * The overrides to send with a run, or undefined when the user changed no mapping (the
 * saved ones then stay as they are). The workbook's record replaces `overrides` as a
 * whole, so the saved overrides of untouched roles are sent again, and a changed role's
 * override keeps the saved columns of the same sheet under the user's new choices.
 * @example buildOverrides({ …, orders: { sheet: "订单", edits: { region: null } } }, detection, {})
 *   → { orders: { sheet: "订单", headerRow: 0, columns: { region: null } } }
 */
export function buildOverrides(
  state: MappingState,
  detection: Detection | undefined,
  saved: Partial<Record<Role, MappingOverride>> = {},
): Partial<Record<Role, MappingOverride>> | undefined {
  const out: Partial<Record<Role, MappingOverride>> = { ...saved };
  let changed = false;
  for (const role of ROLES) {
    const m = state[role];
    if (m.sheet === null) continue;
    const d = detectedFor(role, m, detection);
    const edits: Partial<Record<Field, number | null>> = {};
    for (const [field, col] of Object.entries(m.edits) as [Field, number | null][]) {
      const before = d?.columns[field] ?? null;
      if (!d || col !== before) edits[field] = col;
    }
    if (d && Object.keys(edits).length === 0) continue;
    changed = true;
    const kept = saved[role]?.sheet === m.sheet ? saved[role] : undefined;
    const columns = { ...(d ? (kept?.columns ?? {}) : {}), ...edits };
    const override: MappingOverride = { sheet: m.sheet };
    // A sheet may hold several tables: name the one the columns are of.
    if (d?.table !== undefined) override.table = d.table;
    if (d) override.headerRow = d.headerRow;
    if (Object.keys(columns).length > 0) override.columns = columns;
    out[role] = override;
  }
  return changed ? out : undefined;
}

/**
 * What each role's chosen sheet lacks (see missingFields), for the roles whose headers the pane
 * knows; empty when every chosen sheet can be read.
 */
export function findMappingProblems(
  mapping: MappingState,
  inspection: Inspection | undefined,
): Partial<Record<Role, Field[][]>> {
  const out: Partial<Record<Role, Field[][]>> = {};
  for (const role of ROLES) {
    const m = mapping[role];
    if (m.sheet === null || !headersFor(role, m, inspection)) continue;
    const missing = missingFields(role, effectiveColumns(role, m, inspection?.detection));
    if (missing.length > 0) out[role] = missing;
  }
  return out;
}
