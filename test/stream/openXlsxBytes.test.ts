import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describeRunError } from "../../src/adapters/describeRunError";
import { openBytesPort } from "../../src/adapters/xlsx/package/bytesPort";
import { openXlsx } from "../../src/adapters/xlsx/package/openXlsx";
import { packagePort } from "../../src/adapters/xlsx/package/packagePort";
import { describePathProblem } from "../../src/cli/describeRunError";
import { inspectPaths } from "../../src/cli/inspectPaths";
import type { WorkbookPort } from "../../src/adapters/port";
import { t } from "../../src/i18n";
import { SAMPLE_EN, SAMPLE_ZH } from "../fixtures/paths";
import { UNREADABLE_CASES, workbook } from "../support/hostileInputs";

/** Everything a port reads: meta, every grid, the tables that cannot widen. */
async function readAll(port: WorkbookPort) {
  const meta = await port.readMeta();
  const grids = await port.readGrids(new Set());
  return { meta, grids, blocked: port.blockedTables?.() };
}

/** The command line's words for a file: its path checks, then its reading, as `analyze` does. */
async function cliWords(file: string): Promise<string | undefined> {
  const problem = await inspectPaths(file, join(file, "..", "out.xlsx"));
  if (problem) return describePathProblem(problem, file, "out.xlsx", "en-US");
  const port = packagePort(await openXlsx(file).catch((e) => Promise.reject(e)));
  try {
    await readAll(port);
  } finally {
    await port.close();
  }
  return undefined;
}

async function paneWords(data: Uint8Array, name: string): Promise<string | undefined> {
  try {
    await readAll(await openBytesPort(data, name));
    return undefined;
  } catch (e) {
    return describeRunError(e, name, "en-US");
  }
}

describe("openBytesPort (the pane's reader, fflate instead of yauzl and zlib)", () => {
  it.each([
    ["the zh-CN sample", SAMPLE_ZH],
    ["the en-US sample", SAMPLE_EN],
  ])("reads %s exactly as the command line's reader does", async (_, file) => {
    const cli = packagePort(await openXlsx(file));
    const expected = await readAll(cli);
    await cli.close();
    const pane = await readAll(await openBytesPort(readFileSync(file), file));
    expect(pane.grids.length).toBeGreaterThan(3);
    expect(pane).toEqual(expected);
  });

  it("reads the small valid workbook the unreadable inputs are made from", async () => {
    const pane = await readAll(await openBytesPort(await workbook(), "ledger.xlsx"));
    expect(pane.grids).toEqual([
      {
        sheet: "Orders",
        origin: { row: 0, col: 0 },
        values: [
          ["Order Date", "Customer ID", "Amount"],
          [46000, "C1", 100],
        ],
      },
    ]);
    expect(pane.meta.sheetNames).toEqual(["Orders"]);
  });

  it("hears rows as each sheet is read", async () => {
    const heard: string[] = [];
    const port = await openBytesPort(await workbook(), "ledger.xlsx", (p) =>
      heard.push(`${p.sheet} ${p.rows} ${p.done}/${p.total}`),
    );
    await port.readGrids(new Set());
    expect(heard).toEqual(["Orders 0 0/1", "Orders 2 1/1"]);
  });

  describe("invalid input", () => {
    it.each(UNREADABLE_CASES)("refuses $name with the command line's words", async ({ key, file }) => {
      const bytes = await file();
      const data = typeof bytes === "string" ? new TextEncoder().encode(bytes) : new Uint8Array(bytes);
      const dir = mkdtempSync(join(tmpdir(), "pane-unreadable-"));
      const path = join(dir, "ledger.xlsx");
      writeFileSync(path, data);
      const cli = await cliWords(path).catch((e) => describeRunError(e, path, "en-US"));
      expect(cli).toBe(t("en-US", key, { file: path }));
      expect(await paneWords(data, path)).toBe(cli);
    });
  });
});
