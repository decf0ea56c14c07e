import { describeMissingColumn, describeNoRows } from "./describeErrors";
import { MissingColumnError, NoReadableRowsError } from "../core/errors";
import { t, type Lang } from "../i18n";
import { NotAnXlsxError, unreadableKindOf } from "./xlsx/package/openXlsxError";
import { NotZipError, type NotZipKind } from "./xlsx/package/sniffBytes";

/**
 * yauzl's (and openXlsxBytes') words for a zip whose structure is broken (cut short, bad offsets),
 * and openXlsx's for an entry that inflates to another size than its header declares (calamine's
 * issue252.xlsx), as opposed to a zip that holds no workbook.
 */
const ZIP_DAMAGED =
  /central directory|signature|invalid|truncated|unexpected (?:EOF|end)|out of range|too short|its header declares/i;

/**
 * The words for an error that ends a run on `input` (exit code 2), or undefined for one
 * that is a bug (exit code 1, with its stack): a missing required column, no readable
 * row, a damaged part, entities, UTF-16, a text past any cell's size, not an .xlsx
 * package, or a RangeError with a plain message (a bad --month, Excel's limits).
 * The pane words a picked file's failure with it too, so both say the same.
 * @example describeRunError(new NoReadableRowsError("订单表", []), "a.xlsx", "zh-CN") // the no-rows message
 */
export function describeRunError(e: unknown, input: string, lang: Lang): string | undefined {
  if (e instanceof MissingColumnError) return describeMissingColumn(e, lang);
  if (e instanceof NoReadableRowsError) return describeNoRows(e, lang);
  if (e instanceof NotZipError) return describeNotZip(e.kind, input, lang);
  const unreadable = unreadableKindOf(e);
  if (unreadable) return t(lang, `cli.unreadable.${unreadable}`, { file: input });
  if (e instanceof NotAnXlsxError) {
    // The file starts as a zip (inspectPaths saw it): a zip whose directory cannot be read is damaged, not another format.
    return ZIP_DAMAGED.test(e.reason)
      ? t(lang, "cli.unreadable.damaged", { file: input })
      : t(lang, "cli.notXlsx", { file: input, reason: e.reason });
  }
  if (e instanceof RangeError) return e.message;
  return undefined;
}

/** The words for a file that is not a zip at all (sniffHead): encrypted, an old .xls, text, or something else. */
export function describeNotZip(kind: NotZipKind, input: string, lang: Lang): string {
  if (kind === "notZip") return t(lang, "cli.notXlsx", { file: input, reason: "not a zip package" });
  return t(lang, `cli.unreadable.${kind}`, { file: input });
}
