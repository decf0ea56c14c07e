import type { Cell } from "./_lib/cells";
import { toA1 } from "./_lib/a1";
import { headerKey } from "./_lib/text";
import { ROLE_FIELDS, type Role } from "./columns";
import { DistinctRows } from "./distinctRows";
import { showNorm, type MergeSheet, type MonthlyCell } from "./readMergeRows";
import type { CellIssue } from "./types";

/** The norms of a row no later row merges into (never written: only customers' and cost rows' are made). */
const NO_NORMS: string[] = [];

/** Where a customer (by key) or a cost row's salesperson and month first came from. */
interface Owner {
  input: number;
  file: string;
  row: number;
}

/**
 * The rows of one role from every input, merged in one pass (linear: each row is hashed by
 * its normalised fields, no two files are compared row by row). Identical rows follow the
 * multiset rule: each distinct row is kept as many times as the input holding it most often
 * holds it. Customers (by id, else name) and cost rows (by salesperson and month) that a
 * later input holds differently are merged into the first input's: a customer's blank
 * fields are filled, a field filled differently keeps the first value and is a data issue,
 * a differing cost row is dropped with a data issue.
 * @example const m = new MergeRoleRows("orders"); m.add(0, "a.xlsx", sheetA, issues); m.add(1, "b.xlsx", sheetB, issues); m.cells.length
 */
export class MergeRoleRows {
  /**
   * The combined rows as columns (row r is `cells[r]`, `sources[r]`, …), no object per row of a
   * million: each row's cells, one per field of ROLE_FIELDS[role].
   */
  readonly cells: Cell[][] = [];
  /** Cost rows only: each row's monthly cost columns. */
  readonly monthly: (MonthlyCell[] | undefined)[] = [];
  /** `file: sheet` of each input holding the row, joined with "; ". */
  readonly sources: string[] = [];
  /** The last input whose `file: sheet` a row's source lists. */
  private readonly sourceInput: number[] = [];
  /**
   * What a later input's row is compared with when it merges into a row field by field:
   * customers only; other roles' rows never do, and a million rows' normalised texts held to
   * the end of the merge were a few hundred MB of the team review's peak.
   */
  private readonly norms: string[][] = [];
  /** Whether some input maps each field of ROLE_FIELDS[role]. */
  readonly mapped: boolean[];
  /** Monthly cost columns (cost sheet): header key → header, in order of first appearance. */
  readonly monthlyHeaders = new Map<string, string>();
  private readonly distinct: DistinctRows;
  private readonly kept: number[] = [];
  private readonly holder: number[] = [];
  private readonly multi: boolean[] = [];
  private readonly curInput: number[] = [];
  private readonly curCount: number[] = [];
  /** Combined row of each copy of a distinct row, first copy in `firstCopy`. */
  private readonly firstCopy: number[] = [];
  private readonly moreCopies = new Map<number, number[]>();
  /** Distinct row of each row of each input, for `sharedRows`. */
  private readonly perInput: number[][] = [];
  private readonly owners = new Map<string, Owner>();
  private readonly idAt: number;
  private readonly nameAt: number;

  constructor(readonly role: Role) {
    this.distinct = new DistinctRows();
    this.mapped = ROLE_FIELDS[role].map(() => false);
    this.idAt = ROLE_FIELDS[role].indexOf("customerId");
    this.nameAt = ROLE_FIELDS[role].indexOf("customerName");
  }

  /** Folds in input number `input` (inputs come in the order given); conflicts go to `issues`. */
  add(input: number, file: string, sheet: MergeSheet, issues: CellIssue[]): void {
    sheet.mapped.forEach((m, f) => (this.mapped[f] ||= m));
    const headers = sheet.mapping.headers;
    for (const col of sheet.mapping.monthlyCostColumns) {
      const key = keyOfHeader(sheet, col);
      if (!this.monthlyHeaders.has(key)) this.monthlyHeaders.set(key, headers[col] ?? "");
    }
    const source = `${file}: ${sheet.mapping.sheet}`;
    const ids: number[] = (this.perInput[input] = []);
    for (let i = 0; i < sheet.cells.length; i++) {
      const id = this.distinctOf(sheet, i, input);
      ids.push(id);
      if (this.curInput[id] !== input) {
        this.curInput[id] = input;
        this.curCount[id] = 0;
      }
      const count = ++this.curCount[id];
      if (count <= this.kept[id]) {
        this.addSource(this.copy(id, count - 1), input, source);
        continue;
      }
      const norms = this.role === "customers" || this.role === "costs" ? this.normsOf(sheet, i) : NO_NORMS;
      const ownerKey = this.ownerKey(norms);
      const owner = ownerKey === undefined ? undefined : this.findOwner(norms, ownerKey);
      if (owner && owner.input !== input) {
        if (this.kept[id] === 0) this.mergeInto(owner, sheet, i, norms, { input, file, source }, issues);
        else this.addSource(owner.row, input, source);
        continue;
      }
      const at = this.cells.length;
      this.cells.push(sheet.cells[i]);
      this.sources.push(source);
      this.sourceInput.push(input);
      if (this.role === "customers") this.norms[at] = norms;
      if (sheet.monthly) this.monthly[at] = sheet.monthly[i];
      if (this.kept[id]++ === 0) this.firstCopy[id] = at;
      else this.moreCopies.set(id, [...(this.moreCopies.get(id) ?? []), at]);
      if (ownerKey !== undefined && !owner) this.setOwner(norms, ownerKey, { input, file, row: at });
    }
  }

  /** How many rows of input `input` are the same row as one another input holds. */
  sharedRows(input: number): number {
    let n = 0;
    for (const id of this.perInput[input] ?? []) if (this.multi[id]) n++;
    return n;
  }

  private distinctOf(sheet: MergeSheet, i: number, input: number): number {
    const id = this.distinct.id(sheet.norms, i);
    if (id === this.kept.length) {
      this.kept.push(0);
      this.holder.push(input);
      this.multi.push(false);
      this.curInput.push(-1);
      this.curCount.push(0);
      this.firstCopy.push(-1);
    } else if (this.holder[id] !== input) this.multi[id] = true;
    return id;
  }

  private copy(id: number, k: number): number {
    return k === 0 ? this.firstCopy[id] : this.moreCopies.get(id)![k - 1];
  }

  /** Lists input `input`'s `source` in a row's Source, once (inputs come in order). */
  private addSource(at: number, input: number, source: string): void {
    if (this.sourceInput[at] === input) return;
    this.sourceInput[at] = input;
    this.sources[at] += `; ${source}`;
  }

  /** A row's normalised fields as strings, what customers and cost rows merge by. */
  private normsOf(sheet: MergeSheet, i: number): string[] {
    return ROLE_FIELDS[this.role].map((_, f) => sheet.norms.norm(i, f));
  }

  /** The key rows merge by: customers by id (`i…`) else name (`n…`); cost rows by month and salesperson. */
  private ownerKey(norms: readonly string[]): string | undefined {
    if (this.role === "customers") return norms[this.idAt] !== "" ? `i${norms[this.idAt]}` : `n${norms[this.nameAt]}`;
    if (this.role === "costs") return `${norms[0]}\u0001${norms[1]}`;
    return undefined;
  }

  /** A customer with an id also meets one listed by the same name without an id (as orders match). */
  private findOwner(norms: readonly string[], key: string): Owner | undefined {
    const found = this.owners.get(key);
    if (found || this.role !== "customers" || !key.startsWith("i") || norms[this.nameAt] === "") return found;
    const byName = this.owners.get(`n${norms[this.nameAt]}`);
    return byName && this.norms[byName.row][this.idAt] === "" ? byName : undefined;
  }

  private setOwner(norms: readonly string[], key: string, owner: Owner): void {
    this.owners.set(key, owner);
    const name = this.role === "customers" ? norms[this.nameAt] : "";
    if (key.startsWith("i") && name !== "" && !this.owners.has(`n${name}`)) this.owners.set(`n${name}`, owner);
  }

  private mergeInto(
    owner: Owner,
    sheet: MergeSheet,
    i: number,
    rowNorms: readonly string[],
    { input, file, source }: { input: number; file: string; source: string },
    issues: CellIssue[],
  ): void {
    const cells = sheet.cells[i];
    const sheetRow = sheet.sheetRows[i];
    const fields = ROLE_FIELDS[this.role];
    const where = `[${file}]${sheet.mapping.sheet}`;
    if (this.role === "costs") {
      const col = sheet.mapping.columns.month ?? 0;
      const value = `${file}: ${costTotal(sheet.monthly?.[i])} ≠ ${owner.file}: ${costTotal(this.monthly[owner.row])}`;
      issues.push({ sheet: where, address: toA1(sheetRow, col), field: "monthlyCost", code: "conflict", value });
      return;
    }
    this.addSource(owner.row, input, source);
    const target = this.cells[owner.row];
    const norms = this.norms[owner.row];
    for (let f = 0; f < fields.length; f++) {
      const later = rowNorms[f];
      if (later === "" || later === norms[f]) continue;
      if (norms[f] === "") {
        target[f] = cells[f];
        norms[f] = later;
        continue;
      }
      const value = `${file}: ${showNorm(fields[f], later, cells[f])} ≠ ${owner.file}: ${showNorm(fields[f], norms[f], target[f])}`;
      issues.push({
        sheet: where,
        address: toA1(sheetRow, sheet.mapping.columns[fields[f]] ?? 0),
        field: fields[f],
        code: "conflict",
        value,
      });
    }
  }
}

function keyOfHeader(sheet: MergeSheet, col: number): string {
  return headerKey(sheet.mapping.headers[col] ?? "");
}

/** The sum of a cost row's readable monthly costs, as its review adds them. */
function costTotal(monthly: readonly MonthlyCell[] | undefined): number {
  let sum = 0;
  for (const m of monthly ?? []) if (typeof m.value === "number") sum += m.value;
  return Math.round(sum * 100) / 100;
}
