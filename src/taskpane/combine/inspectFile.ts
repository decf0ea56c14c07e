import type { InputGrids } from "../../adapters/readInputGrids";
import { describeMissingColumn } from "../../adapters/describeErrors";
import type { Role } from "../../core/columns";
import { describeMissing } from "../../core/describeMissing";
import { detectSheets } from "../../core/detectSheets";
import { withDefaults } from "../../core/options";
import { readInputs } from "../../core/readInputs";
import type { Lang } from "../../i18n";
import type { Inspection } from "../host";
import { ROLES } from "../mappingState";

/**
 * What the Team view shows of one picked file before a run, in the shape the Review view's
 * detection takes (so one component words both): its sheets, what was detected per role with
 * the file's own saved overrides, every detected sheet's headers, and its data issues per role
 * (as the file's own review would list them). Runs in the read worker, beside the grids.
 * @example inspectFile(await readInputGrids(port, "en-US"), "en-US").issueCounts → { orders: 2 }
 */
export function inspectFile({ grids, run, sheetNames }: InputGrids, lang: Lang): Inspection {
  const options = withDefaults(run);
  const detection = detectSheets(grids, { owned: run.owned, overrides: options.overrides });
  const inspection: Inspection = {
    sheetNames,
    detection,
    headers: {},
    settings: options.overrides ? { overrides: options.overrides } : {},
  };
  if (!detection.orders) inspection.missing = describeMissingColumn(describeMissing(grids), lang);
  const { issues } = readInputs(grids, detection, options);
  const counts: Partial<Record<Role, number>> = {};
  for (const role of ROLES) {
    const m = detection[role];
    if (!m) continue;
    inspection.headers[m.sheet] = m.headers;
    counts[role] = issues.filter((i) => i.sheet === m.sheet).length;
  }
  return { ...inspection, issueCounts: counts };
}
