import { SUPERSTORE_EN } from "../fixtures/paths";
import { columnOf, rowOf } from "../support/readBack";
import {
  CENT,
  describeSuperstore,
  itReadsTiersAndCreates,
  itWritesOrderColumns,
  Mismatches,
  RATIO,
  ym,
  type CommonTests,
} from "./superstore";

/**
 * Real data: Tableau's Sample - Superstore, 2019-2022 edition (test/fixtures/data/PROVENANCE.md):
 * Orders, People and Returns, no customer sheet, through the command line in en-US.
 * Expected figures come from the raw rows read with ExcelJS by plain code (./superstore.ts).
 */
const FILE = SUPERSTORE_EN;

const COMMON: CommonTests = {
  rows: 10194,
  customers: 804,
  month: "2022-12",
  readLines: ["Rows read: 10194 orders, 0 visits, 804 customers"],
  tiers: { A: 259, B: 181, C: 264, D: 100 },
  tiersLine: "Tiers: A 259 · B 181 · C 264 · D 100",
  createdTitle: "creates Customers with each customer's id, name and most frequent Region",
  createdSheet: "Customers",
  createdHeaders: ["Customer ID", "Customer Name", "Salesperson", "Region"],
  orderSheet: "Orders",
  orderHeaders: ["Tier", "Customer type"],
  orderTypes: ["New", "Existing"],
};

describeSuperstore(
  {
    file: FILE,
    title: "real data: Sample - Superstore (en-US, order log only)",
    orders: {
      sheet: "Orders",
      orderId: "Order ID",
      date: "Order Date",
      customerId: "Customer ID",
      customerName: "Customer Name",
      region: "Region",
      sales: "Sales",
    },
    keyOf: (id) => id.trim().toLowerCase(),
    changeWords: {
      New: "New",
      Lost: "Lost",
      Returning: "Returning",
      Down: "Down",
      Up: "Up",
      Stable: "Stable",
      Inactive: "Inactive",
    },
    args: ["--lang", "en-US"],
  },
  (run) => {
    itReadsTiersAndCreates(run, COMMON);

    it("writes every customer's tier, sales, cumulative share, order change, recent and prior", () => {
      const { ref, dump } = run();
      const ws = dump.get("Customers")!;
      const cols = ["Tier", "Sales (12 mo)", "Cumulative share", "Order change", "Recent (3 mo)", "Prior (3 mo)"].map(
        (h) => columnOf(ws, 0, h),
      );
      const bad = new Mismatches();
      ws.rows.slice(1).forEach((r, i) => {
        const e = ref.customers[i];
        bad.same(`${e.id} tier`, r[cols[0]], e.tier);
        bad.same(`${e.id} change`, r[cols[3]], e.change);
        bad.near(`${e.id} sales`, r[cols[1]], e.sales, CENT);
        bad.near(`${e.id} cum`, r[cols[2]], e.cum, RATIO);
        bad.near(`${e.id} recent`, r[cols[4]], e.recent, CENT);
        bad.near(`${e.id} prior`, r[cols[5]], e.prior, CENT);
      });
      expect(bad.list).toEqual([]);
    });

    itWritesOrderColumns(run, COMMON);

    it("writes order amount, orders, active and lost customers for M−5 … M", () => {
      const { ref, dump } = run();
      const ws = dump.get(`Review ${ym(ref.month)}`)!;
      const header = rowOf(ws, "Metric");
      const months = [...ref.monthly.keys()];
      const monthly = [...ref.monthly.values()];
      expect(ws.rows[header].slice(1, 7)).toEqual(months.map(ym));
      const row = (label: string) => ws.rows[rowOf(ws, label, header)].slice(1, 7);
      const amounts = row("Order amount");
      const bad = months
        .filter((m, k) => !(Math.abs((amounts[k] as number) - ref.monthly.get(m)!.amount) <= CENT))
        .map(ym);
      expect(bad).toEqual([]);
      expect([row("Orders"), row("Active customers"), row("Lost customers")]).toEqual([
        monthly.map((m) => m.orders),
        monthly.map((m) => m.active),
        monthly.map((m) => m.lost),
      ]);
    });

    it("leaves People and Returns, and the input cells of Orders, exactly as they were", () => {
      const { before, dump } = run();
      for (const name of ["People", "Returns"]) {
        expect({ name, rows: dump.get(name)!.rows, formats: dump.get(name)!.formats }).toEqual({
          name,
          rows: before.get(name)!.rows,
          formats: before.get(name)!.formats,
        });
      }
      expect(dump.get("Orders")!.rows.map((r) => r.slice(0, 21))).toEqual(before.get("Orders")!.rows);
      expect([...dump.keys()]).toEqual(["Orders", "People", "Returns", "Customers", "Review 2022-12", "_SalesReview"]);
    });
  },
);
