import { ExcelLimitError } from "./errors";
import type { ColumnPlan, SheetPlan } from "./output";
import { placeOutsideBlockedTables, type BlockedTable } from "./placeOutsideBlockedTables";
import { planOutput } from "./planOutput";
import { runReview } from "./runReview";
import { grid, serial } from "./testing/grids";
import type { OwnedColumn } from "./types";

const column = (output: string, col: number): ColumnPlan => ({
  output,
  header: output,
  col,
  format: "general",
  values: [],
});

/** Owned columns at the given places in table `T` (or another, or none: null) on sheet `订单表`. */
function sheet(cols: Record<string, number>, table: string | null = "T"): SheetPlan {
  const s: SheetPlan = {
    sheet: "订单表",
    headerRow: 0,
    firstRow: 1,
    lastRow: 3,
    columns: Object.entries(cols).map(([o, c]) => column(o, c)),
  };
  if (table !== null) s.table = table;
  return s;
}

const cols = (s: SheetPlan) => Object.fromEntries(s.columns.map((c) => [c.output, c.col]));
const blockedT = (from: number, room: number, freeCol: number): BlockedTable => ({
  sheet: "订单表",
  table: "T",
  from,
  room,
  freeCol,
});

describe("placeOutsideBlockedTables", () => {
  it("moves new columns that do not fit in the room to the first free column, in their order", () => {
    const s = sheet({ "order.type": 4, "order.tier": 3 });
    expect(placeOutsideBlockedTables([s], [], [blockedT(3, 1, 7)])).toBe(true);
    expect(cols(s)).toEqual({ "order.type": 8, "order.tier": 7 });
  });

  it("leaves new columns that fit in the room where they were placed", () => {
    const s = sheet({ "order.tier": 3, "order.type": 4 });
    expect(placeOutsideBlockedTables([s], [], [blockedT(3, 2, 7)])).toBe(false);
    expect(cols(s)).toEqual({ "order.tier": 3, "order.type": 4 });
  });

  it("keeps a column at its recorded place and puts the new ones right of it when it is further right than the free column", () => {
    const owned: OwnedColumn[] = [{ sheet: "订单表", col: 9, header: "order.tier", output: "order.tier" }];
    const s = sheet({ "order.tier": 9, "order.type": 3, "order.extra": 4 });
    expect(placeOutsideBlockedTables([s], owned, [blockedT(3, 1, 7)])).toBe(true);
    expect(cols(s)).toEqual({ "order.tier": 9, "order.type": 10, "order.extra": 11 });
  });

  it("moves a recorded column found away from its recorded place like a new one", () => {
    const owned: OwnedColumn[] = [{ sheet: "订单表", col: 2, header: "order.tier", output: "order.tier" }];
    const s = sheet({ "order.tier": 4, "order.type": 3 });
    expect(placeOutsideBlockedTables([s], owned, [blockedT(3, 1, 6)])).toBe(true);
    expect(cols(s)).toEqual({ "order.type": 6, "order.tier": 7 });
  });

  it("does not count columns left of the table's end as new", () => {
    const s = sheet({ "order.tier": 1, "order.type": 3 });
    expect(placeOutsideBlockedTables([s], [], [blockedT(3, 0, 5)])).toBe(true);
    expect(cols(s)).toEqual({ "order.tier": 1, "order.type": 5 });
  });

  describe("edge cases", () => {
    it("changes nothing for a sheet without a table, another table or another sheet", () => {
      const plain = sheet({ "order.tier": 3, "order.type": 4 }, null);
      const other = sheet({ "order.tier": 3, "order.type": 4 }, "Other");
      const elsewhere: BlockedTable = { ...blockedT(3, 0, 7), sheet: "拜访记录" };
      expect(placeOutsideBlockedTables([plain, other], [], [blockedT(3, 0, 7), elsewhere])).toBe(false);
      expect([cols(plain), cols(other)]).toEqual([
        { "order.tier": 3, "order.type": 4 },
        { "order.tier": 3, "order.type": 4 },
      ]);
    });

    it("changes nothing when every column is at its recorded place", () => {
      const owned: OwnedColumn[] = [
        { sheet: "订单表", col: 3, header: "order.tier", output: "order.tier" },
        { sheet: "订单表", col: 4, header: "order.type", output: "order.type" },
      ];
      const s = sheet({ "order.tier": 3, "order.type": 4 });
      expect(placeOutsideBlockedTables([s], owned, [blockedT(3, 0, 7)])).toBe(false);
      expect(cols(s)).toEqual({ "order.tier": 3, "order.type": 4 });
    });
  });
});

describe("planOutput with blocked tables", () => {
  // The order table is A1:C3; the run adds its tier and type columns (D, E) unless the table is blocked.
  const review = runReview([
    grid(
      "订单表",
      [
        ["订单日期", "客户编号", "金额"],
        [serial("2026-10-10"), "C1", 800],
        [serial("2026-09-10"), "C2", 400],
      ],
      { row: 0, col: 0 },
      "T",
    ),
  ]);
  const options = {
    lang: "en-US" as const,
    owned: [],
    sheetNames: ["订单表"],
    ownedSheets: [],
    generatedAt: "2026-11-30 09:00",
  };
  const orderColumns = (blocked: BlockedTable[]) =>
    planOutput(review, { ...options, blocked })
      .owned.filter((o) => o.sheet === "订单表")
      .map((o) => o.col);

  it("records the columns where they go, outside the blocked table", () => {
    expect(orderColumns([])).toEqual([3, 4]);
    expect(orderColumns([blockedT(3, 1, 6)])).toEqual([6, 7]);
  });

  it("checks Excel's limits on the moved columns (no free column right of XFD)", () => {
    expect(() => orderColumns([blockedT(3, 1, 16_383)])).toThrow(ExcelLimitError);
  });
});
