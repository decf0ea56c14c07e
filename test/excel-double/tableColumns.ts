import { MAX_COLS, boxesIntersect } from "./address";
import { assertWritable } from "./cells";
import { CollectionDouble } from "./collection";
import { notImplemented } from "./errors";
import { DEFAULT_MAX_READ_CELLS } from "./host";
import type { TableModel } from "./model";
import { ClientObjectDouble, type ClientObjectLike, type ContextLike, type Reader, fail } from "./proxy";
import { RangeDouble } from "./range";
import { columnValues, tablePart, tableSheet, writeColumn } from "./table";
import { assertNoMergeIn, shiftLayout } from "./userLayout";

/**
 * Excel.TableColumnCollection and Excel.TableColumn. `columns.add` grows the table
 * by one sheet column: appending takes over the next sheet column when it is empty
 * in the table's rows; otherwise (or when inserting inside the table) the cells of
 * the table's rows at and right of the new column move one to the right, as Excel
 * inserts cells.
 */

/** A column is found by its stable id; its index follows the table. */
export interface ColumnTarget {
  table: TableModel;
  id: number;
}

const indexOf = (c: ColumnTarget): number => {
  const i = c.table.columns.findIndex((col) => col.id === c.id);
  return i >= 0 ? i : fail("ItemNotFound", "TableColumn", `column ${c.id} was removed from table ${c.table.name}`);
};

export class TableColumnCollectionDouble extends CollectionDouble<ColumnTarget, TableColumnDouble> {
  readonly _typeName = "TableColumnCollection";

  constructor(context: ContextLike, path: string, table: () => TableModel | null, parent: ClientObjectLike) {
    super(
      context,
      path,
      () => {
        const t = table();
        return t === null ? null : t.columns.map((c) => ({ table: t, id: c.id }));
      },
      parent,
    );
    this._table = table;
  }
  private readonly _table: () => TableModel | null;

  override _itemReaders(): Record<string, Reader<ColumnTarget>> {
    const max = this.context.host.options.maxReadCells ?? DEFAULT_MAX_READ_CELLS;
    return {
      id: (c) => c.id,
      index: (c) => indexOf(c),
      name: (c) => c.table.columns[indexOf(c)]!.name,
      values: (c) => columnValues(this.context.host.model, c.table, indexOf(c), max),
    };
  }
  override _makeItem(c: ColumnTarget): TableColumnDouble {
    return new TableColumnDouble(this.context, `${this._path}.getItem(${c.id})`, "fixed", () => c);
  }
  get count(): number {
    return this._get("count");
  }

  /** By name (case-insensitive) or numeric id. */
  getItem(key: string | number): TableColumnDouble {
    return this._lookupItem("getItem", key, false);
  }
  getItemOrNullObject(key: string | number): TableColumnDouble {
    return this._lookupItem("getItemOrNullObject", key, true);
  }

  /**
   * Adds a column at `index` (default: after the last). `values`, if given, is a
   * one-column 2-D array covering the header and every other row of the table.
   */
  add(index?: number | null, values?: unknown[][] | null, name?: string | null): TableColumnDouble {
    const args = [index ?? null, values ?? null, name ?? null];
    const child = new TableColumnDouble(this.context, this._childPath("add", args), "method", () => {
      const t = this._table() ?? fail("ItemNotFound", "TableColumnCollection.add", "the table is a null object");
      const sheet = tableSheet(this.context.host.model, t);
      assertWritable(sheet, "TableColumnCollection.add");
      const at = index ?? t.columns.length;
      const rows = t.box.bottom - t.box.top + 1;
      if (!Number.isInteger(at) || at < 0 || at > t.columns.length)
        fail("InvalidArgument", "TableColumnCollection.add", `index ${at} is outside 0..${t.columns.length}`);
      if (
        values &&
        (!Array.isArray(values) || values.length !== rows || values.some((r) => !Array.isArray(r) || r.length !== 1))
      ) {
        fail("InvalidArgument", "TableColumnCollection.add", `values must be ${rows}×1 (header included)`);
      }
      const col = t.box.left + at;
      const nextIsEmpty =
        at === t.columns.length && [...sheet.entriesIn({ ...t.box, left: col, right: col })].length === 0;
      if (nextIsEmpty && col >= MAX_COLS)
        fail("InvalidOperation", "TableColumnCollection.add", "no room right of the table");
      const region = { top: t.box.top, bottom: t.box.bottom, left: col, right: MAX_COLS - 1 };
      const moving = nextIsEmpty ? [] : [...sheet.entriesIn(region)].sort((a, b) => b[1] - a[1]);
      if (moving.some(([, c]) => c + 1 >= MAX_COLS))
        fail("InvalidOperation", "TableColumnCollection.add", "no room right of the table");
      // Taking over an empty column keeps its notes and validation; inserting cells moves them with the cells.
      if (nextIsEmpty) assertNoMergeIn(sheet, { ...region, right: col }, "TableColumnCollection.add");
      else shiftLayout(this.context.host.model, sheet, region, 1, "TableColumnCollection.add");
      for (const [r, c, cell] of moving) {
        sheet.put(r, c + 1, cell);
        sheet.put(r, c, {});
      }
      let header = name ?? (values ? String(values[0]![0] ?? "") : "");
      if (header === "")
        for (
          let i = t.columns.length + 1;
          header === "" || t.columns.some((c) => c.name.toLowerCase() === header.toLowerCase());
          i++
        )
          header = `Column${i}`;
      const base = header;
      for (let i = 2; t.columns.some((c) => c.name.toLowerCase() === header.toLowerCase()); i++) header = `${base}${i}`;
      t.box = { ...t.box, right: t.box.right + 1 };
      const id = Math.max(0, ...t.columns.map((c) => c.id)) + 1;
      t.columns.splice(at, 0, { id, name: header });
      writeColumn(sheet, t, col, header, values ?? null, "TableColumnCollection.add");
      return { table: t, id };
    });
    return this._method(child, "add", args);
  }

  /** The column at a 0-based position, found when the call runs. */
  getItemAt(index: number): TableColumnDouble {
    const child = new TableColumnDouble(this.context, this._childPath("getItemAt", [index]), "method", () => {
      const list = this._target();
      return Number.isInteger(index) && index >= 0 && index < list.length
        ? list[index]!
        : fail("InvalidArgument", "TableColumnCollection.getItemAt", `index ${index} is outside 0..${list.length - 1}`);
    });
    return this._method(child, "getItemAt", [index]);
  }

  private _lookupItem(method: string, key: string | number, orNull: boolean): TableColumnDouble {
    const child = new TableColumnDouble(this.context, this._childPath(method, [key]), "method", () => {
      const list = this._target();
      return (
        list.find(
          (c) => c.id === key || c.table.columns[indexOf(c)]!.name.toLowerCase() === String(key).toLowerCase(),
        ) ?? null
      );
    });
    return this._method(child, method, [key], orNull);
  }
}

export class TableColumnDouble extends ClientObjectDouble<ColumnTarget> {
  readonly _typeName = "TableColumn";

  override _readers(): Record<string, Reader<ColumnTarget>> {
    const max = this.context.host.options.maxReadCells ?? DEFAULT_MAX_READ_CELLS;
    return {
      id: (c) => c.id,
      index: (c) => indexOf(c),
      name: (c) => c.table.columns[indexOf(c)]!.name,
      values: (c) => columnValues(this.context.host.model, c.table, indexOf(c), max),
    };
  }

  get id(): number {
    return this._get("id");
  }
  get index(): number {
    return this._get("index");
  }
  get values(): unknown[][] {
    return this._get("values");
  }
  get name(): string {
    return this._get("name");
  }
  /** Renaming a column rewrites its header cell, as in Excel. */
  set name(v: string) {
    this._set("name", v, (c) => {
      const sheet = tableSheet(this.context.host.model, c.table);
      assertWritable(sheet, "TableColumn.name");
      const i = indexOf(c);
      if (
        typeof v !== "string" ||
        v === "" ||
        c.table.columns.some((o, j) => j !== i && o.name.toLowerCase() === v.toLowerCase())
      )
        fail("InvalidArgument", "TableColumn.name", `${String(v)} cannot name this column`);
      c.table.columns[i]!.name = v;
      sheet.update(c.table.box.top, c.table.box.left + i, (cell) => ((cell.value = v), delete cell.formula));
    });
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
  getTotalRowRange(): RangeDouble {
    return this._part("getTotalRowRange", "totals");
  }

  /**
   * Deletes the column from the table with its cells (ExcelApi 1.1): as Excel deletes table
   * cells, the cells right of it in the table's rows move one column left, the user's beside
   * the table included; rules lying wholly in the column go with it.
   */
  delete(): void {
    this._call("delete", [], (c) => {
      const model = this.context.host.model;
      const sheet = tableSheet(model, c.table);
      assertWritable(sheet, "TableColumn.delete");
      if (c.table.columns.length === 1) throw notImplemented("TableColumn.delete of a table's only column");
      const i = indexOf(c);
      const col = c.table.box.left + i;
      const column = { top: c.table.box.top, bottom: c.table.box.bottom, left: col, right: col };
      const region = { ...column, left: col + 1, right: MAX_COLS - 1 };
      assertNoMergeIn(sheet, column, "TableColumn.delete");
      for (const cf of model.conditionalFormats) {
        if (cf.sheetId !== sheet.id) continue;
        const within =
          cf.box.left === col && cf.box.right === col && cf.box.top >= column.top && cf.box.bottom <= column.bottom;
        if (!within && (boxesIntersect(cf.box, column) || boxesIntersect(cf.box, region)))
          throw notImplemented("TableColumn.delete moving or cutting a conditional format");
      }
      for (const map of [sheet.notes, sheet.validations] as Map<number, unknown>[])
        for (const k of sheet.keysIn(map, column)) map.delete(k);
      shiftLayout(model, sheet, region, -1, "TableColumn.delete");
      for (let k = model.conditionalFormats.length - 1; k >= 0; k--) {
        const cf = model.conditionalFormats[k]!;
        if (cf.sheetId === sheet.id && boxesIntersect(cf.box, column)) model.conditionalFormats.splice(k, 1);
      }
      for (const [r, cc] of [...sheet.entriesIn(column)]) sheet.put(r, cc, {});
      for (const [r, cc, cell] of [...sheet.entriesIn(region)].sort((a, b) => a[1] - b[1])) {
        sheet.put(r, cc - 1, cell);
        sheet.put(r, cc, {});
      }
      c.table.columns.splice(i, 1);
      c.table.box = { ...c.table.box, right: c.table.box.right - 1 };
    });
  }

  private _part(name: string, part: "all" | "header" | "body" | "totals"): RangeDouble {
    const child = new RangeDouble(this.context, this._childPath(name, []), "method", () => {
      const c = this._target();
      const rows =
        tablePart(c.table, part) ??
        fail("ItemNotFound", `TableColumn.${name}`, `table ${c.table.name} has no totals row`);
      const col = c.table.box.left + indexOf(c);
      return { sheet: tableSheet(this.context.host.model, c.table), box: { ...rows, left: col, right: col } };
    });
    return this._method(child, name, []);
  }
}
