import type { MissingColumnError, NoReadableRowsError } from "../core/errors";
import { t, type Lang } from "../i18n";

/** A missing required column in words: which fields, and each sheet's header row as seen. */
export function describeMissingColumn(e: MissingColumnError, lang: Lang): string {
  const fields = e.missing.map((group) => group.map((f) => t(lang, `field.${f}`)).join(" / ")).join(", ");
  const lines = [t(lang, "error.missingColumn", { role: t(lang, `role.${e.role}`), fields })];
  for (const s of e.seen) {
    lines.push(
      t(lang, "error.sheetSeen", {
        sheet: s.sheet,
        row: s.headerRow + 1,
        headers: s.headers.join(", ") || t(lang, "error.noHeaders"),
      }),
    );
  }
  return lines.join("\n");
}

/** An order sheet none of whose rows could be read, with the first issue as an example. */
export function describeNoRows(e: NoReadableRowsError, lang: Lang): string {
  const i = e.issues[0];
  const first = i ? `${i.sheet}!${i.address} ${t(lang, `issue.${i.code}`)}` : "-";
  return t(lang, "error.noRows", { sheet: e.sheet, n: e.issues.length, first });
}
