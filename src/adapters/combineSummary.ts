import { t, type Lang } from "../i18n";
import type { CombineResult } from "./combineWorkbooks";

/** Per input: the sheets read and how many rows another input also holds; then the combined sheets. The command line prints it, the pane shows it. */
export function combineSummary({ merged }: CombineResult, lang: Lang): string[] {
  const lines = merged.inputs.map((input) => {
    const sheets = input.sheets.map((s) =>
      t(lang, "combine.sheet", { role: t(lang, `role.${s.role}`), sheet: s.sheet, read: s.read, rows: s.rows }),
    );
    return t(lang, "combine.input", {
      file: input.file,
      sheets: sheets.length > 0 ? sheets.join(lang === "zh-CN" ? "，" : ", ") : t(lang, "combine.noSheets"),
      shared: input.shared,
    });
  });
  const rows = merged.grids.reduce((n, g) => n + g.values.length - 1, 0);
  lines.push(
    t(lang, "combine.combined", {
      n: merged.inputs.length,
      rows,
      sheets: merged.grids.map((g) => g.sheet).join(lang === "zh-CN" ? "、" : ", "),
    }),
  );
  return lines;
}
