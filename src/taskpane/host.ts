import type { Progress } from "../adapters/port";
import type { ReviewOptions, Tier } from "../core/options";
import type { Detection } from "../core/types";
import type { Lang } from "../i18n";

/** A row of the action list as the pane shows it; clicking selects the customer's row. */
export interface ActionView {
  reason: string;
  customer: string;
  name: string | null;
  tier: Tier;
  /** Where the customer's row is (its first copy), if it is listed in the customer sheet. */
  target?: { sheet: string; address: string };
}

/** A data issue as the pane shows it; clicking selects the bad cell. */
export interface IssueView {
  sheet: string;
  address: string;
  field: string;
  value: string;
  reason: string;
}

export interface RunSummary {
  month: string;
  asOf: string;
  reportSheet: string;
  createdSheet?: string;
  tiers: Record<Tier, number>;
  actions: ActionView[];
  issues: IssueView[];
  issueCount: number;
}

/** What the workbook holds before a run: the detected inputs and the saved settings. */
export interface Inspection {
  sheetNames: string[];
  detection?: Detection;
  /** Set when no order sheet is found: what is missing, in words. */
  missing?: string;
  /** Headers of every sheet's header row, for the mapping dropdowns. */
  headers: Record<string, string[]>;
  settings: Omit<Partial<ReviewOptions>, "month"> & { month?: string; lang?: string };
  /** Month of the latest order (the default review month), `YYYY-MM`. */
  latestMonth?: string;
}

export interface RunRequest {
  lang: Lang;
  month?: string;
  settings: Partial<ReviewOptions>;
}

export type RunOutcome = { ok: true; summary: RunSummary } | { ok: false; message: string; code: string };

/**
 * Everything the task pane asks of Excel. The pane gets it as a prop, so its tests
 * pass fakes; only index.tsx builds the real one over Office.js.
 */
export interface ReviewHost {
  inspect(lang: Lang): Promise<Inspection>;
  run(request: RunRequest, onProgress: (p: Progress) => void): Promise<RunOutcome>;
  select(sheet: string, address: string): Promise<void>;
}
