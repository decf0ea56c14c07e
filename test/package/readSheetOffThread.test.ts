import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Worker } from "node:worker_threads";
import JSZip from "jszip";
import { describeRunError } from "../../src/adapters/describeRunError";
import { openXlsx } from "../../src/adapters/xlsx/package/openXlsx";
import { readWorkbook, type ReadProgress } from "../../src/adapters/xlsx/stream/readWorkbookGrids";
import { streamSheet } from "../../src/adapters/xlsx/stream/readSheetCells";
import { sheetsOffThread } from "../../src/adapters/xlsx/worker/readSheetOffThread";
import type { ReadJob } from "../../src/adapters/xlsx/worker/readSheetWorker";
import * as start from "../../src/adapters/xlsx/worker/startWorker";
import { SAMPLE_EN, SAMPLE_ZH } from "../fixtures/paths";

const DIR = mkdtempSync(join(tmpdir(), "read-off-thread-"));

/** Where `read` reads the sheet parts: all here, the largest on a worker, or every part on one worker. */
type Where = "here" | "largest" | "all";

const SIZES: Record<Where, { offThreadFrom: number; besideFrom?: number }> = {
  here: { offThreadFrom: Infinity },
  largest: { offThreadFrom: 0 },
  all: { offThreadFrom: 0, besideFrom: 0 },
};

/** Reads `file` as the command line does, its sheet parts read `where` told. */
async function read(file: string, where: Where) {
  const pkg = await openXlsx(file, SIZES[where]);
  const progress: ReadProgress[] = [];
  try {
    return { ...(await readWorkbook(pkg, new Set(), (p) => progress.push(p))), progress };
  } finally {
    await pkg.close();
  }
}

/**
 * The error reading gives: its class's name (zlib's errors are of Node's realm, not the test's),
 * message, the fields the command line words it by, and those words.
 */
async function failure(file: string, where: Where) {
  try {
    await read(file, where);
  } catch (e) {
    const { kind, part, detail, code } = e as Record<string, unknown>;
    const words = describeRunError(e, file, "en-US");
    return { class: (e as Error).constructor.name, message: (e as Error).message, kind, part, detail, code, words };
  }
  return undefined;
}

/** The workers started meanwhile, the parts each was given, and each once it has exited. */
function watchWorkers(): { started: () => number; parts: () => string[][]; exited: () => Promise<void>[] } {
  const workers: Worker[] = [];
  const jobs: ReadJob[] = [];
  const real = start.startWorker;
  jest.spyOn(start, "startWorker").mockImplementation((module, data) => {
    const worker = real(module, data);
    workers.push(worker);
    jobs.push(data as ReadJob);
    return worker;
  });
  return {
    started: () => workers.length,
    parts: () => jobs.map((j) => j.parts.map((p) => p.part)),
    exited: () =>
      workers.map(
        (w) => new Promise<void>((resolve) => (w.threadId === -1 ? resolve() : w.once("exit", () => resolve()))),
      ),
  };
}

afterEach(() => jest.restoreAllMocks());

/** SAMPLE_ZH with parts replaced (`parts`), its zip bytes then changed by `change`, written to a file. */
async function variant(name: string, parts: Record<string, string>, change = (b: Buffer) => b): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(SAMPLE_ZH));
  for (const [path, xml] of Object.entries(parts)) zip.file(path, xml);
  const file = join(DIR, `${name}.xlsx`);
  writeFileSync(file, change(await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" })));
  return file;
}

async function partText(path: string): Promise<string> {
  return (await JSZip.loadAsync(readFileSync(SAMPLE_ZH))).file(path)!.async("string");
}

/** The zip with bytes in the middle of `path`'s compressed data inverted. */
const damage = (path: string) => (zip: Buffer) => {
  const at = zip.indexOf(Buffer.from(path)) - 30;
  const data = at + 30 + zip.readUInt16LE(at + 26) + zip.readUInt16LE(at + 28);
  const middle = data + 1;
  for (let i = middle; i < middle + 8; i++) zip[i] ^= 0xff;
  return zip;
};

// The sample's largest sheet part, the one read on the worker, and its sheets before and after it.
const ORDERS = "xl/worksheets/sheet2.xml";
const CUSTOMERS = "xl/worksheets/sheet1.xml";
const VISITS = "xl/worksheets/sheet3.xml";
const COSTS = "xl/worksheets/sheet4.xml";

describe("reading the largest sheet part on a worker thread", () => {
  for (const file of [SAMPLE_ZH, SAMPLE_EN]) {
    for (const where of ["largest", "all"] as const) {
      it(`gives the grids, blocked tables and last progress of reading in-thread (${where} on it): ${file.split("/").pop()}`, async () => {
        const workers = watchWorkers();
        const here = await read(file, "here");
        expect(workers.started()).toBe(0);
        const there = await read(file, where);
        expect(workers.parts()).toEqual([where === "all" ? [CUSTOMERS, ORDERS, VISITS, COSTS] : [ORDERS]]);
        expect({ grids: there.grids, blocked: there.blocked }).toEqual({ grids: here.grids, blocked: here.blocked });
        const last = (p: ReadProgress[]) => new Map(p.map((x) => [x.sheet, x.rows]));
        expect(last(there.progress)).toEqual(last(here.progress));
        expect(there.progress.at(-1)?.done).toBe(here.progress.length / 2);
        await Promise.all(workers.exited());
      });
    }
  }

  it("picks the largest part from the size given, when the others are a quarter of it together", async () => {
    const pkg = await openXlsx(SAMPLE_ZH, { offThreadFrom: Infinity });
    try {
      expect(pkg.offThread).toBeUndefined();
      const parts = pkg.sheets.map((s) => s.partPath);
      const size = (part: string) => pkg.partSize!(part)!;
      const largest = size(ORDERS);
      expect(parts.every((p) => size(p) <= largest)).toBe(true);
      const pick = (from: number, among = parts) => sheetsOffThread(SAMPLE_ZH, size, { from }).pick(among);
      expect([pick(0), pick(largest), pick(largest + 1)]).toEqual([[ORDERS], [ORDERS], []]);
      // Beside the customers part alone, the orders part goes only while the customers' is a quarter of `from`.
      const two = [CUSTOMERS, ORDERS];
      const quarter = size(CUSTOMERS) * 4;
      expect([pick(quarter, two), pick(quarter + 4, two), pick(1, [ORDERS])]).toEqual([[ORDERS], [], []]);
    } finally {
      await pkg.close();
    }
  });

  it("picks the other parts from the size given beside it, in the order given, only when the largest goes", async () => {
    const pkg = await openXlsx(SAMPLE_ZH, { offThreadFrom: Infinity });
    try {
      const parts = pkg.sheets.map((s) => s.partPath);
      const size = (part: string) => pkg.partSize!(part)!;
      expect(size(VISITS)).toBeGreaterThan(size(CUSTOMERS));
      const pick = (from: number, besideFrom: number) =>
        sheetsOffThread(SAMPLE_ZH, size, { from, besideFrom }).pick(parts);
      expect(pick(0, size(VISITS))).toEqual([ORDERS, VISITS]);
      expect(pick(0, size(CUSTOMERS))).toEqual([CUSTOMERS, ORDERS, VISITS]);
      expect(pick(0, 0)).toEqual(parts);
      expect(pick(size(ORDERS) + 1, 0)).toEqual([]);
    } finally {
      await pkg.close();
    }
  });

  /** SAMPLE_ZH read with `far` parts on a stand-in other thread, each failing with its own error or read here. */
  async function readWithFar(far: Record<string, Error | undefined>) {
    const pkg = await openXlsx(SAMPLE_ZH, { offThreadFrom: Infinity });
    const stream = pkg.openStream.bind(pkg);
    pkg.offThread = {
      pick: (parts) => parts.filter((p) => p in far),
      start: (parts, date1904) =>
        parts.map(({ part, onRows }) => ({
          into: async (sink) => {
            onRows(0);
            const failed = far[part];
            if (failed) throw failed;
            return streamSheet(await stream(part), sink, { date1904, part });
          },
          cancel: () => undefined,
        })),
    };
    const started = new Set<string>();
    try {
      await readWorkbook(pkg, new Set(), (p) => started.add(p.sheet));
      return { started: [...started] };
    } catch (e) {
      return { started: [...started], error: e };
    } finally {
      await pkg.close();
    }
  }

  const namesTo = (part: string) => {
    const names = ["客户表", "订单表", "拜访记录", "费用表"];
    return names.slice(0, Number(/sheet(\d)/.exec(part)![1])).sort();
  };

  it("reads no sheet after the other thread's once that one has failed (its error comes first)", async () => {
    const failed = new Error("the part read on the other thread is damaged");
    const got = await readWithFar({ [ORDERS]: failed });
    expect(got.error).toBe(failed);
    expect(got.started.sort()).toEqual(namesTo(ORDERS));
  });

  it("fails with the first failing far sheet's error in workbook order, and reads none after it", async () => {
    const first = new Error("customers damaged");
    const second = new Error("visits damaged");
    const got = await readWithFar({ [CUSTOMERS]: first, [ORDERS]: undefined, [VISITS]: second });
    expect(got.error).toBe(first);
    const later = await readWithFar({ [ORDERS]: undefined, [VISITS]: second });
    expect(later.error).toBe(second);
    expect(later.started.sort()).toEqual(namesTo(VISITS));
  });

  describe("invalid input", () => {
    const cases: Record<string, () => Promise<string>> = {
      "malformed XML": async () =>
        variant("malformed", { [ORDERS]: (await partText(ORDERS)).replace("</row>", "</rw>") }),
      "a part cut short": async () => variant("cut", { [ORDERS]: (await partText(ORDERS)).slice(0, 30_000) }),
      "rows out of order": async () =>
        variant("order", { [ORDERS]: (await partText(ORDERS)).replace('<row r="3"', '<row r="1"') }),
      "damaged compressed data": async () => variant("damaged", {}, damage(ORDERS)),
      "an earlier sheet damaged (the worker stopped)": async () =>
        variant("earlier", { [CUSTOMERS]: "<worksheet><sheetData><row>" }),
      "a later sheet damaged (read here, or after it on the worker)": async () =>
        variant("later", { [VISITS]: "<worksheet><sheetData><row>" }),
      "an earlier sheet damaged too (its error comes first, as one after another)": async () =>
        variant("both", { [ORDERS]: "<worksheet><sheetData>", [CUSTOMERS]: "<worksheet><sheetData><row>" }),
    };
    for (const [name, make] of Object.entries(cases)) {
      for (const where of ["largest", "all"] as const) {
        it(`rejects with the in-thread reader's error class, words and fields, the worker ended (${where} on it): ${name}`, async () => {
          const file = await make();
          const workers = watchWorkers();
          const here = await failure(file, "here");
          expect(here?.words).toEqual(expect.any(String));
          expect(await failure(file, where)).toEqual(here);
          expect(workers.started()).toBe(1);
          await Promise.all(workers.exited());
        });
      }
    }
  });
});
