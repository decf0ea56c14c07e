import { notImplemented } from "./errors";
import {
  ClientObjectDouble,
  type ClientObjectLike,
  type ContextLike,
  type LoadSpec,
  type Reader,
  parseLoadSpec,
} from "./proxy";

/**
 * The base of the *Collection proxies. `items` exists only after a load and a sync
 * (`load("items/name")`, `load("name")` or `load()`), and each item then carries
 * exactly the properties that were asked for.
 */
export abstract class CollectionDouble<M, I extends ClientObjectDouble<M>> extends ClientObjectDouble<M[]> {
  constructor(context: ContextLike, path: string, resolver: () => M[] | null, parent?: ClientObjectLike) {
    super(context, path, "navigation", resolver, parent);
  }

  /** The scalar properties of one item. */
  abstract _itemReaders(): Record<string, Reader<M>>;
  /** A proxy for one model item, already resolved. */
  abstract _makeItem(model: M): I;

  override _readers(): Record<string, Reader<M[]>> {
    return { count: (list) => list.length };
  }

  get items(): I[] {
    return this._get("items");
  }

  override load(spec?: LoadSpec): this {
    const own = this._readers();
    const itemReaders = this._itemReaders();
    const ownProps: string[] = [];
    let itemProps: Set<string> | undefined;
    const addItem = (name: string | undefined): void => {
      itemProps ??= new Set();
      for (const p of name === undefined ? Object.keys(itemReaders) : [name]) itemProps.add(p);
    };
    for (const name of parseLoadSpec(spec) ?? ["items"]) {
      if (name === "items") addItem(undefined);
      else if (name.startsWith("items/") && name.slice(6) in itemReaders) addItem(name.slice(6));
      else if (name in own) ownProps.push(name);
      else if (name in itemReaders) addItem(name);
      else throw notImplemented(`${this._typeName}.load("${name}")`);
    }
    const props = itemProps ? [...itemProps] : undefined;
    this._enqueue("load", [[...ownProps, ...(props ?? []).map((p) => `items/${p}`)].join(",")], () => {
      const list = this._target();
      const payload: Record<string, unknown> = {};
      for (const p of ownProps) payload[p] = own[p]!(list);
      const models = [...list];
      const rows = props ? models.map((m) => Object.fromEntries(props.map((p) => [p, itemReaders[p]!(m)]))) : undefined;
      if (rows) payload.items = rows;
      this.context._stage(payload, () => {
        for (const p of ownProps) this._values[p] = payload[p];
        if (rows) this._values.items = models.map((m, i) => this._makeItem(m)._markLoaded(rows[i]!));
      });
    });
    return this;
  }
}
