import { type Box, MAX_ROWS, boxesIntersect, parseAddress } from "./address";
import { assertLive, assertWritable, interpretInput, pickValue, readGrid, storeContents } from "./cells";
import { CollectionDouble } from "./collection";
import { notImplemented } from "./errors";
import { DEFAULT_MAX_READ_CELLS, isSetSupported } from "./host";
import type { SheetModel, TableModel, WorkbookModel } from "./model";
import { ClientObjectDouble, type ClientObjectLike, type ContextLike, type Reader, fail } from "./proxy";
import { RangeDouble } from "./range";
import { TableColumnCollectionDouble } from "./tableColumns";
import { assertNoLayoutIn, assertNoMergeIn } from "./userLayout";
import { WorksheetDouble } from "./worksheet";

/**
 * Excel.TableCollection and Excel.Table. A table's box always holds its header row,
 * at least one body row, and the totals row when `showTotals` is on; header cells
 * are the column names, as in Excel.
 */

export const tableSheet = (model: WorkbookModel, t: TableModel): SheetModel =>
  model.sheetById(t.sheetId) ?? fail("ItemNotFound", "Table", `the sheet of table ${t.name} was deleted`);

/** Rows of the table's parts, as boxes. */
export function tablePart(t: TableModel, part: "all" | "header" | "body" | "totals"): Box | null {
  const b = t.box;
  const bodyBottom = b.bottom - (t.showTotals ? 1 : 0);
  if (part === "all") return { ...b };
  if (part === "header") return { ...b, bottom: b.top };
  if (part === "body") return { ...b, top: b.top + 1, bottom: bodyBottom };
  return t.showTotals ? { ...b, top: b.bottom } : null;
}

const TABLE_READERS: Record<string, Reader<TableModel>> = {
  name: (t) => t.name,
  id: (t) => t.id,
  showTotals: (t) => t.showTotals,
  showHeaders: () => true,
};

export class TableCollectionDouble extends CollectionDouble<TableModel, TableDouble> {
  readonly _typeName = "TableCollection";

  /** `sheet` null: the workbook's tables; otherwise the tables of the sheet the resolver gives. */
  constructor(context: ContextLike, path: string, sheet: (() => SheetModel | null) | null, parent: ClientObjectLike) {
    const model = context.host.model;
    super(
      context,
      path,
      () => {
        if (sheet === null) return model.tables;
        const s = sheet();
        return s === null ? null : model.tables.filter((t) => t.sheetId === s.id);
      },
      parent,
    );
    this._sheet = sheet;
  }
  private readonly _sheet: (() => SheetModel | null) | null;

  override _itemReaders(): Record<string, Reader<TableModel>> {
    return TABLE_READERS;
  }
  override _makeItem(t: TableModel): TableDouble {
    return new TableDouble(this.context, `workbook.tables.getItem(${JSON.stringify(t.id)})`, "fixed", () => t);
  }
  get count(): number {
    return this._get("count");
  }

  getItem(key: string): TableDouble {
    return this._lookupItem("getItem", key, false);
  }
  getItemOrNullObject(key: string): TableDouble {
    return this._lookupItem("getItemOrNullObject", key, true);
  }

  /**
   * Makes a table of a block whose first row holds the headers. Blank headers become
   * "Column1"…, repeated ones get a number, and a header-only block gains an empty body row.
   */
  add(address: RangeDouble | string, hasHeaders: boolean): TableDouble {
    if (hasHeaders !== true) throw notImplemented("TableCollection.add(address, false)");
    const model = this.context.host.model;
    const child = new TableDouble(this.context, this._childPath("add", [address, hasHeaders]), "method", () => {
      const { sheet, box } = this._where(address);
      assertWritable(sheet, "TableCollection.add");
      if (model.tables.some((t) => t.sheetId === sheet.id && boxesIntersect(t.box, box)))
        fail("InvalidArgument", "TableCollection.add", "tables cannot overlap");
      if (box.bottom === box.top) box.bottom += 1;
      const names: string[] = [];
      for (let c = box.left; c <= box.right; c++) {
        const raw = sheet.get(box.top, c)?.value;
        let name = raw === undefined || raw === "" ? `Column${c - box.left + 1}` : String(raw);
        for (let i = 2; names.some((n) => n.toLowerCase() === name.toLowerCase()); i++) name = `${raw ?? "Column"}${i}`;
        names.push(name);
        sheet.update(box.top, c, (cell) => ((cell.value = name), delete cell.formula));
      }
      let n = 1;
      while (model.tables.some((t) => t.name.toLowerCase() === `table${n}`)) n++;
      const table: TableModel = {
        id: model.nextId("plain"),
        name: `Table${n}`,
        sheetId: sheet.id,
        box,
        showTotals: false,
        columns: names.map((name, i) => ({ id: i + 1, name })),
      };
      model.tables.push(table);
      return table;
    });
    return this._method(child, "add", [address, hasHeaders]);
  }

  private _where(address: RangeDouble | string): { sheet: SheetModel; box: Box } {
    const model = this.context.host.model;
    if (typeof address !== "string") {
      const t = address._target();
      assertLive(model, t, "TableCollection.add");
      return { sheet: t.sheet, box: { ...t.box } };
    }
    const parsed = parseAddress(address);
    const scope = this._sheet?.() ?? undefined;
    const sheet = parsed?.sheet !== undefined ? model.sheet(parsed.sheet) : scope;
    if (!parsed || !sheet || (scope && scope !== sheet))
      return fail("InvalidArgument", "TableCollection.add", `${address} is not a block on a sheet`);
    return { sheet, box: parsed.box };
  }

  private _lookupItem(method: string, key: string, orNull: boolean): TableDouble {
    const child = new TableDouble(this.context, this._childPath(method, [key]), "method", () => {
      const list = this._target();
      return list.find((t) => t.name.toLowerCase() === String(key).toLowerCase() || t.id === key) ?? null;
    });
    return this._method(child, method, [key], orNull);
  }
}

export class TableDouble extends ClientObjectDouble<TableModel> {
  readonly _typeName = "Table";

  override _readers(): Record<string, Reader<TableModel>> {
    return TABLE_READERS;
  }
  override _navigation(): Record<string, ClientObjectLike> {
    return { columns: this.columns, worksheet: this.worksheet };
  }

  get name(): string {
    return this._get("name");
  }
  set name(v: string) {
    this._set("name", v, (t) => {
      const model = this.context.host.model;
      if (typeof v !== "string" || !/^[\p{L}_\\][\p{L}\p{N}_.]{0,254}$/u.test(v) || /^[A-Za-z]{1,3}\d+$/.test(v))
        fail("InvalidArgument", "Table.name", `${String(v)} is not a table name`);
      if (model.tables.some((o) => o !== t && o.name.toLowerCase() === v.toLowerCase()))
        fail("ItemAlreadyExists", "Table.name", `a table named ${v} exists`);
      t.name = v;
    });
  }
  get id(): string {
    return this._get("id");
  }
  get showHeaders(): boolean {
    return this._get("showHeaders");
  }
  get showTotals(): boolean {
    return this._get("showTotals");
  }
  /** Turning totals on takes the row below; turning them off empties and releases it. */
  set showTotals(v: boolean) {
    this._set("showTotals", v, (t) => {
      const sheet = tableSheet(this.context.host.model, t);
      assertWritable(sheet, "Table.showTotals");
      if (v === t.showTotals) return;
      const row = v ? t.box.bottom + 1 : t.box.bottom;
      assertNoLayoutIn(sheet, { top: row, bottom: row, left: t.box.left, right: t.box.right }, "Table.showTotals");
      if (v) {
        if (t.box.bottom + 1 >= MAX_ROWS) fail("InvalidOperation", "Table.showTotals", "no row below the table");
        t.box = { ...t.box, bottom: t.box.bottom + 1 };
      } else {
        for (let c = t.box.left; c <= t.box.right; c++) sheet.put(t.box.bottom, c, {});
        t.box = { ...t.box, bottom: t.box.bottom - 1 };
      }
      t.showTotals = v;
    });
  }

  private _columns?: TableColumnCollectionDouble;
  private _worksheet?: WorksheetDouble;
  get columns(): TableColumnCollectionDouble {
    return (this._columns ??= new TableColumnCollectionDouble(
      this.context,
      `${this._path}.columns`,
      () => this._lookup(),
      this,
    ));
  }
  get worksheet(): WorksheetDouble {
    return (this._worksheet ??= new WorksheetDouble(
      this.context,
      `${this._path}.worksheet`,
      "navigation",
      () => {
        const t = this._lookup();
        return t === null ? null : tableSheet(this.context.host.model, t);
      },
      this,
    ));
  }

  getRange(): RangeDouble {
    return this._part("getRange", "all");
  }
  getHeaderRowRange(): RangeDouble {
    return this._part("getHeaderRowRange", "header");
  }
  getDataBodyRange(): RangeDouble {
    return this._part("getDataBodyRange", "body");
  }
  /** Without a totals row Excel has no such range: the sync fails. */
  getTotalRowRange(): RangeDouble {
    return this._part("getTotalRowRange", "totals");
  }

  /**
   * Makes the table span another block (ExcelApi 1.13), leaving every cell where it is:
   * columns dropped from the right keep their cells as plain cells; columns taken in get
   * their header cell as name. The double models changing the width only: the new block
   * must keep the table's top-left cell and its rows.
   */
  resize(newRange: RangeDouble | string): void {
    this._call("resize", [newRange], (t) => {
      if (!isSetSupported(this.context.host.options, "ExcelApi", "1.13"))
        fail("ApiNotFound", "Table.resize", "Table.resize needs ExcelApi 1.13");
      const model = this.context.host.model;
      const sheet = tableSheet(model, t);
      assertWritable(sheet, "Table.resize");
      let box: Box;
      if (typeof newRange === "string") {
        const parsed = parseAddress(newRange);
        if (!parsed || (parsed.sheet !== undefined && parsed.sheet.toLowerCase() !== sheet.name.toLowerCase()))
          return fail("InvalidArgument", "Table.resize", `${newRange} is not a block on ${sheet.name}`);
        box = parsed.box;
      } else {
        const r = newRange._target();
        if (r.sheet !== sheet) return fail("InvalidArgument", "Table.resize", "the new range is on another sheet");
        box = r.box;
      }
      if (box.top !== t.box.top || box.left !== t.box.left || box.bottom !== t.box.bottom)
        throw notImplemented("Table.resize to other rows or another top-left cell");
      if (box.right < box.left) fail("InvalidArgument", "Table.resize", "a table keeps one column");
      if (model.tables.some((o) => o !== t && o.sheetId === t.sheetId && boxesIntersect(o.box, box)))
        fail("InvalidArgument", "Table.resize", "tables cannot overlap");
      if (box.right > t.box.right)
        assertNoMergeIn(
          sheet,
          { top: box.top, bottom: box.top, left: t.box.right + 1, right: box.right },
          "Table.resize",
        );
      const width = box.right - box.left + 1;
      const columns = t.columns.slice(0, width);
      for (let c = t.box.right + 1; c <= box.right; c++) {
        const raw = sheet.get(box.top, c)?.value;
        let name = raw === undefined || raw === "" ? `Column${c - box.left + 1}` : String(raw);
        for (let i = 2; columns.some((x) => x.name.toLowerCase() === name.toLowerCase()); i++)
          name = `${raw ?? "Column"}${i}`;
        columns.push({ id: Math.max(0, ...t.columns.map((x) => x.id), ...columns.map((x) => x.id)) + 1, name });
        sheet.update(box.top, c, (cell) => ((cell.value = name), delete cell.formula));
      }
      t.columns.splice(0, t.columns.length, ...columns);
      t.box = { ...box };
    });
  }

  /** Leaves the cells as they are and forgets the table. */
  convertToRange(): RangeDouble {
    const child = new RangeDouble(this.context, this._childPath("convertToRange", []), "method", () => {
      const t = this._target();
      const model = this.context.host.model;
      const sheet = tableSheet(model, t);
      assertWritable(sheet, "Table.convertToRange");
      model.tables.splice(model.tables.indexOf(t), 1);
      return { sheet, box: { ...t.box } };
    });
    return this._method(child, "convertToRange", []);
  }

  private _part(name: string, part: "all" | "header" | "body" | "totals"): RangeDouble {
    const child = new RangeDouble(this.context, this._childPath(name, []), "method", () => {
      const t = this._target();
      const box = tablePart(t, part);
      if (box === null) return fail("ItemNotFound", `Table.${name}`, `table ${t.name} has no totals row`);
      return { sheet: tableSheet(this.context.host.model, t), box };
    });
    return this._method(child, name, []);
  }
}

/** Writes one table column's header and body cells (values includes the header row, as Office's columns.add takes it). */
export function writeColumn(
  sheet: SheetModel,
  t: TableModel,
  col: number,
  name: string,
  values: unknown[][] | null,
  location: string,
): void {
  sheet.update(t.box.top, col, (cell) => ((cell.value = name), delete cell.formula));
  if (!values) return;
  for (let r = 1; r < values.length; r++) {
    const contents = interpretInput(values[r]![0], sheet.get(t.box.top + r, col)?.numberFormat === "@", location);
    if (contents !== undefined) sheet.update(t.box.top + r, col, (cell) => storeContents(cell, contents));
  }
}

/** Values of one table column for `TableColumn.values`, header included. */
export function columnValues(
  model: WorkbookModel,
  t: TableModel,
  index: number,
  max = DEFAULT_MAX_READ_CELLS,
): unknown[][] {
  const sheet = tableSheet(model, t);
  const col = t.box.left + index;
  return readGrid({ sheet, box: { ...t.box, left: col, right: col } }, max, "TableColumn.values", pickValue);
}
