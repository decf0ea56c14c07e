import { WorkbookMerger } from "../core/mergeWorkbooks";
import { EMPTY_RECORD } from "../core/record";
import { grid, serial } from "../core/testing/grids";
import type { Grid } from "../core/types";
import { CombineInputError, combineWorkbooks, type CombineInput } from "./combineWorkbooks";

const OPTIONS = { lang: "en-US", generatedAt: "2026-12-07 14:00" } as const;

const CUSTOMERS = grid("Customers", [
  ["Customer ID", "Customer Name", "Salesperson"],
  ["C1", "Acme", "Ann"],
]);
const orders = (amount: number) =>
  grid("Orders", [
    ["Order Date", "Customer ID", "Amount"],
    [serial("2026-10-01"), "C1", amount],
  ]);

/** How a fake input fails or waits: its open, its meta or its grids' read fail; its read ends once `until` settles. */
interface Behaviour {
  open?: Error;
  meta?: Error;
  read?: Error;
  until?: Promise<unknown>;
}

/** An input over `grids` that logs what is done to it (open, read begun, close); `closed` tells whether its port is. */
function fakeInput(name: string, grids: Grid[], log: string[], how: Behaviour = {}) {
  const state = { opened: false, closed: false };
  const input: CombineInput = {
    name,
    open: async () => {
      log.push(`open ${name}`);
      if (how.open) throw how.open;
      state.opened = true;
      return {
        readMeta: async () => {
          if (how.meta) throw how.meta;
          return { sheetNames: grids.map((g) => g.sheet), record: EMPTY_RECORD, dateSystem: 1900 as const };
        },
        readGrids: async () => {
          log.push(`read ${name}`);
          await how.until;
          if (how.read) throw how.read;
          return grids;
        },
        write: async () => {
          throw new Error("an input is never written");
        },
        close: async () => {
          log.push(`close ${name}`);
          state.closed = true;
        },
      };
    },
  };
  return { input, state };
}

const later = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Logs each merge of an input; `fail` makes the merge of that input throw `error`. */
function spyOnMerges(log: string[], fail?: { file: string; error: Error }) {
  const add = WorkbookMerger.prototype.add;
  jest.spyOn(WorkbookMerger.prototype, "add").mockImplementation(function (this: WorkbookMerger, file, grids, opts) {
    log.push(`merge ${file}`);
    if (file === fail?.file) throw fail.error;
    return add.call(this, file, grids, opts);
  });
}

async function failure(run: Promise<unknown>): Promise<unknown> {
  return run.then(
    () => new Error("the run did not fail"),
    (e: unknown) => e,
  );
}

afterEach(() => jest.restoreAllMocks());

describe("combineWorkbooks (reading its inputs)", () => {
  it("begins reading the next input before merging this one, and merges them in the order given", async () => {
    const log: string[] = [];
    spyOnMerges(log);
    const inputs = [
      fakeInput("a.xlsx", [CUSTOMERS, orders(100)], log),
      fakeInput("b.xlsx", [orders(50)], log),
      fakeInput("c.xlsx", [orders(7)], log),
    ];
    const result = await combineWorkbooks(
      inputs.map((i) => i.input),
      OPTIONS,
    );
    expect(log).toEqual([
      ...["open a.xlsx", "read a.xlsx", "close a.xlsx"],
      ...["open b.xlsx", "read b.xlsx", "merge a.xlsx", "close b.xlsx"],
      ...["open c.xlsx", "read c.xlsx", "merge b.xlsx", "close c.xlsx"],
      "merge c.xlsx",
    ]);
    expect(result.merged.inputs.map((i) => i.file)).toEqual(["a.xlsx", "b.xlsx", "c.xlsx"]);
    expect(result.merged.grids.find((g) => g.sheet === "Orders")!.values.slice(1)).toEqual([
      [serial("2026-10-01"), "C1", 100, "a.xlsx: Orders"],
      [serial("2026-10-01"), "C1", 50, "b.xlsx: Orders"],
      [serial("2026-10-01"), "C1", 7, "c.xlsx: Orders"],
    ]);
  });

  describe("invalid input", () => {
    it("names the first input in order when a later one fails first, every opened port closed", async () => {
      const log: string[] = [];
      const a = fakeInput("a.xlsx", [orders(1)], log, { read: new Error("a is damaged"), until: later(20) });
      const b = fakeInput("b.xlsx", [orders(2)], log, { open: new Error("b is missing") });
      const error = await failure(combineWorkbooks([a.input, b.input], OPTIONS));
      expect(error).toBeInstanceOf(CombineInputError);
      expect((error as CombineInputError).input).toBe("a.xlsx");
      expect((error as CombineInputError).reason).toEqual(new Error("a is damaged"));
      expect(a.state.closed).toBe(true);
      expect(b.state.opened && !b.state.closed).toBe(false);
    });

    it("names the prefetched input when it cannot be read, once the one before it is merged", async () => {
      const log: string[] = [];
      spyOnMerges(log);
      const a = fakeInput("a.xlsx", [CUSTOMERS, orders(1)], log);
      const b = fakeInput("b.xlsx", [orders(2)], log, { meta: new Error("b has no workbook part") });
      const error = await failure(combineWorkbooks([a.input, b.input], OPTIONS));
      expect(error).toBeInstanceOf(CombineInputError);
      expect((error as CombineInputError).input).toBe("b.xlsx");
      expect(log).toEqual([
        "open a.xlsx",
        "read a.xlsx",
        "close a.xlsx",
        "open b.xlsx",
        "close b.xlsx",
        "merge a.xlsx",
      ]);
    });

    it("throws the merge's error when merging an input fails, the prefetched input's port closed first", async () => {
      const log: string[] = [];
      spyOnMerges(log, { file: "a.xlsx", error: new Error("merge failed") });
      const a = fakeInput("a.xlsx", [orders(1)], log);
      const b = fakeInput("b.xlsx", [orders(2)], log, { until: later(20) });
      const error = await failure(combineWorkbooks([a.input, b.input], OPTIONS));
      expect(error).toEqual(new Error("merge failed"));
      expect(b.state.closed).toBe(true);
    });

    it("throws the merge's error, not the prefetched input's, when both fail, none left unhandled", async () => {
      const log: string[] = [];
      spyOnMerges(log, { file: "a.xlsx", error: new Error("merge failed") });
      const a = fakeInput("a.xlsx", [orders(1)], log);
      const b = fakeInput("b.xlsx", [orders(2)], log, { read: new Error("b is damaged") });
      const error = await failure(combineWorkbooks([a.input, b.input], OPTIONS));
      expect(error).toEqual(new Error("merge failed"));
      // Jest fails a test on a rejection left unhandled while it runs: time for one to surface.
      await later(20);
      expect(b.state.closed).toBe(true);
    });
  });
});
