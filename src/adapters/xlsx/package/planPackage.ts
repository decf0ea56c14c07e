import type { WritePlan } from "../../../core/output";
import { RECORD_SHEET } from "../../../core/record";
import { CT_CHART, CT_DRAWING, REL_DRAWING } from "./charts";
import { NS_PKG_REL, NS_REL } from "./namespaces";
import type { XlsxPackage } from "./openXlsx";
import { relsPathOf, resolveTarget } from "./openXlsxParts";
import { relativeTarget, unreferencedParts } from "./unreferencedParts";
import { childrenNamed, outlineXml, Splices, type XmlElement } from "./xmlOutline";
import { decodeXml, escapeXmlAttr } from "./xmlText";

const CT_WORKSHEET = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
const CT_STYLES = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml";
const CT_RELS = "application/vnd.openxmlformats-package.relationships+xml";
const CONTENT_TYPES = "[Content_Types].xml";

/** Where each part the run writes goes, and how the small parts that list them change. */
export interface PackageLayout {
  /** Part path of the analysis sheet (an earlier review sheet's part when it is replaced in place). */
  reportPart: string;
  /** Part path of next month's plan sheet, likewise. */
  planPart?: string;
  /** The report sheet's relationships part and its drawing and chart parts, when it has charts. */
  charts?: {
    sheetRelsPart: string;
    sheetRels: string;
    drawingRid: string;
    drawingPart: string;
    drawingRelsPart: string;
    chartParts: string[];
  };
  createdPart?: string;
  /** The sheet plan of the owned columns written into the created sheet (it is a customer sheet like any). */
  createdPlan?: number;
  recordPart: string;
  /** The styles part (new when the package had none). */
  stylesPart: string;
  stylesIsNew: boolean;
  /** Input sheet parts that receive owned columns, with their sheet plan's index, and the table part widened. */
  patched: { part: string; plan: number; tablePart?: string }[];
  /** Edited small parts, by part path. */
  edited: Map<string, string>;
  /** Parts of a replaced sheet nothing else refers to (old drawings and charts, old relationships). */
  dropped: Set<string>;
  /** Parts this run adds, in the order they are written after the input's entries. */
  added: string[];
}

interface SheetEntry {
  name: string;
  el: XmlElement;
  part: string;
}

/**
 * Lays out the output package: which input sheet parts are patched, which sheet parts are
 * replaced in place (the review sheet of the same month, the record sheet: same part, rId,
 * sheetId and tab position, so no sheet index shifts), where new parts go, and the edits
 * of workbook.xml, its relationships and [Content_Types].xml, spliced into their text so
 * every other byte stays. New sheets go at the end; the record sheet is very hidden.
 */
export async function planPackage(
  pkg: XlsxPackage,
  plan: WritePlan,
  replaceSheets: readonly string[],
  tableNames: (part: string) => Promise<string>,
): Promise<PackageLayout> {
  const wbPath = pkg.workbookPath;
  const wbDir = wbPath.slice(0, wbPath.lastIndexOf("/") + 1);
  const wbXml = await pkg.readText(wbPath);
  const wbRelsPath = relsPathOf(wbPath);
  const relsXml = await pkg.readText(wbRelsPath);
  const ctXml = await pkg.readText(CONTENT_TYPES);
  // Only what the package writer edits is outlined: <workbook>, its children and theirs (<sheet>).
  const wb = outlineXml(wbXml, 3);
  const rels = outlineXml(relsXml);
  const ct = outlineXml(ctXml);
  const sheetsEl = childrenNamed(wb, "sheets")[0];
  if (!sheetsEl) throw new Error(`${wbPath} has no <sheets>`);
  const targets = new Map(childrenNamed(rels, "Relationship").map((r) => [decodeXml(r.attrs.Id ?? ""), r]));
  const idAttr = relIdAttr(sheetsEl.children[0]);
  const sheets: SheetEntry[] = childrenNamed(sheetsEl, "sheet").map((el) => {
    const rel = targets.get(decodeXml(el.attrs[idAttr] ?? ""));
    return {
      name: decodeXml(el.attrs.name ?? ""),
      el,
      part: rel ? resolveTarget(wbPath, decodeXml(rel.attrs.Target ?? "")) : "",
    };
  });
  const byName = (name: string) => {
    const found = sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
    if (found && !found.part) throw new Error(`writeXlsx: sheet "${found.name}" has no part in ${wbRelsPath}`);
    return found;
  };

  const planName = plan.planSheet?.sheet;
  for (const name of replaceSheets)
    if (name !== plan.report.sheet && name !== planName)
      throw new Error(`writeXlsx: only the review and plan sheets are replaced in place, not "${name}"`);
  const oldReport = replaceSheets.includes(plan.report.sheet) ? byName(plan.report.sheet) : undefined;
  if (!oldReport && byName(plan.report.sheet))
    throw new Error(`writeXlsx: sheet "${plan.report.sheet}" exists and is not to be replaced`);
  const oldPlan = planName !== undefined && replaceSheets.includes(planName) ? byName(planName) : undefined;
  if (planName !== undefined && !oldPlan && byName(planName))
    throw new Error(`writeXlsx: sheet "${planName}" exists and is not to be replaced`);
  if (plan.created && byName(plan.created.sheet)) throw new Error(`writeXlsx: sheet "${plan.created.sheet}" exists`);
  const oldRecord = byName(RECORD_SHEET);

  const replaced = [oldReport?.part, oldPlan?.part, oldRecord?.part].filter((p): p is string => !!p);
  const dropped = await unreferencedParts(pkg, replaced);
  for (const p of replaced) if (pkg.has(relsPathOf(p))) dropped.add(relsPathOf(p));
  const droppedLower = new Set([...dropped].map((p) => p.toLowerCase()));

  const wbEdits = new Splices(wbXml);
  const relEdits = new Splices(relsXml);
  const ctEdits = new Splices(ctXml);
  // Names of dropped parts are free again, so a re-run of the same month writes the same part names.
  const taken = new Set(pkg.entries.map((e) => e.toLowerCase()).filter((e) => !droppedLower.has(e)));
  const added: string[] = [];
  const overrides: [string, string][] = [];
  const newPart = (dir: string, base: string, type?: string): string => {
    let n = 1;
    const pattern = new RegExp(`^${escapeRe(`${wbDir}${dir}/${base}`.toLowerCase())}(\\d+)\\.xml$`);
    for (const e of taken) {
      const m = pattern.exec(e);
      if (m) n = Math.max(n, Number(m[1]) + 1);
    }
    const part = `${wbDir}${dir}/${base}${n}.xml`;
    taken.add(part.toLowerCase());
    added.push(part);
    if (type) overrides.push([part, type]);
    return part;
  };
  const usedIds = new Set(targets.keys());
  const relType = (kind: string) => {
    const any = [...targets.values()].map((r) => decodeXml(r.attrs.Type ?? "")).find((t) => t.endsWith("/worksheet"));
    return any
      ? any.replace(/worksheet$/, kind)
      : `http://schemas.openxmlformats.org/officeDocument/2006/relationships/${kind}`;
  };
  const addRel = (kind: string, part: string): string => {
    let n = usedIds.size + 1;
    while (usedIds.has(`rId${n}`)) n++;
    const id = `rId${n}`;
    usedIds.add(id);
    relEdits.appendChild(
      rels,
      `<${qual(rels, "Relationship")} Id="${id}" Type="${relType(kind)}" Target="${escapeXmlAttr(relativeTarget(wbPath, part))}"/>`,
    );
    return id;
  };
  // openpyxl declares the relationships prefix on each <sheet>, not on the root: new sheets then do too.
  const idPrefix = idAttr.slice(0, idAttr.indexOf(":"));
  const declared = (el: XmlElement) => el.attrs[`xmlns:${idPrefix}`] !== undefined;
  const idNs =
    declared(wb) || declared(sheetsEl)
      ? ""
      : `xmlns:${idPrefix}="${sheetsEl.children[0]?.attrs[`xmlns:${idPrefix}`] ?? NS_REL}" `;
  let maxSheetId = Math.max(0, ...sheets.map((s) => Number(s.el.attrs.sheetId) || 0));
  const addSheet = (name: string, part: string, hidden: boolean) => {
    const id = addRel("worksheet", part);
    const state = hidden ? ' state="veryHidden"' : "";
    wbEdits.appendChild(
      sheetsEl,
      `<${qual(sheetsEl, "sheet")} ${idNs}name="${escapeXmlAttr(name)}" sheetId="${++maxSheetId}"${state} ${idAttr}="${id}"/>`,
    );
  };

  const createdPart = plan.created ? newPart("worksheets", "sheet", CT_WORKSHEET) : undefined;
  if (plan.created && createdPart) addSheet(plan.created.sheet, createdPart, false);
  const reportPart = oldReport ? oldReport.part : newPart("worksheets", "sheet", CT_WORKSHEET);
  if (!oldReport) addSheet(plan.report.sheet, reportPart, false);
  const planPart =
    planName === undefined ? undefined : oldPlan ? oldPlan.part : newPart("worksheets", "sheet", CT_WORKSHEET);
  if (planName !== undefined && planPart && !oldPlan) addSheet(planName, planPart, false);
  const recordPart = oldRecord ? oldRecord.part : newPart("worksheets", "sheet", CT_WORKSHEET);
  if (oldRecord && oldRecord.el.attrs.state !== "veryHidden") wbEdits.setAttr(oldRecord.el, "state", "veryHidden");
  if (!oldRecord) addSheet(RECORD_SHEET, recordPart, true);

  let charts: PackageLayout["charts"];
  if (plan.report.charts.length > 0) {
    const drawingPart = newPart("drawings", "drawing", CT_DRAWING);
    const chartParts = plan.report.charts.map(() => newPart("charts", "chart", CT_CHART));
    const sheetRelsPart = relsPathOf(reportPart);
    const drawingRelsPart = relsPathOf(drawingPart);
    added.push(sheetRelsPart, drawingRelsPart);
    const sheetRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS_PKG_REL}"><Relationship Id="rId1" Type="${REL_DRAWING}" Target="${escapeXmlAttr(relativeTarget(reportPart, drawingPart))}"/></Relationships>`;
    charts = { sheetRelsPart, sheetRels, drawingRid: "rId1", drawingPart, drawingRelsPart, chartParts };
  }

  let stylesPart = pkg.stylesPath;
  const stylesIsNew = !stylesPart;
  if (!stylesPart) {
    stylesPart = `${wbDir}styles.xml`;
    if (taken.has(stylesPart.toLowerCase()))
      throw new Error(`writeXlsx: ${stylesPart} exists but the workbook does not relate it`);
    taken.add(stylesPart.toLowerCase());
    added.push(stylesPart);
    overrides.push([stylesPart, CT_STYLES]);
    addRel("styles", stylesPart);
  }

  const patched: PackageLayout["patched"] = [];
  let createdPlan: number | undefined;
  for (let i = 0; i < plan.sheets.length; i++) {
    const sp = plan.sheets[i];
    if (sp.columns.length === 0) continue;
    if (sp.sheet === plan.created?.sheet) {
      createdPlan = i;
      continue;
    }
    const info = pkg.sheets.find((s) => s.name === sp.sheet);
    if (!info) throw new Error(`writeXlsx: sheet ${sp.sheet} is gone`);
    let tablePart: string | undefined;
    if (sp.table !== undefined)
      for (const t of info.tables) if ((await tableNames(t.partPath)) === sp.table) tablePart = t.partPath;
    patched.push({ part: info.partPath, plan: i, ...(tablePart ? { tablePart } : {}) });
  }

  // [Content_Types].xml: no override for a dropped part, one for each new part, rels covered.
  for (const o of childrenNamed(ct, "Override")) {
    const name = decodeXml(o.attrs.PartName ?? "")
      .replace(/^\//, "")
      .toLowerCase();
    if (droppedLower.has(name)) ctEdits.replace(o.start, o.end, "");
  }
  const hasRelsDefault = childrenNamed(ct, "Default").some(
    (d) => decodeXml(d.attrs.Extension ?? "").toLowerCase() === "rels",
  );
  const newCt = overrides.map(
    ([part, type]) => `<${qual(ct, "Override")} PartName="/${escapeXmlAttr(part)}" ContentType="${type}"/>`,
  );
  if (!hasRelsDefault && added.some((p) => p.endsWith(".rels")))
    newCt.unshift(`<${qual(ct, "Default")} Extension="rels" ContentType="${CT_RELS}"/>`);
  if (newCt.length > 0) ctEdits.appendChild(ct, newCt.join(""));

  const edited = new Map<string, string>([
    [wbPath, wbEdits.apply()],
    [wbRelsPath, relEdits.apply()],
    [CONTENT_TYPES, ctEdits.apply()],
  ]);
  // A part written again under an input entry's name takes that entry's place in the zip.
  return {
    reportPart,
    ...(planPart ? { planPart } : {}),
    charts,
    createdPart,
    createdPlan,
    recordPart,
    stylesPart,
    stylesIsNew,
    patched,
    edited,
    dropped,
    added: added.filter((p) => !pkg.has(p)),
  };
}

/** The attribute that carries a sheet's relationship id, with the prefix this workbook gave it. */
function relIdAttr(sheet: XmlElement | undefined): string {
  const key = sheet && Object.keys(sheet.attrs).find((k) => k === "r:id" || /^[^:]+:id$/.test(k));
  return key ?? "r:id";
}

function qual(parent: XmlElement, local: string): string {
  return parent.prefix ? `${parent.prefix}:${local}` : local;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
