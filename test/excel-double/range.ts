import { type Box, MAX_COLS, MAX_ROWS, boxCols, boxInGrid, boxRows, formatAddress, parseAddress } from "./address";
import {
  type RangeTarget,
  assertLive,
  assertWritable,
  pickFormula,
  pickNumberFormat,
  pickText,
  pickValue,
  pickValueType,
  readGrid,
  writeContents,
  writeNumberFormat,
} from "./cells";
import { ConditionalFormatCollectionDouble } from "./conditionalFormats";
import { DEFAULT_MAX_READ_CELLS } from "./host";
import type { CellValue } from "./model";
import { ClientObjectDouble, type ClientObjectLike, type ContextLike, type Reader, fail } from "./proxy";
import { RangeFormatDouble } from "./rangeFormat";
import { clearLayout } from "./userLayout";
import { WorksheetDouble } from "./worksheet";

/**
 * Excel.Range. Values, formulas and number formats are read and written as whole
 * 2-D blocks whose shape must match the range; addresses come back sheet-qualified
 * and quoted as Excel quotes them ("订单表!A1:C5", "'Q1 orders'!B2").
 */
export class RangeDouble extends ClientObjectDouble<RangeTarget> {
  readonly _typeName = "Range";
  private _format?: RangeFormatDouble;
  private _conditionalFormats?: ConditionalFormatCollectionDouble;
  private _worksheet?: WorksheetDouble;

  constructor(
    context: ContextLike,
    path: string,
    kind: "navigation" | "method" | "fixed",
    resolver: () => RangeTarget | null,
    parent?: ClientObjectLike,
  ) {
    super(context, path, kind, resolver, parent);
  }

  override _readers(): Record<string, Reader<RangeTarget>> {
    const max = this.context.host.options.maxReadCells ?? DEFAULT_MAX_READ_CELLS;
    const live = (t: RangeTarget): RangeTarget => (assertLive(this.context.host.model, t, "Range.load"), t);
    return {
      address: (t) => formatAddress(live(t).sheet.name, t.box),
      addressLocal: (t) => formatAddress(live(t).sheet.name, t.box),
      rowIndex: (t) => t.box.top,
      columnIndex: (t) => t.box.left,
      rowCount: (t) => boxRows(t.box),
      columnCount: (t) => boxCols(t.box),
      cellCount: (t) => boxRows(t.box) * boxCols(t.box),
      values: (t) => readGrid(live(t), max, "Range.values", pickValue),
      formulas: (t) => readGrid(live(t), max, "Range.formulas", pickFormula),
      numberFormat: (t) => readGrid(live(t), max, "Range.numberFormat", pickNumberFormat),
      text: (t) => readGrid(live(t), max, "Range.text", pickText),
      valueTypes: (t) => readGrid(live(t), max, "Range.valueTypes", pickValueType),
    };
  }

  override _navigation(): Record<string, ClientObjectLike> {
    return { format: this.format, conditionalFormats: this.conditionalFormats, worksheet: this.worksheet };
  }

  get address(): string {
    return this._get("address");
  }
  get addressLocal(): string {
    return this._get("addressLocal");
  }
  get rowIndex(): number {
    return this._get("rowIndex");
  }
  get columnIndex(): number {
    return this._get("columnIndex");
  }
  get rowCount(): number {
    return this._get("rowCount");
  }
  get columnCount(): number {
    return this._get("columnCount");
  }
  get cellCount(): number {
    return this._get("cellCount");
  }
  get text(): string[][] {
    return this._get("text");
  }
  get valueTypes(): string[][] {
    return this._get("valueTypes");
  }
  get values(): CellValue[][] {
    return this._get("values");
  }
  set values(input: unknown[][]) {
    this._set("values", input, (t) => this._write(t, "Range.values", () => writeContents(t, input, "Range.values")));
  }
  get formulas(): CellValue[][] {
    return this._get("formulas");
  }
  set formulas(input: unknown[][]) {
    this._set("formulas", input, (t) =>
      this._write(t, "Range.formulas", () => writeContents(t, input, "Range.formulas")),
    );
  }
  get numberFormat(): string[][] {
    return this._get("numberFormat");
  }
  set numberFormat(input: unknown[][]) {
    this._set("numberFormat", input, (t) =>
      this._write(t, "Range.numberFormat", () => writeNumberFormat(t, input, "Range.numberFormat")),
    );
  }

  get format(): RangeFormatDouble {
    return (this._format ??= new RangeFormatDouble(this.context, `${this._path}.format`, () => this._lookup(), this));
  }

  get conditionalFormats(): ConditionalFormatCollectionDouble {
    return (this._conditionalFormats ??= new ConditionalFormatCollectionDouble(
      this.context,
      `${this._path}.conditionalFormats`,
      () => this._lookup(),
      this,
    ));
  }

  get worksheet(): WorksheetDouble {
    return (this._worksheet ??= new WorksheetDouble(
      this.context,
      `${this._path}.worksheet`,
      "navigation",
      () => this._lookup()?.sheet ?? null,
      this,
    ));
  }

  getCell(row: number, column: number): RangeDouble {
    return this._derive("getCell", [row, column], (b) => ({
      top: b.top + row,
      left: b.left + column,
      bottom: b.top + row,
      right: b.left + column,
    }));
  }

  getResizedRange(deltaRows: number, deltaColumns: number): RangeDouble {
    return this._derive("getResizedRange", [deltaRows, deltaColumns], (b) => ({
      ...b,
      bottom: b.bottom + deltaRows,
      right: b.right + deltaColumns,
    }));
  }

  getOffsetRange(rowOffset: number, columnOffset: number): RangeDouble {
    return this._derive("getOffsetRange", [rowOffset, columnOffset], (b) => ({
      top: b.top + rowOffset,
      left: b.left + columnOffset,
      bottom: b.bottom + rowOffset,
      right: b.right + columnOffset,
    }));
  }

  getRow(row: number): RangeDouble {
    return this._derive("getRow", [row], (b) =>
      row < 0 || row >= boxRows(b)
        ? fail("InvalidArgument", "Range.getRow", `row ${row} is outside the range`)
        : { ...b, top: b.top + row, bottom: b.top + row },
    );
  }

  getColumn(column: number): RangeDouble {
    return this._derive("getColumn", [column], (b) =>
      column < 0 || column >= boxCols(b)
        ? fail("InvalidArgument", "Range.getColumn", `column ${column} is outside the range`)
        : { ...b, left: b.left + column, right: b.left + column },
    );
  }

  getEntireColumn(): RangeDouble {
    return this._derive("getEntireColumn", [], (b) => ({ ...b, top: 0, bottom: MAX_ROWS - 1 }));
  }

  getEntireRow(): RangeDouble {
    return this._derive("getEntireRow", [], (b) => ({ ...b, left: 0, right: MAX_COLS - 1 }));
  }

  /** The smallest block containing both ranges; `other` may be a Range or an address on the same sheet. */
  getBoundingRect(other: RangeDouble | string): RangeDouble {
    return this._derive("getBoundingRect", [other], (b, t) => {
      const o = this._otherBox(other, t, "Range.getBoundingRect");
      return {
        top: Math.min(b.top, o.top),
        left: Math.min(b.left, o.left),
        bottom: Math.max(b.bottom, o.bottom),
        right: Math.max(b.right, o.right),
      };
    });
  }

  getUsedRange(valuesOnly?: boolean): RangeDouble {
    return this._derive("getUsedRange", [valuesOnly ?? false], (b, t) => this._usedWithin(b, t, valuesOnly === true));
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeDouble {
    return this._derive(
      "getUsedRangeOrNullObject",
      [valuesOnly ?? false],
      (b, t) => this._usedWithin(b, t, valuesOnly === true),
      true,
    );
  }

  /** Excel.ClearApplyTo: "All" (default), "Contents", "Formats"; hyperlink options change nothing here. */
  clear(applyTo: string = "All"): void {
    this._call("clear", [applyTo], (t) => {
      assertLive(this.context.host.model, t, "Range.clear");
      assertWritable(t.sheet, "Range.clear");
      if (!["All", "Contents", "Formats", "Hyperlinks", "RemoveHyperlinks", "ResetContents"].includes(applyTo))
        fail("InvalidArgument", "Range.clear", `unknown applyTo ${applyTo}`);
      clearLayout(t.sheet, t.box, applyTo, "Range.clear");
      const contents = applyTo === "All" || applyTo === "Contents" || applyTo === "ResetContents";
      const formats = applyTo === "All" || applyTo === "Formats";
      for (const [r, c] of [...t.sheet.entriesIn(t.box)]) {
        t.sheet.update(r, c, (cell) => {
          if (contents) {
            delete cell.value;
            delete cell.formula;
          }
          if (formats) {
            delete cell.numberFormat;
            delete cell.font;
            delete cell.fill;
          }
        });
      }
    });
  }

  /** Selects the range and activates its sheet, as clicking it would. */
  select(): void {
    this._call("select", [], (t) => {
      assertLive(this.context.host.model, t, "Range.select");
      if (t.sheet.visibility !== "Visible") fail("InvalidOperation", "Range.select", `sheet ${t.sheet.name} is hidden`);
      this.context.host.model.selection = { sheetId: t.sheet.id, box: { ...t.box } };
      this.context.host.model.activeSheetId = t.sheet.id;
    });
  }

  private _write(t: RangeTarget, location: string, write: () => void): void {
    assertLive(this.context.host.model, t, location);
    write();
  }

  /** The bounding box of the stored cells inside `b` (with a value, or unless valuesOnly any formatting), as Excel computes it. */
  private _usedWithin(b: Box, t: RangeTarget, valuesOnly: boolean): Box | null {
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    for (const [r, c, cell] of t.sheet.entriesIn(b)) {
      if (valuesOnly && cell.value === undefined) continue;
      top = Math.min(top, r);
      left = Math.min(left, c);
      bottom = Math.max(bottom, r);
      right = Math.max(right, c);
    }
    return bottom < 0 ? null : { top, left, bottom, right };
  }

  _otherBox(other: RangeDouble | string, t: RangeTarget, location: string): Box {
    if (typeof other !== "string") {
      const o = other._target();
      if (o.sheet !== t.sheet) fail("InvalidArgument", location, "the ranges are on different sheets");
      return o.box;
    }
    const parsed = parseAddress(other);
    if (!parsed || (parsed.sheet !== undefined && parsed.sheet.toLowerCase() !== t.sheet.name.toLowerCase()))
      fail("InvalidArgument", location, `bad address ${other}`);
    return parsed!.box;
  }

  /** A range computed from this one when the call runs; outside the grid is InvalidArgument, null means missing. */
  private _derive(
    name: string,
    args: unknown[],
    compute: (box: Box, t: RangeTarget) => Box | null,
    orNull = false,
  ): RangeDouble {
    const path = this._childPath(name, args);
    const child = new RangeDouble(this.context, path, "method", () => {
      const t = this._target();
      assertLive(this.context.host.model, t, `Range.${name}`);
      const box = compute(t.box, t);
      if (box === null) return orNull ? null : fail("ItemNotFound", `Range.${name}`, "the range is empty");
      if (!boxInGrid(box)) fail("InvalidArgument", `Range.${name}`, "the result is outside the worksheet grid");
      return { sheet: t.sheet, box };
    });
    return this._method(child, name, args, orNull);
  }
}
