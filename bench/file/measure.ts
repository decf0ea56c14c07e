/**
 * Runs a command as a child process and measures it as a whole: wall time (hrtime around
 * the spawn), CPU time (user + system) and peak resident memory. CPU and memory come from
 * GNU time (`/usr/bin/time`, Debian package `time`), whose `%M` is the largest maximum RSS
 * of the command and the processes it waited for (so `npx tsx` → node, `soffice` →
 * `soffice.bin` are covered) and `%U %S` their summed CPU seconds. Without it, a Node
 * command can report its own `process.resourceUsage()` through `rusagePreload` (see
 * `nodeRusageEnv`); any other command then has neither figure.
 *
 * CPU time matters on a shared machine: wall time grows with everyone else's load, CPU
 * time much less.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const GNU_TIME = "/usr/bin/time";

export interface Measured {
  /** Exit code 0, not killed, not timed out. */
  ok: boolean;
  code: number | null;
  signal: string | null;
  timedOut: boolean;
  seconds: number;
  /** Peak RSS in MiB, null when it could not be measured. */
  peakMB: number | null;
  /** User + system CPU seconds of the command and its children, null when not measured. */
  cpuSeconds: number | null;
  stdout: string;
  /** The last 2,000 characters of stderr (a failure's message and stack). */
  stderrTail: string;
}

export interface MeasureOptions {
  timeoutMs: number;
  env?: NodeJS.ProcessEnv;
  /** Use GNU time when present (default true); false exercises the fallback. */
  useGnuTime?: boolean;
}

/** `NODE_OPTIONS` that make every Node process of the command append "peak RSS KiB, CPU µs" to `file`. */
export function nodeRusageEnv(preloadJs: string, file: string): NodeJS.ProcessEnv {
  const prior = process.env.NODE_OPTIONS ? `${process.env.NODE_OPTIONS} ` : "";
  return { ...process.env, NODE_OPTIONS: `${prior}--require ${preloadJs}`, BENCH_RUSAGE_FILE: file };
}

interface Usage {
  peakKB: number | null;
  cpuSeconds: number | null;
}

/** GNU time's `-o` file: an optional "Command exited with non-zero status N" or "… signal N" line, then "%M %U %S". */
function parseGnuTime(text: string): Usage & { signal: number | null } {
  const lines = text.trim().split("\n");
  const sig = /terminated by signal (\d+)/.exec(text);
  const last = (lines[lines.length - 1] ?? "").trim().split(/\s+/).map(Number);
  const valid = last.length === 3 && last.every(Number.isFinite);
  return {
    peakKB: valid ? last[0] : null,
    cpuSeconds: valid ? last[1] + last[2] : null,
    signal: sig ? Number(sig[1]) : null,
  };
}

/** The preload's lines, one per Node process that exited normally: the largest peak and the summed CPU. */
function readRusageFile(file: string | undefined): Usage {
  if (!file || !existsSync(file)) return { peakKB: null, cpuSeconds: null };
  const rows = readFileSync(file, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((l) => l.split(" ").map(Number));
  if (rows.length === 0) return { peakKB: null, cpuSeconds: null };
  return { peakKB: Math.max(...rows.map((r) => r[0])), cpuSeconds: rows.reduce((s, r) => s + r[1], 0) / 1e6 };
}

/** Process groups of the commands running now, so that an interrupted bench can stop them. */
const running = new Set<number>();

/** Kills every command `measure` is running (their whole process groups). */
export function killRunning(): void {
  for (const pgid of running) process.kill(-pgid, "SIGKILL");
}

export function measure(cmd: string, args: string[], options: MeasureOptions): Promise<Measured> {
  const dir = mkdtempSync(join(tmpdir(), "bench-measure-"));
  const timeFile = join(dir, "time.txt");
  const gnu = options.useGnuTime !== false && existsSync(GNU_TIME);
  const [file, argv] = gnu ? [GNU_TIME, ["-f", "%M %U %S", "-o", timeFile, cmd, ...args]] : [cmd, args];
  const rusageFile = options.env?.BENCH_RUSAGE_FILE;
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    // Own process group, so a timeout can kill the command and everything it started.
    const child = spawn(file, argv, {
      env: options.env ?? process.env,
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    if (child.pid) running.add(child.pid);
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr = (stderr + d.toString()).slice(-2000)));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      if (child.pid) process.kill(-child.pid, "SIGKILL");
    }, options.timeoutMs);
    child.on("error", (e) => {
      clearTimeout(timer);
      rmSync(dir, { recursive: true, force: true });
      reject(e);
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      if (child.pid) running.delete(child.pid);
      const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
      let usage: Usage = { peakKB: null, cpuSeconds: null };
      let sig: string | null = signal;
      if (gnu && existsSync(timeFile)) {
        const parsed = parseGnuTime(readFileSync(timeFile, "utf8"));
        usage = parsed;
        if (parsed.signal !== null) sig = `signal ${parsed.signal}`;
      }
      if (usage.peakKB === null) usage = readRusageFile(rusageFile);
      const { peakKB, cpuSeconds } = usage;
      rmSync(dir, { recursive: true, force: true });
      const ok = code === 0 && sig === null && !timedOut;
      resolve({
        ok,
        code,
        signal: sig,
        timedOut,
        seconds,
        cpuSeconds,
        peakMB: peakKB === null ? null : peakKB / 1024,
        stdout,
        stderrTail: stderr,
      });
    });
  });
}
