import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Worker } from "node:worker_threads";
import JSZip from "jszip";
import { describeRunError } from "../../src/adapters/describeRunError";
import { openXlsx } from "../../src/adapters/xlsx/package/openXlsx";
import { readWorkbook, type ReadProgress } from "../../src/adapters/xlsx/stream/readWorkbookGrids";
import type { OffThreadSheet } from "../../src/adapters/xlsx/stream/offThreadSheet";
import { sheetsOffThread } from "../../src/adapters/xlsx/worker/readSheetOffThread";
import * as start from "../../src/adapters/xlsx/worker/startWorker";
import { SAMPLE_EN, SAMPLE_ZH } from "../fixtures/paths";

const DIR = mkdtempSync(join(tmpdir(), "read-off-thread-"));

/** Reads `file` as the command line does, its largest sheet part on a worker (`offThread`) or not. */
async function read(file: string, offThread: boolean) {
  const pkg = await openXlsx(file, { offThreadFrom: offThread ? 0 : Infinity });
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
async function failure(file: string, offThread: boolean) {
  try {
    await read(file, offThread);
  } catch (e) {
    const { kind, part, detail, code } = e as Record<string, unknown>;
    const words = describeRunError(e, file, "en-US");
    return { class: (e as Error).constructor.name, message: (e as Error).message, kind, part, detail, code, words };
  }
  return undefined;
}

/** The workers started meanwhile, each once it has exited. */
function watchWorkers(): { started: () => number; exited: () => Promise<void>[] } {
  const workers: Worker[] = [];
  const real = start.startWorker;
  jest.spyOn(start, "startWorker").mockImplementation((module, data) => {
    const worker = real(module, data);
    workers.push(worker);
    return worker;
  });
  return {
    started: () => workers.length,
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

// The sample's largest sheet part, the one read on the worker.
const ORDERS = "xl/worksheets/sheet2.xml";
const CUSTOMERS = "xl/worksheets/sheet1.xml";

describe("reading the largest sheet part on a worker thread", () => {
  for (const file of [SAMPLE_ZH, SAMPLE_EN]) {
    it(`gives the grids, blocked tables and last progress of reading in-thread: ${file.split("/").pop()}`, async () => {
      const workers = watchWorkers();
      const here = await read(file, false);
      expect(workers.started()).toBe(0);
      const there = await read(file, true);
      expect(workers.started()).toBe(1);
      expect({ grids: there.grids, blocked: there.blocked }).toEqual({ grids: here.grids, blocked: here.blocked });
      const last = (p: ReadProgress[]) => new Map(p.map((x) => [x.sheet, x.rows]));
      expect(last(there.progress)).toEqual(last(here.progress));
      expect(there.progress.at(-1)?.done).toBe(here.progress.length / 2);
      await Promise.all(workers.exited());
    });
  }

  it("reads one workbook's part after another's on the same worker, which ends once idle", async () => {
    const workers = watchWorkers();
    const zh = await read(SAMPLE_ZH, true);
    const en = await read(SAMPLE_EN, true);
    expect(workers.started()).toBe(1);
    expect([zh.grids, en.grids]).toEqual([(await read(SAMPLE_ZH, false)).grids, (await read(SAMPLE_EN, false)).grids]);
    await Promise.all(workers.exited());
  });

  it("reads two parts sent at once, one after the other, on one worker", async () => {
    const workers = watchWorkers();
    const counted = async (sheets: OffThreadSheet[]) => {
      const counts = sheets.map(() => 0);
      const sinks = sheets.map((_, k) => ({
        marks: false,
        cell: () => void counts[k]++,
        sharedCell: () => void counts[k]++,
        endRow: () => undefined,
      }));
      const ends = await Promise.all(sheets.map((sheet, k) => sheet.into(sinks[k])));
      return ends.map((end, k) => [end.rows, counts[k]]);
    };
    const off = sheetsOffThread(SAMPLE_ZH, () => 0, 0);
    const opts = { date1904: false, marks: false, onRows: () => undefined };
    const together = await counted([off.start(ORDERS, opts), off.start(CUSTOMERS, opts)]);
    expect(workers.started()).toBe(1);
    const apart = [...(await counted([off.start(ORDERS, opts)])), ...(await counted([off.start(CUSTOMERS, opts)]))];
    expect(together).toEqual(apart);
    expect(together.every(([rows, cells]) => rows > 0 && cells > rows)).toBe(true);
    await Promise.all(workers.exited());
  });

  it("picks the largest part from the size given, when the others are a quarter of it together", async () => {
    const pkg = await openXlsx(SAMPLE_ZH, { offThreadFrom: Infinity });
    try {
      expect(pkg.offThread).toBeUndefined();
      const parts = pkg.sheets.map((s) => s.partPath);
      const size = (part: string) => pkg.partSize!(part)!;
      const largest = size(ORDERS);
      expect(parts.every((p) => size(p) <= largest)).toBe(true);
      const pick = (from: number, among = parts) => sheetsOffThread(SAMPLE_ZH, size, from).pick(among);
      expect([pick(0), pick(largest), pick(largest + 1)]).toEqual([ORDERS, ORDERS, undefined]);
      // Beside the customers part alone, the orders part goes only while the customers' is a quarter of `from`.
      const two = [CUSTOMERS, ORDERS];
      const quarter = size(CUSTOMERS) * 4;
      expect([pick(quarter, two), pick(quarter + 4, two), pick(1, [ORDERS])]).toEqual([ORDERS, undefined, undefined]);
    } finally {
      await pkg.close();
    }
  });

  it("reads no sheet after the other thread's once that one has failed (its error comes first)", async () => {
    const pkg = await openXlsx(SAMPLE_ZH, { offThreadFrom: Infinity });
    const failed = new Error("the part read on the other thread is damaged");
    pkg.offThread = {
      pick: () => ORDERS,
      start: () => ({ into: () => Promise.reject(failed), cancel: () => undefined }),
    };
    const started = new Set<string>();
    try {
      await expect(readWorkbook(pkg, new Set(), (p) => started.add(p.sheet))).rejects.toBe(failed);
      const far = pkg.sheets.findIndex((s) => s.partPath === ORDERS);
      expect(far).toBeLessThan(pkg.sheets.length - 1);
      expect([...started].sort()).toEqual(
        pkg.sheets
          .slice(0, far + 1)
          .map((s) => s.name)
          .sort(),
      );
    } finally {
      await pkg.close();
    }
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
      "an earlier sheet damaged too (its error comes first, as one after another)": async () =>
        variant("both", { [ORDERS]: "<worksheet><sheetData>", [CUSTOMERS]: "<worksheet><sheetData><row>" }),
    };
    for (const [name, make] of Object.entries(cases)) {
      it(`rejects with the in-thread reader's error class, words and fields, the worker ended: ${name}`, async () => {
        const file = await make();
        const workers = watchWorkers();
        const here = await failure(file, false);
        expect(here?.words).toEqual(expect.any(String));
        expect(await failure(file, true)).toEqual(here);
        expect(workers.started()).toBe(1);
        await Promise.all(workers.exited());
      });
    }
  });
});
