/**
 * Issue 13's hostile inputs, measured: each file (test/support/hostileInputs.ts) is made in its
 * own temporary folder, the compiled command line runs on it as a child process under GNU time
 * (Debian package `time`), and a table prints the case, exit code, first line of the message,
 * peak RSS, wall seconds and whether anything was written beside the input. `npm run bench:hostile`
 * (`--gb 0.1` for a smaller inflating string). It asserts nothing; the table goes to docs/benchmarks.md.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as hostile from "../test/support/hostileInputs";

const ROOT = join(__dirname, "..");
const CLI = join(ROOT, ".cache", "cli", "src", "cli", "main.js");

/** A case makes its files in `dir` and returns the command line's arguments (before `--lang`). */
interface Case {
  name: string;
  make: (dir: string) => Promise<string[]>;
}

/** Writes `bytes` as `dir/name` and runs the command line on it into `dir/out.xlsx`. */
const file =
  (name: string, bytes: () => Promise<Buffer | string>, out = "out.xlsx") =>
  async (dir: string) => {
    writeFileSync(join(dir, name), await bytes());
    return [join(dir, name), "--out", join(dir, out)];
  };
const sheet = (xml: string | Buffer) => () => hostile.workbook({ "xl/worksheets/sheet1.xml": xml });

function cases(gb: number): Case[] {
  const { SHEET, NS, REL } = hostile;
  return [
    { name: "billion laughs (entities)", make: file("ledger.xlsx", sheet(hostile.billionLaughs())) },
    {
      name: "external entity in workbook.xml",
      make: file("ledger.xlsx", () =>
        hostile.workbook({
          "xl/workbook.xml": `<?xml version="1.0"?><!DOCTYPE workbook [<!ENTITY x SYSTEM "file:///etc/passwd">]><workbook xmlns="${NS}" xmlns:r="${REL}"><sheets><sheet name="&x;" sheetId="1" r:id="rId1"/></sheets></workbook>`,
        }),
      ),
    },
    { name: "corrupt deflate stream", make: file("ledger.xlsx", hostile.damagedDeflate) },
    { name: "entry past its declared size", make: file("ledger.xlsx", hostile.wrongSize) },
    { name: "zip cut short", make: file("ledger.xlsx", async () => (await hostile.workbook()).subarray(0, 400)) },
    { name: "UTF-16 sheet part", make: file("ledger.xlsx", sheet(hostile.utf16(SHEET))) },
    { name: "malformed sheet XML", make: file("ledger.xlsx", sheet(`${SHEET}trailing text`)) },
    {
      name: `${gb} GB inflating shared string`,
      make: async (dir) => (
        await hostile.inflatingSharedString(join(dir, "ledger.xlsx"), Math.round(gb * 2 ** 30)),
        [join(dir, "ledger.xlsx"), "--out", join(dir, "out.xlsx")]
      ),
    },
    { name: "encrypted workbook", make: file("ledger.xlsx", async () => hostile.ole(true)) },
    { name: ".xls (OLE) workbook", make: file("ledger.xls", async () => hostile.ole(false)) },
    { name: "CSV file", make: file("ledger.csv", async () => "Order Date,Customer ID,Amount\n2025-12-01,C1,100\n") },
    {
      name: "nested workbook.xml (3,000,000)",
      make: file("ledger.xlsx", () => hostile.workbook({ "xl/workbook.xml": hostile.nestedWorkbookXml(3_000_000) })),
    },
    {
      name: "Strict Open XML",
      make: file("ledger.xlsx", () => hostile.workbook({ "_rels/.rels": hostile.STRICT_RELS })),
    },
    { name: ".xlsm with --out .xlsx", make: file("ledger.xlsm", hostile.macroWorkbook) },
    { name: "rows out of order", make: file("ledger.xlsx", sheet(hostile.ROWS_OUT_OF_ORDER)) },
    {
      name: "folder as input",
      make: async (dir) => (
        mkdirSync(join(dir, "ledger.xlsx")),
        [join(dir, "ledger.xlsx"), "--out", join(dir, "out.xlsx")]
      ),
    },
    {
      name: "--out a folder",
      make: async (dir) => [
        ...(await file("ledger.xlsx", () => hostile.workbook())(dir)).slice(0, 2),
        (mkdirSync(join(dir, "out")), join(dir, "out")),
      ],
    },
    {
      name: "--out into a missing folder",
      make: async (dir) => [
        ...(await file("ledger.xlsx", () => hostile.workbook())(dir)).slice(0, 2),
        join(dir, "missing", "out.xlsx"),
      ],
    },
  ];
}

/** Every path under `dir`, relative, sorted. */
function listing(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" }).sort();
}

async function measure(c: Case): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), "bench-hostile-"));
  try {
    const args = await c.make(dir);
    const before = listing(dir);
    const run = spawnSync("/usr/bin/time", ["-f", "PEAK %M %e", process.execPath, CLI, ...args, "--lang", "en-US"], {
      encoding: "utf8",
    });
    const [peakKb, wall] = (/PEAK (\d+) (\S+)/.exec(run.stderr) ?? []).slice(1).map(Number);
    const message =
      run.stderr
        .replace(/PEAK .*\s*$/, "")
        .trim()
        .split("\n")[0] || run.stdout.split("\n")[0];
    const added = listing(dir).filter((p) => !before.includes(p));
    const shown = message.replaceAll(dir, "…").replaceAll("|", "\\|");
    return `| ${c.name} | ${run.status} | ${shown.length > 110 ? `${shown.slice(0, 110)}…` : shown} | ${(peakKb / 1024).toFixed(0)} | ${wall.toFixed(2)} | ${added.length ? added.join(", ") : "no"} |`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const at = process.argv.indexOf("--gb");
  const gb = at > 0 ? Number(process.argv[at + 1]) : 1;
  spawnSync(process.execPath, [join(ROOT, "bin", "sales-review.js"), "--build"], { stdio: "inherit" });
  console.log("| case | exit | first line of the message | peak MB | wall s | written |");
  console.log("|---|---:|---|---:|---:|---|");
  for (const c of cases(gb)) console.log(await measure(c));
}

void main();
