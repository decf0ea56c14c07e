/**
 * Issue 13's memory case: a small .xlsx whose workbook.xml nests `--depth` elements (default
 * 3,000,000) inside an extension list, with a valid order sheet (test/support/hostileInputs.ts).
 * Writes it to bench/.cache and runs the compiled command line on it in a child process under
 * GNU time (Debian package `time`), printing the exit code, wall and CPU seconds and peak RSS.
 * `npm run bench:nested -- --depth 1000000`. It asserts nothing; figures go to docs/benchmarks.md.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { nestedWorkbookXml, workbook } from "../test/support/hostileInputs";

const ROOT = join(__dirname, "..");
const CACHE = join(ROOT, "bench", ".cache");

async function main(): Promise<void> {
  const at = process.argv.indexOf("--depth");
  const depth = at > 0 ? Number(process.argv[at + 1]) : 3_000_000;
  mkdirSync(CACHE, { recursive: true });
  const input = join(CACHE, `nested-${depth}.xlsx`);
  writeFileSync(input, await workbook({ "xl/workbook.xml": nestedWorkbookXml(depth) }));
  const out = join(CACHE, `nested-${depth}.review.xlsx`);
  spawnSync(process.execPath, [join(ROOT, "bin", "sales-review.js"), "--build"], { stdio: "inherit" });
  const cli = join(ROOT, ".cache", "cli", "src", "cli", "main.js");
  const run = spawnSync("/usr/bin/time", ["-f", "TIME %e %U %S %M", process.execPath, cli, input, "--out", out], {
    encoding: "utf8",
  });
  const [wall, user, sys, maxRssKb] = (/TIME (\S+) (\S+) (\S+) (\S+)/.exec(run.stderr) ?? []).slice(1).map(Number);
  console.log(
    `depth ${depth}: input ${statSync(input).size} bytes, exit ${run.status}, wall ${wall} s, CPU ${(user + sys).toFixed(2)} s, peak RSS ${(maxRssKb / 1024).toFixed(0)} MB`,
  );
  if (run.status !== 0) console.log(run.stderr.replace(/TIME .*/, "").trim());
}

void main();
