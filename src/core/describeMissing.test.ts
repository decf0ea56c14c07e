import { describeMissing } from "./describeMissing";
import { MissingColumnError } from "./errors";
import { runReview } from "./runReview";
import { grid, serial } from "./testing/grids";

describe("describeMissing", () => {
  it("names the missing amount column of the sheet closest to an order sheet", () => {
    const e = describeMissing([
      grid("说明", [["本表说明"]]),
      grid("订单", [["标题"], ["订单日期", "客户名称", "备注"], [serial("2026-10-01"), "甲", "x"]]),
    ]);
    expect(e).toBeInstanceOf(MissingColumnError);
    expect(e.missing).toEqual([["amount", "quantity"]]);
    expect(e.seen[0]).toEqual({ sheet: "订单", headerRow: 1, headers: ["订单日期", "客户名称", "备注"] });
    expect(e.seen[1]).toEqual({ sheet: "说明", headerRow: 0, headers: ["本表说明"] });
  });

  it("asks for the unit price when only a quantity is found", () => {
    const e = describeMissing([grid("Orders", [["Order Date", "Customer", "Qty"]])]);
    expect(e.missing).toEqual([["unitPrice"]]);
  });

  it("names every required field when no sheet has any", () => {
    const e = describeMissing([grid("Notes", [["hello"]]), grid("Empty", [])]);
    expect(e.missing).toEqual([["orderDate"], ["customerId", "customerName"], ["amount", "quantity"]]);
    expect(e.seen.map((s) => s.sheet).sort()).toEqual(["Empty", "Notes"]);
  });

  it("is what runReview throws when no order sheet is found", () => {
    expect(() =>
      runReview([
        grid("Customers", [
          ["Customer ID", "Customer Name"],
          ["C1", "A"],
        ]),
      ]),
    ).toThrow(MissingColumnError);
  });
});
