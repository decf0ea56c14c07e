import { useCallback, useState } from "react";
import { t, type Lang } from "../i18n";
import { cellRef } from "./describeResults";
import type { ReviewHost } from "./host";
import { describeError } from "./officeEnvironment";

/**
 * Going to a customer's row, a bad cell or a sheet the run wrote, for the Review and Plan
 * views alike; a failure is kept in words for SelectError to show.
 */
export function useSelectCell(host: ReviewHost, lang: Lang) {
  const [selectError, setSelectError] = useState<string | undefined>();
  const select = useCallback(
    async (sheet: string, address: string) => {
      setSelectError(undefined);
      try {
        await host.select(sheet, address);
      } catch (e) {
        setSelectError(
          t(lang, "pane.results.selectFailed", { cell: cellRef(sheet, address), message: describeError(e, lang) }),
        );
      }
    },
    [host, lang],
  );
  const dismiss = useCallback(() => setSelectError(undefined), []);
  return { select, selectError, dismiss };
}
