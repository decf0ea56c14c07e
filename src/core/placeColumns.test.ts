import { placeColumns } from "./placeColumns";

const tier = { output: "order.tier", header: "Tier" };
const type = { output: "order.type", header: "Customer type" };

describe("placeColumns", () => {
  it("appends new columns right of the used ones", () => {
    expect(placeColumns(["Date", "Customer", "Amount"], 3, [], [tier, type])).toEqual([
      { col: 3, header: "Tier" },
      { col: 4, header: "Customer type" },
    ]);
  });

  it("never reuses a user's header, compared case-insensitively as Excel compares table column names", () => {
    expect(placeColumns(["Date", "TIER", "customer TYPE"], 3, [], [tier, type])).toEqual([
      { col: 3, header: "Tier (2)" },
      { col: 4, header: "Customer type (2)" },
    ]);
    expect(placeColumns(["tier", "Tier (2)"], 2, [], [tier])).toEqual([{ col: 2, header: "Tier (3)" }]);
  });

  it("finds an owned column again at its place or by its header", () => {
    expect(placeColumns(["Date", "Tier"], 2, [{ sheet: "S", col: 1, header: "Tier", output: "order.tier" }], [tier])).toEqual([{ col: 1, header: "Tier" }]);
    expect(placeColumns(["Tier", "Date"], 2, [{ sheet: "S", col: 1, header: "Tier", output: "order.tier" }], [tier])).toEqual([{ col: 0, header: "Tier" }]);
  });
});
