import { MAX_COLS, MAX_ROWS, parseAddress } from "./address";
import type { RangeTarget } from "./cells";
import { ChartCollectionDouble } from "./chart";
import { CollectionDouble } from "./collection";
import { EventHandlersDouble, type EventName } from "./events";
import { FunctionsDouble } from "./functions";
import { type SheetModel, type WorkbookModel, replaceSheetRefs } from "./model";
import { ClientObjectDouble, type ClientObjectLike, type ContextLike, type Reader, fail } from "./proxy";
import { RangeDouble } from "./range";
import { TableCollectionDouble } from "./table";

/** Excel.Workbook, Excel.Application, the worksheet collection and Excel.Worksheet. */

const NAV = "navigation" as const;
type Kind = "navigation" | "method" | "fixed";

/** Excel's sheet-name rules: 1–31 characters, none of : \ / ? * [ ], no apostrophe at either end. */
function checkSheetName(name: unknown, location: string): string {
  if (
    typeof name !== "string" ||
    name.length === 0 ||
    name.length > 31 ||
    /[:\\/?*[\]]/.test(name) ||
    name.startsWith("'") ||
    name.endsWith("'") ||
    name.toLowerCase() === "history"
  ) {
    return fail("InvalidArgument", location, `${JSON.stringify(name)} is not a valid sheet name`);
  }
  return name;
}

export class WorkbookDouble extends ClientObjectDouble<WorkbookModel> {
  readonly _typeName = "Workbook";
  readonly worksheets: WorksheetCollectionDouble;
  readonly tables: TableCollectionDouble;
  readonly application: ApplicationDouble;
  readonly functions: FunctionsDouble;

  constructor(context: ContextLike) {
    super(context, "workbook", NAV, () => context.host.model);
    this.worksheets = new WorksheetCollectionDouble(
      context,
      "workbook.worksheets",
      () => context.host.model.sheets,
      this,
    );
    this.tables = new TableCollectionDouble(context, "workbook.tables", null, this);
    this.application = new ApplicationDouble(context, "application", NAV, () => context.host.model, this);
    this.functions = new FunctionsDouble(context, "workbook.functions", NAV, () => context.host.model, this);
  }

  override _readers(): Record<string, Reader<WorkbookModel>> {
    return {};
  }

  /** The selected block, or A1 of the active sheet when nothing was selected. */
  getSelectedRange(): RangeDouble {
    const model = this.context.host.model;
    const child = new RangeDouble(this.context, "workbook.getSelectedRange()", "method", (): RangeTarget | null => {
      const sel = model.selection;
      const sheet = sel
        ? model.sheetById(sel.sheetId)
        : model.activeSheetId
          ? model.sheetById(model.activeSheetId)
          : undefined;
      if (!sheet) return fail("InvalidSelection", "Workbook.getSelectedRange", "no sheet is active");
      return { sheet, box: sel ? { ...sel.box } : { top: 0, left: 0, bottom: 0, right: 0 } };
    });
    return this._method(child, "getSelectedRange", []);
  }
}

export class ApplicationDouble extends ClientObjectDouble<WorkbookModel> {
  readonly _typeName = "Application";

  override _readers(): Record<string, Reader<WorkbookModel>> {
    return { calculationMode: () => "Automatic" };
  }
  get calculationMode(): string {
    return this._get("calculationMode");
  }

  suspendApiCalculationUntilNextSync(): void {
    this.context.host.stats.suspendApiCalculationCalls += 1;
    this._call("suspendApiCalculationUntilNextSync", [], () => undefined);
  }

  suspendScreenUpdatingUntilNextSync(): void {
    this.context.host.stats.suspendScreenUpdatingCalls += 1;
    this._call("suspendScreenUpdatingUntilNextSync", [], () => undefined);
  }
}

const SHEET_READERS = (model: { sheets: SheetModel[] }): Record<string, Reader<SheetModel>> => ({
  name: (s) => s.name,
  id: (s) => s.id,
  position: (s) => model.sheets.indexOf(s),
  visibility: (s) => s.visibility,
});

export class WorksheetCollectionDouble extends CollectionDouble<SheetModel, WorksheetDouble> {
  readonly _typeName = "WorksheetCollection";

  override _readers(): Record<string, Reader<SheetModel[]>> {
    return {}; // Office's WorksheetCollection has no count property (getCount() is not modelled)
  }
  override _itemReaders(): Record<string, Reader<SheetModel>> {
    return SHEET_READERS(this.context.host.model);
  }
  override _makeItem(sheet: SheetModel): WorksheetDouble {
    return new WorksheetDouble(
      this.context,
      `workbook.worksheets.getItem(${JSON.stringify(sheet.id)})`,
      "fixed",
      () => sheet,
    );
  }

  private readonly _events = new Map<EventName, EventHandlersDouble>();
  private _on(name: EventName): EventHandlersDouble {
    let e = this._events.get(name);
    if (!e) this._events.set(name, (e = new EventHandlersDouble(this.context, this._path, name)));
    return e;
  }
  get onAdded(): EventHandlersDouble {
    return this._on("onAdded");
  }
  get onDeleted(): EventHandlersDouble {
    return this._on("onDeleted");
  }
  get onCalculated(): EventHandlersDouble {
    return this._on("onCalculated");
  }
  get onChanged(): EventHandlersDouble {
    return this._on("onChanged");
  }
  get onFormatChanged(): EventHandlersDouble {
    return this._on("onFormatChanged");
  }
  get onRowSorted(): EventHandlersDouble {
    return this._on("onRowSorted");
  }
  get onColumnSorted(): EventHandlersDouble {
    return this._on("onColumnSorted");
  }
  get onNameChanged(): EventHandlersDouble {
    return this._on("onNameChanged");
  }

  /** By name (case-insensitive, as Excel) or by id. */
  getItem(key: string): WorksheetDouble {
    return this._lookupItem("getItem", key, false);
  }

  getItemOrNullObject(key: string): WorksheetDouble {
    return this._lookupItem("getItemOrNullObject", key, true);
  }

  getActiveWorksheet(): WorksheetDouble {
    const model = this.context.host.model;
    const child = new WorksheetDouble(this.context, this._childPath("getActiveWorksheet", []), "method", () =>
      model.activeSheetId ? (model.sheetById(model.activeSheetId) ?? null) : null,
    );
    return this._method(child, "getActiveWorksheet", []);
  }

  /** Adds a sheet at the end without activating it, as Office does; a taken name is ItemAlreadyExists. */
  add(name?: string): WorksheetDouble {
    const model = this.context.host.model;
    const child = new WorksheetDouble(this.context, this._childPath("add", [name ?? null]), "method", () => {
      let chosen = name;
      if (chosen === undefined)
        for (let i = model.sheets.length + 1; chosen === undefined || model.sheet(chosen); i++) chosen = `Sheet${i}`;
      checkSheetName(chosen, "WorksheetCollection.add");
      if (model.sheet(chosen)) fail("ItemAlreadyExists", "WorksheetCollection.add", `a sheet named ${chosen} exists`);
      return model.addSheet(chosen);
    });
    return this._method(child, "add", [name ?? null]);
  }

  private _lookupItem(method: string, key: string, orNull: boolean): WorksheetDouble {
    const model = this.context.host.model;
    const child = new WorksheetDouble(
      this.context,
      this._childPath(method, [key]),
      "method",
      () => model.sheet(key) ?? model.sheetById(key) ?? null,
    );
    return this._method(child, method, [key], orNull);
  }
}

export class WorksheetDouble extends ClientObjectDouble<SheetModel> {
  readonly _typeName = "Worksheet";

  constructor(
    context: ContextLike,
    path: string,
    kind: Kind,
    resolver: () => SheetModel | null,
    parent?: ClientObjectLike,
  ) {
    super(context, path, kind, resolver, parent);
  }

  override _readers(): Record<string, Reader<SheetModel>> {
    return SHEET_READERS(this.context.host.model);
  }
  override _navigation(): Record<string, ClientObjectLike> {
    return { protection: this.protection, tables: this.tables, charts: this.charts };
  }

  get name(): string {
    return this._get("name");
  }
  set name(v: string) {
    this._set("name", v, (s) => {
      checkSheetName(v, "Worksheet.name");
      const other = this.context.host.model.sheet(v);
      if (other && other !== s) fail("ItemAlreadyExists", "Worksheet.name", `a sheet named ${v} exists`);
      // Names that refer to the sheet follow it, as Excel rewrites every reference on a rename.
      for (const n of this.context.host.model.names) n.formula = replaceSheetRefs(n.formula, s.name, v);
      if (s.name !== v)
        this.context.host.model.pendingEvents.push({
          kind: "renamed",
          sheetId: s.id,
          nameBefore: s.name,
          nameAfter: v,
        });
      s.name = v;
    });
  }
  get id(): string {
    return this._get("id");
  }
  get position(): number {
    return this._get("position");
  }
  set position(v: number) {
    this._set("position", v, (s) => {
      const sheets = this.context.host.model.sheets;
      if (!Number.isInteger(v) || v < 0 || v >= sheets.length)
        fail("InvalidArgument", "Worksheet.position", `${v} is not a sheet position`);
      sheets.splice(sheets.indexOf(s), 1);
      sheets.splice(v, 0, s);
    });
  }
  get visibility(): string {
    return this._get("visibility");
  }
  set visibility(v: string) {
    this._set("visibility", v, (s) => {
      if (v !== "Visible" && v !== "Hidden" && v !== "VeryHidden")
        fail("InvalidArgument", "Worksheet.visibility", `${v} is not a SheetVisibility`);
      const model = this.context.host.model;
      if (v !== "Visible" && !model.sheets.some((o) => o !== s && o.visibility === "Visible"))
        fail("InvalidOperation", "Worksheet.visibility", "a workbook must keep one visible sheet");
      s.visibility = v;
      if (v !== "Visible" && model.activeSheetId === s.id)
        model.activeSheetId = model.sheets.find((o) => o.visibility === "Visible")!.id;
    });
  }

  // Office hands back the same navigation object each time, so what one load fills the next read sees.
  private _protection?: WorksheetProtectionDouble;
  private _tables?: TableCollectionDouble;
  private _charts?: ChartCollectionDouble;
  get protection(): WorksheetProtectionDouble {
    return (this._protection ??= new WorksheetProtectionDouble(
      this.context,
      `${this._path}.protection`,
      NAV,
      () => this._lookup(),
      this,
    ));
  }
  get tables(): TableCollectionDouble {
    return (this._tables ??= new TableCollectionDouble(
      this.context,
      `${this._path}.tables`,
      () => this._lookup(),
      this,
    ));
  }
  get charts(): ChartCollectionDouble {
    return (this._charts ??= new ChartCollectionDouble(
      this.context,
      `${this._path}.charts`,
      () => this._lookup(),
      this,
    ));
  }

  /** An A1 address on this sheet; no address means the whole sheet. Bad addresses fail the sync with InvalidArgument. */
  getRange(address?: string): RangeDouble {
    return this._range("getRange", [address ?? null], (s) => {
      if (address === undefined || address === "")
        return { top: 0, left: 0, bottom: MAX_ROWS - 1, right: MAX_COLS - 1 };
      const parsed = parseAddress(address);
      if (!parsed || (parsed.sheet !== undefined && parsed.sheet.toLowerCase() !== s.name.toLowerCase()))
        return fail("InvalidArgument", "Worksheet.getRange", `${address} is not an address on ${s.name}`);
      return parsed.box;
    });
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): RangeDouble {
    return this._range("getRangeByIndexes", [startRow, startColumn, rowCount, columnCount], () => {
      const ok =
        [startRow, startColumn, rowCount, columnCount].every(Number.isInteger) && rowCount >= 1 && columnCount >= 1;
      if (!ok)
        fail(
          "InvalidArgument",
          "Worksheet.getRangeByIndexes",
          `(${startRow}, ${startColumn}, ${rowCount}, ${columnCount}) is not a block`,
        );
      return {
        top: startRow,
        left: startColumn,
        bottom: startRow + rowCount - 1,
        right: startColumn + columnCount - 1,
      };
    });
  }

  getCell(row: number, column: number): RangeDouble {
    return this._range("getCell", [row, column], () => ({ top: row, left: column, bottom: row, right: column }));
  }

  /** Office returns A1 for a blank sheet; the OrNullObject variant returns a null object instead. */
  getUsedRange(valuesOnly?: boolean): RangeDouble {
    return this._range(
      "getUsedRange",
      [valuesOnly ?? false],
      (s) => s.usedBox(valuesOnly === true) ?? { top: 0, left: 0, bottom: 0, right: 0 },
    );
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeDouble {
    return this._range(
      "getUsedRangeOrNullObject",
      [valuesOnly ?? false],
      (s) => s.usedBox(valuesOnly === true) ?? null,
      true,
    );
  }

  delete(): void {
    this._call("delete", [], (s) => {
      const model = this.context.host.model;
      if (!model.sheets.includes(s)) fail("ItemNotFound", "Worksheet.delete", `${s.name} was already deleted`);
      if (!model.sheets.some((o) => o !== s && o.visibility === "Visible"))
        fail("InvalidOperation", "Worksheet.delete", "a workbook must keep one visible sheet");
      model.removeSheet(s);
    });
  }

  activate(): void {
    this._call("activate", [], (s) => {
      if (s.visibility !== "Visible") fail("InvalidOperation", "Worksheet.activate", `${s.name} is hidden`);
      this.context.host.model.activeSheetId = s.id;
    });
  }

  private _range(
    name: string,
    args: unknown[],
    box: (s: SheetModel) => RangeTarget["box"] | null,
    orNull = false,
  ): RangeDouble {
    const child = new RangeDouble(this.context, this._childPath(name, args), "method", () => {
      const sheet = this._target();
      if (!this.context.host.model.sheets.includes(sheet))
        fail("ItemNotFound", `Worksheet.${name}`, `${sheet.name} was deleted`);
      const b = box(sheet);
      if (b === null) return null;
      if (b.top < 0 || b.left < 0 || b.bottom >= MAX_ROWS || b.right >= MAX_COLS)
        fail("InvalidArgument", `Worksheet.${name}`, "outside the worksheet grid");
      return { sheet, box: b };
    });
    return this._method(child, name, args, orNull);
  }
}

export class WorksheetProtectionDouble extends ClientObjectDouble<SheetModel> {
  readonly _typeName = "WorksheetProtection";
  override _readers(): Record<string, Reader<SheetModel>> {
    return { protected: (s) => s.protected };
  }
  get protected(): boolean {
    return this._get("protected");
  }
}
