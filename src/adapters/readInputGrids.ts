import { checkGrids } from "../core/checkGrids";
import { sheetsNeverRead } from "../core/record";
import type { RunOptions } from "../core/runReview";
import type { Grid } from "../core/types";
import type { Lang } from "../i18n";
import type { WorkbookPort } from "./port";

export interface InputGrids {
  grids: Grid[];
  /** The options the input's own review would use: its saved settings, owned columns and date system. */
  run: RunOptions;
  sheetNames: string[];
}

/**
 * One input's grids as a team review reads them (the analysis and plan sheets it made and the
 * add-in's bookkeeping left out) with its own review's options; shared by the run and the pane's per-file detection.
 */
export async function readInputGrids(port: WorkbookPort, lang: Lang): Promise<InputGrids> {
  return (await startInputGrids(port, lang)).grids;
}

/**
 * `readInputGrids` in two steps: resolves once the input's meta is read and its grids' read has
 * begun (the command line's reader has then started its worker thread on the largest sheet part),
 * with the grids to come. The caller awaits or handles `grids`.
 */
export async function startInputGrids(port: WorkbookPort, lang: Lang): Promise<{ grids: Promise<InputGrids> }> {
  const { record, dateSystem, sheetNames } = await port.readMeta();
  const grids = port.readGrids(sheetsNeverRead(record)).then((grids) => {
    checkGrids(grids, lang);
    const { month: _month, lang: _lang, ...saved } = record.settings;
    return { grids, run: { ...(saved as Partial<RunOptions>), owned: record.owned, dateSystem }, sheetNames };
  });
  return { grids };
}
