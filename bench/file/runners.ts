/**
 * The two programs the file benchmark times, as commands: the command line (prebuilt to
 * plain JS with the repository's own `tsc`, or through `npx tsx`), and LibreOffice headless
 * converting the workbook to .xlsx (open and save, nothing else).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { createRequire } from "node:module";
import { basename, join, resolve } from "node:path";
import { CACHE_DIR } from "./generateWorkbook";
import { measure, nodeRusageEnv, type Measured } from "./measure";

const ROOT = resolve(__dirname, "..", "..");
const JS_DIR = join(CACHE_DIR, "cli-js");
const BIN = join(ROOT, "bin", "sales-review.js");
export const PRELOAD_JS = join(JS_DIR, "bench", "file", "rusagePreload.js");

export type Runner = "node" | "tsx";

export interface Command {
  cmd: string;
  args: string[];
}

/**
 * Compiles `src/cli/main.ts` and what it imports (plus the rusage preload) to CommonJS in
 * `bench/.cache/cli-js`: the modules `requireBuilt` loads, the preload, and what hashCombine
 * runs. tsc emits even when someone's work in progress has type errors; their count is
 * returned, not hidden.
 */
export function buildCli(): { seconds: number; typeErrors: number } {
  rmSync(JS_DIR, { recursive: true, force: true });
  const t0 = process.hrtime.bigint();
  const r = spawnSync(
    process.execPath,
    [join(ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", join(__dirname, "tsconfig.cli.json")],
    { encoding: "utf8" },
  );
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  if (!existsSync(join(JS_DIR, "src", "cli", "main.js")))
    throw new Error(`tsc did not emit the command line:\n${r.stdout}${r.stderr}`);
  return { seconds, typeErrors: (r.stdout.match(/error TS\d+/g) ?? []).length };
}

/** Makes bin/sales-review.js's own build (.cache/cli), what `cliCommand`'s node runs start, before they are timed. */
export function buildBin(): void {
  const bin = spawnSync(process.execPath, [BIN, "--build"], { encoding: "utf8" });
  if (bin.status !== 0) throw new Error(`bin/sales-review.js --build failed:\n${bin.stdout}${bin.stderr}`);
}

/** A module of the command line's build (`buildCli`), by its path under the repository without extension, e.g. "src/core/runReview". */
export function requireBuilt<T>(path: string): T {
  return createRequire(__filename)(join(JS_DIR, `${path}.js`)) as T;
}

/**
 * The command line with `argv`: as `npm run analyze` runs it (bin/sales-review.js, plain JS,
 * which starts the run in a Node with the command line's V8 flags), or through tsx.
 */
export function cliCommand(runner: Runner, argv: string[]): Command {
  if (runner === "node") return { cmd: process.execPath, args: [BIN, ...argv] };
  return { cmd: "npx", args: ["tsx", join(ROOT, "src", "cli", "main.ts"), ...argv] };
}

export function runCli(
  runner: Runner,
  input: string | readonly string[],
  output: string,
  timeoutMs: number,
  useGnuTime: boolean,
): Promise<Measured> {
  const { cmd, args } = cliCommand(runner, [...(typeof input === "string" ? [input] : input), "--out", output]);
  const rusage = join(mkdtempSync(join(tmpdir(), "bench-rusage-")), "rss.txt");
  const env = runner === "node" && !useGnuTime ? nodeRusageEnv(PRELOAD_JS, rusage) : process.env;
  return measure(cmd, args, { timeoutMs, env, useGnuTime }).finally(() =>
    rmSync(join(rusage, ".."), { recursive: true, force: true }),
  );
}

/** `soffice` on PATH and its version line, or null. */
export function findSoffice(): { path: string; version: string } | null {
  const which = spawnSync("sh", ["-c", "command -v soffice"], { encoding: "utf8" });
  const path = which.stdout.trim();
  if (which.status !== 0 || !path) return null;
  const v = spawnSync(path, ["--version"], { encoding: "utf8", timeout: 120_000 });
  return { path, version: (v.stdout ?? "").trim().split("\n")[0] ?? "" };
}

/**
 * A LibreOffice run with its own user profile (created and warmed by the first conversion,
 * which is not timed), converting into a fresh directory that is removed afterwards.
 */
export class SofficeRunner {
  readonly profile = mkdtempSync(join(tmpdir(), "bench-lo-profile-"));

  constructor(readonly path: string) {}

  async convert(
    input: string,
    timeoutMs: number,
    useGnuTime: boolean,
  ): Promise<Measured & { outBytes: number | null }> {
    const outdir = mkdtempSync(join(tmpdir(), "bench-lo-out-"));
    mkdirSync(outdir, { recursive: true });
    try {
      const m = await measure(
        this.path,
        [
          `-env:UserInstallation=file://${this.profile}`,
          "--headless",
          "--convert-to",
          "xlsx",
          "--outdir",
          outdir,
          input,
        ],
        { timeoutMs, useGnuTime },
      );
      const out = join(outdir, basename(input));
      const outBytes = existsSync(out) ? statSync(out).size : null;
      // soffice exits 0 even when it could not convert; no output file is a failure.
      const written = outBytes !== null && outBytes > 0 && readdirSync(outdir).length === 1;
      return { ...m, ok: m.ok && written, outBytes };
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
  }

  dispose(): void {
    rmSync(this.profile, { recursive: true, force: true });
  }
}
