import type { Cell } from "../../src/core/_lib/cells";
import {
  customerFigures,
  issueCells,
  outputColumns,
  ORDER_HEADERS,
  readReview,
  sheetOf,
  unownedChangesOf,
  VISIT_HEADERS,
  type Run,
} from "./support";

export type Role = "customers" | "orders" | "visits" | "costs";

/** Where a variant keeps what the sample keeps in 客户表 / 订单表 / 拜访记录 / 费用表. */
export interface VariantShape {
  sheets: Record<Role, string>;
  /** Rows inserted above each sheet's header. */
  shift?: Partial<Record<Role, number>>;
  /** Unmatched customers may be listed under their name (in any of its spellings) instead of their id: compare them by the folded key. */
  unmatchedByKey?: boolean;
}

function byKey(rows: Cell[][]): Cell[][] {
  const [header, ...list] = rows;
  return [
    header,
    ...list.map((r) => [
      String(r[0] ?? r[1])
        .normalize("NFKC")
        .trim()
        .toUpperCase(),
      ...r.slice(2),
    ]),
  ];
}

/** Folds an unmatched customer's key (id or name, in any spelling) as `byKey` does. */
const fold = (v: Cell): string => String(v).normalize("NFKC").trim().toUpperCase();

/**
 * The action list with each 催收 row of a customer known by one key only (an unmatched
 * customer: id when keyed by id, name in any spelling when keyed by name) folded to that key
 * in the id column; rows of customers with both id and name stay as written.
 */
function collectByKey(rows: Cell[][]): Cell[][] {
  return rows.map((r) =>
    r[0] === "催收" && (r[1] === null || r[1] === undefined) !== (r[2] === null || r[2] === undefined)
      ? [r[0], fold(r[1] ?? r[2]), null, ...r.slice(3)]
      : r,
  );
}

const ORIGINAL: Record<Role, string> = { customers: "客户表", orders: "订单表", visits: "拜访记录", costs: "费用表" };

/** The data issues of the original run, moved to the variant's sheets and rows. */
export function movedIssues(original: Run, shape: VariantShape): string[] {
  const roleOf = Object.fromEntries(Object.entries(ORIGINAL).map(([role, sheet]) => [sheet, role as Role]));
  return issueCells(readReview(original.dump, "2026-10")).map((issue) => {
    const m = /^(.+)!([A-Z]+)(\d+) (.*)$/.exec(issue)!;
    const role = roleOf[m[1]];
    return `${shape.sheets[role]}!${m[2]}${Number(m[3]) + (shape.shift?.[role] ?? 0)} ${m[4]}`;
  });
}

/**
 * The checks every layout-only variant must pass: the command line exits 0 and
 * writes exactly the original run's figures, and no input cell it does not own changes.
 */
export function itWritesTheSameFigures(original: () => Run, variant: () => Run, shape: VariantShape): void {
  const { sheets } = shape;

  it("exits 0", () => {
    expect({ code: variant().code, printed: variant().code === 0 ? [] : variant().printed }).toEqual({
      code: 0,
      printed: [],
    });
  });

  it("writes every customer's figures as the original run does", () => {
    expect(customerFigures(sheetOf(variant().dump, sheets.customers))).toEqual(
      customerFigures(sheetOf(original().dump, "客户表")),
    );
  });

  it("writes the same tier and customer type on every order row", () => {
    expect(outputColumns(sheetOf(variant().dump, sheets.orders), ORDER_HEADERS)).toEqual(
      outputColumns(sheetOf(original().dump, "订单表"), ORDER_HEADERS),
    );
  });

  it("writes the same customer type and allocated cost on every visit row", () => {
    expect(outputColumns(sheetOf(variant().dump, sheets.visits), VISIT_HEADERS)).toEqual(
      outputColumns(sheetOf(original().dump, "拜访记录"), VISIT_HEADERS),
    );
  });

  it("writes the same monthly table, salesperson table, tier summary, action list and unmatched customers", () => {
    const { issueCount: _a, issues: _b, ...got } = readReview(variant().dump, "2026-10");
    const { issueCount: _c, issues: _d, ...want } = readReview(original().dump, "2026-10");
    if (shape.unmatchedByKey) {
      [got.unmatched, want.unmatched] = [byKey(got.unmatched), byKey(want.unmatched)];
      [got.actions, want.actions] = [collectByKey(got.actions), collectByKey(want.actions)];
    }
    expect(got).toEqual(want);
  });

  it("reports the original data issues at the variant's sheets and rows", () => {
    const review = readReview(variant().dump, "2026-10");
    expect({ count: review.issueCount, cells: issueCells(review) }).toEqual({
      count: readReview(original().dump, "2026-10").issueCount,
      cells: movedIssues(original(), shape),
    });
  });

  it("leaves every input cell it does not own unchanged", () => {
    const names = Object.values(sheets);
    expect(unownedChangesOf(variant(), names)).toEqual(Object.fromEntries(names.map((s) => [s, []])));
  });
}
