import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import type ExcelJS from "exceljs";
import JSZip from "jszip";
import { loadWorkbook, toCell } from "../support/loadWorkbook";
import { parseAddress, quoteSheetName } from "./address";
import {
  type CellData,
  type FontData,
  type SheetModel,
  type ValidationRule,
  type Visibility,
  WorkbookModel,
  cellKey,
} from "./model";
import { modelFromJson, modelToJson, type WorkbookJson } from "./serialize";

/**
 * Loads .xlsx workbooks into the double's model (Node only: tests and the
 * end-to-end harness build the model here and hand it to the browser as JSON or
 * through the same code bundled). Cells hold what Office.js would report: dates as
 * serial numbers, formulas with their cached results, rich text as plain text.
 */

const STATE: Record<string, Visibility> = { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" };

/** ExcelJS colours are ARGB ("FFRRGGBB"); theme colours have no fixed RGB and are left out. */
function rgb(color: Partial<ExcelJS.Color> | undefined): string | undefined {
  const argb = color?.argb;
  return typeof argb === "string" && /^[0-9a-f]{8}$/i.test(argb) ? `#${argb.slice(2).toUpperCase()}` : undefined;
}

/** Only what differs from Excel's default font is kept, so untouched cells stay bare. */
function fontOf(font: Partial<ExcelJS.Font> | undefined): FontData | undefined {
  if (!font) return undefined;
  const out: FontData = {};
  if (font.bold) out.bold = true;
  if (font.italic) out.italic = true;
  const color = rgb(font.color);
  if (color && color !== "#000000") out.color = color;
  if (typeof font.size === "number" && font.size !== 11) out.size = font.size;
  return Object.keys(out).length > 0 ? out : undefined;
}

function cellOf(cell: ExcelJS.Cell, date1904: boolean): CellData {
  const out: CellData = {};
  const value = toCell(cell.value, date1904);
  if (value !== null && value !== "") out.value = value;
  const formula = cell.formula;
  if (formula) out.formula = `=${formula}`;
  if (cell.numFmt && cell.numFmt !== "General") out.numberFormat = cell.numFmt;
  const font = fontOf(cell.font);
  if (font) out.font = font;
  const fill = cell.fill?.type === "pattern" && cell.fill.pattern === "solid" ? rgb(cell.fill.fgColor) : undefined;
  if (fill) out.fill = fill;
  return out;
}

interface ExcelJSTable {
  table: { name: string; tableRef?: string; ref?: string; totalsRow?: boolean; columns: { name: string }[] };
}

interface ExcelJSConditionalFormatting {
  ref: string;
  rules: {
    type: string;
    formulae?: string[];
    style?: {
      fill?: { fgColor?: Partial<ExcelJS.Color>; bgColor?: Partial<ExcelJS.Color> };
      font?: Partial<ExcelJS.Font>;
    };
  }[];
}

/** A note's plain text: ExcelJS gives a string or rich-text runs. */
function noteText(note: ExcelJS.Cell["note"]): string {
  if (typeof note === "string") return note;
  return (note as { texts?: { text: string }[] } | undefined)?.texts?.map((t) => t.text).join("") ?? "";
}

/**
 * What the user keeps beside the cells: merged areas, notes, validation, hidden rows and
 * columns, the AutoFilter block, frozen panes and the print area (a name scoped to the sheet,
 * as Excel keeps it). ExcelJS gives no note authors and no AutoFilter criteria; modelFromFile
 * reads the criteria from the package itself.
 */
function keepUserLayout(model: WorkbookModel, ws: ExcelJS.Worksheet, sheet: SheetModel): void {
  const raw = ws as unknown as {
    _merges: Record<string, { range: string }>;
    dataValidations: { model: Record<string, ValidationRule> };
  };
  for (const merge of Object.values(raw._merges)) {
    const box = parseAddress(merge.range)?.box;
    if (box) sheet.merges.push(box);
  }
  for (const [address, rule] of Object.entries(raw.dataValidations.model)) {
    const box = parseAddress(address.replace(/^range:/, ""))?.box;
    if (!box) continue;
    for (let r = box.top; r <= box.bottom; r++)
      for (let c = box.left; c <= box.right; c++)
        sheet.validations.set(cellKey(r, c), JSON.parse(JSON.stringify(rule)) as ValidationRule);
  }
  ws.eachRow({ includeEmpty: true }, (row, r) => {
    if (row.hidden) sheet.hiddenRows.add(r - 1);
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (cell.note !== undefined) sheet.notes.set(cellKey(r - 1, c - 1), { text: noteText(cell.note) });
    });
  });
  (ws.columns ?? []).forEach((col, i) => col.hidden && sheet.hiddenColumns.add(i));
  const filter = ws.autoFilter;
  const filterRef =
    typeof filter === "string" ? filter : filter ? `${String(filter.from)}:${String(filter.to)}` : undefined;
  const filterBox = filterRef ? parseAddress(filterRef)?.box : undefined;
  if (filterBox) sheet.autoFilter = { box: filterBox, criteria: {} };
  const view = ws.views?.[0];
  if (view?.state === "frozen" && ((view.xSplit ?? 0) > 0 || (view.ySplit ?? 0) > 0))
    sheet.freeze = { rows: view.ySplit ?? 0, cols: view.xSplit ?? 0 };
  for (const area of (ws.pageSetup.printArea ?? "").split(",").filter(Boolean)) {
    const absolute = area.replace(/\$?([A-Z]+)\$?(\d+)/g, "$$$1$$$2");
    model.names.push({ name: "Print_Area", sheetId: sheet.id, formula: `=${quoteSheetName(sheet.name)}!${absolute}` });
  }
}

/** The model of an ExcelJS workbook: sheets in order with state, cells, widths, tables and conditional formats. */
export function modelFromWorkbook(workbook: ExcelJS.Workbook): WorkbookModel {
  const model = new WorkbookModel();
  const date1904 = workbook.properties.date1904 === true;
  model.date1904 = date1904;
  for (const ws of workbook.worksheets) {
    const extra = ws as unknown as {
      sheetProtection?: { sheet?: boolean };
      tables?: Record<string, ExcelJSTable>;
      conditionalFormattings?: ExcelJSConditionalFormatting[];
    };
    const sheet = model.addSheet(ws.name, {
      visibility: STATE[ws.state] ?? "Visible",
      protected: extra.sheetProtection?.sheet === true,
    });
    ws.eachRow({ includeEmpty: false }, (row, r) =>
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        // ExcelJS gives every cell of a merged area the top-left cell's value; Excel holds it in the top-left cell only.
        const { value: _shown, formula: _f, ...format } = cellOf(cell, date1904);
        sheet.put(
          r - 1,
          c - 1,
          cell.isMerged && cell.master.address !== cell.address ? format : cellOf(cell, date1904),
        );
      }),
    );
    (ws.columns ?? []).forEach((col, i) => {
      // Excel's width unit is characters of the default font: about 7 px each plus 5 px padding; 0.75 pt a pixel.
      if (typeof col.width === "number") sheet.columnWidths.set(i, Math.round((col.width * 7 + 5) * 0.75 * 100) / 100);
    });
    keepUserLayout(model, ws, sheet);
    for (const { table } of Object.values(extra.tables ?? {})) {
      const box = parseAddress(table.tableRef ?? table.ref ?? "")?.box;
      if (!box) continue;
      model.tables.push({
        id: model.nextId("plain"),
        name: table.name,
        sheetId: sheet.id,
        box,
        showTotals: table.totalsRow === true,
        columns: table.columns.map((col, i) => ({ id: i + 1, name: col.name })),
      });
    }
    for (const cf of extra.conditionalFormattings ?? []) {
      for (const ref of cf.ref.split(" ")) {
        const box = parseAddress(ref)?.box;
        if (!box) continue;
        for (const rule of cf.rules) {
          const custom = rule.type === "expression";
          const fill = rgb(rule.style?.fill?.bgColor) ?? rgb(rule.style?.fill?.fgColor);
          const fontColor = rgb(rule.style?.font?.color);
          model.conditionalFormats.push({
            id: model.nextId("plain"),
            sheetId: sheet.id,
            box,
            type: custom ? "Custom" : rule.type,
            ...(custom && rule.formulae?.[0] ? { formula: `=${rule.formulae[0].replace(/^=/, "")}` } : {}),
            ...(fill ? { fill } : {}),
            ...(fontColor ? { fontColor } : {}),
            ...(rule.style?.font?.bold ? { bold: true } : {}),
          });
        }
      }
    }
  }
  for (const { name, ranges } of (workbook.definedNames as unknown as { model: { name: string; ranges: string[] }[] })
    .model) {
    model.names.push({ name, sheetId: null, formula: `=${ranges.join(",")}` });
  }
  const active = model.sheets[workbook.views?.[0]?.activeTab ?? 0];
  if (active) model.activeSheetId = active.id;
  return model;
}

/** Reads an .xlsx file (through the project's loader, which repairs packages ExcelJS cannot read) into a model, with the AutoFilter criteria and name scopes ExcelJS drops. */
export async function modelFromFile(path: string): Promise<WorkbookModel> {
  return modelFromBytes(readFileSync(path));
}

/**
 * Models already read in this test file, by the SHA-1 of their bytes. ExcelJS takes ~1.2 s of CPU to
 * read the 5,857-order sample and rebuilding the model from its JSON ~0.16 s, so a file that opens
 * the same workbook in every test reads it once (issue 12). Each call still gets its own model.
 */
const read = new Map<string, WorkbookJson>();

/** The model of an .xlsx package's bytes (see modelFromFile): a fresh copy of a model read once per test file. */
export async function modelFromBytes(bytes: Buffer): Promise<WorkbookModel> {
  const key = createHash("sha1").update(bytes).digest("hex");
  let json = read.get(key);
  if (!json) {
    json = modelToJson(await readModel(bytes));
    read.set(key, json);
  }
  return modelFromJson(json);
}

async function readModel(bytes: Buffer): Promise<WorkbookModel> {
  const model = modelFromWorkbook(await loadWorkbook(bytes));
  const { criteria, names } = await readPackage(bytes);
  for (const sheet of model.sheets) {
    const found = criteria.get(sheet.name);
    if (sheet.autoFilter && found) sheet.autoFilter.criteria = found;
  }
  // Every defined name as the workbook stores it, with its scope (ExcelJS makes sheet-level names global and keeps print areas apart).
  model.names.length = 0;
  for (const n of names) {
    const sheetId = n.scope === undefined ? null : (model.sheet(n.scope)?.id ?? null);
    model.names.push({ name: n.name, sheetId, formula: n.formula });
  }
  return model;
}

/**
 * What ExcelJS drops, read from the package: each sheet's AutoFilter criteria (column offset →
 * the `<filterColumn>`'s XML) and the defined names with their scope (the sheet's name) and
 * formula ("_xlnm." taken off built-in names, as Excel shows `Print_Area`).
 */
async function readPackage(bytes: Buffer): Promise<{
  criteria: Map<string, Record<string, string>>;
  names: { name: string; scope?: string; formula: string }[];
}> {
  const zip = await JSZip.loadAsync(bytes);
  const text = async (name: string): Promise<string> =>
    (await zip.file(name.replace(/^\//, ""))?.async("string")) ?? "";
  const rels = new Map(
    [...(await text("xl/_rels/workbook.xml.rels")).matchAll(/<Relationship\b[^>]*>/g)].map((m) => [
      /Id="([^"]+)"/.exec(m[0])?.[1],
      /Target="([^"]+)"/.exec(m[0])?.[1],
    ]),
  );
  const out = new Map<string, Record<string, string>>();
  const workbook = await text("xl/workbook.xml");
  const sheetNames = [...workbook.matchAll(/<sheet\b[^>]*>/g)].map((m) =>
    decodeXml(/name="([^"]*)"/.exec(m[0])?.[1] ?? ""),
  );
  const names = [...workbook.matchAll(/<definedName\b([^>]*)>([\s\S]*?)<\/definedName>/g)].map((m) => {
    const local = /localSheetId="(\d+)"/.exec(m[1]!)?.[1];
    const name = decodeXml(/name="([^"]*)"/.exec(m[1]!)?.[1] ?? "").replace(/^_xlnm\./, "");
    const scope = local === undefined ? undefined : sheetNames[Number(local)];
    return { name, ...(scope === undefined ? {} : { scope }), formula: `=${decodeXml(m[2]!)}` };
  });
  for (const m of workbook.matchAll(/<sheet\b[^>]*>/g)) {
    const name = decodeXml(/name="([^"]*)"/.exec(m[0])?.[1] ?? "");
    const target = rels.get(/r:id="([^"]+)"/.exec(m[0])?.[1]);
    if (!target) continue;
    const xml = await text(target.startsWith("/") ? target : `xl/${target}`);
    const filter = /<autoFilter\b[^>]*>([\s\S]*?)<\/autoFilter>/.exec(xml)?.[1];
    if (!filter) continue;
    const columns: Record<string, string> = {};
    for (const col of filter.matchAll(/<filterColumn\b[^>]*colId="(\d+)"[^>]*>([\s\S]*?)<\/filterColumn>/g))
      columns[col[1]!] = col[2]!;
    out.set(name, columns);
  }
  return { criteria: out, names };
}

function decodeXml(text: string): string {
  return text.replace(
    /&(lt|gt|quot|apos|amp);/g,
    (_m, e: string) => ({ lt: "<", gt: ">", quot: '"', apos: "'", amp: "&" })[e]!,
  );
}
