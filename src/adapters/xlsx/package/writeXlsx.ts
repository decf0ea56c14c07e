import { createWriteStream } from "node:fs";
import type { Readable } from "node:stream";
import type { WritePlan } from "../../../core/output";
import type { WorkbookRecord } from "../../../core/record";
import { readTablePart } from "../stream/readTablePart";
import { chartParts } from "./charts";
import { createdSheetXml, recordSheetXml, reportSheetXml } from "./newSheets";
import type { XlsxPackage } from "./openXlsx";
import { patchSheet } from "./patchSheet";
import { patchTable } from "./patchTable";
import { planPackage } from "./planPackage";
import { appendStyles } from "./styles";
import { PIPE_AHEAD, writeZip, type ZipEntry } from "./zipWriter";

/**
 * Deflate level of the parts the run writes. 1 (zlib's fastest): a package is mostly XML that
 * even level 1 shrinks several times over, and the patched sheets are most of its bytes, so
 * the level decides how long a 1,048,575-row workbook takes (see docs/decisions.md).
 */
export const COMPRESSION_LEVEL = 1;

type Source = () => Promise<Readable | string>;

/**
 * Writes the run's output package to `outFile`: every entry of the input in its order,
 * unchanged ones copied as they are stored (never inflated), the patched input sheets
 * streamed through `patchSheet`, their tables widened, styles appended to, the review and
 * record sheets replaced in place, workbook.xml, its relationships and the content types
 * edited, then the new parts. Entries are opened one at a time (see `writeZip`), so a
 * 150 MB sheet part never sits in memory. Rejects on the first error of any part. `onSheet`
 * hears of each input sheet as its part starts streaming into the file.
 */
export async function writeXlsx(
  pkg: XlsxPackage,
  plan: WritePlan,
  record: WorkbookRecord,
  replaceSheets: readonly string[],
  outFile: string,
  level = COMPRESSION_LEVEL,
  onSheet?: (sheet: string) => void,
): Promise<void> {
  const layout = await planPackage(
    pkg,
    plan,
    replaceSheets,
    async (part) => readTablePart(await pkg.readText(part), part).name,
  );
  const { xml: stylesXml, styles } = appendStyles(
    layout.stylesIsNew ? undefined : await pkg.readText(layout.stylesPart),
    plan,
  );

  const generated = new Map<string, Source>();
  const put = (part: string, source: Source) => generated.set(part.toLowerCase(), source);
  for (const [part, text] of layout.edited) put(part, async () => text);
  put(layout.stylesPart, async () => stylesXml);
  put(layout.reportPart, async () => reportSheetXml(plan.report, styles, layout.charts?.drawingRid));
  const planSheet = plan.planSheet;
  if (planSheet && layout.planPart) put(layout.planPart, async () => reportSheetXml(planSheet, styles));
  if (layout.charts) {
    const c = layout.charts;
    const parts = chartParts(
      plan.report,
      c.chartParts.map((p) => p.slice(p.lastIndexOf("/") + 1)),
    );
    put(c.sheetRelsPart, async () => c.sheetRels);
    put(c.drawingPart, async () => parts.drawing);
    put(c.drawingRelsPart, async () => parts.drawingRels);
    c.chartParts.forEach((p, i) => put(p, async () => parts.charts[i]));
  }
  const created = plan.created;
  const createdPlan = layout.createdPlan === undefined ? undefined : plan.sheets[layout.createdPlan];
  if (created && layout.createdPart)
    put(layout.createdPart, async () =>
      createdPlan
        ? patchSheet(createdSheetXml(created, styles), createdPlan, styles)
        : createdSheetXml(created, styles),
    );
  put(layout.recordPart, async () => recordSheetXml(record));
  for (const p of layout.patched) {
    const sheetPlan = plan.sheets[p.plan];
    put(p.part, async () => {
      onSheet?.(sheetPlan.sheet);
      return pkg.writeOwned?.(p.part, sheetPlan, styles) ?? patchSheet(await pkg.openStream(p.part), sheetPlan, styles);
    });
    const table = p.tablePart;
    if (table) put(table, async () => patchTable(await pkg.readText(table), sheetPlan));
  }

  const dropped = new Set([...layout.dropped].map((p) => p.toLowerCase()));
  const entries: ZipEntry[] = [];
  for (const name of pkg.entries) {
    const source = generated.get(name.toLowerCase());
    if (source) entries.push({ name, open: source });
    else if (!dropped.has(name.toLowerCase())) entries.push({ name, raw: () => pkg.openRaw(name) });
  }
  for (const name of layout.added) {
    const source = generated.get(name.toLowerCase());
    if (!source) throw new Error(`writeXlsx: nothing to write for ${name}`);
    entries.push({ name, open: source });
  }
  await writeZipFile(entries, outFile, level);
}

/** The zip written to `outFile`; on failure the file stream is closed (the caller removes the file). */
async function writeZipFile(entries: ZipEntry[], outFile: string, level: number): Promise<void> {
  const out = createWriteStream(outFile, { highWaterMark: PIPE_AHEAD });
  try {
    await writeZip(entries, out, level);
  } catch (e) {
    out.destroy();
    throw e;
  }
}
