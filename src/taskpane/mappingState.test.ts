import {
  buildOverrides,
  effectiveColumns,
  headersFor,
  initMapping,
  mappableFields,
  mappingReducer,
  missingFields,
  type MappingState,
} from "./mappingState";
import { inspectionOf, ORDERS, VISITS } from "./testFixtures";

const inspection = inspectionOf();
const detection = inspection.detection!;
const start = initMapping(detection);

describe("initMapping", () => {
  it("takes each role's detected sheet, nothing changed", () => {
    expect(start).toEqual({
      customers: { sheet: null, edits: {} },
      orders: { sheet: "订单", edits: {} },
      visits: { sheet: "拜访", edits: {} },
      payments: { sheet: null, edits: {} },
      costs: { sheet: null, edits: {} },
    });
  });

  it("has no sheets without a detection", () => {
    expect(initMapping(undefined).orders).toEqual({ sheet: null, edits: {} });
  });
});

describe("mappingReducer", () => {
  it("records a column choice", () => {
    const next = mappingReducer(start, { type: "column", role: "orders", field: "region", col: 4 });
    expect(next.orders).toEqual({ sheet: "订单", edits: { region: 4 } });
    expect(next.visits).toBe(start.visits);
  });

  it("starts a role afresh on another sheet", () => {
    const edited = mappingReducer(start, { type: "column", role: "orders", field: "region", col: null });
    expect(mappingReducer(edited, { type: "sheet", role: "orders", sheet: "说明" }).orders).toEqual({
      sheet: "说明",
      edits: {},
    });
  });
});

describe("mappableFields", () => {
  it("leaves out the monthly cost columns, which are listed, not picked", () => {
    expect(mappableFields("costs")).toEqual(["month", "salesperson"]);
  });
});

describe("effectiveColumns", () => {
  it("is the detection with the user's choices on top", () => {
    expect(effectiveColumns("orders", { sheet: "订单", edits: { region: 4, orderDate: null } }, detection)).toEqual({
      customerName: 1,
      amount: 2,
      region: 4,
    });
  });

  it("is only the user's choices on a sheet that was not detected for the role", () => {
    expect(effectiveColumns("orders", { sheet: "说明", edits: { amount: 1, region: null } }, detection)).toEqual({
      amount: 1,
    });
  });
});

describe("headersFor", () => {
  it("gives the detected sheet's headers", () => {
    expect(headersFor("orders", start.orders, inspection)).toEqual(ORDERS.headers);
  });

  it("gives another role's sheet's headers when the user picks it", () => {
    const noList = inspectionOf({ headers: {} });
    expect(headersFor("customers", { sheet: "拜访", edits: {} }, noList)).toEqual(VISITS.headers);
  });

  it("is undefined for a sheet whose headers are not known, or no sheet", () => {
    expect(headersFor("orders", { sheet: "说明", edits: {} }, inspection)).toBeUndefined();
    expect(headersFor("costs", start.costs, inspection)).toBeUndefined();
  });
});

describe("missingFields", () => {
  it("is empty when every required field is mapped", () => {
    expect(missingFields("orders", ORDERS.columns)).toEqual([]);
    expect(missingFields("orders", { orderDate: 0, customerId: 1, quantity: 2, unitPrice: 3 })).toEqual([]);
  });

  it("names each missing group as the missing-column error does", () => {
    expect(missingFields("orders", {})).toEqual([
      ["orderDate"],
      ["customerId", "customerName"],
      ["amount", "quantity"],
    ]);
    expect(missingFields("orders", { orderDate: 0, customerName: 1, quantity: 2 })).toEqual([["unitPrice"]]);
    expect(missingFields("visits", { customerName: 1 })).toEqual([["visitDate"]]);
    expect(missingFields("costs", { salesperson: 0 })).toEqual([["month"]]);
    expect(missingFields("customers", { region: 0 })).toEqual([["customerId", "customerName"]]);
  });
});

describe("buildOverrides", () => {
  it("is undefined when nothing changed", () => {
    expect(buildOverrides(start, detection)).toBeUndefined();
  });

  it("is undefined when the user picked what was detected", () => {
    const same = mappingReducer(start, { type: "column", role: "orders", field: "amount", col: 2 });
    expect(buildOverrides(same, detection)).toBeUndefined();
  });

  it("sends a changed column with the detected sheet and header row", () => {
    const state = mappingReducer(start, { type: "column", role: "orders", field: "region", col: 4 });
    expect(buildOverrides(state, detection)).toEqual({
      orders: { sheet: "订单", headerRow: 0, columns: { region: 4 } },
    });
  });

  it("sends the detected table with a changed column, so it reaches that table of a sheet of several", () => {
    const tabled = { ...detection, orders: { ...ORDERS, table: "订单表" } };
    const state = mappingReducer(initMapping(tabled), { type: "column", role: "orders", field: "region", col: 4 });
    const orders = { sheet: "订单", table: "订单表", headerRow: 0, columns: { region: 4 } };
    expect(buildOverrides(state, tabled)).toEqual({ orders });
  });

  it("sends a column the user stopped using as null", () => {
    const state = mappingReducer(start, { type: "column", role: "visits", field: "visitCost", col: null });
    expect(buildOverrides(state, detection)).toEqual({
      visits: { sheet: "拜访", headerRow: 1, columns: { visitCost: null } },
    });
  });

  it("sends a newly picked sheet without a header row, so it is detected", () => {
    const state: MappingState = { ...start, customers: { sheet: "说明", edits: {} } };
    expect(buildOverrides(state, detection)).toEqual({ customers: { sheet: "说明" } });
  });

  it("sends the saved overrides of untouched roles again, and keeps a changed role's saved columns", () => {
    const saved = {
      visits: { sheet: "拜访", columns: { salesperson: null } },
      orders: { sheet: "订单", headerRow: 0, columns: { paid: 3 } },
    };
    const state = mappingReducer(start, { type: "column", role: "orders", field: "region", col: 4 });
    expect(buildOverrides(state, detection, saved)).toEqual({
      visits: { sheet: "拜访", columns: { salesperson: null } },
      orders: { sheet: "订单", headerRow: 0, columns: { paid: 3, region: 4 } },
    });
  });

  it("drops a saved role's columns when the user moves the role to another sheet", () => {
    const saved = { orders: { sheet: "订单", columns: { paid: 3 } } };
    const state = mappingReducer(start, { type: "sheet", role: "orders", sheet: "说明" });
    expect(buildOverrides(state, detection, saved)).toEqual({ orders: { sheet: "说明" } });
  });
});
