import { type RangeTarget, assertWritable, formatCells, pickText, uniform } from "./cells";
import type { CellData, FontData } from "./model";
import { notImplemented } from "./errors";
import { ClientObjectDouble, type ClientObjectLike, type ContextLike, type Reader, fail } from "./proxy";

/**
 * Range.format and its font and fill. Reads report a value only when every cell
 * agrees (null otherwise), as Office does; writes change every cell of the range.
 */

/** Excel's default column: 8.43 characters, 64 pixels, 48 points. */
export const DEFAULT_COLUMN_WIDTH = 48;
const DEFAULT_FONT: Required<FontData> = { bold: false, italic: false, color: "#000000", size: 11 };

/** Office accepts "#RRGGBB" or an HTML colour name and reports hex in upper case. */
function normalizeColor(value: unknown, location: string): string {
  if (typeof value !== "string") return fail("InvalidArgument", location, `a colour is a string, got ${typeof value}`);
  if (/^#[0-9a-f]{6}$/i.test(value)) return value.toUpperCase();
  if (/^[a-z]+$/i.test(value)) return value.toLowerCase();
  return fail("InvalidArgument", location, `${value} is not a colour`);
}

type Nav = "navigation";
const NAV: Nav = "navigation";

export class RangeFormatDouble extends ClientObjectDouble<RangeTarget> {
  readonly _typeName = "RangeFormat";
  private _font?: RangeFontDouble;
  private _fill?: RangeFillDouble;

  constructor(context: ContextLike, path: string, resolver: () => RangeTarget | null, parent: ClientObjectLike) {
    super(context, path, NAV, resolver, parent);
  }

  override _readers(): Record<string, Reader<RangeTarget>> {
    return {
      columnWidth: (t) => {
        const widths = new Set<number>();
        for (let c = t.box.left; c <= t.box.right && widths.size < 2; c++)
          widths.add(t.sheet.columnWidths.get(c) ?? DEFAULT_COLUMN_WIDTH);
        return widths.size === 1 ? [...widths][0] : null;
      },
    };
  }

  override _navigation(): Record<string, ClientObjectLike> {
    return { font: this.font, fill: this.fill };
  }

  get font(): RangeFontDouble {
    return (this._font ??= new RangeFontDouble(this.context, `${this._path}.font`, NAV, () => this._lookup(), this));
  }

  get fill(): RangeFillDouble {
    return (this._fill ??= new RangeFillDouble(this.context, `${this._path}.fill`, NAV, () => this._lookup(), this));
  }

  /** Column width in points for every column of the range. */
  get columnWidth(): number {
    return this._get("columnWidth");
  }
  set columnWidth(points: number) {
    this._set("columnWidth", points, (t) => {
      assertWritable(t.sheet, "RangeFormat.columnWidth");
      if (typeof points !== "number" || !(points >= 0))
        fail("InvalidArgument", "RangeFormat.columnWidth", `${points} is not a width`);
      for (let c = t.box.left; c <= t.box.right; c++)
        if (t.sheet.hiddenColumns.has(c)) throw notImplemented("RangeFormat.columnWidth on a hidden column");
      for (let c = t.box.left; c <= t.box.right; c++) t.sheet.columnWidths.set(c, points);
    });
  }

  /**
   * Fits each column to its longest text. Excel measures glyphs; the double
   * estimates 7 pixels a character plus padding, which is enough to see that it ran.
   */
  autofitColumns(): void {
    this._call("autofitColumns", [], (t) => {
      assertWritable(t.sheet, "RangeFormat.autofitColumns");
      const longest = new Map<number, number>();
      for (const [, c, cell] of t.sheet.entries()) {
        if (c < t.box.left || c > t.box.right) continue;
        longest.set(
          c,
          Math.max(
            longest.get(c) ?? 0,
            [...pickText(cell)].reduce((n, ch) => n + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0),
          ),
        );
      }
      for (let c = t.box.left; c <= t.box.right; c++) {
        const chars = longest.get(c);
        if (chars !== undefined)
          t.sheet.columnWidths.set(c, Math.min(409.5, Math.round((chars * 7 + 10) * 0.75 * 100) / 100));
      }
    });
  }
}

export class RangeFontDouble extends ClientObjectDouble<RangeTarget> {
  readonly _typeName = "RangeFont";

  override _readers(): Record<string, Reader<RangeTarget>> {
    const read = (k: keyof FontData) => (t: RangeTarget) =>
      uniform(t, (cell: CellData | undefined) => cell?.font?.[k] ?? DEFAULT_FONT[k]);
    return { bold: read("bold"), italic: read("italic"), color: read("color"), size: read("size") };
  }

  private _font<K extends keyof FontData>(key: K, value: FontData[K], check: (v: unknown) => FontData[K]): void {
    this._set(key, value, (t) => {
      const v = check(value);
      // A property set to Excel's default is the same as never set: not stored, so a cell
      // made bold and then not bold again is the cell it was (as Excel's API reports it).
      formatCells(t, `RangeFont.${key}`, (cell) => {
        const font: FontData = { ...cell.font, [key]: v };
        if (v === DEFAULT_FONT[key]) delete font[key];
        if (Object.keys(font).length > 0) cell.font = font;
        else delete cell.font;
      });
    });
  }

  get bold(): boolean {
    return this._get("bold");
  }
  set bold(v: boolean) {
    this._font("bold", v, (x) =>
      typeof x === "boolean" ? x : fail("InvalidArgument", "RangeFont.bold", "not a boolean"),
    );
  }
  get italic(): boolean {
    return this._get("italic");
  }
  set italic(v: boolean) {
    this._font("italic", v, (x) =>
      typeof x === "boolean" ? x : fail("InvalidArgument", "RangeFont.italic", "not a boolean"),
    );
  }
  get color(): string {
    return this._get("color");
  }
  set color(v: string) {
    this._font("color", v, (x) => normalizeColor(x, "RangeFont.color"));
  }
  get size(): number {
    return this._get("size");
  }
  set size(v: number) {
    this._font("size", v, (x) =>
      typeof x === "number" && x >= 1 && x <= 409
        ? x
        : fail("InvalidArgument", "RangeFont.size", `${String(x)} is not a font size`),
    );
  }
}

export class RangeFillDouble extends ClientObjectDouble<RangeTarget> {
  readonly _typeName = "RangeFill";

  override _readers(): Record<string, Reader<RangeTarget>> {
    // Office reports an unfilled cell as white.
    return { color: (t) => uniform(t, (cell) => cell?.fill ?? "#FFFFFF") };
  }

  get color(): string {
    return this._get("color");
  }
  set color(v: string) {
    this._set("color", v, (t) => {
      const color = normalizeColor(v, "RangeFill.color");
      formatCells(t, "RangeFill.color", (cell) => (cell.fill = color));
    });
  }

  clear(): void {
    this._call("clear", [], (t) => formatCells(t, "RangeFill.clear", (cell) => delete cell.fill));
  }
}
