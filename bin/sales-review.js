#!/usr/bin/env node
/**
 * The command line as plain JavaScript: `npm run analyze` and `npm run demo` start here, so no
 * TypeScript is transformed at run time. The build (tsconfig.cli.json → .cache/cli) is made by
 * `npm install` (the `prepare` script) and made again here, once, when a file under src/ or a
 * tsconfig is newer than it — a developer's edit is never run stale. A team review runs in a
 * second Node started with NODE_FLAGS (about 0.07 s more start-up); a single workbook's run here.
 */
"use strict";
const { spawn, spawnSync } = require("node:child_process");
const { existsSync, readdirSync, statSync, writeFileSync } = require("node:fs");
const { join } = require("node:path");

const ROOT = join(__dirname, "..");
const OUT = join(ROOT, ".cache", "cli");
const STAMP = join(OUT, "built");
const MAIN = join(OUT, "src", "cli", "main.js");
const OPTIONS = join(OUT, "src", "cli", "options.js");

/** The newest modification time (ms) of the sources the build reads. */
function newestSource() {
  let newest = Math.max(
    statSync(join(ROOT, "tsconfig.json")).mtimeMs,
    statSync(join(ROOT, "tsconfig.cli.json")).mtimeMs,
  );
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.tsx?$/.test(entry.name)) newest = Math.max(newest, statSync(path).mtimeMs);
    }
  };
  walk(join(ROOT, "src"));
  return newest;
}

/** Compiles the command line with the repository's TypeScript; exits with tsc's output if it cannot. */
function build() {
  const tsc = join(ROOT, "node_modules", "typescript", "bin", "tsc");
  const r = spawnSync(process.execPath, [tsc, "-p", join(ROOT, "tsconfig.cli.json")], { encoding: "utf8" });
  if (r.status !== 0 || !existsSync(MAIN)) {
    process.stderr.write(`Could not compile the command line (tsc -p tsconfig.cli.json):\n${r.stdout}${r.stderr}`);
    process.exit(1);
  }
  writeFileSync(STAMP, new Date().toISOString() + "\n");
}

/**
 * V8 flags a team review runs with. Semispaces of 64 MB (Node's default is 16) let the rows
 * each input's read makes die young instead of being copied into the old generation: a team
 * review of the 8 benchmark cuts took a median 24.3 s and 33.4 CPU s instead of 27.2 and 38.4
 * (docs/benchmarks.md). A single workbook's run gains nothing from them (measured at issue and
 * full size) but ~100 MB of peak memory, so it runs without them, and without a second Node.
 */
const NODE_FLAGS = ["--max-semi-space-size=64"];

/**
 * Runs this file again in a Node with NODE_FLAGS (V8 takes heap sizes only at start-up), on the
 * same streams; passes on Ctrl-C and termination, and ends as the run ends (exit code or signal).
 */
function runWithFlags() {
  const args = [...NODE_FLAGS, ...process.execArgv, __filename, ...process.argv.slice(2)];
  const child = spawn(process.execPath, args, { stdio: "inherit" });
  const signals = ["SIGINT", "SIGTERM", "SIGHUP"];
  for (const signal of signals) process.on(signal, () => child.kill(signal));
  child.on("error", (e) => {
    process.stderr.write(`Could not start Node (${process.execPath}): ${e.message}\n`);
    process.exit(1);
  });
  child.on("exit", (code, signal) => {
    if (signal === null) process.exit(code ?? 1);
    for (const s of signals) process.removeAllListeners(s);
    process.kill(process.pid, signal);
  });
}

function isCurrent() {
  return existsSync(MAIN) && existsSync(STAMP) && statSync(STAMP).mtimeMs >= newestSource();
}

if (require.main !== module) {
  module.exports = { NODE_FLAGS };
} else if (process.argv[2] === "--build") {
  build();
} else {
  if (!isCurrent()) build();
  const flagged = NODE_FLAGS.every((flag) => process.execArgv.includes(flag));
  if (!flagged && require(OPTIONS).isTeamReview(process.argv.slice(2))) runWithFlags();
  else require(MAIN).runFromCommandLine();
}
