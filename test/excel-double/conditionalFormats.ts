import { boxesIntersect } from "./address";
import { type RangeTarget, assertLive, assertWritable } from "./cells";
import { CollectionDouble } from "./collection";
import { notImplemented } from "./errors";
import type { ConditionalFormatModel } from "./model";
import { ClientObjectDouble, type ClientObjectLike, type ContextLike, type Reader, fail } from "./proxy";
import { RangeDouble } from "./range";

/**
 * Range.conditionalFormats with the one kind the add-in uses: custom rules
 * (a formula) with a fill and font colour. Other kinds fail loudly.
 */

const NAV = "navigation" as const;

export class ConditionalFormatCollectionDouble extends CollectionDouble<
  ConditionalFormatModel,
  ConditionalFormatDouble
> {
  readonly _typeName = "ConditionalFormatCollection";
  private readonly _range: () => RangeTarget | null;

  /** The formats that intersect the range, in the order they were added (Office lists them by priority). */
  constructor(context: ContextLike, path: string, resolver: () => RangeTarget | null, parent: ClientObjectLike) {
    super(
      context,
      path,
      () => {
        const t = resolver();
        return t === null
          ? null
          : context.host.model.conditionalFormats.filter(
              (cf) => cf.sheetId === t.sheet.id && boxesIntersect(cf.box, t.box),
            );
      },
      parent,
    );
    this._range = resolver;
  }

  override _itemReaders(): Record<string, Reader<ConditionalFormatModel>> {
    return { type: (cf) => cf.type, id: (cf) => cf.id };
  }
  override _makeItem(cf: ConditionalFormatModel): ConditionalFormatDouble {
    return new ConditionalFormatDouble(
      this.context,
      `${this._path}.getItem(${JSON.stringify(cf.id)})`,
      "fixed",
      () => cf,
    );
  }

  get count(): number {
    return this._get("count");
  }

  private _rangeTarget(): RangeTarget {
    const t = this._range();
    if (t === null) return fail("ItemNotFound", this._typeName, `${this._path} is on a null range`);
    return t;
  }

  /** Excel.ConditionalFormatType; only "Custom" is modelled. */
  add(type: string): ConditionalFormatDouble {
    if (type !== "Custom") throw notImplemented(`ConditionalFormatCollection.add("${type}")`);
    const child = new ConditionalFormatDouble(this.context, this._childPath("add", [type]), "method", () => {
      const t = this._rangeTarget();
      assertLive(this.context.host.model, t, "ConditionalFormatCollection.add");
      assertWritable(t.sheet, "ConditionalFormatCollection.add");
      const cf: ConditionalFormatModel = {
        id: this.context.host.model.nextId("plain"),
        sheetId: t.sheet.id,
        box: { ...t.box },
        type,
      };
      this.context.host.model.conditionalFormats.push(cf);
      return cf;
    });
    return this._method(child, "add", [type]);
  }

  /** Removes every conditional format that touches the range (Excel trims partial overlaps; the double removes them whole). */
  clearAll(): void {
    this._enqueue("clearAll", [], () => {
      const t = this._rangeTarget();
      assertWritable(t.sheet, "ConditionalFormatCollection.clearAll");
      const list = this.context.host.model.conditionalFormats;
      for (const cf of this._target()) list.splice(list.indexOf(cf), 1);
    });
  }
}

export class ConditionalFormatDouble extends ClientObjectDouble<ConditionalFormatModel> {
  readonly _typeName = "ConditionalFormat";
  private _custom?: CustomConditionalFormatDouble;

  override _readers(): Record<string, Reader<ConditionalFormatModel>> {
    return { type: (cf) => cf.type, id: (cf) => cf.id };
  }

  override _navigation(): Record<string, ClientObjectLike> {
    return { custom: this.custom };
  }

  get type(): string {
    return this._get("type");
  }
  get id(): string {
    return this._get("id");
  }

  get custom(): CustomConditionalFormatDouble {
    return (this._custom ??= new CustomConditionalFormatDouble(
      this.context,
      `${this._path}.custom`,
      NAV,
      () => this._lookup(),
      this,
    ));
  }

  delete(): void {
    this._call("delete", [], (cf) => {
      const model = this.context.host.model;
      const list = model.conditionalFormats;
      if (!list.includes(cf))
        fail("ItemNotFound", "ConditionalFormat.delete", "the conditional format was already deleted");
      const sheet = model.sheetById(cf.sheetId);
      if (sheet) assertWritable(sheet, "ConditionalFormat.delete");
      list.splice(list.indexOf(cf), 1);
    });
  }

  /** The range the format applies to (ExcelApi 1.6). */
  getRange(): RangeDouble {
    const child = new RangeDouble(this.context, this._childPath("getRange", []), "method", () => {
      const cf = this._target();
      const sheet =
        this.context.host.model.sheetById(cf.sheetId) ??
        fail("ItemNotFound", "ConditionalFormat.getRange", "the sheet was deleted");
      return { sheet, box: { ...cf.box } };
    });
    return this._method(child, "getRange", []);
  }
}

export class CustomConditionalFormatDouble extends ClientObjectDouble<ConditionalFormatModel> {
  readonly _typeName = "CustomConditionalFormat";
  readonly rule = new ConditionalFormatRuleDouble(this.context, `${this._path}.rule`, NAV, () => this._lookup(), this);
  readonly format = new ConditionalRangeFormatDouble(
    this.context,
    `${this._path}.format`,
    NAV,
    () => this._lookup(),
    this,
  );

  override _readers(): Record<string, Reader<ConditionalFormatModel>> {
    return {};
  }
  override _navigation(): Record<string, ClientObjectLike> {
    return { rule: this.rule, format: this.format };
  }
}

export class ConditionalFormatRuleDouble extends ClientObjectDouble<ConditionalFormatModel> {
  readonly _typeName = "ConditionalFormatRule";

  override _readers(): Record<string, Reader<ConditionalFormatModel>> {
    return { formula: (cf) => cf.formula ?? "" };
  }

  get formula(): string {
    return this._get("formula");
  }
  /** Excel wants the rule as a formula ("=$D2=\"Down\""); anything else is refused. */
  set formula(v: string) {
    this._set("formula", v, (cf) => {
      if (typeof v !== "string" || !v.startsWith("=") || v.length < 2)
        fail("InvalidArgument", "ConditionalFormatRule.formula", `${String(v)} is not a formula`);
      cf.formula = v;
    });
  }
}

export class ConditionalRangeFormatDouble extends ClientObjectDouble<ConditionalFormatModel> {
  readonly _typeName = "ConditionalRangeFormat";
  readonly fill = new ConditionalPartDouble(this.context, `${this._path}.fill`, NAV, () => this._lookup(), this);
  readonly font = new ConditionalPartDouble(this.context, `${this._path}.font`, NAV, () => this._lookup(), this);

  override _readers(): Record<string, Reader<ConditionalFormatModel>> {
    return {};
  }
  override _navigation(): Record<string, ClientObjectLike> {
    return { fill: this.fill, font: this.font };
  }
}

/** ConditionalRangeFill and ConditionalRangeFont share `color`; the font also has `bold`. */
export class ConditionalPartDouble extends ClientObjectDouble<ConditionalFormatModel> {
  get _typeName(): string {
    return this._path.endsWith(".fill") ? "ConditionalRangeFill" : "ConditionalRangeFont";
  }
  private get _isFill(): boolean {
    return this._path.endsWith(".fill");
  }

  override _readers(): Record<string, Reader<ConditionalFormatModel>> {
    return this._isFill
      ? { color: (cf) => cf.fill ?? null }
      : { color: (cf) => cf.fontColor ?? null, bold: (cf) => cf.bold ?? null };
  }

  get color(): string {
    return this._get("color");
  }
  set color(v: string) {
    this._set("color", v, (cf) => {
      if (typeof v !== "string" || !/^(#[0-9a-f]{6}|[a-z]+)$/i.test(v))
        fail("InvalidArgument", `${this._typeName}.color`, `${String(v)} is not a colour`);
      if (this._isFill) cf.fill = v.toUpperCase();
      else cf.fontColor = v.toUpperCase();
    });
  }
  get bold(): boolean {
    return this._get("bold");
  }
  set bold(v: boolean) {
    if (this._isFill) throw notImplemented("ConditionalRangeFill.bold");
    this._set("bold", v, (cf) => (cf.bold = v === true));
  }
  clear(): void {
    this._call("clear", [], (cf) => (this._isFill ? delete cf.fill : delete cf.fontColor));
  }
}
