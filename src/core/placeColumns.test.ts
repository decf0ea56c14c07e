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
    expect(
      placeColumns(["Date", "Tier"], 2, [{ sheet: "S", col: 1, header: "Tier", output: "order.tier" }], [tier]),
    ).toEqual([{ col: 1, header: "Tier" }]);
    expect(
      placeColumns(["Tier", "Date"], 2, [{ sheet: "S", col: 1, header: "Tier", output: "order.tier" }], [tier]),
    ).toEqual([{ col: 0, header: "Tier" }]);
  });

  it("reuses an owned column whose header cell the user cleared, in place and with its recorded header", () => {
    const rec = { sheet: "S", col: 3, header: "Tier", output: "order.tier" };
    expect(placeColumns(["Date", "Customer", "Amount", ""], 4, [rec], [tier, type])).toEqual([
      { col: 3, header: "Tier" },
      { col: 4, header: "Customer type" },
    ]);
    // Cleared to the end of the used range: the header row is shorter than the recorded column.
    expect(placeColumns(["Date", "Customer", "Amount"], 3, [rec], [tier])).toEqual([{ col: 3, header: "Tier" }]);
  });

  it("finds owned columns where a user's inserted column moved them, even an empty inserted column", () => {
    const owned = [
      { sheet: "S", col: 3, header: "Tier", output: "order.tier" },
      { sheet: "S", col: 4, header: "Customer type", output: "order.type" },
    ];
    expect(
      placeColumns(["Date", "Customer", "Amount", "Notes", "Tier", "Customer type"], 6, owned, [tier, type]),
    ).toEqual([
      { col: 4, header: "Tier" },
      { col: 5, header: "Customer type" },
    ]);
    expect(placeColumns(["Date", "Customer", "Amount", "", "Tier", "Customer type"], 6, owned, [tier, type])).toEqual([
      { col: 4, header: "Tier" },
      { col: 5, header: "Customer type" },
    ]);
    // Between the two: only the second moved.
    expect(
      placeColumns(["Date", "Customer", "Amount", "Tier", "Mine", "Customer type"], 6, owned, [tier, type]),
    ).toEqual([
      { col: 3, header: "Tier" },
      { col: 5, header: "Customer type" },
    ]);
  });
});
