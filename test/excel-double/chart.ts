import { formatBox, parseAddress } from "./address";
import { assertLive, assertWritable } from "./cells";
import { CollectionDouble } from "./collection";
import type { ChartModel, SheetModel } from "./model";
import { ClientObjectDouble, type ClientObjectLike, type ContextLike, type Reader, fail } from "./proxy";
import type { RangeDouble } from "./range";

/**
 * Worksheet.charts and Excel.Chart: what was asked for (type, source block, series
 * orientation, title, anchor cells) is recorded in the model so tests can compare
 * it; nothing is drawn.
 */

/** The Excel.ChartType values the double accepts; others fail as Excel fails an unknown type. */
export const CHART_TYPES = {
  columnClustered: "ColumnClustered",
  columnStacked: "ColumnStacked",
  columnStacked100: "ColumnStacked100",
  barClustered: "BarClustered",
  barStacked: "BarStacked",
  barStacked100: "BarStacked100",
  line: "Line",
  lineMarkers: "LineMarkers",
  pie: "Pie",
  doughnut: "Doughnut",
  area: "Area",
  areaStacked: "AreaStacked",
  xyscatter: "XYScatter",
} as const;

export const CHART_SERIES_BY = { auto: "Auto", columns: "Columns", rows: "Rows" } as const;

const CHART_READERS: Record<string, Reader<ChartModel>> = {
  name: (c) => c.name,
  id: (c) => c.id,
  chartType: (c) => c.type,
};

export class ChartCollectionDouble extends CollectionDouble<ChartModel, ChartDouble> {
  readonly _typeName = "ChartCollection";

  constructor(context: ContextLike, path: string, sheet: () => SheetModel | null, parent: ClientObjectLike) {
    super(
      context,
      path,
      () => {
        const s = sheet();
        return s === null ? null : context.host.model.charts.filter((c) => c.sheetId === s.id);
      },
      parent,
    );
    this._sheet = sheet;
  }
  private readonly _sheet: () => SheetModel | null;

  override _itemReaders(): Record<string, Reader<ChartModel>> {
    return CHART_READERS;
  }
  override _makeItem(c: ChartModel): ChartDouble {
    return new ChartDouble(this.context, `${this._path}.getItem(${JSON.stringify(c.id)})`, "fixed", () => c);
  }
  get count(): number {
    return this._get("count");
  }

  /** Excel.ChartCollection.add(type, sourceData, seriesBy?); the chart lands on this sheet, named "Chart n". */
  add(type: string, sourceData: RangeDouble, seriesBy: string = "Auto"): ChartDouble {
    const model = this.context.host.model;
    const child = new ChartDouble(this.context, this._childPath("add", [type, sourceData, seriesBy]), "method", () => {
      const sheet = this._sheet() ?? fail("ItemNotFound", "ChartCollection.add", "the worksheet is a null object");
      assertWritable(sheet, "ChartCollection.add");
      if (!(Object.values(CHART_TYPES) as string[]).includes(type))
        fail("InvalidArgument", "ChartCollection.add", `chart type ${type} is not known to the double`);
      if (!(Object.values(CHART_SERIES_BY) as string[]).includes(seriesBy))
        fail("InvalidArgument", "ChartCollection.add", `seriesBy ${seriesBy} is not an Excel.ChartSeriesBy`);
      if (typeof sourceData !== "object" || sourceData === null || typeof sourceData._target !== "function")
        fail("InvalidArgument", "ChartCollection.add", "sourceData must be a Range");
      const source = sourceData._target();
      assertLive(model, source, "ChartCollection.add");
      let n = model.charts.filter((c) => c.sheetId === sheet.id).length + 1;
      while (model.charts.some((c) => c.sheetId === sheet.id && c.name === `Chart ${n}`)) n++;
      const chart: ChartModel = {
        id: model.nextId("plain"),
        name: `Chart ${n}`,
        sheetId: sheet.id,
        type,
        source: { sheetId: source.sheet.id, box: { ...source.box } },
        seriesBy,
      };
      model.charts.push(chart);
      return chart;
    });
    return this._method(child, "add", [type, sourceData, seriesBy]);
  }
}

export class ChartDouble extends ClientObjectDouble<ChartModel> {
  readonly _typeName = "Chart";
  private _title?: ChartTitleDouble;

  override _readers(): Record<string, Reader<ChartModel>> {
    return CHART_READERS;
  }
  override _navigation(): Record<string, ClientObjectLike> {
    return { title: this.title };
  }

  get name(): string {
    return this._get("name");
  }
  set name(v: string) {
    this._set("name", v, (c) => {
      if (typeof v !== "string" || v === "") fail("InvalidArgument", "Chart.name", "a chart needs a name");
      c.name = v;
    });
  }
  get id(): string {
    return this._get("id");
  }
  get chartType(): string {
    return this._get("chartType");
  }

  get title(): ChartTitleDouble {
    return (this._title ??= new ChartTitleDouble(
      this.context,
      `${this._path}.title`,
      "navigation",
      () => this._lookup(),
      this,
    ));
  }

  /** Anchors the chart over cells of its own sheet: Ranges or addresses such as "H2". */
  setPosition(startCell: RangeDouble | string, endCell?: RangeDouble | string): void {
    this._call("setPosition", [startCell, endCell ?? null], (c) => {
      const sheet =
        this.context.host.model.sheetById(c.sheetId) ??
        fail("ItemNotFound", "Chart.setPosition", "the chart's sheet was deleted");
      const where = (cell: RangeDouble | string): string => {
        if (typeof cell !== "string") {
          const t = cell._target();
          if (t.sheet !== sheet) fail("InvalidArgument", "Chart.setPosition", "the anchor is on another sheet");
          return formatBox(t.box);
        }
        const parsed = parseAddress(cell);
        if (!parsed || (parsed.sheet !== undefined && parsed.sheet.toLowerCase() !== sheet.name.toLowerCase()))
          return fail("InvalidArgument", "Chart.setPosition", `${cell} is not a cell on ${sheet.name}`);
        return formatBox(parsed.box);
      };
      c.position =
        endCell === undefined ? { start: where(startCell) } : { start: where(startCell), end: where(endCell) };
    });
  }

  delete(): void {
    this._call("delete", [], (c) => {
      const list = this.context.host.model.charts;
      list.splice(list.indexOf(c), 1);
    });
  }
}

export class ChartTitleDouble extends ClientObjectDouble<ChartModel> {
  readonly _typeName = "ChartTitle";
  override _readers(): Record<string, Reader<ChartModel>> {
    return { text: (c) => c.title ?? "" };
  }
  get text(): string {
    return this._get("text");
  }
  set text(v: string) {
    this._set("text", v, (c) => {
      if (typeof v !== "string") fail("InvalidArgument", "ChartTitle.text", "a title is text");
      c.title = v;
    });
  }
}
