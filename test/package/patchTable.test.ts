import type { ColumnPlan, SheetPlan } from "../../src/core/output";
import { patchTable } from "../../src/adapters/xlsx/package/patchTable";

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';

function column(col: number, header: string): ColumnPlan {
  return { output: `test.${header}`, header, col, format: "general", values: [] };
}

function plan(table: string | undefined, columns: ColumnPlan[]): SheetPlan {
  return { sheet: "订单表", table, headerRow: 0, firstRow: 1, lastRow: 4, columns };
}

const ORDERS =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<table ${NS} id="2" name="Orders" displayName="订单" ref="A1:C5" totalsRowShown="0">` +
  `<autoFilter ref="A1:C5"><filterColumn colId="1"><filters><filter val="x"/></filters></filterColumn></autoFilter>` +
  `<tableColumns count="3"><tableColumn id="1" name="订单号"/><tableColumn id="4" name="Tier"/><tableColumn id="3" name="金额" dataDxfId="2"/></tableColumns>` +
  `<tableStyleInfo name="TableStyleMedium2" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`;

describe("patchTable", () => {
  it("widens ref, autoFilter and tableColumns over owned columns right of the table, with fresh ids and unique names", () => {
    const out = patchTable(ORDERS, plan("订单", [column(4, "Change"), column(3, "TIER")]));
    expect(out).toBe(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<table ${NS} id="2" name="Orders" displayName="订单" ref="A1:E5" totalsRowShown="0">` +
        `<autoFilter ref="A1:E5"><filterColumn colId="1"><filters><filter val="x"/></filters></filterColumn></autoFilter>` +
        `<tableColumns count="5"><tableColumn id="1" name="订单号"/><tableColumn id="4" name="Tier"/><tableColumn id="3" name="金额" dataDxfId="2"/>` +
        `<tableColumn id="5" name="TIER2"/><tableColumn id="6" name="Change"/></tableColumns>` +
        `<tableStyleInfo name="TableStyleMedium2" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`,
    );
  });

  it("finds the table by name as well as displayName", () => {
    expect(patchTable(ORDERS, plan("Orders", [column(3, "A&B")]))).toContain(`ref="A1:D5"`);
    expect(patchTable(ORDERS, plan("Orders", [column(3, "A&B")]))).toContain(
      `<tableColumn id="5" name="A&amp;B"/></tableColumns>`,
    );
  });

  it("stops at the first owned column that does not touch the table and ignores owned columns inside it", () => {
    const out = patchTable(ORDERS, plan("订单", [column(1, "Reused"), column(3, "Next"), column(5, "Gap")]));
    expect(out).toContain(`ref="A1:D5"`);
    expect(out).toContain(`<tableColumns count="4">`);
    expect(out).toContain(`<tableColumn id="5" name="Next"/></tableColumns>`);
    expect(out).not.toContain("Gap");
    expect(out).not.toContain("Reused");
  });

  it("keeps a totals row inside the ref and leaves a table without autoFilter without one", () => {
    const totals = `<x:table xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="1" name="T" displayName="T" ref="B2:C7" totalsRowCount="1"><x:tableColumns count="2"><x:tableColumn id="1" name="Name" totalsRowLabel="Total"/><x:tableColumn id="2" name="Sum" totalsRowFunction="sum"/></x:tableColumns></x:table>`;
    expect(patchTable(totals, { ...plan("T", [column(3, "Tier")]), headerRow: 1, firstRow: 2, lastRow: 5 })).toBe(
      `<x:table xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="1" name="T" displayName="T" ref="B2:D7" totalsRowCount="1"><x:tableColumns count="3"><x:tableColumn id="1" name="Name" totalsRowLabel="Total"/><x:tableColumn id="2" name="Sum" totalsRowFunction="sum"/><x:tableColumn id="3" name="Tier"/></x:tableColumns></x:table>`,
    );
  });

  it("compares names with references decoded", () => {
    const t = `<table ${NS} name="T" displayName="T" ref="A1:A2"><tableColumns count="1"><tableColumn id="1" name="R&amp;D"/></tableColumns></table>`;
    expect(patchTable(t, plan("T", [column(1, "r&d")]))).toContain(`<tableColumn id="2" name="r&amp;d2"/>`);
  });

  it("returns another table, a plan without table or nothing to add unchanged (same string)", () => {
    expect(patchTable(ORDERS, plan("Visits", [column(3, "Tier")]))).toBe(ORDERS);
    expect(patchTable(ORDERS, plan(undefined, [column(3, "Tier")]))).toBe(ORDERS);
    expect(patchTable(ORDERS, plan("订单", [column(7, "Far")]))).toBe(ORDERS);
  });

  describe("invalid input", () => {
    it("throws on a part that is no table", () => {
      expect(() => patchTable(`<worksheet ${NS}/>`, plan("T", [column(3, "Tier")]))).toThrow(
        "patchTable: no <table> element in the table part of T",
      );
    });
  });
});
