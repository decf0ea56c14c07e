/**
 * File benchmark (`npm run bench:file`): the command line analysing the generated workbook
 * end to end, as a whole process, against LibreOffice headless merely opening and saving the
 * same file (`soffice --headless --convert-to xlsx`), at 1/64, 1/8 and full size (1,048,575
 * order rows). Prints median/min/max seconds, peak RSS, the ratio CLI ÷ LibreOffice, µs per
 * order row and the growth of µs per row from 1/8 to full size.
 *
 * Options: `--runs N` (default 3), `--sizes 64,8,issue,1` (divisors of full size, and
 * issue 12's workbook: 166,000 orders, 6,000 customers, 105,000 visits), `--runner node|tsx`
 * (default node: `node bin/sales-review.js`, as `npm run analyze` runs it, its build made
 * first; tsx transforms TypeScript at every start),
 * `--no-soffice`, `--no-gnu-time` (use the Node fallback for peak memory), `--timeout-min M`
 * per run (default 30), `--combine N` (default 8; 0: none): the team review (issue 17), the
 * same workbook cut into N per-salesperson files and combined, alternated with the single run.
 * A benchmark, not a test: a failing or killed run is reported with its exit code; the bench
 * itself exits non-zero only when it cannot run.
 */
import { mkdtempSync, existsSync, rmSync, statSync } from "node:fs";
import { cpus, loadavg, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { ensureWorkbook, parseSizes, type CachedWorkbook } from "./generateWorkbook";
import { median } from "../../src/core/_lib/median";
import { GNU_TIME, killRunning, measure, type Measured } from "./measure";
import { buildBin, buildCli, cliCommand, findSoffice, runCli, SofficeRunner, type Runner } from "./runners";
import { printTable, type SizeResult } from "./report";
import { ensureCutWorkbooks } from "./cutWorkbooks";

const argv = process.argv.slice(2);
const option = (name: string) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
const runs = Math.max(1, Number(option("--runs") ?? 3) || 3);
const runner: Runner = option("--runner") === "tsx" ? "tsx" : "node";
const timeoutMs = (Number(option("--timeout-min") ?? 30) || 30) * 60_000;
const useGnuTime = !argv.includes("--no-gnu-time") && existsSync(GNU_TIME);
const combineParts = Math.max(0, Number(option("--combine") ?? 8) || 0);
/** Combine runs per size label, for the closing comparison. */
const combined = new Map<string, Measured[]>();
const MB = 1024 * 1024;

/** Ctrl-C or SIGTERM: stop the running command, drop its run, print what was measured. */
let interrupted = false;
for (const sig of ["SIGINT", "SIGTERM"] as const) {
  process.on(sig, () => {
    interrupted = true;
    killRunning();
  });
}

const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(" ");

function describe(m: Measured): string {
  const cpu = m.cpuSeconds === null ? "cpu n/a" : `cpu ${m.cpuSeconds.toFixed(2)} s`;
  const peak = `${cpu}, ${m.peakMB === null ? "peak n/a" : `peak ${m.peakMB.toFixed(0)} MB`}`;
  if (m.ok) return `${m.seconds.toFixed(2)} s, ${peak}`;
  const why = m.timedOut ? "timed out" : m.signal ? `killed (${m.signal})` : `exit code ${m.code}`;
  return `FAILED (${why}) after ${m.seconds.toFixed(2)} s, ${peak}`;
}

function printFailure(m: Measured): void {
  if (m.ok) return;
  const tail = m.stderrTail.trim().split("\n").slice(-6);
  for (const line of tail) console.log(`      | ${line}`);
}

/** Seconds of three `--help` starts, for each way of starting the command line. */
async function startupCost(): Promise<Record<Runner, number>> {
  const out = { node: 0, tsx: 0 };
  for (const r of ["node", "tsx"] as Runner[]) {
    const { cmd, args } = cliCommand(r, ["--help"]);
    const times: number[] = [];
    for (let i = 0; i < 3; i++) times.push((await measure(cmd, args, { timeoutMs: 120_000, useGnuTime })).seconds);
    out[r] = median(times);
  }
  return out;
}

async function benchSize(wb: CachedWorkbook, soffice: SofficeRunner | null, result: SizeResult): Promise<void> {
  console.log(
    `\nsize ${wb.size.label}: ${wb.rows.orders} order rows, ${wb.rows.customers} customers, ${wb.rows.visits} visits, ${wb.rows.costs} cost rows, ${result.fileMB.toFixed(1)} MB (load average ${load()})`,
  );
  const dir = mkdtempSync(join(tmpdir(), "bench-cli-out-"));
  try {
    // CLI and LibreOffice alternate, so a burst of load from elsewhere hits both alike.
    for (let i = 1; i <= runs && !interrupted; i++) {
      const out = join(dir, `out-${i}.xlsx`);
      const m = await runCli(runner, wb.file, out, timeoutMs, useGnuTime);
      if (interrupted) break;
      const outMB = existsSync(out) ? statSync(out).size / MB : null;
      if (m.ok && outMB === null) m.ok = false; // exit 0 without the output file is no success
      result.cli.push(m);
      console.log(
        `  run ${i} CLI      ${describe(m)}${outMB === null ? ", no output file" : `, output ${outMB.toFixed(1)} MB`}`,
      );
      if (i === 1 && m.ok) for (const line of m.stdout.trim().split("\n").slice(4, 7)) console.log(`      > ${line}`);
      printFailure(m);
      rmSync(out, { force: true });
      if (combineParts > 0) {
        const parts = await ensureCutWorkbooks(wb.size, combineParts, (l) => console.log(l));
        const c = await runCli(runner, parts, out, timeoutMs, useGnuTime);
        if (interrupted) break;
        if (c.ok && !existsSync(out)) c.ok = false;
        combined.set(wb.size.label, [...(combined.get(wb.size.label) ?? []), c]);
        console.log(`  run ${i} combine  ${describe(c)} (${combineParts} files, load average ${load()})`);
        printFailure(c);
        rmSync(out, { force: true });
      }
      if (soffice) {
        const s = await soffice.convert(wb.file, timeoutMs, useGnuTime);
        if (interrupted) break;
        result.soffice.push(s);
        console.log(
          `  run ${i} soffice  ${describe(s)}${s.outBytes === null ? ", no output file" : `, output ${(s.outBytes / MB).toFixed(1)} MB`}`,
        );
        printFailure(s);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const sizes = parseSizes(argv);
  console.log(
    `machine: ${cpus().length} × ${cpus()[0]?.model ?? "?"}, ${(totalmem() / 1024 ** 3).toFixed(1)} GB RAM, Node ${process.version}, load average ${load()}`,
  );
  console.log(
    `peak memory from ${useGnuTime ? `${GNU_TIME} (%M, largest RSS of the process tree)` : "process.resourceUsage() of each Node process (no figure for soffice)"}`,
  );
  const workbooks: CachedWorkbook[] = [];
  for (const size of sizes) workbooks.push(await ensureWorkbook(size, (l) => console.log(l)));

  if (runner === "node") {
    const build = buildCli();
    buildBin();
    console.log(
      `command line compiled with tsc to bench/.cache/cli-js in ${build.seconds.toFixed(1)} s${build.typeErrors ? ` (${build.typeErrors} type errors in the tree, emitted anyway)` : ""}; bin/sales-review.js --build made`,
    );
  }
  const start = await startupCost();
  console.log(
    `start-up (\`--help\`, median of 3): node bin/sales-review.js ${start.node.toFixed(2)} s, npx tsx ${start.tsx.toFixed(2)} s; timing the ${runner === "node" ? "bin/sales-review.js" : "tsx"} runner`,
  );

  const found = argv.includes("--no-soffice") ? null : findSoffice();
  let soffice: SofficeRunner | null = null;
  if (found) {
    soffice = new SofficeRunner(found.path);
    const smallest = workbooks.reduce((a, b) => (a.rows.orders <= b.rows.orders ? a : b));
    const warm = await soffice.convert(smallest.file, timeoutMs, useGnuTime);
    console.log(
      `LibreOffice: ${found.version}; profile created and warmed on ${smallest.size.label} (${describe(warm)}, not counted)`,
    );
  } else {
    console.log(
      argv.includes("--no-soffice")
        ? "LibreOffice: skipped (--no-soffice)"
        : "LibreOffice: soffice not on PATH, only the command line is timed",
    );
  }

  const results: SizeResult[] = [];
  try {
    for (const wb of workbooks) {
      if (interrupted) break;
      const result: SizeResult = {
        label: wb.size.label,
        orderRows: wb.rows.orders,
        fileMB: wb.bytes / MB,
        cli: [],
        soffice: [],
      };
      results.push(result);
      await benchSize(wb, soffice, result);
    }
  } finally {
    soffice?.dispose();
  }
  if (interrupted) console.log("\ninterrupted: the run in progress is dropped; the table shows the runs that finished");
  printTable(results, runs, runner);
  printCombine(results);
}

/** The team review against the single-workbook run of each size: median seconds (wall and CPU), their ratio, peak memory. */
function printCombine(results: SizeResult[]): void {
  if (combineParts === 0) return;
  console.log(
    `\nteam review: the workbook cut into ${combineParts} files and combined, against the single file (medians of finished runs)`,
  );
  console.log("| size | single s / CPU s / peak MB | combine s / CPU s / peak MB | ratio wall / CPU |");
  console.log("|---|---:|---:|---:|");
  const stats = (ms: Measured[]) => {
    const ok = ms.filter((m) => m.ok);
    const peak = Math.max(...ms.map((m) => m.peakMB ?? 0));
    return { wall: median(ok.map((m) => m.seconds)), cpu: median(ok.map((m) => m.cpuSeconds ?? NaN)), peak };
  };
  for (const r of results) {
    const single = stats(r.cli);
    const combine = stats(combined.get(r.label) ?? []);
    const f = (s: typeof single) => `${s.wall.toFixed(2)} / ${s.cpu.toFixed(2)} / ${s.peak.toFixed(0)}`;
    console.log(
      `| ${r.label} | ${f(single)} | ${f(combine)} | ${(combine.wall / single.wall).toFixed(2)} / ${(combine.cpu / single.cpu).toFixed(2)} |`,
    );
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
  process.exitCode = 1;
});
