import { createExcelHost } from "../adapters/excel/excelHost";
import { langFor } from "../i18n";
import { runSavedReview } from "./runSavedReview";

/**
 * Ribbon commands. "Run review" (FunctionName `runReview` in manifest.xml) runs the
 * review with the workbook's saved settings. A command has no UI of its own, so a failed
 * run is not reported here; running the review from the task pane shows the reason in
 * words. Office requires event.completed() on every path, or the ribbon button stays busy.
 */
Office.onReady(() => {
  Office.actions.associate("runReview", async (event: Office.AddinCommands.Event) => {
    try {
      const host = createExcelHost(Excel, {
        isSetSupported: (name, version) => Office.context.requirements.isSetSupported(name, version),
        now: () => new Date(),
      });
      await runSavedReview(host, langFor(Office.context.displayLanguage));
    } catch {
      // Nowhere to show it (see above); the task pane's Run says what went wrong, in words.
    } finally {
      event.completed();
    }
  });
});
