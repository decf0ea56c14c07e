import { LANGS, type Lang } from "../i18n";
import type { ReviewHost, RunOutcome } from "../taskpane/host";

/**
 * The ribbon's "Run review": the review with the settings saved in the workbook, in
 * the language it was last run in (else Office's), without any pane.
 * @example await runSavedReview(host, "en-US") // host.run({ lang: savedLang ?? "en-US", settings: {} })
 */
export async function runSavedReview(host: ReviewHost, officeLang: Lang): Promise<RunOutcome> {
  const inspection = await host.inspect(officeLang);
  const saved = inspection.settings.lang;
  const lang = LANGS.find((l) => l === saved) ?? officeLang;
  return host.run({ lang, settings: {} }, () => undefined);
}
