import type { Readable } from "node:stream";
import { SaxesParser } from "saxes";
import type { Cell } from "../../../core/_lib/cells";
import { feed, unescapeText } from "./readSharedStrings";

/** A sheet's cells as sparse rows (1-based row and column), only those holding a value. */
export interface SheetCells {
  rows: Map<number, Map<number, Cell>>;
  used?: { top: number; left: number; bottom: number; right: number };
}

const MS_PER_DAY = 86_400_000;
const EPOCH_SERIAL = 25_569;

/**
 * Streams one worksheet part into its valued cells, each as Office.js `range.values`
 * gives it: formulas as cached results, shared/inline strings as text, errors as text.
 */
export async function readSheetCells(stream: Readable, sharedStrings: readonly string[], opts: { date1904: boolean }): Promise<SheetCells> {
  const rows = new Map<number, Map<number, Cell>>();
  const used = { top: Infinity, left: Infinity, bottom: 0, right: 0 };
  const parser = new SaxesParser({ xmlns: false });
  let row = 0;
  let col = 0;
  let type = "";
  let raw: string | undefined;
  let inline: string | undefined;
  let capture = false;
  let phonetic = 0;
  parser.on("opentag", (tag) => {
    const a = tag.attributes as Record<string, string>;
    if (tag.name === "row") {
      row = a.r !== undefined ? Number(a.r) : row + 1;
      col = 0;
    } else if (tag.name === "c") {
      col = a.r !== undefined ? columnOf(a.r) : col + 1;
      type = a.t ?? "n";
      raw = undefined;
      inline = undefined;
    } else if (tag.name === "v") {
      raw = "";
      capture = true;
    } else if (tag.name === "is") inline = "";
    else if (tag.name === "rPh") phonetic++;
    else if (tag.name === "t" && inline !== undefined && phonetic === 0) capture = true;
  });
  parser.on("text", (text) => {
    if (!capture) return;
    if (inline !== undefined && raw === undefined) inline += text;
    else raw = (raw ?? "") + text;
  });
  parser.on("closetag", (tag) => {
    if (tag.name === "v" || tag.name === "t") capture = false;
    else if (tag.name === "rPh") phonetic--;
    else if (tag.name === "c") {
      const value = cellValue(type, raw, inline, sharedStrings, opts.date1904);
      if (value === null) return;
      let cells = rows.get(row);
      if (!cells) rows.set(row, (cells = new Map()));
      cells.set(col, value);
      // Empty strings are kept for table boxes but, as in `usedRange`, do not widen the used range.
      if (value === "") return;
      used.top = Math.min(used.top, row);
      used.bottom = Math.max(used.bottom, row);
      used.left = Math.min(used.left, col);
      used.right = Math.max(used.right, col);
    }
  });
  await feed(parser, stream);
  return used.bottom === 0 ? { rows } : { rows, used };
}

function cellValue(type: string, raw: string | undefined, inline: string | undefined, shared: readonly string[], date1904: boolean): Cell {
  if (type === "inlineStr") return inline === undefined ? null : unescapeText(inline);
  if (raw === undefined || raw === "") return null;
  switch (type) {
    case "s":
      return shared[Number(raw)] ?? null;
    case "str":
      return raw;
    case "b":
      return raw === "1" || raw === "true";
    case "e":
      return raw;
    case "d": {
      const serial = Date.parse(raw.endsWith("Z") || raw.length <= 10 ? raw : `${raw}Z`) / MS_PER_DAY + EPOCH_SERIAL - (date1904 ? 1462 : 0);
      return Math.round(serial * 1e9) / 1e9;
    }
    default:
      return Number(raw);
  }
}

/** The 1-based column of an A1 reference such as `AB12`. */
export function columnOf(ref: string): number {
  let col = 0;
  for (let i = 0; i < ref.length; i++) {
    const code = ref.charCodeAt(i);
    if (code < 65 || code > 90) break;
    col = col * 26 + code - 64;
  }
  return col;
}
