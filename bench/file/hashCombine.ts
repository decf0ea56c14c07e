/**
 * Fingerprints the command line's combined workbook (issue 17), so that a speed-up of the team
 * review can show it changed no written byte: both samples cut into three per-salesperson
 * workbooks, and the 1/8 benchmark workbook cut into eight (made by `npm run bench:file --
 * --sizes 8`), each combined by the command line built at `--cli` (default: the one
 * `npm run bench:file` prebuilds into bench/.cache/cli-js). Prints one hash per part of each
 * output: its unzipped bytes with the run's time stamp (`yyyy-mm-dd hh:mm`) masked.
 *
 * `npx tsx bench/file/hashCombine.ts [--cli bench/.cache/cli-js/src/cli/main.js] [--no-1of8]`
 * A tool, not a test: it prints hashes and asserts nothing.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join, resolve } from "node:path";
import { unzipSync } from "fflate";
import { readGrids } from "../../test/support/compareReviews";
import { cutGrids } from "../../test/support/cutWorkbook";
import { SAMPLE_EN, SAMPLE_ZH } from "../../test/fixtures/paths";
import { CACHE_DIR, writeGridsFile } from "./generateWorkbook";

const argv = process.argv.slice(2);
const option = (name: string) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
const cli = resolve(option("--cli") ?? join(CACHE_DIR, "cli-js", "src", "cli", "main.js"));
const STAMP = /\d{4}-\d{2}-\d{2} \d{2}:\d{2}/g;

/** A sample cut into three per-salesperson files (salespeople dealt round-robin), cached. */
async function cutSample(file: string): Promise<string[]> {
  const files = [1, 2, 3].map((i) => join(CACHE_DIR, `${basename(file, ".xlsx")}-cut3-${i}.xlsx`));
  if (files.every((f) => existsSync(f))) return files;
  mkdirSync(CACHE_DIR, { recursive: true });
  const reps: string[] = [];
  const cuts = cutGrids(await readGrids(file), 3, (_role, _row, text) => {
    const rep = text("salesperson");
    if (!reps.includes(rep)) reps.push(rep);
    return reps.indexOf(rep) % 3;
  });
  for (let i = 0; i < 3; i++) await writeGridsFile(cuts[i], files[i]);
  return files;
}

function hashParts(file: string): string[] {
  const entries = unzipSync(readFileSync(file));
  return Object.keys(entries)
    .sort()
    .map((name) => {
      const text = Buffer.from(entries[name]).toString("latin1").replace(STAMP, "yyyy-mm-dd hh:mm");
      return `${createHash("sha256").update(text, "latin1").digest("hex").slice(0, 16)} ${name}`;
    });
}

async function main(): Promise<void> {
  const sets: [string, string[]][] = [];
  for (const sample of [SAMPLE_ZH, SAMPLE_EN]) sets.push([basename(sample), await cutSample(sample)]);
  const eighth = [1, 2, 3, 4, 5, 6, 7, 8].map((i) => join(CACHE_DIR, `sales-1of8-v1-cut8-${i}.xlsx`));
  if (!argv.includes("--no-1of8") && eighth.every((f) => existsSync(f))) sets.push(["1/8 cut into 8", eighth]);
  const dir = mkdtempSync(join(tmpdir(), "hash-combine-"));
  try {
    for (const [name, inputs] of sets) {
      const out = join(dir, "team.xlsx");
      const r = spawnSync(process.execPath, [cli, ...inputs, "--out", out], { encoding: "utf8" });
      if (r.status !== 0) throw new Error(`${name}: exit ${r.status}\n${r.stderr}`);
      const parts = hashParts(out);
      const all = createHash("sha256").update(parts.join("\n")).digest("hex").slice(0, 16);
      console.log(`${name} (${inputs.length} files): all parts ${all}`);
      for (const p of parts) console.log(`  ${p}`);
      rmSync(out, { force: true });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
  process.exitCode = 1;
});
