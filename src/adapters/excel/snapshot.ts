import { checkAborted } from "./cancel";
import { rowJsonBytes } from "./chunking";
import { normalize, type HeaderValue, type SheetLayout } from "./layout";
import { readInChunks, READ_FILL, type ChunkSource } from "./readInChunks";

/** A block of cells in a user's sheet that a run overwrites (0-based). */
export interface Block {
  sheet: string;
  row: number;
  col: number;
  rows: number;
  cols: number;
}

/**
 * A cell as it was: row and column offsets in its block, what to assign to `formulas` to
 * put it back (a formula, text with Excel's apostrophe, a number or a boolean), and its
 * number format unless General. Empty unformatted cells are not kept.
 */
export type SavedCell = [number, number, string | number | boolean, string?];

export interface SavedBlock extends Block {
  cells: SavedCell[];
}

/** A custom conditional-format rule that lay inside one of the run's columns. */
export interface SavedRule extends Block {
  formula: string;
  fill?: string;
  font?: string;
}

/** A column whose highlight rules the run replaces (the rules lying inside it are the run's). */
export interface RuleColumn {
  sheet: string;
  col: number;
  row: number;
  rows: number;
}

/** Everything a run overwrites in the user's sheets, as it was: what undo and repair put back. */
export interface UndoSnapshot {
  id: string;
  blocks: SavedBlock[];
  /** Header cells the run makes bold, and whether each was bold. */
  bold: { sheet: string; row: number; col: number; bold: boolean }[];
  ruleColumns: RuleColumn[];
  rules: SavedRule[];
  /** Where the run left its columns and rows, checked before Undo's first change (absent in undo data of earlier versions). */
  layout?: SheetLayout[];
}

/**
 * Reads the cells, header fonts and highlight rules a run is about to overwrite: in one
 * request the used part of each block, the header fonts, the rules touching each column and
 * each sheet's header row (for Undo to check the columns did not move), in a second the
 * rules' ranges and colours, then the used cells in row chunks
 * under the request limit, sized by the bytes sampled rows took (`readInChunks`). A block
 * with nothing stored in it costs no cell read.
 */
export async function readSnapshot(
  context: Excel.RequestContext,
  request: {
    blocks: Block[];
    headers: { sheet: string; row: number; col: number }[];
    ruleColumns: RuleColumn[];
    headerRows: { sheet: string; row: number; width: number }[];
  },
  limitBytes: number,
  signal?: AbortSignal,
): Promise<{ saved: Omit<UndoSnapshot, "id">; ruleHandles: Excel.ConditionalFormat[]; headerRows: HeaderValue[][] }> {
  const ws = (name: string) => context.workbook.worksheets.getItem(name);
  const used = request.blocks.map((b) =>
    ws(b.sheet)
      .getRangeByIndexes(b.row, b.col, b.rows, b.cols)
      .getUsedRangeOrNullObject(false)
      .load("rowIndex,columnIndex,rowCount,columnCount"),
  );
  const fonts = request.headers.map((h) => ws(h.sheet).getRangeByIndexes(h.row, h.col, 1, 1).format.font.load("bold"));
  const lists = request.ruleColumns.map((c) =>
    ws(c.sheet).getRangeByIndexes(c.row, c.col, c.rows, 1).conditionalFormats.load("items/type,items/id"),
  );
  const headerRows = request.headerRows.map((h) => ws(h.sheet).getRangeByIndexes(h.row, 0, 1, h.width).load("values"));
  await context.sync();
  const { rules, handles } = await readRules(context, request.ruleColumns, lists);
  checkAborted(signal);

  const blocks: SavedBlock[] = request.blocks.map((b) => ({ ...b, cells: [] }));
  const areas = used.flatMap((u, i) =>
    u.isNullObject ? [] : [{ block: i, row: u.rowIndex, col: u.columnIndex, rows: u.rowCount, cols: u.columnCount }],
  );
  const source: ChunkSource<Excel.Range> = {
    blocks: areas,
    queue: (k, start, rows) => {
      const a = areas[k];
      return ws(blocks[a.block].sheet)
        .getRangeByIndexes(a.row + start, a.col, rows, a.cols)
        .load("values,formulas,numberFormat");
    },
    rowBytes: (range, r) =>
      rowJsonBytes(range.values[r]) + rowJsonBytes(range.formulas[r]) + rowJsonBytes(range.numberFormat[r]),
    keep: (k, start, range) =>
      keepCells(blocks[areas[k].block], { row: areas[k].row + start, col: areas[k].col }, range),
  };
  await readInChunks(context, source, limitBytes * READ_FILL, signal);
  const bold = request.headers.map((h, i) => ({ ...h, bold: fonts[i].bold === true }));
  return {
    saved: { blocks, bold, ruleColumns: request.ruleColumns, rules },
    ruleHandles: handles,
    headerRows: headerRows.map((h) => h.values[0].map(normalize)),
  };
}

/** Keeps the non-empty cells of a loaded range, in the form that puts each back. */
function keepCells(block: SavedBlock, at: { row: number; col: number }, range: Excel.Range): void {
  const values = range.values;
  const formulas = range.formulas;
  const formats = range.numberFormat;
  for (let r = 0; r < values.length; r++) {
    for (let c = 0; c < values[r].length; c++) {
      const input = restoreInput(values[r][c] as unknown, formulas[r][c] as unknown);
      const format = String(formats[r][c] ?? "General");
      if (input === "" && format === "General") continue;
      const cell: SavedCell = [at.row - block.row + r, at.col - block.col + c, input];
      if (format !== "General") cell.push(format);
      block.cells.push(cell);
    }
  }
}

/**
 * What to assign to `formulas` to put a cell back: its formula, else its text behind
 * Excel's apostrophe (so text stays text), else its number or boolean.
 * @example restoreInput("=A1", "=A1") === "'=A1"; restoreInput(3, "=1+2") === "=1+2"
 */
export function restoreInput(value: unknown, formula: unknown): string | number | boolean {
  if (typeof formula === "string" && formula.startsWith("=") && formula !== value) return formula;
  if (typeof value === "number" || typeof value === "boolean") return value;
  const text = value === null || value === undefined ? "" : String(value);
  return text === "" ? "" : `'${text}`;
}

/**
 * The custom rules lying wholly inside each column (a rule reaching beyond it is the user's
 * and is left alone), and their objects, for the run to delete before it adds its own.
 */
async function readRules(
  context: Excel.RequestContext,
  columns: RuleColumn[],
  lists: Excel.ConditionalFormatCollection[],
): Promise<{ rules: SavedRule[]; handles: Excel.ConditionalFormat[] }> {
  const seen = new Set<string>();
  const found: {
    cf: Excel.ConditionalFormat;
    column: RuleColumn;
    range: Excel.Range;
    rule: Excel.ConditionalFormatRule;
    fill: Excel.ConditionalRangeFill;
    font: Excel.ConditionalRangeFont;
  }[] = [];
  lists.forEach((list, i) => {
    for (const cf of list.items) {
      if (cf.type !== "Custom" || seen.has(cf.id)) continue;
      seen.add(cf.id);
      found.push({
        cf,
        column: columns[i],
        range: cf.getRange().load("rowIndex,columnIndex,rowCount,columnCount"),
        rule: cf.custom.rule.load("formula"),
        fill: cf.custom.format.fill.load("color"),
        font: cf.custom.format.font.load("color"),
      });
    }
  });
  if (found.length === 0) return { rules: [], handles: [] };
  await context.sync();
  const inside = found.filter((f) => f.range.columnCount === 1 && f.range.columnIndex === f.column.col);
  const rules = inside.map((f) => {
    const rule: SavedRule = {
      sheet: f.column.sheet,
      row: f.range.rowIndex,
      col: f.range.columnIndex,
      rows: f.range.rowCount,
      cols: 1,
      formula: f.rule.formula,
    };
    if (f.fill.color) rule.fill = f.fill.color;
    if (f.font.color) rule.font = f.font.color;
    return rule;
  });
  return { rules, handles: inside.map((f) => f.cf) };
}
