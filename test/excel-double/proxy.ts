import { type DoubleErrorCode, notImplemented, officeError } from "./errors";
import type { DoubleHost } from "./host";

/**
 * The base of every proxy: Office.js semantics in one place. Calls queue operations;
 * nothing touches the model until the context syncs; reading a property that no sync
 * has filled throws PropertyNotLoaded; objects from `...OrNullObject` learn at the next
 * sync whether they exist. Proxies are wrapped in a JS Proxy so that an API member the
 * double does not model fails with a clear "not implemented" instead of `undefined`.
 */

/** One queued operation: a JSON-able description (for payload accounting) and what it does. */
export interface QueuedOp {
  path: string;
  name: string;
  args: unknown[];
  run: () => void;
}

export interface ContextLike {
  readonly host: DoubleHost;
  _enqueue(op: QueuedOp): void;
  /** Records a load result; `apply` runs only if the whole sync succeeds, as Office processes the response. */
  _stage(payload: unknown, apply: () => void): void;
}

export type Reader<T> = (target: T) => unknown;

/** Any proxy, whatever it points at (the generic base is invariant in its target type). */
export interface ClientObjectLike {
  readonly _path: string;
  _nullState(): boolean | undefined;
  _instantiate(orNull: boolean): void;
  load(spec?: LoadSpec): unknown;
}
export type LoadSpec = string | string[] | { select?: string | string[]; expand?: string | string[] };

/** How a proxy finds its model object: through its parent each time, once when its creating call runs, or known from a collection load. */
type Kind = "navigation" | "method" | "fixed";

/** Names that runtimes, Promise resolution and test printers probe on any object. */
const PROBES = new Set([
  "then",
  "toJSON",
  "asymmetricMatch",
  "$$typeof",
  "nodeType",
  "tagName",
  "constructor",
  "inspect",
  "toString",
  "valueOf",
  "length",
  "prototype",
  "mockClear",
  "_isMockFunction",
]);

export function parseLoadSpec(spec: LoadSpec | undefined): string[] | undefined {
  if (spec === undefined || spec === null) return undefined;
  const raw = typeof spec === "string" || Array.isArray(spec) ? spec : spec.select;
  if (raw === undefined) return undefined;
  const list = Array.isArray(raw) ? raw : raw.split(",");
  const names = list.map((s) => s.trim()).filter((s) => s.length > 0);
  return names.length > 0 ? names : undefined;
}

export abstract class ClientObjectDouble<T> implements ClientObjectLike {
  abstract readonly _typeName: string;
  /** Loaded values, and values the caller assigned (Office keeps what you set). */
  readonly _values: Record<string, unknown> = {};
  _isNull: boolean | undefined;
  private _resolved: { target: T | null } | undefined;

  constructor(
    readonly context: ContextLike,
    readonly _path: string,
    private readonly _kind: Kind,
    private readonly _resolver: () => T | null,
    private readonly _parent?: ClientObjectLike,
  ) {
    if (_kind === "fixed") this._resolved = { target: _resolver() };
    return new Proxy(this, {
      get(target, prop, receiver) {
        if (
          typeof prop === "string" &&
          !(prop in target) &&
          !prop.startsWith("_") &&
          !prop.startsWith("@@") &&
          !PROBES.has(prop)
        ) {
          throw notImplemented(`${target._typeName}.${prop}`);
        }
        return Reflect.get(target, prop, receiver);
      },
      set(target, prop, value, receiver) {
        if (typeof prop === "string" && !(prop in target)) throw notImplemented(`setting ${target._typeName}.${prop}`);
        return Reflect.set(target, prop, value, receiver);
      },
    });
  }

  /** The scalar properties `load` can fill, by name. */
  abstract _readers(): Record<string, Reader<T>>;

  /** Child objects reachable by a load path such as "format/font/bold". */
  _navigation(): Record<string, ClientObjectLike> {
    return {};
  }

  get isNullObject(): boolean {
    const state = this._nullState();
    if (state === undefined)
      throw officeError(
        "PropertyNotLoaded",
        `${this._typeName}.isNullObject`,
        "no sync has run since this object was created",
        "isNullObject",
      );
    return state;
  }

  _nullState(): boolean | undefined {
    if (this._kind === "navigation") return this._parent ? this._parent._nullState() : false;
    return this._isNull;
  }

  /** The model object, or null for a null object. Only valid while a sync executes. */
  _lookup(): T | null {
    if (this._kind === "navigation") return this._resolver();
    if (this._resolved === undefined)
      throw officeError(
        "InvalidObjectPath",
        this._typeName,
        "the call that created this object never ran (its sync failed?)",
        this._path,
      );
    return this._resolved.target;
  }

  /** The model object; operating on a null object fails the sync, as in Excel. */
  _target(): T {
    const target = this._lookup();
    if (target === null) throw officeError("ItemNotFound", this._typeName, `${this._path} is a null object`);
    return target;
  }

  /** Runs, inside the creating call's operation, this object's lookup. */
  _instantiate(orNull: boolean): void {
    const target = this._resolver();
    if (target === null && !orNull) throw officeError("ItemNotFound", this._typeName, `${this._path} does not exist`);
    this._resolved = { target };
    this.context._stage({ isNull: target === null }, () => (this._isNull = target === null));
  }

  /** Marks an object found by a collection load as existing. */
  _markLoaded(values: Record<string, unknown>): this {
    this._isNull = false;
    Object.assign(this._values, values);
    return this;
  }

  load(spec?: LoadSpec): this {
    const readers = this._readers();
    const navigation = this._navigation();
    const direct: string[] = [];
    for (const name of parseLoadSpec(spec) ?? Object.keys(readers)) {
      const slash = name.indexOf("/");
      const head = slash < 0 ? name : name.slice(0, slash);
      if (slash < 0 && head in readers) direct.push(name);
      else if (head in navigation) navigation[head]!.load(slash < 0 ? undefined : name.slice(slash + 1));
      else throw notImplemented(`${this._typeName}.load("${name}")`);
    }
    if (direct.length > 0 || parseLoadSpec(spec) === undefined) this._queueLoad(direct);
    return this;
  }

  private _queueLoad(props: string[]): void {
    this._enqueue("load", [props.join(",")], () => {
      const target = this._lookup();
      if (target === null) return;
      const readers = this._readers();
      const payload: Record<string, unknown> = {};
      for (const p of props) payload[p] = readers[p]!(target);
      this.context._stage(payload, () => Object.assign(this._values, payload));
    });
  }

  /** What a queued argument that is itself a proxy looks like on the wire. */
  toJSON(): { path: string } {
    return { path: this._path };
  }

  _enqueue(name: string, args: unknown[], run: () => void): void {
    this.context._enqueue({ path: this._path, name, args, run });
  }

  /** Reads a loaded (or locally assigned) property, throwing as Office does when it is not there. */
  protected _get<V>(name: string): V {
    if (this._nullState() === true) {
      throw officeError(
        "PropertyNotLoaded",
        `${this._typeName}.${name}`,
        "this is a null object (isNullObject is true): check isNullObject before reading its properties",
        name,
      );
    }
    if (!(name in this._values)) throw officeError("PropertyNotLoaded", `${this._typeName}.${name}`, undefined, name);
    return this._values[name] as V;
  }

  /** Assigns a property: kept locally at once, applied to the model at the next sync. */
  protected _set(name: string, value: unknown, apply: (target: T) => void): void {
    this._values[name] = value;
    this._enqueue(name, [value], () => apply(this._target()));
  }

  /** Queues a method call that returns nothing. */
  protected _call(name: string, args: unknown[], apply: (target: T) => void): void {
    this._enqueue(name, args, () => apply(this._target()));
  }

  /** Queues a method call that returns a new object; `orNull` for the `...OrNullObject` variants. */
  protected _method<C extends ClientObjectLike>(child: C, name: string, args: unknown[], orNull = false): C {
    this._enqueue(name, args, () => child._instantiate(orNull));
    return child;
  }

  /** Path of a child created by `name(args)`, as the wire would name it. */
  protected _childPath(name: string, args: unknown[]): string {
    return `${this._path}.${name}(${JSON.stringify(args).slice(1, -1)})`;
  }
}

/** Throws the error `code` from inside a sync. */
export function fail(code: DoubleErrorCode, location: string, details: string): never {
  throw officeError(code, location, details);
}
