import type { WritePlan } from "../../core/output";
import type { WorkbookRecord } from "../../core/record";
import type { Lang } from "../../i18n";
import { combineWorkbooks, type CombineInput, type CombineResult } from "../combineWorkbooks";
import type { Progress, WorkbookPort } from "../port";
import { excelPort, type ExcelPortOptions } from "./excelPort";
import type { ExcelMeta } from "./readExcel";

/** What the pane's Combine asks: the output language and month, and whether the open workbook's own sheets take part. */
export interface CombineRequest {
  lang: Lang;
  month?: string;
  includeOwn: boolean;
  /** How the open workbook is named in the Source column and data issues. */
  ownName: string;
}

export interface CombineInExcelOptions {
  port?: ExcelPortOptions;
  signal?: AbortSignal;
  runAt: string;
  canResizeTables: boolean;
  /** The workbook's sheets and record, as read (or repaired) at the run's start. */
  meta?: ExcelMeta;
}

/**
 * The team review into the open workbook (issue 17): the picked files (and, when asked, the
 * workbook's own sheets, read as a single run reads them but for earlier combined sheets) are
 * combined as the command line combines them; the combined sheets are new sheets beside the
 * user's (never over one: `客户表 (2)`), written by the run's writer with the owned columns and
 * the analysis sheet, and recorded as owned (`kind: "combined"`), so Undo takes them away.
 */
export async function combineInExcel(
  context: Excel.RequestContext,
  request: CombineRequest,
  files: readonly CombineInput[],
  options: CombineInExcelOptions,
  generatedAt: string,
  onProgress?: (p: Progress) => void,
): Promise<CombineResult & { plan: WritePlan }> {
  const { signal, runAt, canResizeTables } = options;
  const port = excelPort(context, options.port, {
    signal,
    runAt,
    canResizeTables,
    ...(options.meta ? { meta: options.meta } : {}),
  });
  const meta = await port.readMeta();
  const inputs = request.includeOwn ? [ownInput(context, request.ownName, meta.record, options), ...files] : [...files];
  const result = await combineWorkbooks(inputs, {
    lang: request.lang,
    ...(request.month ? { month: request.month } : {}),
    generatedAt,
    sheetNames: meta.sheetNames,
    dateSystem: meta.dateSystem,
    onInput: (done) => onProgress?.({ stage: "read", done, total: inputs.length }),
  });
  onProgress?.({ stage: "compute", done: 0, total: 1 });
  const plan: WritePlan = {
    ...result.plan,
    combined: result.merged.grids.map((g, i) => ({
      sheet: g.sheet,
      rows: g.values,
      formats: result.merged.formats[i],
    })),
  };
  const record = keptRecord(meta.record, result.record);
  await port.write(plan, record, [], onProgress);
  return { ...result, plan, record };
}

/**
 * The workbook's record after a combine: what earlier runs own stays owned (their columns and
 * sheets), the combine's columns and sheets join it; the workbook's saved settings stay its own.
 */
function keptRecord(previous: WorkbookRecord, combined: WorkbookRecord): WorkbookRecord {
  return {
    ...previous,
    version: combined.version,
    owned: [...previous.owned, ...combined.owned],
    ownedSheets: [...previous.ownedSheets, ...combined.ownedSheets],
  };
}

/** The open workbook as an input: read through its own port, earlier combined sheets left out (they are our output, not the user's data). */
function ownInput(
  context: Excel.RequestContext,
  name: string,
  record: WorkbookRecord,
  options: CombineInExcelOptions,
): CombineInput {
  const combined = record.ownedSheets.filter((s) => s.kind === "combined").map((s) => s.sheet);
  return {
    name,
    open: async () => {
      const port: WorkbookPort = excelPort(context, options.port, {
        signal: options.signal,
        ...(options.meta ? { meta: options.meta } : {}),
      });
      return {
        readMeta: () => port.readMeta(),
        readGrids: (skip, onProgress) => port.readGrids(new Set([...skip, ...combined]), onProgress),
        blockedTables: () => port.blockedTables?.() ?? [],
        write: async () => {
          throw new Error("combineInExcel: the open workbook is an input here, written only as the output");
        },
        close: async () => {},
      };
    },
  };
}
