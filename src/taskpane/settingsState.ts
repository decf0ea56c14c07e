import { withDefaults, type ReviewOptions } from "../core/options";
import type { MessageKey } from "../i18n";
import type { Inspection } from "./host";

export const TIER_WINDOWS = [3, 6, 12] as const;
export const CHANGE_WINDOWS = [1, 3, 6] as const;
/** The plan's working-day calendars; "lang" leaves the setting unsaved, so the output language's is used. */
export const PLAN_CALENDARS = ["lang", "zh-CN", "en-US", "none"] as const;
export type PlanCalendarChoice = (typeof PLAN_CALENDARS)[number];
/** Most visits a day the form takes: a day holds one region's customers. */
export const MAX_VISITS_PER_DAY = 20;
/** Largest prospect pool the form takes per salesperson. */
export const MAX_PROSPECT_TARGET = 1000;

/** The settings form as the user sees it: percentages as percent, blank number fields as null. */
export interface SettingsState {
  /** `YYYY-MM`; blank: the month of the latest order. */
  month: string;
  tierWindow: ReviewOptions["tierWindow"];
  changeWindow: ReviewOptions["changeWindow"];
  baseline: ReviewOptions["baseline"];
  thresholdPct: number | null;
  cutAPct: number | null;
  cutBPct: number | null;
  /** Days between visits, tiers A–C; blank: no visit reminders for that tier. */
  intervalA: number | null;
  intervalB: number | null;
  intervalC: number | null;
  visitCost: number | null;
  /** Default payment terms in days. */
  defaultTerms: number | null;
  /** The screening's five weights, as typed (relative; renormalised by the core). */
  weightPurchase: number | null;
  weightProfit: number | null;
  weightSafety: number | null;
  weightFuture: number | null;
  weightCooperation: number | null;
  /** Next month's plan sheet (issue 16) on or off; the settings below apply only while it is on. */
  plan: boolean;
  visitsPerDay: number | null;
  planCalendar: PlanCalendarChoice;
  prospectTarget: number | null;
}

/** The weight fields of the form, by criterion. */
export const WEIGHT_KEYS = {
  purchase: "weightPurchase",
  profit: "weightProfit",
  safety: "weightSafety",
  future: "weightFuture",
  cooperation: "weightCooperation",
} as const;

export type SettingsAction =
  | { [K in keyof SettingsState]: { type: "set"; key: K; value: SettingsState[K] } }[keyof SettingsState]
  | { type: "reset"; state: SettingsState };

/** 0.3 → 30, without 30.000000000000004. */
const toPct = (x: number) => Math.round(x * 10000) / 100;
const fromPct = (x: number) => Math.round(x * 100) / 10000;

/**
 * The form's starting values: what the workbook saved, else the defaults; the month is
 * the saved one, else the latest order month.
 * @example initSettings({ sheetNames: [], headers: {}, settings: {}, latestMonth: "2026-10" }).thresholdPct === 30
 */
export function initSettings(inspection: Inspection | undefined): SettingsState {
  const { month, lang: _lang, ...saved } = inspection?.settings ?? {};
  const o = withDefaults(saved);
  return {
    month: month ?? inspection?.latestMonth ?? "",
    tierWindow: o.tierWindow,
    changeWindow: o.changeWindow,
    baseline: o.baseline,
    thresholdPct: toPct(o.threshold),
    cutAPct: toPct(o.tierCuts.a),
    cutBPct: toPct(o.tierCuts.b),
    intervalA: o.visitIntervals.A,
    intervalB: o.visitIntervals.B,
    intervalC: o.visitIntervals.C,
    visitCost: o.defaultVisitCost,
    defaultTerms: o.defaultTerms,
    weightPurchase: o.weights.purchase,
    weightProfit: o.weights.profit,
    weightSafety: o.weights.safety,
    weightFuture: o.weights.future,
    weightCooperation: o.weights.cooperation,
    plan: o.plan === true,
    visitsPerDay: o.visitsPerDay,
    planCalendar: o.planCalendar ?? "lang",
    prospectTarget: o.prospectTarget,
  };
}

export function settingsReducer(state: SettingsState, action: SettingsAction): SettingsState {
  if (action.type === "reset") return action.state;
  return { ...state, [action.key]: action.value };
}

type ErrorField =
  | "month"
  | "thresholdPct"
  | "cuts"
  | "intervalA"
  | "intervalB"
  | "intervalC"
  | "visitCost"
  | "defaultTerms"
  | "weights"
  | "visitsPerDay"
  | "prospectTarget";
export type SettingsErrors = Partial<Record<ErrorField, MessageKey>>;

/**
 * What is wrong with the form, as message keys by field; empty when the review can run.
 * @example validateSettings({ ...s, cutAPct: 96, cutBPct: 95 }) → { cuts: "pane.settings.cutsInvalid" }
 */
export function validateSettings(s: SettingsState): SettingsErrors {
  const errors: SettingsErrors = {};
  if (s.month.trim() !== "" && normalizeMonth(s.month) === undefined) errors.month = "pane.settings.monthInvalid";
  if (s.thresholdPct === null || !(s.thresholdPct > 0 && s.thresholdPct < 100))
    errors.thresholdPct = "pane.settings.thresholdInvalid";
  const cutOk = (x: number | null) => x !== null && x > 0 && x <= 100;
  if (!cutOk(s.cutAPct) || !cutOk(s.cutBPct) || s.cutAPct! >= s.cutBPct!) errors.cuts = "pane.settings.cutsInvalid";
  for (const key of ["intervalA", "intervalB", "intervalC"] as const) {
    const days = s[key];
    if (days !== null && !(Number.isInteger(days) && days >= 1 && days <= 366))
      errors[key] = "pane.settings.intervalInvalid";
  }
  if (s.visitCost === null || !(s.visitCost >= 0) || !Number.isFinite(s.visitCost))
    errors.visitCost = "pane.settings.visitCostInvalid";
  const terms = s.defaultTerms;
  if (terms === null || !(Number.isInteger(terms) && terms >= 0 && terms <= 3650))
    errors.defaultTerms = "pane.settings.defaultTermsInvalid";
  if (Object.values(WEIGHT_KEYS).some((k) => s[k] === null || !(s[k]! >= 0 && s[k]! <= 100)))
    errors.weights = "pane.settings.weightInvalid";
  // The plan's settings are shown, checked and sent only while the plan is on.
  if (s.plan && !wholeIn(s.visitsPerDay, 1, MAX_VISITS_PER_DAY))
    errors.visitsPerDay = "pane.settings.visitsPerDayInvalid";
  if (s.plan && !wholeIn(s.prospectTarget, 0, MAX_PROSPECT_TARGET))
    errors.prospectTarget = "pane.settings.prospectTargetInvalid";
  return errors;
}

const wholeIn = (x: number | null, min: number, max: number) =>
  x !== null && Number.isInteger(x) && x >= min && x <= max;

/**
 * Whether any setting is invalid: Run is off and the Settings tab carries a mark.
 * @example hasSettingsErrors({}) === false; hasSettingsErrors({ month: "pane.settings.monthInvalid" }) === true
 */
export function hasSettingsErrors(errors: SettingsErrors): boolean {
  return Object.keys(errors).length > 0;
}

/**
 * `2026-3` or ` 2026-03 ` → `2026-03`; undefined when it is not a month.
 * @example normalizeMonth("2026-3") === "2026-03"
 */
export function normalizeMonth(text: string): string | undefined {
  const m = /^(\d{4})-(\d{1,2})$/.exec(text.trim());
  if (!m || +m[2] < 1 || +m[2] > 12) return undefined;
  return `${m[1]}-${m[2].padStart(2, "0")}`;
}

/**
 * The settings the user changed from where the form started, as review options; a
 * changed part of tier cuts or visit intervals sends the whole object, because the
 * workbook's record replaces settings key by key. Assumes a valid form.
 * @example changedSettings({ ...start, thresholdPct: 20 }, start) → { threshold: 0.2 }
 */
export function changedSettings(
  s: SettingsState,
  start: SettingsState,
  saved: Inspection["settings"] = {},
): Partial<ReviewOptions> {
  const out: Partial<ReviewOptions> = {};
  if (s.tierWindow !== start.tierWindow) out.tierWindow = s.tierWindow;
  if (s.changeWindow !== start.changeWindow) out.changeWindow = s.changeWindow;
  if (s.baseline !== start.baseline) out.baseline = s.baseline;
  if (s.thresholdPct !== start.thresholdPct && s.thresholdPct !== null) out.threshold = fromPct(s.thresholdPct);
  if ((s.cutAPct !== start.cutAPct || s.cutBPct !== start.cutBPct) && s.cutAPct !== null && s.cutBPct !== null) {
    out.tierCuts = { a: fromPct(s.cutAPct), b: fromPct(s.cutBPct) };
  }
  if (s.intervalA !== start.intervalA || s.intervalB !== start.intervalB || s.intervalC !== start.intervalC) {
    const d = withDefaults({ visitIntervals: saved.visitIntervals } as Partial<ReviewOptions>).visitIntervals.D;
    out.visitIntervals = { A: s.intervalA, B: s.intervalB, C: s.intervalC, D: d };
  }
  if (s.visitCost !== start.visitCost && s.visitCost !== null) out.defaultVisitCost = s.visitCost;
  if (s.defaultTerms !== start.defaultTerms && s.defaultTerms !== null) out.defaultTerms = s.defaultTerms;
  const criteria = Object.keys(WEIGHT_KEYS) as (keyof typeof WEIGHT_KEYS)[];
  if (criteria.some((c) => s[WEIGHT_KEYS[c]] !== start[WEIGHT_KEYS[c]])) {
    out.weights = Object.fromEntries(criteria.map((c) => [c, s[WEIGHT_KEYS[c]] ?? 0])) as ReviewOptions["weights"];
  }
  return { ...out, ...changedPlanSettings(s, start) };
}

/**
 * The plan's part of changedSettings: the switch when it moved, the rest only while the plan
 * is on. A calendar set back to "as the language" is sent as undefined: the record, JSON,
 * then drops the key, so the output language's calendar applies again.
 */
function changedPlanSettings(s: SettingsState, start: SettingsState): Partial<ReviewOptions> {
  const out: Partial<ReviewOptions> = {};
  if (s.plan !== start.plan) out.plan = s.plan;
  if (!s.plan) return out;
  if (s.visitsPerDay !== start.visitsPerDay && s.visitsPerDay !== null) out.visitsPerDay = s.visitsPerDay;
  if (s.prospectTarget !== start.prospectTarget && s.prospectTarget !== null) out.prospectTarget = s.prospectTarget;
  if (s.planCalendar !== start.planCalendar) out.planCalendar = s.planCalendar === "lang" ? undefined : s.planCalendar;
  return out;
}
