#!/usr/bin/env node
/**
 * The command line as plain JavaScript: `npm run analyze` and `npm run demo` start here, so no
 * TypeScript is transformed at run time. The build (tsconfig.cli.json → .cache/cli) is made by
 * `npm install` (the `prepare` script) and made again here, once, when a file under src/ or a
 * tsconfig is newer than it — a developer's edit is never run stale.
 */
"use strict";
const { spawnSync } = require("node:child_process");
const { existsSync, readdirSync, statSync, writeFileSync } = require("node:fs");
const { join } = require("node:path");

const ROOT = join(__dirname, "..");
const OUT = join(ROOT, ".cache", "cli");
const STAMP = join(OUT, "built");
const MAIN = join(OUT, "src", "cli", "main.js");

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

function isCurrent() {
  return existsSync(MAIN) && existsSync(STAMP) && statSync(STAMP).mtimeMs >= newestSource();
}

if (process.argv[2] === "--build") {
  build();
} else {
  if (!isCurrent()) build();
  require(MAIN).runFromCommandLine();
}
