import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import * as reviewWorkbookModule from "../../src/adapters/reviewWorkbook";
import { main } from "../../src/cli/main";
import { t, type MessageKey } from "../../src/i18n";
import { billionLaughs, damagedDeflate, MACRO_TYPE, macroWorkbook, NS, ole, REL, ROWS_OUT_OF_ORDER, SHEET, STRICT_RELS, utf16, VBA, workbook, wrongSize } from "../support/hostileInputs";

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
  const code = await main([input, "--out", out, "--lang", lang], (l) => o.push(l), (l) => e.push(l));
  return { code, out: o, err: e };
}

const cases: { name: string; key: MessageKey; file: () => Promise<Buffer | string> }[] = [
  { name: "an encrypted (password-protected) workbook", key: "cli.unreadable.encrypted", file: async () => ole(true) },
  { name: "an old .xls workbook", key: "cli.unreadable.oldXls", file: async () => ole(false) },
  { name: "a CSV file", key: "cli.unreadable.text", file: async () => "Order Date,Customer ID,Amount\n2025-12-01,C1,100\n" },
  { name: "a damaged deflate stream", key: "cli.unreadable.damaged", file: damagedDeflate },
  { name: "an entry inflating past the size its header declares", key: "cli.unreadable.damaged", file: wrongSize },
  { name: "a zip cut short", key: "cli.unreadable.damaged", file: async () => (await workbook()).subarray(0, 400) },
  { name: "a shared string or cell text too large", key: "cli.unreadable.tooLarge", file: () => workbook({ "xl/worksheets/sheet1.xml": SHEET.replace("<t>C1</t>", `<t>${"x".repeat(20 * 1024 * 1024)}</t>`) }) },
  { name: "an internal entity in a sheet", key: "cli.unreadable.entities", file: () => workbook({ "xl/worksheets/sheet1.xml": SHEET.replace("?>", '?><!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaa">]>').replace("<t>C1</t>", "<t>&a;</t>") }) },
  { name: "a billion laughs in a sheet", key: "cli.unreadable.entities", file: async () => workbook({ "xl/worksheets/sheet1.xml": billionLaughs() }) },
  { name: "an undefined entity reference in a sheet", key: "cli.unreadable.entities", file: () => workbook({ "xl/worksheets/sheet1.xml": SHEET.replace("<t>C1</t>", "<t>&nbsp;C1</t>") }) },
  { name: "an external entity in workbook.xml", key: "cli.unreadable.entities", file: () => workbook({ "xl/workbook.xml": `<?xml version="1.0"?><!DOCTYPE workbook [<!ENTITY x SYSTEM "file:///etc/passwd">]><workbook xmlns="${NS}" xmlns:r="${REL}"><sheets><sheet name="&x;" sheetId="1" r:id="rId1"/></sheets></workbook>` }) },
  { name: "a UTF-16 sheet part", key: "cli.unreadable.utf16", file: () => workbook({ "xl/worksheets/sheet1.xml": utf16(SHEET) }) },
  { name: "a UTF-16 workbook part", key: "cli.unreadable.utf16", file: async () => workbook({ "xl/workbook.xml": utf16(`<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${NS}" xmlns:r="${REL}"><sheets><sheet name="Orders" sheetId="1" r:id="rId1"/></sheets></workbook>`) }) },
  { name: "malformed sheet XML", key: "cli.unreadable.malformed", file: () => workbook({ "xl/worksheets/sheet1.xml": `${SHEET}trailing text` }) },
  { name: "malformed workbook.xml", key: "cli.unreadable.malformed", file: () => workbook({ "xl/workbook.xml": `<?xml version="1.0"?><workbook xmlns="${NS}"><sheets>` }) },
  { name: "a Strict Open XML workbook", key: "cli.unreadable.strict", file: () => workbook({ "_rels/.rels": STRICT_RELS }) },
  { name: "an order sheet with its rows out of order", key: "cli.unreadable.rowOrder", file: () => workbook({ "xl/worksheets/sheet1.xml": ROWS_OUT_OF_ORDER }) },
];

describe("analyze (command line) on files it cannot read", () => {
  it.each(cases)("says what is wrong with $name and what to do, exits 2 and writes nothing", async ({ key, file }) => {
    const dir = mkdtempSync(join(tmpdir(), "cli-unreadable-"));
    const input = join(dir, "ledger.xlsx");
    writeFileSync(input, await file());
    const r = await run(input, join(dir, "out.xlsx"));
    expect(r).toEqual({ code: 2, out: [], err: [say(key, input)] });
    expect(readdirSync(dir)).toEqual(["ledger.xlsx"]);
  });

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
  ] as const)("refuses to write %s, naming the ending to use, and writes nothing", async (_, name, outName, key, file) => {
    const dir = mkdtempSync(join(tmpdir(), "cli-unreadable-"));
    writeFileSync(join(dir, name), await file());
    const r = await run(join(dir, name), join(dir, outName));
    expect(r).toEqual({ code: 2, out: [], err: [say(key, join(dir, outName))] });
    expect(readdirSync(dir)).toEqual([name]);
  });

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
    jest.spyOn(reviewWorkbookModule, "reviewWorkbook").mockRejectedValue(new TypeError("Cannot read properties of undefined (reading 'n')"));
    const r = await run(input, join(dir, "out.xlsx"));
    expect(r).toEqual({ code: 1, out: [], err: [t(lang, "cli.unexpected", { file: input, detail: "Cannot read properties of undefined (reading 'n')" })] });
    expect(readdirSync(dir)).toEqual(["ledger.xlsx"]);
  });
});
