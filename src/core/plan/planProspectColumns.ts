import { dayToSerial, type DateSystem } from "../_lib/dates";
import type { Cell } from "../_lib/cells";
import { t, type Lang } from "../../i18n";
import type { ColumnPlan, NumberFormat, SheetPlan } from "../output";
import { placeColumns } from "../placeColumns";
import type { OwnedColumn } from "../types";
import { MAN_LETTERS } from "./classifyProspect";
import type { ProspectSheet } from "./detectProspects";
import type { ClassedProspect } from "./planNextMonth";

/**
 * The owned columns written into the prospect sheet, like any input sheet's: MAN class
 * (as its letters, capital = yes), the seeds' advice, closeness A/B/C and the last visit.
 * @example planProspectColumns(sheet, classed, "en-US", [], 1900).columns.map((c) => c.header)
 *   → ["MAN class", "Advice", "Closeness", "Last visit"]
 */
export function planProspectColumns(
  sheet: ProspectSheet,
  classed: readonly ClassedProspect[],
  lang: Lang,
  owned: readonly OwnedColumn[],
  system: DateSystem,
): SheetPlan {
  const name = sheet.grid.sheet;
  const specs: {
    output: string;
    header: string;
    format: NumberFormat;
    value: (p: ClassedProspect) => Cell;
  }[] = [
    {
      output: "prospect.man",
      header: t(lang, "header.prospect.man"),
      format: "general",
      value: (p) => MAN_LETTERS[p.man - 1],
    },
    {
      output: "prospect.advice",
      header: t(lang, "header.prospect.advice"),
      format: "general",
      value: (p) => t(lang, `man.advice.${p.man}`),
    },
    {
      output: "prospect.closeness",
      header: t(lang, "header.prospect.closeness"),
      format: "general",
      value: (p) => p.closeness,
    },
    {
      output: "prospect.lastVisit",
      header: t(lang, "header.prospect.lastVisit"),
      format: "date",
      value: (p) => (p.lastVisit === null ? null : dayToSerial(p.lastVisit, system)),
    },
  ];
  const placed = placeColumns(
    sheet.headers,
    sheet.headers.length,
    owned.filter((o) => o.sheet === name),
    specs,
  );
  const firstRow = sheet.headerRow + 1;
  const byRow = new Map(classed.map((p) => [p.row, p]));
  const columns: ColumnPlan[] = specs.map((s, k) => {
    const values: Cell[] = [];
    for (let row = firstRow; row <= sheet.lastRow; row++) {
      const p = byRow.get(row);
      values.push(p ? s.value(p) : null);
    }
    return {
      output: s.output,
      header: placed[k].header,
      col: placed[k].col,
      format: s.format,
      values,
    };
  });
  const inputColumns = (Object.values(sheet.columns) as number[]).sort((a, b) => a - b);
  const out: SheetPlan = {
    sheet: name,
    headerRow: sheet.headerRow,
    firstRow,
    lastRow: sheet.lastRow,
    columns,
    inputColumns,
  };
  if (sheet.grid.table) out.table = sheet.grid.table;
  return out;
}
