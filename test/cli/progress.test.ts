import { execFile, execFileSync, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { openXlsx } from "../../src/adapters/xlsx/package/openXlsx";
import { readWorkbook } from "../../src/adapters/xlsx/stream/readWorkbookGrids";
import { main } from "../../src/cli/main";
import type { ProgressStream } from "../../src/cli/progressLine";
import { SAMPLE_ZH as SAMPLE } from "../fixtures/paths";

const ROOT = join(__dirname, "../..");
const ERASE = "\r\x1b[K";

/** main() with a fake terminal: one log of what goes to stdout (`out:`), stderr (`err:`) and the terminal (`tty:`). */
async function runWithTty(args: string[]): Promise<{ code: number; log: string[] }> {
  const log: string[] = [];
  const tty: ProgressStream = { isTTY: true, columns: 200, write: (text) => log.push(`tty:${text}`) };
  const code = await main(
    args,
    (l) => log.push(`out:${l}`),
    (l) => log.push(`err:${l}`),
    tty,
  );
  return { code, log };
}

describe("the command line's progress line", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "cli-progress-"));
  });

  it("runs as plain node through bin/sales-review.js, keeps stderr empty when it is not a terminal, and prints what main() prints", async () => {
    const out = join(dir, "out.xlsx");
    const child = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve, reject) => {
      execFile(
        process.execPath,
        ["bin/sales-review.js", SAMPLE, "--out", out],
        { cwd: ROOT },
        (error, stdout, stderr) => {
          if (error && typeof error.code !== "number") reject(error);
          else resolve({ code: typeof error?.code === "number" ? error.code : 0, stdout, stderr });
        },
      );
    });
    const lines: string[] = [];
    const code = await main(
      [SAMPLE, "--out", out],
      (l) => lines.push(l),
      (l) => lines.push(l),
    );
    expect(child).toEqual({ code: 0, stdout: `${lines.join("\n")}\n`, stderr: "" });
    expect(code).toBe(0);
  });

  it("draws the first sheet read at once and erases the line before the summary", async () => {
    const { code, log } = await runWithTty([SAMPLE, "--out", join(dir, "out.xlsx")]);
    expect(code).toBe(0);
    const firstOut = log.findIndex((l) => l.startsWith("out:"));
    const drawn = log.slice(0, firstOut);
    expect(drawn[0]).toBe(`tty:${ERASE}读取 客户表 … 0 行`);
    expect(drawn.every((l) => l.startsWith("tty:"))).toBe(true);
    expect(drawn[drawn.length - 1]).toBe(`tty:${ERASE}`);
    expect(log.slice(firstOut).filter((l) => !l.startsWith("out:"))).toEqual([]);
  });

  it("erases the line before a message that stops the run", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Orders").addRows([
      ["Order Date", "Amount"],
      [46296, 10],
    ]);
    const input = join(dir, "invalid-no-customer.xlsx");
    await wb.xlsx.writeFile(input);
    const { code, log } = await runWithTty([input, "--out", join(dir, "out.xlsx"), "--lang", "en-US"]);
    expect(code).toBe(2);
    expect(log).toEqual([
      `tty:${ERASE}Reading Orders … 0 rows`,
      `tty:${ERASE}Computing the review …`,
      `tty:${ERASE}`,
      'err:No Orders sheet found: it needs customer ID / customer name.\nSheet "Orders" row 1 has: Order Date, Amount',
    ]);
  });
});

// In this file, after the first test that runs bin/sales-review.js: one build, never two at once.
describe("bin/sales-review.js", () => {
  const { NODE_FLAGS } = createRequire(__filename)("../../bin/sales-review.js") as { NODE_FLAGS: string[] };
  let dir: string;
  let log: string;
  /** NODE_OPTIONS' preload: each Node process logs its pid and flags; with `hold`, the flagged one never ends by itself. */
  const envWith = (hold: boolean) => {
    const preload = join(dir, "preload.js");
    writeFileSync(
      preload,
      `require("fs").appendFileSync(${JSON.stringify(log)}, JSON.stringify([process.pid, process.execArgv]) + "\\n");
       if (${hold} && process.execArgv.length > 0) setInterval(() => undefined, 1000);`,
    );
    return { ...process.env, NODE_OPTIONS: `--require ${preload}` };
  };
  const logged = (): [number, string[]][] =>
    existsSync(log)
      ? readFileSync(log, "utf8")
          .trim()
          .split("\n")
          .map((l) => JSON.parse(l))
      : [];
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "cli-bin-"));
    log = join(dir, "processes.log");
  });

  /** Runs bin/sales-review.js with `args`, each Node process it starts logged. */
  const runBin = (args: string[]) =>
    new Promise<{ code: number; stderr: string }>((resolve) => {
      execFile(
        process.execPath,
        ["bin/sales-review.js", ...args],
        { cwd: ROOT, env: envWith(false) },
        (error, _stdout, stderr) => resolve({ code: typeof error?.code === "number" ? error.code : 0, stderr }),
      );
    });

  it("runs a team review in a Node started with its V8 flags, on the same streams, ending with its exit code", async () => {
    const inputs = [join(dir, "missing-1.xlsx"), join(dir, "missing-2.xlsx")];
    const child = await runBin([...inputs, "--out", join(dir, "team.xlsx"), "--lang", "en-US"]);
    expect(NODE_FLAGS).toEqual(["--max-semi-space-size=64"]);
    expect(child.code).toBe(2);
    expect(child.stderr).toContain("missing-1.xlsx");
    expect(logged().map(([, flags]) => flags)).toEqual([[], NODE_FLAGS]);
  });

  it("runs a single workbook's review in its own Node, with no second one", async () => {
    const child = await runBin([join(dir, "missing.xlsx"), "--out", join(dir, "out.xlsx"), "--lang", "en-US"]);
    expect(child.code).toBe(2);
    expect(child.stderr).toContain("missing.xlsx");
    expect(logged().map(([, flags]) => flags)).toEqual([[]]);
  });

  it("passes a termination on to the run and ends by the same signal", async () => {
    const team = ["missing-1.xlsx", "missing-2.xlsx", "--out", "team.xlsx"].map((f) =>
      f.startsWith("-") ? f : join(dir, f),
    );
    const parent = spawn(process.execPath, ["bin/sales-review.js", ...team], {
      cwd: ROOT,
      env: envWith(true),
      stdio: "ignore",
    });
    const ended = new Promise<NodeJS.Signals | null>((resolve) =>
      parent.on("exit", (_code, signal) => resolve(signal)),
    );
    while (logged().length < 2) await new Promise((r) => setTimeout(r, 20));
    const [[parentPid], [runPid]] = logged();
    expect(parentPid).toBe(parent.pid);
    parent.kill("SIGTERM");
    expect(await ended).toBe("SIGTERM");
    for (let i = 0; i < 100 && isAlive(runPid); i++) await new Promise((r) => setTimeout(r, 20));
    expect(isAlive(runPid)).toBe(false);
  });
});

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

// In this file, after the tests above that runs bin/sales-review.js: one build, never two at once.
describe("the compiled command line (.cache/cli)", () => {
  /** Reads `file` with the compiled modules, its largest sheet part on a worker; prints the grids and the workers started. */
  const script = `
    const threads = require("node:worker_threads");
    const Real = threads.Worker;
    let started = 0;
    threads.Worker = class extends Real { constructor(...a) { super(...a); started++; } };
    const { openXlsx } = require("./.cache/cli/src/adapters/xlsx/package/openXlsx.js");
    const { readWorkbook } = require("./.cache/cli/src/adapters/xlsx/stream/readWorkbookGrids.js");
    (async () => {
      const pkg = await openXlsx(process.argv[1], { offThreadFrom: 0 });
      try { const read = await readWorkbook(pkg); process.stdout.write(JSON.stringify({ ...read, started })); }
      finally { await pkg.close(); }
    })().catch((e) => { console.error(e); process.exit(1); });`;

  it("reads the largest sheet part on a worker from its compiled file, as the sources read it in one thread", async () => {
    execFileSync(process.execPath, ["bin/sales-review.js", "--help"], { cwd: ROOT, stdio: "ignore" });
    const compiled = JSON.parse(
      execFileSync(process.execPath, ["-e", script, SAMPLE], { cwd: ROOT, encoding: "utf8" }),
    );
    const pkg = await openXlsx(SAMPLE, { offThreadFrom: Infinity });
    try {
      expect(compiled).toEqual(JSON.parse(JSON.stringify({ ...(await readWorkbook(pkg)), started: 1 })));
    } finally {
      await pkg.close();
    }
  });
});
