import type { Cell } from "./_lib/cells";
import { TextIds } from "./_lib/intern";
import { customerKey } from "./_lib/text";

/**
 * Every customer of a review: the customer sheet's rows (duplicates merged) and
 * those that only orders or visits name ("unmatched"). Indexes are dense, so the
 * engine keeps per-customer figures in typed arrays.
 */
export class CustomerTable {
  readonly ids: (string | null)[];
  readonly names: (string | null)[];
  /** Salesperson id (see Interner), -1 when none. */
  readonly rep: number[];
  readonly region: (string | null)[];
  /** First trade date from the customer sheet (epoch day), NaN when none. */
  readonly firstTrade: number[];
  /** 0-based customer-sheet rows of each customer; empty for unmatched ones. */
  readonly sheetRows: number[][];
  /** Visit count and visit cost typed in the customer sheet (used only without a visit sheet), NaN when none. */
  readonly sheetVisits: number[];
  readonly sheetVisitCost: number[];
  /** Credit limit and payment terms (days) from the customer sheet, NaN when none. */
  readonly creditLimit: number[];
  readonly terms: number[];
  /** The cooperation cell as typed (scoreCooperation reads it), null when none. */
  readonly cooperation: Cell[];
  /** Folded key of each customer (see sortKey), kept since tiering asks for every one. */
  private readonly sortKeys: string[];
  private count = 0;
  /** Every array above that holds one entry per customer, for finish(). */
  private readonly perCustomer: unknown[][];
  private readonly byId: KeyIndex;
  private readonly byName: KeyIndex;
  /**
   * Memo of raw cell text → customer, since the same ids repeat on thousands of rows.
   * Each cell holds its own string, and TextIds numbers such fresh strings about twice
   * as fast as a Map finds them; rawIdCustomer[n] is the customer of raw text n.
   */
  private readonly rawIds: TextIds;
  private readonly rawIdCustomer: number[];
  private readonly rawNames: TextIds;
  private readonly rawNameCustomer: number[];

  /**
   * The per-customer arrays are made at `expected` length and cut to the customers
   * there are by finish(): grown one push at a time, 50,000-element arrays are copied
   * ~10 times over (~10 MB of a review's fresh memory, which costs page faults).
   * @param sheetHasIds whether the customer sheet has an id column: orders then match on ids where they have one.
   * @param expected about how many customers will come (the customer sheet's rows), so that the tables are made once.
   */
  constructor(
    readonly sheetHasIds: boolean,
    expected = 1024,
  ) {
    const column = <T>(): T[] => new Array<T>(expected);
    this.perCustomer = [
      (this.ids = column()),
      (this.names = column()),
      (this.rep = column()),
      (this.region = column()),
      (this.firstTrade = column()),
      (this.sheetRows = column()),
      (this.sheetVisits = column()),
      (this.sheetVisitCost = column()),
      (this.creditLimit = column()),
      (this.terms = column()),
      (this.cooperation = column()),
      (this.sortKeys = column()),
    ];
    this.byId = new KeyIndex(expected);
    this.byName = new KeyIndex(expected);
    // Orders name customers by id when the customer sheet has ids, else by name: the other memo stays small.
    this.rawIds = new TextIds(sheetHasIds ? expected : undefined);
    this.rawNames = new TextIds(sheetHasIds ? undefined : expected);
    this.rawIdCustomer = new Array(sheetHasIds ? expected : 0);
    this.rawNameCustomer = new Array(sheetHasIds ? 0 : expected);
  }

  get size(): number {
    return this.count;
  }

  /** Cuts the per-customer arrays to the customers added; call once every customer is in. */
  finish(): void {
    for (const a of this.perCustomer) a.length = this.count;
  }

  /** Display key: the id when there is one, else the name. */
  key(c: number): string {
    return this.ids[c] ?? this.names[c] ?? "";
  }

  /** Sort key for ties: folded id or name. */
  sortKey(c: number): string {
    return this.sortKeys[c];
  }

  isUnmatched(c: number): boolean {
    return this.sheetRows[c].length === 0;
  }

  /** Adds a customer-sheet row, or returns the existing customer it duplicates (with `duplicate`): same id, or without ids same name. */
  addListed(id: string | null, name: string | null, row: number): { index: number; duplicate: boolean } {
    const idKey = id === null ? null : customerKey(id);
    const nameKey = name === null ? null : customerKey(name);
    const existing =
      idKey !== null && this.sheetHasIds
        ? this.byId.get(idKey)
        : nameKey === null
          ? undefined
          : this.byName.get(nameKey);
    if (existing !== undefined) {
      this.sheetRows[existing].push(row);
      return { index: existing, duplicate: true };
    }
    return { index: this.create(id, name, idKey, nameKey, row), duplicate: false };
  }

  /**
   * The customer an order or visit row names: by id where both sides have ids, else by name.
   * A customer that is not listed is created as unmatched, so its sales still count.
   */
  resolve(id: string | null, name: string | null): number {
    if (id !== null && (this.sheetHasIds || name === null)) {
      const known = this.rawIds.size;
      const raw = this.rawIds.id(id);
      if (raw < known) return this.rawIdCustomer[raw];
      const key = customerKey(id);
      let c = this.byId.get(key);
      // A listed customer without an id is matched by name (ids only decide where both sides have one).
      const nameKey = c === undefined && name !== null ? customerKey(name) : undefined;
      if (nameKey !== undefined) {
        const byName = this.byName.get(nameKey);
        if (byName !== undefined && this.ids[byName] === null && this.sheetRows[byName].length > 0) c = byName;
      }
      if (c === undefined) c = this.create(id, name, key, nameKey);
      this.byId.set(key, c);
      this.rawIdCustomer[raw] = c;
      return c;
    }
    if (name === null) return -1;
    const known = this.rawNames.size;
    const raw = this.rawNames.id(name);
    if (raw < known) return this.rawNameCustomer[raw];
    const nameKey = customerKey(name);
    let c = this.byName.get(nameKey);
    if (c === undefined) c = this.create(id, name, undefined, nameKey);
    this.rawNameCustomer[raw] = c;
    return c;
  }

  /**
   * A new customer; the folded keys of its id and name may come already made (undefined: make them).
   * `sheetRow`: its customer-sheet row (none for an unmatched customer).
   */
  private create(
    id: string | null,
    name: string | null,
    idKey?: string | null,
    nameKey?: string | null,
    sheetRow?: number,
  ): number {
    const index = this.count++;
    this.ids[index] = id;
    this.names[index] = name;
    this.rep[index] = -1;
    this.region[index] = null;
    this.firstTrade[index] = NaN;
    this.sheetRows[index] = sheetRow === undefined ? [] : [sheetRow]; // not push: that gives each of 50,000 customers room for 17 rows
    this.sheetVisits[index] = NaN;
    this.sheetVisitCost[index] = NaN;
    this.creditLimit[index] = NaN;
    this.terms[index] = NaN;
    this.cooperation[index] = null;
    idKey ??= id === null ? null : customerKey(id);
    nameKey ??= name === null ? null : customerKey(name);
    this.sortKeys[index] = idKey ?? nameKey ?? "";
    if (idKey !== null) this.byId.set(idKey, index);
    if (nameKey !== null && this.byName.get(nameKey) === undefined) this.byName.set(nameKey, index);
    return index;
  }
}

/**
 * Folded key → customer. A Map costs ~0.3 µs to set each of 50,000 fresh keys (hashing
 * them, growing its table) — most of reading a customer sheet; TextIds numbers them in a
 * table of ints, and the customer of key n is customer[n].
 */
class KeyIndex {
  private readonly keys: TextIds;
  private readonly customer: number[];
  constructor(expected: number) {
    this.keys = new TextIds(expected);
    this.customer = new Array(expected);
  }

  get(key: string): number | undefined {
    const n = this.keys.find(key);
    return n < 0 ? undefined : this.customer[n];
  }

  set(key: string, c: number): void {
    this.customer[this.keys.id(key)] = c;
  }
}
