import type { Highlight, NumberFormat, RowStyle, WritePlan } from "../../../core/output";
import { StyleBook, type XfSpec } from "./styleBook";
import { NS_MAIN } from "./namespaces";

/** Style ids for everything a run writes (the `SheetStyles` of patchSheet, and the report's). */
export interface RunStyles {
  /** cellXfs index of an owned column's header and of the created sheet's header (bold). */
  header: number;
  /** cellXfs index of a body cell in a number format (default font). */
  body(format: NumberFormat): number;
  /** dxfs index of a highlight's fill and font. */
  dxf(h: Highlight): number;
  /** cellXfs index of an analysis-sheet cell of a row style, in a number format (null: none). */
  report(style: RowStyle, format: NumberFormat | null): number;
}

/** What each row style of the analysis sheet looks like (as the removed ExcelJS writer had it). */
const ROW_STYLES: Record<RowStyle, Omit<XfSpec, "format">> = {
  title: { font: "title", fill: false, border: false },
  section: { font: "section", fill: false, border: false },
  header: { font: "bold", fill: true, border: false },
  total: { font: "bold", fill: false, border: true },
  note: { font: "note", fill: false, border: false },
  body: { font: "base", fill: false, border: false },
};
const HEADER_SPEC: XfSpec = { font: "bold", fill: false, border: false, format: null };

/** The styles part a package without one gets (Excel's defaults: Calibri 11, the two reserved fills). */
export const MINIMAL_STYLES =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${NS_MAIN}">` +
  `<fonts count="1"><font><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font></fonts>` +
  `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
  `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
  `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
  `<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>` +
  `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles><dxfs count="0"/><tableStyles count="0"/></styleSheet>`;

/**
 * Appends to a workbook's styles part what a run's plan needs: number formats, the bold,
 * title, section and note fonts (the workbook's default font with bold, size or colour
 * changed, so results look like the user's text), the header fill, a thin top border,
 * the cellXfs combining them and a dxf per highlight. Existing entries keep their index
 * and their bytes, so every user cell keeps its look; an entry equal to one already there
 * (an earlier run's) is reused, so re-running adds nothing. Missing sections are created
 * in schema order; `count` attributes follow the entries.
 * @example appendStyles(undefined, plan).styles.header // 1: MINIMAL_STYLES' xf 0, then bold
 */
export function appendStyles(xml: string | undefined, plan: WritePlan): { xml: string; styles: RunStyles } {
  const needs = styleNeeds(plan);
  const book = new StyleBook(xml ?? MINIMAL_STYLES);
  const xfIds = new Map<string, number>();
  for (const spec of needs.specs.values()) xfIds.set(specKey(spec), book.xf(spec));
  const dxfIds = new Map<string, number>();
  for (const h of needs.highlights.values()) dxfIds.set(dxfKey(h), book.dxf(h));
  const lookup = (spec: XfSpec): number => {
    const id = xfIds.get(specKey(spec));
    if (id === undefined) throw new Error(`appendStyles: style ${specKey(spec)} was not planned`);
    return id;
  };
  // The analysis sheet asks once per cell (700,000 cells at full size): its few answers are kept.
  const reportIds = new Map<string, number>();
  const styles: RunStyles = {
    get header() {
      return lookup(HEADER_SPEC);
    },
    body: (format) => lookup({ font: "base", fill: false, border: false, format }),
    report: (style, format) => {
      const key = `${style}|${format}`;
      let id = reportIds.get(key);
      if (id === undefined) reportIds.set(key, (id = lookup({ ...ROW_STYLES[style], format })));
      return id;
    },
    dxf: (h) => {
      const id = dxfIds.get(dxfKey(h));
      if (id === undefined) throw new Error(`appendStyles: highlight ${dxfKey(h)} was not planned`);
      return id;
    },
  };
  return { xml: book.toXml(), styles };
}

/** Every cell style and highlight a plan's writers will ask for. */
function styleNeeds(plan: WritePlan): { specs: Map<string, XfSpec>; highlights: Map<string, Highlight> } {
  const specs = new Map<string, XfSpec>();
  const highlights = new Map<string, Highlight>();
  const add = (spec: XfSpec) => specs.set(specKey(spec), spec);
  if (plan.created || plan.sheets.some((s) => s.columns.length > 0)) add(HEADER_SPEC);
  for (const sheet of plan.sheets) {
    for (const col of sheet.columns) {
      add({ font: "base", fill: false, border: false, format: col.format });
      for (const f of col.cellFormats ?? []) if (f) add({ font: "base", fill: false, border: false, format: f });
      for (const h of col.highlights ?? []) highlights.set(dxfKey(h), h);
    }
  }
  const seen = new Set<string>();
  for (const row of plan.planSheet ? [...plan.report.rows, ...plan.planSheet.rows] : plan.report.rows) {
    for (let c = 0; c < row.cells.length; c++) {
      const format = row.formats?.[c] ?? null;
      const key = `${row.style}|${format}`;
      if (seen.has(key)) continue;
      seen.add(key);
      add({ ...ROW_STYLES[row.style], format });
    }
  }
  return { specs, highlights };
}

function specKey(s: XfSpec): string {
  return `${s.font}|${s.fill ? "fill" : ""}|${s.border ? "border" : ""}|${s.format ?? ""}`;
}

function dxfKey(h: Highlight): string {
  return `${h.fill}|${h.font}`;
}
