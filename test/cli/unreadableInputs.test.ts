import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import * as reviewWorkbookModule from "../../src/adapters/reviewWorkbook";
import { main } from "../../src/cli/main";
import { t, type MessageKey } from "../../src/i18n";
import { macroWorkbook, MACRO_TYPE, UNREADABLE_CASES, VBA, workbook } from "../support/hostileInputs";

/**
 * Issue 13: every file the command line cannot read ends in words (the file's name, what is
 * wrong, what to do), exit code 2 and nothing written — never a stack trace or a parser's
 * message alone. Every input is made by test/support/hostileInputs.ts; none is over a few KB on disk.
 */

const lang = "en-US";
const say = (key: MessageKey, file: string) => t(lang, key, { file });

async function run(input: string, out: string): Promise<{ code: number; out: string[]; err: string[] }> {
  const o: string[] = [];
  const e: string[] = [];
  const code = await main(
    [input, "--out", out, "--lang", lang],
    (l) => o.push(l),
    (l) => e.push(l),
  );
  return { code, out: o, err: e };
}

describe("analyze (command line) on files it cannot read", () => {
  it.each(UNREADABLE_CASES)(
    "says what is wrong with $name and what to do, exits 2 and writes nothing",
    async ({ key, file }) => {
      const dir = mkdtempSync(join(tmpdir(), "cli-unreadable-"));
      const input = join(dir, "ledger.xlsx");
      writeFileSync(input, await file());
      const r = await run(input, join(dir, "out.xlsx"));
      expect(r).toEqual({ code: 2, out: [], err: [say(key, input)] });
      expect(readdirSync(dir)).toEqual(["ledger.xlsx"]);
    },
  );

  it("says a folder given as input is a folder", async () => {
    const dir = mkdtempSync(join(tmpdir(), "cli-unreadable-"));
    mkdirSync(join(dir, "ledger.xlsx"));
    const r = await run(join(dir, "ledger.xlsx"), join(dir, "out.xlsx"));
    expect(r).toEqual({ code: 2, out: [], err: [say("cli.unreadable.folder", join(dir, "ledger.xlsx"))] });
    expect(readdirSync(dir)).toEqual(["ledger.xlsx"]);
  });

  it.each([
    ["names a folder", "cli.out.isFolder", (dir: string) => (mkdirSync(join(dir, "out")), join(dir, "out"))],
    ["is in a folder that does not exist", "cli.out.noFolder", (dir: string) => join(dir, "missing", "out.xlsx")],
  ] as const)("refuses an --out that %s before reading anything, and creates nothing", async (_, key, out) => {
    const dir = mkdtempSync(join(tmpdir(), "cli-unreadable-"));
    const input = join(dir, "ledger.xlsx");
    writeFileSync(input, await workbook());
    const target = out(dir);
    const before = readdirSync(dir).sort();
    const r = await run(input, target);
    expect(r).toEqual({ code: 2, out: [], err: [say(key, target)] });
    expect(readdirSync(dir).sort()).toEqual(before);
    expect(existsSync(join(dir, "missing"))).toBe(false);
  });

  it.each([
    ["a macro-enabled workbook to an .xlsx", "ledger.xlsm", "out.xlsx", "cli.out.needsXlsm", macroWorkbook],
    ["a workbook without macros to an .xlsm", "ledger.xlsx", "out.xlsm", "cli.out.needsXlsx", () => workbook()],
  ] as const)(
    "refuses to write %s, naming the ending to use, and writes nothing",
    async (_, name, outName, key, file) => {
      const dir = mkdtempSync(join(tmpdir(), "cli-unreadable-"));
      writeFileSync(join(dir, name), await file());
      const r = await run(join(dir, name), join(dir, outName));
      expect(r).toEqual({ code: 2, out: [], err: [say(key, join(dir, outName))] });
      expect(readdirSync(dir)).toEqual([name]);
    },
  );

  it("writes an .xlsm from an .xlsm, its macros and content type as they were", async () => {
    const dir = mkdtempSync(join(tmpdir(), "cli-unreadable-"));
    writeFileSync(join(dir, "ledger.xlsm"), await macroWorkbook());
    const r = await run(join(dir, "ledger.xlsm"), join(dir, "out.xlsm"));
    expect({ code: r.code, err: r.err }).toEqual({ code: 0, err: [] });
    const out = await JSZip.loadAsync(readFileSync(join(dir, "out.xlsm")));
    expect(await out.file("xl/vbaProject.bin")!.async("nodebuffer")).toEqual(VBA);
    const types = await out.file("[Content_Types].xml")!.async("string");
    expect(types).toContain(`<Override PartName="/xl/workbook.xml" ContentType="${MACRO_TYPE}"/>`);
    expect(await out.file("xl/_rels/workbook.xml.rels")!.async("string")).toContain('Target="vbaProject.bin"');
  });

  it("reads the valid workbook these inputs are made from", async () => {
    const dir = mkdtempSync(join(tmpdir(), "cli-unreadable-"));
    writeFileSync(join(dir, "ledger.xlsx"), await workbook());
    const r = await run(join(dir, "ledger.xlsx"), join(dir, "out.xlsx"));
    expect({ code: r.code, err: r.err }).toEqual({ code: 0, err: [] });
  });
});

describe("analyze (command line) when something unexpected stops it", () => {
  afterEach(() => jest.restoreAllMocks());

  it("says so in words with the detail for a report, exits 1, writes nothing and prints no stack", async () => {
    const dir = mkdtempSync(join(tmpdir(), "cli-unexpected-"));
    const input = join(dir, "ledger.xlsx");
    writeFileSync(input, await workbook());
    jest
      .spyOn(reviewWorkbookModule, "reviewWorkbook")
      .mockRejectedValue(new TypeError("Cannot read properties of undefined (reading 'n')"));
    const r = await run(input, join(dir, "out.xlsx"));
    expect(r).toEqual({
      code: 1,
      out: [],
      err: [t(lang, "cli.unexpected", { file: input, detail: "Cannot read properties of undefined (reading 'n')" })],
    });
    expect(readdirSync(dir)).toEqual(["ledger.xlsx"]);
  });
});
